"""OKLab conversions and CIEDE2000 between two colours, through coloraide: the kit palette's
merge and the guide's checks, in the build's own process. Workers never import it (see
kitgen.analysis.colour)."""
from __future__ import annotations

from coloraide import Color


def oklab_of(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    return tuple(Color("srgb", [c / 255 for c in rgb]).convert("oklab").coords())  # type: ignore


def rgb_from_oklab(lab: tuple[float, float, float]) -> tuple[int, int, int]:
    c = Color("oklab", list(lab)).convert("srgb").fit("srgb")
    return tuple(max(0, min(255, round(v * 255))) for v in c.coords())  # type: ignore


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """CIEDE2000 distance between two sRGB colours."""
    return Color("srgb", [v / 255 for v in a]).delta_e(Color("srgb", [v / 255 for v in b]),
                                                       method="2000")
