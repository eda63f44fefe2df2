"""The emotional reading: measured cues of each portrait and what they mean for the goals."""
from __future__ import annotations

from kitgen.reading.portrait import READING_VERSION, read_portrait

__all__ = ["READING_VERSION", "read_portrait"]
