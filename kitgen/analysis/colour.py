"""Colour facts a worker needs for every portrait's palette: hex, HSL and the nearest CSS name.

No coloraide here: importing it builds its colour-temperature tables (about 80 ms of a
worker's start), and the palette needs none of it. HSL is exact arithmetic on the 8-bit
channels; the names compare CIELAB coordinates from scikit-image, which the emotional reading
loads anyway. OKLab, CIEDE2000 and the names of the kit palette (in the build's own process,
which does not load NumPy or scikit-image) are in kitgen.analysis.colour_space.
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import TYPE_CHECKING

from PIL import ImageColor

if TYPE_CHECKING:
    import numpy as np


def hex_of(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def hsl_of(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """Hue in degrees, saturation and lightness in percent (CSS's HSL of sRGB), each rounded
    from its exact value, halves to even as round() does. On 8-bit channels every one is a
    fraction: in floating point, a value that is exactly 82.5 came out on either side of it
    depending on the order of operations (0.2% of colours differed by one between two
    libraries)."""
    r, g, b = rgb
    hi, lo = max(rgb), min(rgb)
    light = Fraction(hi + lo, 510)
    if hi == lo:
        return 0, 0, round(light * 100)
    chroma = hi - lo
    sat = Fraction(chroma, 255 - abs(hi + lo - 255))
    if hi == r:
        sector = Fraction(g - b, chroma) % 6
    elif hi == g:
        sector = Fraction(b - r, chroma) + 2
    else:
        sector = Fraction(r - g, chroma) + 4
    return round(sector * 60) % 360, round(sat * 100), round(light * 100)


@lru_cache(maxsize=1)
def named() -> tuple[tuple[str, tuple[int, int, int]], ...]:
    # CSS colour names as Pillow ships them; 'grey' spellings folded into 'gray'.
    return tuple((name, ImageColor.getrgb(value)[:3])
                 for name, value in sorted(ImageColor.colormap.items()) if "grey" not in name)


def pretty(name: str) -> str:
    for word in ("light", "dark", "medium", "pale", "deep", "hot", "dim", "slate", "dodger",
                 "royal", "sky", "steel", "midnight", "rosy", "sandy", "sea", "spring", "lawn",
                 "lime", "olive", "forest", "saddle", "indian", "navajo", "old", "peach",
                 "powder", "cornflower", "blanched", "antique", "alice", "ghost", "floral",
                 "lemon", "cadet", "mint", "misty", "papaya", "lavender", "yellow", "green",
                 "blue", "violet", "orange", "golden", "white", "red", "pink", "cyan", "gray"):
        name = name.replace(word, word + " ")
    return " ".join(name.split()).capitalize()


def lab_of(colours: list[tuple[int, int, int]]) -> np.ndarray:
    """CIELAB (D65) of 8-bit sRGB colours, the space CIEDE2000 compares in."""
    import numpy as np
    from skimage.color import rgb2lab

    return rgb2lab(np.asarray(colours, dtype=np.float64).reshape(1, -1, 3) / 255)[0]


@lru_cache(maxsize=1)
def _named_lab() -> tuple[tuple[str, ...], np.ndarray]:
    """The names (sorted, in display form) and their CIELAB coordinates, made once rather
    than on every comparison."""
    names = named()
    return tuple(pretty(name) for name, _ in names), lab_of([rgb for _, rgb in names])


def names_of(colours: list[tuple[int, int, int]]) -> list[str]:
    """The nearest CSS colour names by CIEDE2000, in one array comparison.

    scikit-image's array CIEDE2000 compares every colour against all 140 names at once:
    coloraide's, one pair at a time, cost about 1.7 ms a colour and dominated a palette's
    cost; the two agree on every name over 716 colours (tests/test_colour_names.py)."""
    from skimage.color import deltaE_ciede2000

    if not colours:
        return []
    names, lab = _named_lab()
    dist = deltaE_ciede2000(lab_of(colours)[:, None, :], lab[None, :, :])
    return [names[int(i)] for i in dist.argmin(axis=1)]
