"""The kit-wide explanation: goal fit and checklist per portrait, recommendations, gaps.

Pure over the portrait records and the brand file, so the render stage and kit.json get the
same answers from one call.
"""
from __future__ import annotations

from typing import Any

from kitgen.crops.presets import PLATFORMS, PRESETS
from kitgen.reading.checklist import checklist
from kitgen.reading.gaps import gaps
from kitgen.reading.goals import fits
from kitgen.reading.recommend import recommend
from kitgen.reading.visuals import mood_map_svg
from kitgen.records import Portrait


def kit_platforms(presets: list[Any]) -> dict[str, str]:
    """Platforms the kit produces, in the preset table's order."""
    wanted = {p.platform for p in presets}
    return {k: v for k, v in PLATFORMS.items() if k in wanted}


def enlarged(portrait: Portrait, platforms: dict[str, str]) -> dict[str, float]:
    """How much each platform's crops of the portrait were enlarged, at worst (1.0: none)."""
    platform_of = {p.id: p.platform for p in PRESETS}
    out: dict[str, float] = {}
    for c in portrait.crops:
        platform = platform_of.get(c.preset)
        if platform in platforms:
            out[platform] = max(out.get(platform, 1.0), c.upscale_factor)
    return out


def explain(goals: list[str], identity: str, portraits: list[Portrait],
            platforms: dict[str, str]) -> dict[str, Any]:
    goals = list(goals)
    rows = [{"id": p.id, "title": p.shown_title, "reading": p.reading, "use": list(p.use),
             "enlarged": enlarged(p, platforms)} for p in portraits]
    return {
        "portraits": {p.id: {"fit": fits(goals, p.reading),
                             "checklist": checklist(goals, p.reading)} for p in portraits},
        "recommendations": recommend(platforms, goals, rows),
        "gaps": gaps(goals, identity, rows),
    }


def mood_map(portraits: list[Portrait]) -> str | None:
    # A dot's number is the portrait's place in the overview's list, which counts every
    # portrait, read or not: unlabelled dots are known by it alone.
    points = [{"id": p.id, "label": p.shown_title, "number": n,
               "warmth": p.reading["colour"]["frame"]["warmth_index"],
               "energy": p.reading["energy"]}
              for n, p in enumerate(portraits, start=1) if p.reading]
    return mood_map_svg(points) if points else None
