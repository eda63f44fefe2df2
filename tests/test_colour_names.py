"""Colour facts: a worker's precomputed-Lab name lookup (scikit-image) and the kit palette's
(coloraide, in the build's own process) name colours as comparing each CSS name with
coloraide's CIEDE2000 from sRGB does, and HSL is exact."""
from __future__ import annotations

import random

from coloraide import Color

from kitgen.analysis import colour, colour_space


def reference_name(rgb: tuple[int, int, int]) -> str:
    c = Color("srgb", [v / 255 for v in rgb])
    best = min(colour.named(), key=lambda item: (
        c.delta_e(Color("srgb", [v / 255 for v in item[1]]), method="2000"), item[0]))
    return colour.pretty(best[0])


def test_names_match_pairwise_ciede2000_on_many_colours():
    rng = random.Random(6)
    grid = [(r, g, b) for r in range(0, 256, 51) for g in range(0, 256, 51)
            for b in range(0, 256, 51)]
    sample = grid + [tuple(rng.randrange(256) for _ in range(3)) for _ in range(500)]
    colour_space.name_of.cache_clear()
    got = colour.names_of(sample)  # a worker's: one array comparison names them all
    assert got == [reference_name(c) for c in sample]
    assert [colour_space.name_of(c) for c in sample] == got  # the kit palette's, one by one
    assert colour.names_of([]) == []
    assert len(set(got)) > 60  # the sample reaches many different names


def test_named_colours_name_themselves():
    for name_of in (colour_space.name_of, lambda rgb: colour.names_of([rgb])[0]):
        assert name_of((255, 0, 0)) == "Red"
        assert name_of((70, 130, 180)) == "Steel blue"
        assert name_of((128, 128, 128)) == "Gray"


def test_hsl_is_rounded_from_the_exact_value():
    # s = 66/80 = 82.5% exactly, and halves go to even as round() does; h = 93.6, l = 84.3
    assert colour.hsl_of((211, 248, 182)) == (94, 82, 84)
    assert colour.hsl_of((128, 128, 128)) == (0, 0, 50)  # a grey has no hue
    assert colour.hsl_of((255, 0, 0)) == (0, 100, 50)
    assert colour.hsl_of((255, 0, 1)) == (0, 100, 50)  # a hue of 359.76 rounds round to 0
    assert colour.hsl_of((0, 255, 0)) == (120, 100, 50)
    assert colour.hsl_of((0, 0, 255)) == (240, 100, 50)


def test_hsl_agrees_with_coloraide_except_at_exact_halves():
    rng = random.Random(11)
    sample = [tuple(rng.randrange(256) for _ in range(3)) for _ in range(3000)]
    at_halves = 0
    for rgb in sample:
        h, s, lum = Color("srgb", [v / 255 for v in rgb]).convert("hsl").coords(nans=False)
        exact = (h, s * 100, lum * 100)
        theirs = (round(h) % 360, round(s * 100), round(lum * 100))
        ours = colour.hsl_of(rgb)
        if ours != theirs:
            # coloraide's floats land a hair off an exact half, so it rounds the other way
            assert all(abs(x % 1 - 0.5) < 1e-9 for x, a, b in zip(exact, ours, theirs) if a != b)
            assert all(abs(a - b) in (0, 1, 359) for a, b in zip(ours, theirs))
            at_halves += 1
    assert at_halves < len(sample) // 100


def test_a_repeated_colour_name_reads_as_its_palette_files_name_it(example_build):
    """Two kit colours can share their nearest CSS name; the palette files keep them apart
    (black, black-2), and the guide now says "Black 2" where it said "Black" twice."""
    from dataclasses import replace

    from kitgen.analysis.kit_palette import merge
    from kitgen.exports import render_exports
    from kitgen.exports.named import display_names
    from kitgen.guide.pages import render_pages
    from kitgen.kitfile.load import load_kit
    from kitgen.manifest import manifest

    assert display_names(["Black", "Gray", "Black", "Black"]) == [
        "Black", "Gray", "Black 2", "Black 3"]
    kit_root, report = example_build
    kit = load_kit(kit_root)
    palette = tuple(replace(s, name="Black") if i in (0, 2) else s
                    for i, s in enumerate(merge([p.palette for p in report.portraits])))
    data = manifest(kit, report.portraits, palette, report.failed)
    pages = render_pages(kit, report.portraits, palette, data)
    second = palette[2].hex
    for page in ("colours.md", "index.md"):
        assert pages[page].count("Black 2") >= 1, page
    assert pages["colours.md"].count("Black 2") == 2  # its card and its contrast row
    assert f"<strong>Black 2</strong> <code>{second}</code>" in pages["index.md"]
    css = render_exports(data["palette"], "x")["kit/palette.css"].decode()
    assert f"--kit-black-2: {second}" in css
    gpl = render_exports(data["palette"], "x")["kit/palette.gpl"].decode()
    assert "\tBlack 2" in gpl or " Black 2" in gpl  # a design tool's swatch list tells them apart
