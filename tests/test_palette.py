"""Palettes against images whose colours are known because the test paints them."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from kitgen.analysis.colour_space import delta_e, name_of
from kitgen.analysis.kit_palette import merge
from kitgen.analysis.palette import extract

KNOWN = [((200, 40, 40), 0.5), ((30, 60, 160), 0.3), ((240, 240, 230), 0.2)]


def painted(seed=0, size=(600, 400)):
    """Vertical bands of the KNOWN colours with mild noise, like a photographed backdrop."""
    rng = np.random.default_rng(seed)
    w, h = size
    arr = np.zeros((h, w, 3), dtype=np.float64)
    x = 0
    for rgb, share in KNOWN:
        bw = round(w * share)
        arr[:, x:x + bw] = rgb
        x += bw
    arr += rng.normal(0, 4, arr.shape)
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8))


def test_dominant_colours_and_shares_are_recovered():
    swatches = extract(painted())
    assert 3 <= len(swatches) <= 8
    for rgb, share in KNOWN:
        near = [s for s in swatches if delta_e(s.rgb, rgb) < 5]
        assert near, f"no swatch near {rgb}: {[s.hex for s in swatches]}"
        assert abs(sum(s.share for s in near) - share) < 0.05
    assert abs(sum(s.share for s in swatches) - 1.0) < 1e-6
    assert [s.share for s in swatches] == sorted((s.share for s in swatches), reverse=True)


def test_swatch_fields_are_consistent():
    s = extract(painted())[0]
    assert s.hex == "#{:02x}{:02x}{:02x}".format(*s.rgb)
    h, sat, light = s.hsl
    assert 0 <= h < 360 and 0 <= sat <= 100 and 0 <= light <= 100
    assert s.name == name_of(s.rgb)  # a worker's name is the kit palette's name


def test_names_are_human():
    assert name_of((255, 0, 0)) == "Red"
    assert name_of((0, 0, 128)) == "Navy"
    assert name_of((250, 250, 250)) in {"Snow", "White", "White smoke", "Ghost white"}


def test_palette_is_the_same_for_a_large_copy():
    small = extract(painted())
    large = extract(painted().resize((2400, 1600), Image.NEAREST))
    for a in small[:3]:
        assert min(delta_e(a.rgb, b.rgb) for b in large) < 3


def test_kit_palette_merges_near_duplicates_across_portraits():
    a = extract(painted(seed=1))
    b = extract(painted(seed=2))
    kit = merge([a, b])
    assert len(kit) <= 8
    for rgb, _share in KNOWN:
        assert sum(1 for s in kit if delta_e(s.rgb, rgb) < 5) == 1
    assert abs(sum(s.share for s in kit) - 1) < 1e-6


def test_kit_palette_of_nothing_is_empty():
    assert merge([]) == ()


def _matched_de(a, b):
    from scipy.optimize import linear_sum_assignment

    cost = np.array([[delta_e(tuple(x), tuple(y)) for y in b] for x in a])
    rows, cols = linear_sum_assignment(cost)
    return float(cost[rows, cols].mean())


def test_palette_stays_near_colorthief_on_the_bundled_portraits():
    """Whichever MMCQ runs, the palette of each bundled portrait's small copy is colorthief's
    own within the benchmark's bound (mean CIEDE2000 <= 3 over matched colours)."""
    from colorthief import MMCQ

    from kitgen.analysis import palette
    from conftest import REPO

    distances = []
    for path in sorted((REPO / "content" / "portraits").glob("*.[pj]*g")):
        small = palette.small_copy(Image.open(path).convert("RGB"))
        pix = np.asarray(small).reshape(-1, 3)
        ref = MMCQ.quantize(pix[~(pix > 250).all(axis=1)].tolist(), palette.COLOURS).palette
        distances.append(_matched_de(ref, palette.mmcq_palette(small, palette.COLOURS)))
    assert len(distances) == 3
    assert np.mean(distances) <= 3, distances


def test_without_the_port_the_palette_is_colorthiefs_own(monkeypatch):
    from colorthief import MMCQ

    from kitgen.analysis import palette

    monkeypatch.setattr(palette, "fast_colorthief", None)
    small = palette.small_copy(painted())
    pix = np.asarray(small).reshape(-1, 3)
    ref = [tuple(c) for c in MMCQ.quantize(pix[~(pix > 250).all(axis=1)].tolist(), 8).palette]
    assert palette.mmcq_palette(small, 8) == ref


def test_the_port_is_used_where_installed():
    """CI runs on Linux x86-64, where pyproject installs fast-colorthief; a silent fall back to
    the 100x slower MMCQ would only show in the benchmarks."""
    from kitgen.analysis import palette

    assert palette.fast_colorthief is not None


def test_an_all_white_image_keeps_a_valid_white():
    """MMCQ answers a box's centre, which for the top cell of a channel is 256; the palette
    clamps it, so the hex stays six digits."""
    (swatch,) = extract(Image.new("RGB", (300, 200), (255, 255, 255)))
    assert all(250 <= v <= 255 for v in swatch.rgb), swatch
    assert len(swatch.hex) == 7 and swatch.share == 1.0


def _merge_every_pair(palettes, limit=8):
    """The kit palette as first written: every pair measured again on every step (the oracle
    for the nearest-colour merge, which must pick the same pairs in the same order)."""
    import math

    from kitgen.analysis.colour_space import oklab_of

    n = len(palettes)
    clusters = [[s.share / n, *oklab_of(s.rgb)] for pal in palettes for s in pal]
    while len(clusters) > 1:
        best = None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                d = math.dist(clusters[i][1:], clusters[j][1:])
                if best is None or d < best[0]:
                    best = (d, i, j)
        d, i, j = best
        if d >= 0.06 and len(clusters) <= limit:
            break
        wi, wj = clusters[i][0], clusters[j][0]
        w = wi + wj
        clusters[i] = [w] + [(clusters[i][k] * wi + clusters[j][k] * wj) / w for k in (1, 2, 3)]
        del clusters[j]
    return sorted((round(c[0], 12), *(round(v, 12) for v in c[1:])) for c in clusters)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.tuples(*[st.integers(0, 255)] * 3), min_size=1, max_size=8),
                min_size=1, max_size=12))
def test_kit_palette_merges_the_same_pairs_as_measuring_every_pair(colours):
    """Repeated colours make exact ties: the earlier pair must still win."""
    from kitgen.analysis.colour_space import rgb_from_oklab
    from kitgen.records import Swatch

    palettes = [tuple(Swatch(hex="", rgb=rgb, hsl=(0, 0, 0), share=1 / len(pal), name="")
                      for rgb in pal) for pal in colours]
    want = _merge_every_pair(palettes)
    got = merge(palettes)
    assert len(got) == len(want)
    expected = sorted(rgb_from_oklab(tuple(c[1:])) for c in want)
    assert sorted(s.rgb for s in got) == expected
    assert sorted(round(s.share, 9) for s in got) == sorted(
        round(c[0] / sum(x[0] for x in want), 9) for c in want)


def test_kit_palette_of_forty_portraits_keeps_at_most_eight_colours():
    rng = np.random.default_rng(3)
    from kitgen.analysis.colour import hex_of, hsl_of
    from kitgen.records import Swatch

    palettes = [tuple(Swatch(hex=hex_of(rgb), rgb=rgb, hsl=hsl_of(rgb), share=1 / 8, name="")
                      for rgb in (tuple(int(v) for v in rng.integers(0, 256, 3))
                                  for _ in range(8))) for _ in range(40)]
    kit = merge(palettes)
    assert len(kit) == 8
    assert abs(sum(s.share for s in kit) - 1) < 1e-9
    assert [s.share for s in kit] == sorted((s.share for s in kit), reverse=True)
