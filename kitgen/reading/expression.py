"""Expression from the mouth: corner lift above the lip line, mouth widening, lip gap.

A smile pulls the mouth corners up and out; both are measured in the face's own axes (roll
removed) and in inter-ocular units (size removed). The lip gap tells speech or laughter from
a closed-mouth smile.
"""
from __future__ import annotations

import numpy as np

from kitgen.reading import landmarks as lm
from kitgen.reading.pose import frame
from kitgen.reading.thresholds import T, grade


def _clip01(v: float) -> float:
    return max(0.0, min(1.0, v))


def read_expression(p: np.ndarray) -> dict:
    axes, _ = frame(p)
    ex, ey = axes[0, :2], axes[1, :2]
    ex, ey = ex / (np.linalg.norm(ex) or 1.0), ey / (np.linalg.norm(ey) or 1.0)
    iod = lm.inter_ocular(p)
    a, b = p[lm.MOUTH_A, :2], p[lm.MOUTH_B, :2]
    centre = (p[lm.LIP_UPPER_INNER, :2] + p[lm.LIP_LOWER_INNER, :2]) / 2
    width = abs(float((b - a) @ ex))
    lift = float((centre - (a + b) / 2) @ ey) / iod  # > 0 when the corners sit above
    width_ratio = width / iod
    gap = abs(float((p[lm.LIP_LOWER_INNER, :2] - p[lm.LIP_UPPER_INNER, :2]) @ ey))
    width_term = _clip01((width_ratio - T["mouth_width_relaxed"])
                         / (T["mouth_width_full"] - T["mouth_width_relaxed"]))
    lift_term = _clip01(lift / T["corner_lift_full"])
    score = _clip01(0.5 * width_term + 0.5 * lift_term)
    label = grade(score, ("smile_broad", "broad_smile"), ("smile_slight", "slight_smile"),
                  "neutral")
    return {
        "expression": label,
        "smile_score": round(score, 3),
        "mouth_open": bool(gap / (width or 1.0) > T["mouth_open_gap"]),
        "mouth": {"corner_lift": round(lift, 3), "width": round(width_ratio, 3),
                  "gap": round(gap / (width or 1.0), 3)},
    }
