"""Background: plain, softly out of focus, or busy.

Sharpness is the mean Sobel gradient of lightness; the background's is compared with the
face's, so a soft background is judged against how sharp the subject is. Clutter is the share
of background pixels that sit on an edge.
"""
from __future__ import annotations

import numpy as np
from skimage.filters import sobel

from kitgen.reading.thresholds import T


def read_background(light: np.ndarray, background: np.ndarray, face: np.ndarray | None,
                    ) -> dict:
    """``light`` is L* of the working copy; masks are over the same pixels."""
    grad = sobel(light)
    if not background.any():
        return {"background": None, "background_edges": None, "background_sharpness": None}
    edges = float((grad[background] > T["edge_step"]).mean())
    bg_sharp = float(grad[background].mean())
    ratio = None
    if face is not None and face.any():
        ratio = bg_sharp / (float(grad[face].mean()) or 1e-6)
    if edges < T["background_clean_edges"]:
        label = "clean"
    elif ratio is not None and ratio < T["background_soft_ratio"] \
            and edges < T["background_busy_edges"]:
        label = "soft_depth"
    elif edges >= T["background_busy_edges"] or ratio is None or ratio >= 1.0:
        label = "busy"
    else:
        label = "soft_depth"
    return {
        "background": label,
        "background_edges": round(edges, 3),
        "background_sharpness": None if ratio is None else round(ratio, 3),
    }
