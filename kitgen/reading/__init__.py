"""The emotional reading: measured cues of each portrait and what they mean for the goals.

``read_portrait`` needs scikit-image and SciPy; the guide and the manifest only need the
light modules here (explain, goals, checklist), so the heavy import waits for first use.
"""
from __future__ import annotations

from typing import Any

__all__ = ["READING_VERSION", "read_portrait"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from kitgen.reading import portrait

        return getattr(portrait, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
