"""Stable, URL-safe portrait ids from file names."""
from __future__ import annotations

import re
import unicodedata


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s or "portrait"


def unique_ids(stems: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for stem in stems:
        base = slug(stem)
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append(base if n == 1 else f"{base}-{n}")
    return out
