"""Shot size and placement: face height over frame height, face centre against the thirds."""
from __future__ import annotations

from kitgen.reading.thresholds import T


def shot_size(face_share: float) -> str:
    if face_share >= T["framing_close_up"]:
        return "close_up"
    if face_share >= T["framing_head_and_shoulders"]:
        return "head_and_shoulders"
    if face_share >= T["framing_medium"]:
        return "medium"
    return "wide"


def _nearest_third(v: float) -> tuple[float, float]:
    line = min((1 / 3, 2 / 3), key=lambda t: abs(v - t))
    return line, v - line


def read_framing(width: int, height: int, box: tuple[int, int, int, int],
                 eyes_y: float | None) -> dict:
    x, y, w, h = box
    share = h / height
    cx, cy = (x + w / 2) / width, (y + h / 2) / height
    ex_line, ex_off = _nearest_third(cx)
    eye_rel = eyes_y / height if eyes_y is not None else None
    tol = T["thirds_tolerance"]
    return {
        "framing": shot_size(share),
        "face_share": round(share, 3),
        "face_centre": {"x": round(cx, 3), "y": round(cy, 3)},
        "thirds": {
            "horizontal": "centre" if abs(cx - 0.5) < tol else
                          ("left_third" if abs(cx - 1 / 3) <= tol else
                           "right_third" if abs(cx - 2 / 3) <= tol else
                           ("left" if cx < 0.5 else "right")),
            "offset_from_third": round(ex_off, 3),
            "nearest_third": round(ex_line, 3),
            "eye_line": None if eye_rel is None else round(eye_rel, 3),
            "eyes_on_upper_third": None if eye_rel is None else bool(abs(eye_rel - 1 / 3) <= tol),
        },
    }
