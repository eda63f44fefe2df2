"""Colour facts used across the kit: hex/HSL conversions, names and perceptual distances.

Conversions go through coloraide rather than hand-written formulas, so OKLab and CIEDE2000 are
the library's maintained implementations.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
from coloraide import Color
from PIL import ImageColor


def hex_of(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def hsl_of(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    h, s, lum = Color("srgb", [c / 255 for c in rgb]).convert("hsl").coords(nans=False)
    return round(h) % 360, round(s * 100), round(lum * 100)


def oklab_of(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    return tuple(Color("srgb", [c / 255 for c in rgb]).convert("oklab").coords())  # type: ignore


def rgb_from_oklab(lab: tuple[float, float, float]) -> tuple[int, int, int]:
    c = Color("oklab", list(lab)).convert("srgb").fit("srgb")
    return tuple(max(0, min(255, round(v * 255))) for v in c.coords())  # type: ignore


@lru_cache(maxsize=1)
def _named() -> tuple[tuple[str, Color], ...]:
    # CSS colour names as Pillow ships them; 'grey' spellings folded into 'gray'.
    seen = {}
    for name, value in sorted(ImageColor.colormap.items()):
        if "grey" in name:
            continue
        seen[name] = Color(value)
    return tuple(seen.items())


def _pretty(name: str) -> str:
    for word in ("light", "dark", "medium", "pale", "deep", "hot", "dim", "slate", "dodger",
                 "royal", "sky", "steel", "midnight", "rosy", "sandy", "sea", "spring", "lawn",
                 "lime", "olive", "forest", "saddle", "indian", "navajo", "old", "peach",
                 "powder", "cornflower", "blanched", "antique", "alice", "ghost", "floral",
                 "lemon", "cadet", "mint", "misty", "papaya", "lavender", "yellow", "green",
                 "blue", "violet", "orange", "golden", "white", "red", "pink", "cyan", "gray"):
        name = name.replace(word, word + " ")
    return " ".join(name.split()).capitalize()


DE2000_SPACE = "lab-d65"  # the space coloraide's CIEDE2000 converts both colours to


@lru_cache(maxsize=1)
def _named_lab() -> tuple[tuple[str, ...], np.ndarray]:
    """The names (sorted, in display form) and their coordinates in CIEDE2000's own space
    (CIELab D65), made once rather than on every comparison."""
    named = _named()
    return (tuple(_pretty(name) for name, _ in named),
            np.array([c.convert(DE2000_SPACE).coords() for _, c in named]))


@lru_cache(maxsize=4096)
def name_of(rgb: tuple[int, int, int]) -> str:
    """The nearest CSS colour name by CIEDE2000 (the first name alphabetically on a tie)."""
    return names_of([rgb])[0]


def names_of(colours: list[tuple[int, int, int]]) -> list[str]:
    """``name_of`` for several colours in one array comparison.

    scikit-image's array CIEDE2000 compares every colour against all 140 names at once:
    coloraide's, one pair at a time, cost about 1.7 ms a colour and dominated a palette's
    cost; the two agree on every name over 716 colours (tests/test_colour_names.py)."""
    from skimage.color import deltaE_ciede2000

    if not colours:
        return []
    names, lab = _named_lab()
    query = np.array([Color("srgb", [v / 255 for v in rgb]).convert(DE2000_SPACE).coords()
                      for rgb in colours])
    dist = deltaE_ciede2000(query[:, None, :], lab[None, :, :])
    return [names[int(i)] for i in dist.argmin(axis=1)]


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """CIEDE2000 distance between two sRGB colours."""
    return Color("srgb", [v / 255 for v in a]).delta_e(Color("srgb", [v / 255 for v in b]),
                                                       method="2000")
