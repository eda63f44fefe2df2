"""Repeats the schema lets through: a goal, platform or portrait file listed twice, and a
custom preset id that is taken (by a built-in preset or another custom one).

A repeated goal was counted twice in the guide; a custom preset named like a built-in one
overwrote that crop's file at the wrong size. They are checked on the parsed YAML, beside the
schema, so they are reported with every other problem, each at its own line.
"""
from __future__ import annotations

from typing import Any

from kitgen.crops.presets import PRESET_IDS
from kitgen.kitfile.errors import dotted

Loc = tuple[Any, ...]


def _listed_twice(items: Any, loc: Loc, key: str | None = None,
                  fix: str = "remove the repeat") -> list[tuple[Loc, str]]:
    """Each string of the list at ``loc`` (or each item's ``key``) that repeats an earlier one."""
    if not isinstance(items, list):
        return []
    first: dict[str, Loc] = {}
    out = []
    for i, item in enumerate(items):
        where = (*loc, i) if key is None else (*loc, i, key)
        value = item if key is None else item.get(key) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue  # the schema says what is wrong with it
        value = value.strip()  # as the schema reads strings
        if value in first:
            out.append((where, f"'{value}' is listed twice (also {dotted(first[value])}); {fix}"))
        else:
            first[value] = where
    return out


def _built_in_id(preset: Any) -> str | None:
    pid = preset.get("id") if isinstance(preset, dict) else None
    return pid.strip() if isinstance(pid, str) and pid.strip() in PRESET_IDS else None


def repeats(data: dict) -> list[tuple[Loc, str]]:
    """(location, message) for every repeat in the brand file's data, key by key."""
    out = _listed_twice(data.get("goals"), ("goals",))
    out += _listed_twice(data.get("platforms"), ("platforms",))
    presets = data.get("presets")
    if isinstance(presets, list):
        out += [(("presets", i, "id"), f"'{_built_in_id(p)}' is a built-in preset; choose "
                                       "another id") for i, p in enumerate(presets)
                if _built_in_id(p)]
        # a built-in id given twice is reported as built-in, not twice over
        out += _listed_twice([None if _built_in_id(p) else p for p in presets], ("presets",),
                             "id", "rename one")
    portraits = data.get("portraits")
    out += _listed_twice(portraits, ("portraits",), "file", "keep one entry")
    out += _listed_twice(portraits, ("portraits",), "id", "give each portrait its own")
    for i, entry in enumerate(portraits if isinstance(portraits, list) else []):
        if isinstance(entry, dict):
            out += _listed_twice(entry.get("use"), ("portraits", i, "use"))
    return out
