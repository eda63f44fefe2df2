"""The colour page's numbers: every kit colour in hex/RGB/HSL/CMYK and a WCAG 2.2 contrast matrix.

WCAG 2.2 keeps WCAG 2.1's contrast ratio, so coloraide's ``wcag21`` method is the measure;
normal text needs 4.5:1 (AA) or 7:1 (AAA), large text (24 px, or 18.7 px bold) 3:1 or 4.5:1.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from coloraide import Color
from coloraide.spaces.cmy import CMY
from coloraide.spaces.cmyk import CMYK

WHITE, BLACK = "#ffffff", "#000000"
THRESHOLDS = {"normal": {"AAA": 7.0, "AA": 4.5}, "large": {"AAA": 4.5, "AA": 3.0}}


class _Colour(Color):
    """coloraide with its optional (naive, profile-free) CMYK space registered."""


_Colour.register([CMY(), CMYK()])


@dataclass(frozen=True)
class Pair:
    """Text colour ``fg`` on background ``bg``."""

    fg: str
    bg: str
    ratio: float
    normal: str  # "AAA" | "AA" | "fail"
    large: str

    @property
    def label(self) -> str:
        if self.normal != "fail":
            return self.normal
        return f"{self.large} large" if self.large != "fail" else "fail"


def level(ratio: float, size: str) -> str:
    for name, minimum in THRESHOLDS[size].items():
        if ratio >= minimum:
            return name
    return "fail"


def pair(fg: str, bg: str) -> Pair:
    ratio = Color(bg).contrast(fg, method="wcag21")
    shown = math.floor(ratio * 100 + 1e-6) / 100  # never round up across a threshold
    return Pair(fg, bg, shown, level(ratio, "normal"), level(ratio, "large"))


def cmyk(hex_colour: str) -> tuple[int, int, int, int]:
    """Naive device CMYK in percent; a print shop converts with its own ICC profile."""
    c = _Colour(hex_colour).convert("cmyk")
    return tuple(round(v * 100) for v in c.coords())  # type: ignore[return-value]


def text_candidates(palette: list[dict[str, Any]]) -> list[str]:
    hexes = [s["hex"] for s in palette]
    return hexes + [h for h in (WHITE, BLACK) if h not in hexes]


def best_text(bg: str, candidates: list[str]) -> Pair:
    """The candidate with the highest contrast on ``bg`` (ties: the first, so palette wins)."""
    return max((pair(fg, bg) for fg in candidates if fg != bg), key=lambda p: p.ratio)


def colour_rows(palette: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per kit colour, for the colour page."""
    candidates = text_candidates(palette)
    hexes = [s["hex"] for s in palette]
    rows = []
    for s in palette:
        on_brand = [pair(h, s["hex"]) for h in hexes if h != s["hex"]]
        brand_best = max(on_brand, key=lambda p: p.ratio) if on_brand else None
        rows.append({
            **s,
            "cmyk": cmyk(s["hex"]),
            "best": best_text(s["hex"], candidates),
            "brand_best": brand_best if brand_best and brand_best.normal != "fail" else None,
            "pairs": [pair(fg, s["hex"]) for fg in candidates],
        })
    return rows


__all__ = ["Pair", "best_text", "cmyk", "colour_rows", "level", "pair", "text_candidates"]
