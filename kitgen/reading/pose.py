"""Head pose (yaw, pitch, roll in degrees) from the 3D Face Mesh landmarks.

The face's own axes are built from the landmarks: x runs from the viewer-left outer eye corner to
the viewer-right one, y from the eyes down to the chin, and the facial normal is their cross
product. Signs are as the viewer sees the photo: yaw > 0 the face turns toward the viewer's
right, pitch > 0 the face tilts up, roll > 0 the head tilts clockwise on screen (the viewer-right
eye is lower). A mirror image flips yaw and roll; rotating the photo by a degrees
counter-clockwise lowers roll by a.
"""
from __future__ import annotations

import math

import numpy as np

from kitgen.reading import landmarks as lm


def frame(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The face's orthonormal axes as rows (x, y-down, into-image) and its centre."""
    ex = p[lm.EYE_B_OUTER] - p[lm.EYE_A_OUTER]
    ex = ex / (np.linalg.norm(ex) or 1.0)
    eyes = (p[lm.EYE_A_OUTER] + p[lm.EYE_B_OUTER]) / 2
    down = p[lm.CHIN] - eyes
    ey = down - ex * float(down @ ex)
    ey = ey / (np.linalg.norm(ey) or 1.0)
    ez = np.cross(ex, ey)
    return np.vstack([ex, ey, ez]), eyes


def head_pose(p: np.ndarray) -> dict[str, float]:
    axes, _ = frame(p)
    ex, _, ez = axes
    forward = -ez  # out of the face, toward the camera when frontal (z points away from it)
    yaw = math.degrees(math.atan2(forward[0], -forward[2]))
    pitch = math.degrees(math.atan2(-forward[1], math.hypot(forward[0], forward[2])))
    roll = math.degrees(math.atan2(ex[1], ex[0]))
    return {"yaw": round(yaw, 1), "pitch": round(pitch, 1), "roll": round(roll, 1)}

