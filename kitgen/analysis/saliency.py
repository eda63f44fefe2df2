"""Where to centre a crop when no face is found: the centroid of edge energy, pulled to centre.

Detail (edges) is where people look first in a photo without a face; a centre prior keeps the
result stable on flat images.
"""
from __future__ import annotations

import numpy as np

CENTRE_PULL = 0.35


def focus_point(arr: np.ndarray, factor: float) -> tuple[float, float]:
    grey = arr.astype(np.float32).mean(axis=2)
    gx = np.abs(np.diff(grey, axis=1))[:-1, :]
    gy = np.abs(np.diff(grey, axis=0))[:, :-1]
    energy = gx + gy
    total = float(energy.sum())
    h, w = energy.shape
    if total <= 1e-6:
        cx, cy = w / 2, h / 2
    else:
        ys, xs = np.mgrid[0:h, 0:w]
        cx = float((energy * xs).sum() / total)
        cy = float((energy * ys).sum() / total)
    cx = cx * (1 - CENTRE_PULL) + (w / 2) * CENTRE_PULL
    cy = cy * (1 - CENTRE_PULL) + (h / 2) * CENTRE_PULL
    return cx * factor, cy * factor
