"""OKLab conversions, CIEDE2000 between two colours and the nearest CSS name, through
coloraide: the kit palette's merge and names and the guide's checks, in the build's own
process. Workers never import it (see kitgen.analysis.colour)."""
from __future__ import annotations

from functools import lru_cache

from coloraide import Color

from kitgen.analysis import colour


def _srgb(rgb: tuple[int, int, int]) -> Color:
    return Color("srgb", [v / 255 for v in rgb])


def oklab_of(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    return tuple(_srgb(rgb).convert("oklab").coords())  # type: ignore


def rgb_from_oklab(lab: tuple[float, float, float]) -> tuple[int, int, int]:
    c = Color("oklab", list(lab)).convert("srgb").fit("srgb")
    return tuple(max(0, min(255, round(v * 255))) for v in c.coords())  # type: ignore


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """CIEDE2000 distance between two sRGB colours."""
    return _srgb(a).delta_e(_srgb(b), method="2000")


@lru_cache(maxsize=1)
def _named_lab() -> tuple[tuple[str, Color], ...]:
    """The CSS names' colours in CIELAB D65, where CIEDE2000 compares, converted once."""
    return tuple((name, _srgb(rgb).convert("lab-d65")) for name, rgb in colour.named())


@lru_cache(maxsize=4096)
def name_of(rgb: tuple[int, int, int]) -> str:
    """The nearest CSS colour name by CIEDE2000 (the first name alphabetically on a tie), as
    the guide's kit palette names it. Workers name a portrait's colours with
    kitgen.analysis.colour.names_of, which agrees (tests/test_colour_names.py)."""
    c = _srgb(rgb).convert("lab-d65")
    name, _ = min(_named_lab(), key=lambda item: (c.delta_e(item[1], method="2000"), item[0]))
    return colour.pretty(name)
