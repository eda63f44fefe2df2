"""A head lying on its side is a photo stored rotated, not a pose: no crop can fix it.

Kept apart from kitgen.reading.pose, which needs NumPy: the checklist asks this in the build's
own process, which runs without NumPy when workers analyse the portraits.
"""
from __future__ import annotations

from kitgen.reading.thresholds import T


def sideways_note(reading: dict | None) -> str | None:
    """The warning for a face whose roll says the file is on its side; None when upright."""
    head = (reading or {}).get("head")
    if not head or abs(head["roll"]) < T["roll_sideways_deg"]:
        return None
    return (f"the face lies on its side (roll {head['roll']:.0f}°): the image is probably "
            "stored rotated; rotate the original upright (or fix its orientation tag) and "
            "build again")
