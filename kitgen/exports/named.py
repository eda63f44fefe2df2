"""Kit colours with stable token names, the one input every export format shares."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kitgen.ids import slug, unique_ids


@dataclass(frozen=True)
class NamedColour:
    token: str  # kebab-case, unique within the kit: "steel-blue", "black-2"
    name: str  # the human colour name shown in the guide
    hex: str  # "#rrggbb"
    rgb: tuple[int, int, int]
    share: float


def named_colours(palette: list[dict[str, Any]]) -> list[NamedColour]:
    """Token names from the colour names; repeats get a suffix so no token is lost, and
    their names its number (what a design tool's swatch list shows)."""
    names = [s.get("name") or s["hex"] for s in palette]
    tokens = unique_ids([s.get("name") or s["hex"].lstrip("#") for s in palette])
    return [NamedColour(token=t, name=n, hex=s["hex"].lower(),
                        rgb=tuple(int(v) for v in s["rgb"]), share=float(s.get("share", 0)))
            for t, n, s in zip(tokens, display_names(names), palette)]


def display_names(names: list[str]) -> list[str]:
    """The guide's names for a palette's colours: a repeated name gets the number its token
    has ("Black", "Black 2" beside black, black-2), so a colour reads the same on the page
    and in the palette files."""
    return [name if token == slug(name) else f"{name} {token.rsplit('-', 1)[1]}"
            for name, token in zip(names, unique_ids(names))]
