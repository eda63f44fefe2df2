"""``read_portrait``: every measured cue of one portrait as a JSON-ready dict.

Pure and deterministic: the same pixels and landmarks give the same reading. Face cues are
null, with ``face_reason`` saying why, when there is no face or no landmark mesh for it.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from kitgen.reading import landmarks as lm
from kitgen.reading.asymmetry import read_asymmetry
from kitgen.reading.background import read_background
from kitgen.reading.colour_mood import lab_of, read_colour
from kitgen.reading.expression import read_expression
from kitgen.reading.framing import read_framing
from kitgen.reading.gaze import read_gaze
from kitgen.reading.nostalgia import read_nostalgia
from kitgen.reading.pose import head_pose
from kitgen.reading.regions import regions
from kitgen.reading.texture import read_texture
from kitgen.reading.thresholds import T
from kitgen.records import Face

READING_VERSION = 1
GRAIN_WINDOW = 640  # grain is measured on a native-resolution window, never on a resize

FACE_FIELDS = ("gaze", "gaze_direction", "gaze_offset", "gaze_angles", "iris_offset",
               "expression", "smile_score", "mouth_open", "mouth", "head", "pose",
               "asymmetry", "asymmetry_score", "asymmetry_feature", "texture",
               "texture_detail", "texture_low_resolution")


def _plain(v: Any) -> Any:
    """numpy scalars and tuples to plain JSON values."""
    if isinstance(v, dict):
        return {str(k): _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, np.integer)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return round(float(v), 3)
    return v


def _pose_labels(head: dict[str, float]) -> dict[str, str]:
    turned = max(abs(head["yaw"]), abs(head["pitch"])) >= T["head_turned_deg"]
    roll = abs(head["roll"])
    tilt = "level" if roll < T["roll_tilt_deg"] else (
        "tilted" if roll < T["roll_strong_deg"] else "strongly_tilted")
    return {"facing": "turned" if turned else "frontal", "tilt": tilt}


def _centre_window(rgb: np.ndarray, side: int = GRAIN_WINDOW) -> np.ndarray:
    h, w = rgb.shape[:2]
    y0, x0 = max(0, (h - side) // 2), max(0, (w - side) // 2)
    return rgb[y0:y0 + side, x0:x0 + side]


def face_reason(face: Face | None, faces: list[Face]) -> str | None:
    if face is None:
        return ("no face was found, so gaze, expression, pose, asymmetry and skin texture "
                "could not be read")
    if lm.points(face) is None:
        return ("a face was found but it is turned too far, too small or too covered for the "
                "landmark mesh, so gaze, expression, pose, asymmetry and skin texture could not "
                "be read")
    return None


def read_portrait(rgb: np.ndarray, face: Face | None, faces: list[Face]) -> dict:
    """The reading of an upright sRGB uint8 array; ``face`` is the subject, in its pixels."""
    rgb = np.ascontiguousarray(rgb[..., :3]).astype(np.uint8, copy=False)
    height, width = rgb.shape[:2]
    out: dict[str, Any] = {"version": READING_VERSION, "faces": len(faces),
                           "face_reason": face_reason(face, faces)}
    out.update({k: None for k in FACE_FIELDS})
    p = lm.points(face)
    if p is not None:
        head = head_pose(p)
        out["head"] = head
        out["pose"] = _pose_labels(head)
        out.update(read_gaze(p, head))
        out.update(read_expression(p))
        if abs(head["yaw"]) <= T["asymmetry_max_yaw"]:
            out.update(read_asymmetry(p))
        out.update(read_texture(rgb, p))
        out["eyes"] = [[round(float(v), 1) for v in p[i, :2]] for i in (lm.IRIS_A, lm.IRIS_B)]
    if face is not None:
        eyes_y = float((p[lm.IRIS_A, 1] + p[lm.IRIS_B, 1]) / 2) if p is not None else None
        out.update(read_framing(width, height, face.box, eyes_y))
    else:
        out.update({"framing": None, "face_share": None, "face_centre": None, "thirds": None})
    reg = regions(rgb, face.box if face is not None else None)
    lab = lab_of(reg.small)
    out.update(read_colour(lab, reg.subject, reg.background, reg.face))
    out.update(read_background(lab[..., 0], reg.background, reg.face))
    window = _centre_window(rgb)
    out.update(read_nostalgia(lab_of(window)[..., 0], lab))
    out["energy"] = energy(out)
    return _plain(out)


def energy(r: dict) -> float:
    """0..1: rich colour, strong contrast and a broad smile all raise it (mood map's y)."""
    frame = r["colour"]["frame"]
    chroma = min(1.0, frame["chroma"] / T["energy_chroma_full"])
    contrast = min(1.0, frame["contrast_range"] / T["energy_contrast_full"])
    smile = r["smile_score"] if r.get("smile_score") is not None else 0.0
    return round(0.4 * chroma + 0.3 * contrast + 0.3 * smile, 3)
