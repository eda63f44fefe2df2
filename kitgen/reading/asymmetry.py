"""How far the face departs from its own mirror image, with the head's rotation removed.

Landmarks are expressed in the face's own axes (see ``pose.frame``), so roll and most of yaw
are gone; each left/right pair is mirrored across the midline plane and the mean distance is
divided by the inter-ocular distance. Depth is left out: Face Mesh's z is the least certain
coordinate.
"""
from __future__ import annotations

import numpy as np

from kitgen.reading import landmarks as lm
from kitgen.reading.pose import frame
from kitgen.reading.thresholds import grade


def read_asymmetry(p: np.ndarray) -> dict:
    axes, centre = frame(p)
    local = (p - centre) @ axes.T
    mid_x = float(np.median(local[list(lm.MIDLINE), 0]))
    a = local[[i for i, _ in lm.PAIRS]]
    b = local[[j for _, j in lm.PAIRS]]
    dx = (a[:, 0] - mid_x) + (b[:, 0] - mid_x)  # 0 when mirrored exactly
    dy = a[:, 1] - b[:, 1]
    score = float(np.mean(np.hypot(dx, dy))) / lm.inter_ocular(p)
    label = grade(score, ("asymmetry_strong", "strong"), ("asymmetry_subtle", "subtle"), "none")
    # Which feature departs most, for the guide's sentence.
    names = ("brows",) * 4 + ("eyes",) * 4 + ("nose",) * 2 + ("cheeks",) * 3 + \
        ("mouth",) * 3 + ("jaw",) * 3
    per = np.hypot(dx, dy)
    return {"asymmetry": label, "asymmetry_score": round(score, 3),
            "asymmetry_feature": names[int(np.argmax(per))]}
