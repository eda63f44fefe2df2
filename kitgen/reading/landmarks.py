"""Names for the MediaPipe Face Mesh indices the reading uses (478 points with iris refinement).

"A" is the eye/side that appears on the viewer's left in an upright, unmirrored photo (the
subject's right), "B" the one on the viewer's right. Landmark coordinates are image pixels with
y down; z is MediaPipe's relative depth in the same units as x (smaller = nearer the camera).
"""
from __future__ import annotations

import numpy as np

from kitgen.records import Face

COUNT = 478
EYE_A_OUTER, EYE_A_INNER, EYE_A_UPPER, EYE_A_LOWER, IRIS_A = 33, 133, 159, 145, 468
EYE_B_OUTER, EYE_B_INNER, EYE_B_UPPER, EYE_B_LOWER, IRIS_B = 263, 362, 386, 374, 473
MOUTH_A, MOUTH_B = 61, 291
LIP_UPPER_INNER, LIP_LOWER_INNER = 13, 14
LIP_UPPER_OUTER, LIP_LOWER_OUTER = 0, 17
FOREHEAD, CHIN, NOSE_TIP, NOSE_BRIDGE = 10, 152, 1, 168
CHEEK_A, CHEEK_B = 50, 280
FOREHEAD_SKIN = 151

# Points on the facial midline, used to place the mirror plane.
MIDLINE = (10, 151, 9, 8, 168, 6, 197, 195, 5, 4, 1, 2, 164, 0, 13, 14, 17, 18, 200, 199, 175,
           152)
# Left/right pairs (A side, B side) for the mirror test: brows, eyes, lids, nose wings,
# cheeks, mouth corners, lips, jaw.
PAIRS = (
    (70, 300), (105, 334), (107, 336), (46, 276),       # brows
    (133, 362), (159, 386), (145, 374),                 # inner corners and lids
    (468, 473),                                         # irises
    (129, 358), (98, 327),                              # nose wings
    (50, 280), (205, 425), (234, 454),                  # cheeks
    (61, 291), (40, 270), (91, 321),                    # mouth
    (172, 397), (136, 365), (149, 378),                 # jaw
)


def points(face: Face | None) -> np.ndarray | None:
    """The landmarks as a (478, 3) float array, or None when the face has no mesh."""
    if face is None or not face.landmarks or len(face.landmarks) < COUNT:
        return None
    return np.asarray(face.landmarks, dtype=float)


def scaled(face: Face, factor: float) -> Face:
    """The same face in coordinates divided by ``factor`` (source pixels -> analysis pixels)."""
    x, y, w, h = face.box
    box = (round(x / factor), round(y / factor), max(1, round(w / factor)),
           max(1, round(h / factor)))
    lms = None
    if face.landmarks:
        lms = tuple((p[0] / factor, p[1] / factor, p[2] / factor) for p in face.landmarks)
    return Face(box=box, score=face.score, landmarks=lms)


def inter_ocular(p: np.ndarray) -> float:
    """Distance between the iris centres, the face's own ruler."""
    return float(np.linalg.norm(p[IRIS_A, :2] - p[IRIS_B, :2])) or 1.0
