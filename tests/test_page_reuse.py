"""After one portrait changes, MkDocs renders only the pages whose Markdown changed; the others
come from the last site. The site must be the same bytes as a full build of the same kit."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import ASTRONAUT, CAMERAMAN, HOPPER, make_kit
from PIL import Image, ImageOps
from test_determinism import tree

PORTRAITS = [ASTRONAUT, CAMERAMAN, HOPPER]


def mirror(path: Path) -> None:
    with Image.open(path) as im:
        fmt = im.format
        flipped = ImageOps.mirror(im.convert("RGB"))
    flipped.save(path, fmt)


def pages_of(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if p.name != "404.html")


def same_portraits(kit: Path, other: Path) -> None:
    shutil.copytree(kit / "content" / "portraits", other / "content" / "portraits",
                    dirs_exist_ok=True)


@pytest.fixture(scope="module")
def reuse(tmp_path_factory):
    from kitgen.build import build

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1767225600")  # MkDocs dates its sitemap by build day
        kit = make_kit(tmp_path_factory.mktemp("kit"), None, PORTRAITS)
        fresh = make_kit(tmp_path_factory.mktemp("fresh"), None, PORTRAITS)
        out = {"first": build(kit)}
        site = kit / "site"
        out["pages"] = pages_of(site)
        # A hard link to a page the next build reuses: it must not be written through.
        kept = tmp_path_factory.mktemp("kept") / "page.html"
        os.link(site / "portraits" / "cameraman.html", kept)
        out["kept_before"] = kept.read_bytes()
        mirror(kit / "content" / "portraits" / HOPPER.name)
        out["edited"] = build(kit)
        out["edited_tree"] = tree(site)
        out["kept_after"] = kept.read_bytes()
        same_portraits(kit, fresh)
        out["fresh"] = build(fresh)
        out["fresh_tree"] = tree(fresh / "site")
        # A page changed by hand in site/ is not what the last build wrote: rendered again.
        hand = site / "portraits" / "eileen-collins-nasa.html"
        hand.write_text(hand.read_text(encoding="utf-8") + "<!-- by hand -->", encoding="utf-8")
        mirror(kit / "content" / "portraits" / HOPPER.name)
        out["by_hand"] = build(kit)
        out["by_hand_page"] = hand.read_text(encoding="utf-8")
        # The last site's search index is gone: the build that would reuse pages falls back
        # to rendering every page.
        (site / "search" / "search_index.json").unlink()
        mirror(kit / "content" / "portraits" / ASTRONAUT.name)
        out["broken"] = build(kit)
        out["broken_tree"] = tree(site)
        same_portraits(kit, fresh)
        out["fresh2_tree"] = tree(build(fresh).site)
        # A plugin kitgen does not know could make pages depend on anything: no reuse.
        config = kit / "mkdocs.yml"
        config.write_text(config.read_text().replace("  - glightbox\n",
                                                     "  - glightbox\n  - tags\n"))
        mirror(kit / "content" / "portraits" / CAMERAMAN.name)
        out["unknown_plugin"] = build(kit)
    return out


def test_only_the_pages_that_show_the_edited_portrait_are_rendered(reuse):
    first, edited = reuse["first"], reuse["edited"]
    assert first.exit_code == 0 and edited.exit_code == 0
    assert reuse["pages"] >= 5 and first.pages_rendered == reuse["pages"]
    assert 1 <= edited.pages_rendered < reuse["pages"] - 1  # its page, not the other two's


def test_a_site_with_reused_pages_is_the_same_bytes_as_a_full_build(reuse):
    assert reuse["fresh"].pages_rendered == reuse["pages"]
    assert reuse["edited_tree"] == reuse["fresh_tree"]
    assert any(k.startswith("crops/") for k in reuse["edited_tree"])


def test_the_last_site_is_copied_from_never_written_through(reuse):
    assert reuse["kept_after"] == reuse["kept_before"]


def test_a_page_changed_by_hand_in_the_site_is_rendered_again(reuse):
    report = reuse["by_hand"]
    assert report.exit_code == 0 and "by hand" not in reuse["by_hand_page"]
    assert 2 <= report.pages_rendered < reuse["pages"]  # the edited portrait's page, and this


def test_a_broken_last_site_means_a_full_build_with_the_same_bytes(reuse):
    assert reuse["broken"].exit_code == 0
    assert reuse["broken"].pages_rendered == reuse["pages"]
    assert reuse["broken_tree"] == reuse["fresh2_tree"]


def test_an_unknown_mkdocs_plugin_turns_reuse_off(reuse):
    report = reuse["unknown_plugin"]
    assert report.exit_code == 0 and report.pages_rendered == reuse["pages"]
