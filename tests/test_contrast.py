"""The colour page's numbers: WCAG 2.2 levels, best text colours, CMYK; and the page itself."""
from __future__ import annotations

import json
import re

from coloraide import Color

from kitgen.guide.contrast import best_text, cmyk, colour_rows, level, pair

PALETTE = [
    {"hex": "#ffffff", "rgb": [255, 255, 255], "hsl": [0, 0, 100], "share": 0.4, "name": "White"},
    {"hex": "#767676", "rgb": [118, 118, 118], "hsl": [0, 0, 46], "share": 0.3, "name": "Gray"},
    {"hex": "#777777", "rgb": [119, 119, 119], "hsl": [0, 0, 47], "share": 0.2, "name": "Gray"},
    {"hex": "#ffcc00", "rgb": [255, 204, 0], "hsl": [48, 100, 50], "share": 0.1, "name": "Gold"},
]


def test_wcag_levels_at_the_published_thresholds():
    # WCAG's worked examples: black on white is 21:1; #767676 is the lightest grey passing AA
    # on white, #777777 just fails it (4.48:1) but passes for large text.
    assert pair("#000000", "#ffffff").ratio == 21.0
    assert (pair("#767676", "#ffffff").normal, pair("#767676", "#ffffff").large) == ("AA", "AAA")
    p = pair("#777777", "#ffffff")
    assert (p.normal, p.large, p.label) == ("fail", "AA", "AA large")
    assert pair("#ffffff", "#ffffff").label == "fail"
    assert [level(r, "normal") for r in (7.0, 6.99, 4.5, 4.49)] == ["AAA", "AA", "AA", "fail"]
    assert [level(r, "large") for r in (4.5, 3.0, 2.99)] == ["AAA", "AA", "fail"]


def test_shown_ratio_never_rounds_up_across_a_threshold():
    p = pair("#777777", "#ffffff")
    assert p.ratio < 4.5 and p.normal == "fail"


def test_best_text_is_the_highest_contrast_candidate():
    best = best_text("#ffcc00", ["#ffffff", "#767676", "#000000"])
    assert best.fg == "#000000"
    ratios = {fg: Color("#ffcc00").contrast(fg, method="wcag21") for fg in ("#ffffff", "#767676")}
    assert all(best.ratio >= r for r in ratios.values())


def test_colour_rows_cover_every_pair_and_prefer_the_kit_for_kit_text():
    rows = colour_rows(PALETTE)
    assert [r["hex"] for r in rows] == [s["hex"] for s in PALETTE]
    white = rows[0]
    # candidates: the 4 kit colours and black (white is already in the kit)
    assert [p.fg for p in white["pairs"]] == [s["hex"] for s in PALETTE] + ["#000000"]
    assert white["best"].fg == "#000000"
    assert white["brand_best"].fg == "#767676" and white["brand_best"].normal == "AA"
    gold = rows[3]
    assert gold["brand_best"] is None or gold["brand_best"].normal != "fail"


def test_cmyk_is_a_plain_device_conversion():
    assert cmyk("#ffffff") == (0, 0, 0, 0)
    assert cmyk("#000000")[3] == 100
    assert cmyk("#ff0000") == (0, 100, 100, 0)
    c, m, y, k = cmyk("#ffcc00")
    assert (c, k) == (0, 0) and y == 100 and 15 < m < 25


def test_colour_page_shows_values_matrix_and_copy_buttons(example_build):
    kit, _ = example_build
    site = kit / "site"
    data = json.loads((site / "kit.json").read_text(encoding="utf-8"))
    html = (site / "colours.html").read_text(encoding="utf-8")
    n = len(data["palette"])
    for s in data["palette"]:
        assert f'data-copy="{s["hex"]}"' in html
        assert ", ".join(map(str, s["rgb"])) in html
    hexes = [s["hex"] for s in data["palette"]]
    extra = sum(h not in hexes for h in ("#ffffff", "#000000"))  # text candidates beyond the kit
    assert html.count('class="kg-pair"') == n * (n + extra) - n  # every pair but a colour on itself
    assert len(re.findall(r"<dt>CMYK</dt>", html)) == n
    assert "Contrast (WCAG 2.2)" in html
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="colours.html"' in index
