"""Colour facts used across the kit: hex/HSL conversions, names and perceptual distances.

Conversions go through coloraide rather than hand-written formulas, so OKLab and CIEDE2000 are
the library's maintained implementations.
"""
from __future__ import annotations

from functools import lru_cache

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
def _named_lab() -> tuple[tuple[str, Color], ...]:
    """The names in CIEDE2000's own space (CIELab D65), converted once rather than on every
    comparison; the distances are the same numbers."""
    return tuple((name, c.convert(DE2000_SPACE)) for name, c in _named())


@lru_cache(maxsize=4096)
def name_of(rgb: tuple[int, int, int]) -> str:
    """The nearest CSS colour name by CIEDE2000."""
    c = Color("srgb", [v / 255 for v in rgb]).convert(DE2000_SPACE)
    best = min(_named_lab(), key=lambda item: (c.delta_e(item[1], method="2000"), item[0]))
    return _pretty(best[0])


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """CIEDE2000 distance between two sRGB colours."""
    return Color("srgb", [v / 255 for v in a]).delta_e(Color("srgb", [v / 255 for v in b]),
                                                       method="2000")
