"""Faces from real landmarks: MediaPipe's face detector and Face Mesh with iris refinement.

mediapipe==0.10.21 carries both models inside its wheel, so nothing is downloaded at run time.
Models are created once per process and reused; analysis runs on a copy at most
``ANALYSIS_SIDE`` px on the long side and coordinates are scaled back to source pixels.
"""
from __future__ import annotations

import contextlib
import logging
import os
import threading

import numpy as np
from PIL import Image

from kitgen.records import Face

log = logging.getLogger(__name__)
ANALYSIS_SIDE = 1280
MAX_FACES = 6
MESH_CROP_SIDE = 480  # px: a missed face is re-read at this size
_models: dict[str, object] = {}
_RUN = threading.RLock()


def _quiet_native_logs() -> None:
    os.environ.setdefault("GLOG_minloglevel", "2")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@contextlib.contextmanager
def _native_stderr_silenced():  # noqa: ANN202
    """MediaPipe's C++ side prints start-up chatter straight to fd 2; hide it from users.

    Also one MediaPipe run at a time in the process: each model is one graph, and fd 2 is the
    process's, so two threads (portraits side by side in a worker) must not interleave here."""
    with _RUN:
        try:
            saved = os.dup(2)
        except OSError:
            yield
            return
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            try:
                yield
            finally:
                os.dup2(saved, 2)
                os.close(saved)


def _model(name: str):  # noqa: ANN202
    if name not in _models:
        _quiet_native_logs()
        from kitgen.analysis.mediapipe_import import face_solutions

        face_detection, face_mesh = face_solutions()
        if name == "detector":
            _models[name] = face_detection.FaceDetection(
                model_selection=1, min_detection_confidence=0.5)
        else:
            _models[name] = face_mesh.FaceMesh(
                static_image_mode=True, max_num_faces=MAX_FACES, refine_landmarks=True,
                min_detection_confidence=0.5)
    return _models[name]


def analysis_copy(img: Image.Image, side: int = ANALYSIS_SIDE) -> tuple[np.ndarray, float]:
    """An RGB array no larger than ``side`` and the factor back to source pixels."""
    scale = min(1.0, side / max(img.size))
    if scale < 1.0:
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        img = img.resize(size, Image.BILINEAR, reducing_gap=2.0)
    return np.ascontiguousarray(np.asarray(img.convert("RGB"))), 1.0 / scale


def _clip_box(x0: float, y0: float, x1: float, y1: float, w: int, h: int) -> tuple[int, ...]:
    x0, y0 = max(0, round(x0)), max(0, round(y0))
    x1, y1 = min(w, round(x1)), min(h, round(y1))
    return x0, y0, max(1, x1 - x0), max(1, y1 - y0)


def detect_faces(arr: np.ndarray, factor: float, size: tuple[int, int]) -> list[Face]:
    """All faces, largest first; faces Face Mesh finds carry their 478 landmarks."""
    ah, aw = arr.shape[:2]
    W, H = size
    detections = []
    with _native_stderr_silenced():
        res = _model("detector").process(arr)
        mres = _model("mesh").process(arr)
    for det in res.detections or []:
        bb = det.location_data.relative_bounding_box
        x0, y0 = bb.xmin * aw * factor, bb.ymin * ah * factor
        x1, y1 = x0 + bb.width * aw * factor, y0 + bb.height * ah * factor
        detections.append(((x0, y0, x1, y1), float(det.score[0])))
    meshes = []
    for lms in mres.multi_face_landmarks or []:
        pts = tuple((p.x * aw * factor, p.y * ah * factor, p.z * aw * factor)
                    for p in lms.landmark)
        meshes.append(pts)

    faces: list[Face] = []
    used = set()
    for pts in meshes:
        xs = [p[0] for p in pts]
        ys = [p[1] for p in pts]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        score = 0.5
        for i, ((x0, y0, x1, y1), s) in enumerate(detections):
            if i not in used and x0 <= cx <= x1 and y0 <= cy <= y1:
                used.add(i)
                score = s
                break
        box = _clip_box(min(xs), min(ys), max(xs), max(ys), W, H)
        faces.append(Face(box=box, score=score, landmarks=tuple(
            (round(x, 2), round(y, 2), round(z, 2)) for x, y, z in pts)))
    for i, ((x0, y0, x1, y1), s) in enumerate(detections):
        if i in used:
            continue
        pts = _mesh_in_crop(arr, factor, (x0, y0, x1, y1))
        if pts is None:
            faces.append(Face(box=_clip_box(x0, y0, x1, y1, W, H), score=s))
            continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        faces.append(Face(box=_clip_box(min(xs), min(ys), max(xs), max(ys), W, H), score=s,
                          landmarks=tuple((round(x, 2), round(y, 2), round(z, 2))
                                          for x, y, z in pts)))
    faces.sort(key=lambda f: (-f.box[2] * f.box[3], f.box[0], f.box[1]))
    return faces


# A picture whose faces are all weak as stored (none, or Face Mesh's alone, which scores 0.5)
# while the detector is sure of one in it turned half round is stored upside down. On the
# bundled portraits turned 180 degrees the detector found nothing or Face Mesh a wrong 0.5 box;
# turned back, 0.87-0.91. On twenty scikit-image pictures without a face, turning found none.
WEAK_FACE, SURE_FACE = 0.6, 0.8


def upside_down(arr: np.ndarray, faces: list[Face]) -> bool:
    """Whether ``arr`` looks stored upside down (an orientation tag lost): checked only when
    no face was found clearly, so an upright portrait costs nothing."""
    if any(f.score >= WEAK_FACE for f in faces):
        return False
    with _native_stderr_silenced():
        res = _model("detector").process(np.ascontiguousarray(arr[::-1, ::-1]))
    return any(float(d.score[0]) >= SURE_FACE for d in res.detections or [])


def _mesh_in_crop(arr: np.ndarray, factor: float,
                  box: tuple[float, float, float, float]) -> tuple | None:
    """Face Mesh on an enlarged crop around a detected face that the whole-image pass missed
    (its face finder works at a fixed input size, so faces small in a wide frame slip by)."""
    ah, aw = arr.shape[:2]
    x0, y0, x1, y1 = (v / factor for v in box)
    side = max(x1 - x0, y1 - y0) * 2.2
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, t = max(0, int(cx - side / 2)), max(0, int(cy - side / 2))
    r, b = min(aw, int(cx + side / 2)), min(ah, int(cy + side / 2))
    if r - left < 16 or b - t < 16:
        return None
    crop = Image.fromarray(arr[t:b, left:r])
    zoom = MESH_CROP_SIDE / max(crop.size)
    crop = crop.resize((max(1, round(crop.width * zoom)), max(1, round(crop.height * zoom))),
                       Image.BICUBIC)
    carr = np.ascontiguousarray(np.asarray(crop))
    with _native_stderr_silenced():
        res = _model("mesh").process(carr)
    best = None
    for lms in res.multi_face_landmarks or []:
        pts = tuple(((left + p.x * carr.shape[1] / zoom) * factor,
                     (t + p.y * carr.shape[0] / zoom) * factor,
                     p.z * carr.shape[1] / zoom * factor) for p in lms.landmark)
        mx = sum(p[0] for p in pts) / len(pts)
        my = sum(p[1] for p in pts) / len(pts)
        inside = box[0] <= mx <= box[2] and box[1] <= my <= box[3]
        dist = (mx - cx * factor) ** 2 + (my - cy * factor) ** 2
        if inside and (best is None or dist < best[0]):
            best = (dist, pts)
    return best[1] if best else None
