"""The guide's brand.css: links readable (WCAG AA) on Material's light and dark pages."""
import re
from importlib.resources import files

from coloraide import Color

from kitgen.guide.brand_css import SLATE, brand_css, readable_on

# a kit whose most colourful colour is a deep red: 1.7:1 on the slate page before QA pass 4
PALETTE = [{"hex": h, "share": s} for h, s in (("#c1b4ae", 0.34), ("#141116", 0.32),
                                                ("#852520", 0.05), ("#4b70b5", 0.04))]


def _blocks(css: str) -> dict[str, dict[str, str]]:
    return {sel.strip(): dict(re.findall(r"(--[\w-]+):\s*([^;]+);", body))
            for sel, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css))}


def test_links_read_at_aa_on_the_white_and_the_slate_page():
    blocks = _blocks(brand_css(PALETTE))
    for selector, page in ((":root", "#ffffff"), ('[data-md-color-scheme="slate"]', SLATE)):
        block = blocks[selector]
        for var in ("--md-typeset-a-color", "--md-accent-fg-color"):
            assert Color(block[var]).contrast(page, method="wcag21") >= 4.5, (selector, var)
    assert blocks[":root"]["--md-typeset-a-color"] == "#852520"  # already readable on white
    light = Color(blocks['[data-md-color-scheme="slate"]']["--md-typeset-a-color"])
    assert light.convert("oklch")["lightness"] > Color("#852520").convert("oklch")["lightness"]


def test_slate_is_materials_dark_page():
    """SLATE follows Material's own value: hsl(225deg 15% 14%)."""
    css = "".join(p.read_text(encoding="utf-8") for p in
                  (files("material") / "templates" / "assets" / "stylesheets").iterdir()
                  if p.name.endswith(".min.css"))
    assert "--md-hue:225deg" in css
    assert "md-default-bg-color:hsla(var(--md-hue), 15%, 14%, 1)" in css
    assert Color("hsl(225 15% 14%)").convert("srgb").to_string(hex=True) == SLATE


def test_readable_on_moves_away_from_the_page_and_stops_at_its_end():
    assert readable_on("#ffffff", "#ffffff") != "#ffffff"
    assert Color(readable_on("#000000", SLATE)).contrast(SLATE, method="wcag21") >= 4.5
    assert readable_on("#ffff00", "#ffffff") == readable_on("#ffff00", "#ffffff", 4.5)
