"""Where the eyes look, as the viewer sees it: iris position in the eye plus head pose.

Each iris centre is placed inside its eye: horizontally between the corners, vertically
between the lids, in units of half the eye's width, measured along the face's own axes so head
roll does not leak in. Eye-in-head angles add to the head's yaw and pitch; the result is the
gaze angle away from the lens. A direct gaze with the head turned right has the eyes turned
left in the head, and the two cancel.
"""
from __future__ import annotations

import math

import numpy as np

from kitgen.reading import landmarks as lm
from kitgen.reading.pose import frame
from kitgen.reading.thresholds import T

_EYES = (
    (lm.EYE_A_OUTER, lm.EYE_A_INNER, lm.EYE_A_UPPER, lm.EYE_A_LOWER, lm.IRIS_A),
    (lm.EYE_B_INNER, lm.EYE_B_OUTER, lm.EYE_B_UPPER, lm.EYE_B_LOWER, lm.IRIS_B),
)


def iris_offsets(p: np.ndarray) -> tuple[float, float]:
    """Mean iris offset (right, up) in half eye widths; (0, 0) is the eye's centre."""
    axes, _ = frame(p)
    ex, ey = axes[0, :2], axes[1, :2]
    ex, ey = ex / (np.linalg.norm(ex) or 1.0), ey / (np.linalg.norm(ey) or 1.0)
    hs, vs = [], []
    for left, right, upper, lower, iris in _EYES:
        half = float((p[right, :2] - p[left, :2]) @ ex) / 2 or 1.0
        centre_x = (p[right, :2] + p[left, :2]) / 2
        hs.append(float((p[iris, :2] - centre_x) @ ex) / half)
        centre_y = (p[upper, :2] + p[lower, :2]) / 2
        vs.append(-float((p[iris, :2] - centre_y) @ ey) / half)
    return float(np.mean(hs)), float(np.mean(vs))


def read_gaze(p: np.ndarray, head: dict[str, float]) -> dict:
    h, v = iris_offsets(p)
    lim = T["iris_offset_max"]
    h, v = max(-lim, min(lim, h)), max(-lim, min(lim, v))
    eye_yaw = math.degrees(math.asin(max(-1.0, min(1.0, h * T["eye_rotation_gain"]))))
    eye_pitch = math.degrees(math.asin(max(-1.0, min(1.0, v * T["eye_rotation_gain"]))))
    cap = T["eye_rotation_max_deg"]
    eye_yaw, eye_pitch = max(-cap, min(cap, eye_yaw)), max(-cap, min(cap, eye_pitch))
    gaze_x = head["yaw"] + eye_yaw
    gaze_y = (head["pitch"] + eye_pitch) * T["gaze_vertical_weight"]
    offset = math.hypot(gaze_x, gaze_y)
    direct = offset <= T["gaze_direct_max_deg"]
    direction = None
    if not direct:
        if abs(gaze_x) >= abs(gaze_y):
            direction = "right" if gaze_x > 0 else "left"
        else:
            direction = "up" if gaze_y > 0 else "down"
    return {
        "gaze": "direct" if direct else "averted",
        "gaze_direction": direction,
        "gaze_offset": round(offset, 1),
        "gaze_angles": {"x": round(gaze_x, 1), "y": round(gaze_y, 1)},
        "iris_offset": {"x": round(h, 3), "y": round(v, 3)},
    }
