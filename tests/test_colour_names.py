"""Colour names: the precomputed-Lab lookup names every colour exactly as comparing each CSS
name with coloraide's CIEDE2000 from sRGB does."""
from __future__ import annotations

import random

from coloraide import Color

from kitgen.analysis import colour


def reference_name(rgb: tuple[int, int, int]) -> str:
    c = Color("srgb", [v / 255 for v in rgb])
    best = min(colour._named(), key=lambda item: (c.delta_e(item[1], method="2000"), item[0]))
    return colour._pretty(best[0])


def test_names_match_pairwise_ciede2000_on_many_colours():
    rng = random.Random(6)
    grid = [(r, g, b) for r in range(0, 256, 51) for g in range(0, 256, 51)
            for b in range(0, 256, 51)]
    sample = grid + [tuple(rng.randrange(256) for _ in range(3)) for _ in range(500)]
    colour.name_of.cache_clear()
    got = [colour.name_of(c) for c in sample]
    assert got == [reference_name(c) for c in sample]
    assert colour.names_of(sample) == got  # one array comparison names them all the same
    assert colour.names_of([]) == []
    assert len(set(got)) > 60  # the sample reaches many different names


def test_named_colours_name_themselves():
    assert colour.name_of((255, 0, 0)) == "Red"
    assert colour.name_of((70, 130, 180)) == "Steel blue"
    assert colour.name_of((128, 128, 128)) == "Gray"
