"""Where the subject is and where the background is, as boolean masks over a small copy.

The person is approximated from the face: an oval around the face (hair included) and the
shoulders and torso below it. Background is everything outside that shape grown by a margin,
so a soft mask edge never mixes the two. Without a face the centre of the frame stands in for
the subject.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

WORK_SIDE = 384  # colour statistics do not need more pixels than this


@dataclass(frozen=True)
class Regions:
    small: np.ndarray  # RGB uint8, long side <= WORK_SIDE
    scale: float  # small = full * scale
    subject: np.ndarray
    background: np.ndarray
    face: np.ndarray | None  # the face box interior
    from_face: bool


def small_copy(rgb: np.ndarray, side: int = WORK_SIDE) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    scale = min(1.0, side / max(h, w))
    if scale >= 1.0:
        return rgb, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return np.asarray(Image.fromarray(rgb).resize(size, Image.BILINEAR, reducing_gap=2.0)), scale


def _ellipse(h: int, w: int, cx: float, cy: float, rx: float, ry: float) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w]
    return ((xx - cx) / max(rx, 1e-6)) ** 2 + ((yy - cy) / max(ry, 1e-6)) ** 2 <= 1.0


def person_mask(h: int, w: int, box: tuple[float, float, float, float], grow: float = 1.0,
                ) -> np.ndarray:
    x, y, bw, bh = box
    cx, cy = x + bw / 2, y + bh / 2
    head = _ellipse(h, w, cx, cy - 0.12 * bh, 0.72 * bw * grow, 0.78 * bh * grow)
    yy, xx = np.mgrid[0:h, 0:w]
    top = y + 0.95 * bh - 0.1 * bh * (grow - 1)
    # Shoulders widen below the chin: half width grows from 0.7 to 1.5 face widths.
    spread = np.clip((yy - top) / max(bh, 1e-6), 0.0, 1.0)
    half = (0.7 + 0.8 * spread) * bw * grow
    torso = (yy >= top) & (np.abs(xx - cx) <= half)
    return head | torso


def regions(rgb: np.ndarray, box: tuple[int, int, int, int] | None) -> Regions:
    small, scale = small_copy(rgb)
    h, w = small.shape[:2]
    if box is None:
        subject = _ellipse(h, w, w / 2, h / 2, w * 0.25, h * 0.35)
        background = ~_ellipse(h, w, w / 2, h / 2, w * 0.32, h * 0.42)
        return Regions(small, scale, subject, background, None, False)
    sbox = tuple(v * scale for v in box)
    subject = person_mask(h, w, sbox)
    background = ~person_mask(h, w, sbox, grow=1.25)
    if background.mean() < 0.04:  # the face fills the frame: keep the outer border at least
        background = ~_ellipse(h, w, w / 2, h / 2, w * 0.48, h * 0.48)
    x, y, bw, bh = sbox
    face = np.zeros((h, w), dtype=bool)
    rows = slice(int(y + 0.15 * bh), int(y + 0.85 * bh) + 1)
    face[rows, int(x + 0.15 * bw):int(x + 0.85 * bw) + 1] = True
    return Regions(small, scale, subject, background, face, True)
