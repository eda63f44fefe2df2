"""Kit colours with stable token names, the one input every export format shares."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kitgen.ids import unique_ids


@dataclass(frozen=True)
class NamedColour:
    token: str  # kebab-case, unique within the kit: "steel-blue", "black-2"
    name: str  # the human colour name shown in the guide
    hex: str  # "#rrggbb"
    rgb: tuple[int, int, int]
    share: float


def named_colours(palette: list[dict[str, Any]]) -> list[NamedColour]:
    """Token names from the colour names; repeats get a suffix so no token is lost."""
    tokens = unique_ids([s.get("name") or s["hex"].lstrip("#") for s in palette])
    return [NamedColour(token=t, name=s.get("name") or s["hex"], hex=s["hex"].lower(),
                        rgb=tuple(int(v) for v in s["rgb"]), share=float(s.get("share", 0)))
            for t, s in zip(tokens, palette)]
