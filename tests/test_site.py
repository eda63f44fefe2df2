"""The built guide's HTML: pages, images and links exist; user text is escaped."""
import html as html_lib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse


class Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("src", "href"):
            if a.get(key) and tag in ("img", "a", "link", "script"):
                self.refs.append(a[key])


def local_refs(page: Path):
    parser = Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    for ref in parser.refs:
        url = urlparse(ref)
        if url.scheme or ref.startswith(("#", "mailto:", "data:")):
            continue
        yield ref, (page.parent / unquote(url.path)).resolve()


def test_pages_exist_for_overview_every_portrait_and_platforms(example_build):
    kit, report = example_build
    site = kit / "site"
    assert (site / "index.html").is_file()
    assert (site / "platforms.html").is_file()
    for p in report.portraits:
        assert (site / "portraits" / f"{p.id}.html").is_file()


def test_every_local_link_and_image_resolves(example_build):
    kit, _ = example_build
    site = kit / "site"
    checked = 0
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # served by web hosts from any depth: root-absolute links
            continue
        for ref, target in local_refs(page):
            if ref.endswith("/") or not Path(urlparse(ref).path).suffix:
                continue
            assert target.exists(), f"{page.relative_to(site)} -> {ref}"
            checked += 1
    assert checked > 100


def test_portrait_page_shows_image_palette_overlay_and_every_crop(example_build):
    kit, report = example_build
    p = next(p for p in report.portraits if p.id == "eileen-collins-nasa")
    html = (kit / "site" / "portraits" / f"{p.id}.html").read_text(encoding="utf-8")
    assert "../images/eileen-collins-nasa.jpg" in html
    assert "../images/eileen-collins-nasa-faces.jpg" in html
    for s in p.palette:
        assert s.hex in html
    for c in p.crops:
        assert f'href="../{c.path}"' in html
        assert f"{c.width} × {c.height} px" in html
    assert "upscaled ×" in html  # a 512 px source cannot fill the press headshot


def test_overview_shows_person_goals_and_kit_palette(example_build):
    kit, _ = example_build
    html = (kit / "site" / "index.html").read_text(encoding="utf-8")
    assert "Pioneers: an example kit" in html
    for goal in ("trust", "authority", "approachability"):
        assert f"<span>{goal}</span>" in html
    assert len(re.findall(r'data-copy="#[0-9a-f]{6}"', html)) >= 3
    assert 'href="kit.json"' in html


def test_platforms_page_groups_crops_in_tabs(example_build):
    kit, _ = example_build
    html = (kit / "site" / "platforms.html").read_text(encoding="utf-8")
    assert "LinkedIn banner (1584×396)" in html
    assert html.count('class="tabbed-set') >= 10


def test_brand_colours_reach_the_theme(example_build):
    kit, _ = example_build
    css = (kit / "site" / "assets" / "brand.css").read_text(encoding="utf-8")
    assert re.search(r"--md-primary-fg-color: #[0-9a-f]{6};", css)
    assert "assets/brand.css" in (kit / "site" / "index.html").read_text(encoding="utf-8")


def test_user_text_is_escaped_not_executed(kit_factory, tmp_path):
    from kitgen.build import build
    from tests.conftest import ASTRONAUT

    brand = ('person: {name: "<script>alert(1)</script> **Bold**", bio: "[x](javascript:y)"}\n'
             "audience: 'Ann \"Q\" O''Neil''s #1 & only fans'\n"
             "goals: [trust]\nplatforms: [tiktok]\n")
    kit = kit_factory(brand, [ASTRONAUT])
    build(kit, workers=1)
    html = (kit / "site" / "index.html").read_text(encoding="utf-8")
    # Quotes, "#" and "&" read as typed: an entity escaped twice would show as "&#39;".
    assert "Ann \"Q\" O'Neil's #1 & only fans" in html_lib.unescape(html)
    assert "&amp;#" not in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>Bold</strong>" not in html
    assert 'href="javascript:y"' not in html


def test_a_guide_with_no_portraits_says_so_instead_of_empty_tables(kit_factory):
    from kitgen.build import build
    from tests.conftest import ASTRONAUT

    brand = ("person: {name: A}\ngoals: [trust]\nplatforms: [tiktok]\n"
             f"portraits:\n  - {{file: {ASTRONAUT.name}, approved: false}}\n")
    kit = kit_factory(brand, [ASTRONAUT])
    report = build(kit, workers=1)
    assert report.portraits == [] and len(report.skipped) == 1
    index = (kit / "site" / "index.html").read_text(encoding="utf-8")
    assert "No portraits in this guide yet" in index
    assert 'href="#not-in-this-kit"' in index and 'id="not-in-this-kit"' in index
    assert "No colours yet." in index and "No portrait to recommend yet." in index
    assert "<table>" in index  # the one table left: what was left out and why
    assert index.count("<table>") == 1 and "not approved" in index
    platforms = (kit / "site" / "platforms.html").read_text(encoding="utf-8")
    assert "No crops yet" in platforms
    colours = (kit / "site" / "colours.html").read_text(encoding="utf-8")
    assert "No palette yet" in colours and "named after the colours above" not in colours
    assert "they hold no colours until the kit has approved portraits" in colours


def test_search_finds_words_of_the_html_blocks_apart(example_build):
    """QA pass 4: the search index glued words across tags ('CopyRGB', 'failAa', '8%34%'), so
    neither 'RGB' nor 'fail' found the swatches and contrast cells they sit in."""
    import json
    import re

    kit, _ = example_build
    docs = json.loads((kit / "site" / "search" / "search_index.json").read_text())["docs"]
    text = " ".join(d["text"] for d in docs)
    assert "RGB" in text.split() and "fail" in text.split()
    glued = sorted({w for w in re.findall(r"\S+", text)
                    if re.search(r"CopyRGB|failAa|largeAa|\d%\d", w)})
    assert glued == []


def test_each_portrait_card_is_one_link_for_screen_readers(example_build):
    """QA pass 4: a card's picture and its title were two links with the same name, so a
    screen reader said each portrait twice. The picture's link is hidden from assistive
    technology and the keyboard; a click on it still opens the page."""
    import re

    kit, report = example_build
    index = (kit / "site" / "index.html").read_text(encoding="utf-8")
    for p in report.portraits:
        href = f'href="portraits/{p.id}.html"'
        links = re.findall(rf'<a [^>]*{re.escape(href)}[^>]*>', index)
        hidden = [a for a in links if 'aria-hidden="true"' in a and 'tabindex="-1"' in a]
        assert len(hidden) == 1, links  # the picture
        assert len(links) - len(hidden) >= 1  # the title, reachable


def test_the_404_page_gives_the_way_back(example_build):
    """QA pass 4: Material's 404 said only '404 - Not found'."""
    kit, _ = example_build
    page = (kit / "site" / "404.html").read_text(encoding="utf-8")
    assert "<h1>404 - Not found</h1>" in page
    assert '<p><a href="/">Go to the guide\'s overview</a>, or search the guide above.</p>' \
        in page


def test_an_untitled_portrait_is_called_by_its_file_name(kit_factory):
    """QA pass 4: without a title the guide used the id: 'portrait-e' for 'Portrait é.JPG',
    and 'portrait' for a name in another script."""
    import json
    import shutil

    from kitgen.build import build
    from tests.conftest import ASTRONAUT, HOPPER

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [linkedin]\n", [])
    shutil.copyfile(ASTRONAUT, kit / "content" / "portraits" / "Portrait é.PNG")
    shutil.copyfile(HOPPER, kit / "content" / "portraits" / "山田.jpg")
    report = build(kit, workers=1)
    assert sorted(p.id for p in report.portraits) == ["portrait", "portrait-e"]
    index = (kit / "site" / "index.html").read_text(encoding="utf-8")
    for title in ("Portrait é", "山田"):
        assert f">{title}</a>" in index, title
    assert "<h1 id=\"portrait-e\">Portrait é<a class=\"headerlink\"" in (
        kit / "site" / "portraits" / "portrait-e.html").read_text(encoding="utf-8")
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert {r["title"] for r in data["recommendations"]} <= {"Portrait é", "山田"}
    assert {p["title"] for p in data["portraits"]} == {""}  # the record keeps what brand.yml says
