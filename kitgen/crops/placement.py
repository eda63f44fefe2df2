"""Where each crop goes, as pure geometry: image size + face + preset -> box in source pixels.

Rules, in order: the crop has the preset's aspect ratio (to the pixel), lies inside the image,
holds the whole face inside the preset's safe area when the image allows it, keeps the face off
the area the platform covers, puts the eyes on the preset's eye line, and is as large as the
preset's face share asks. When a very wide format cannot hold the face, the eyes stay in.
"""
from __future__ import annotations

from dataclasses import dataclass

from kitgen.crops.presets import Preset

Box = tuple[int, int, int, int]
MARGIN = 0.12  # share of the face size kept free around it


@dataclass(frozen=True)
class Placement:
    box: Box
    face_fit: str  # whole | partial | none


def _fit_size(h: float, aspect: float, W: int, H: int) -> tuple[int, int]:
    """Integer (w, h) with w/h as close to aspect as pixels allow, inside W x H."""
    h = min(h, H, W / aspect)
    hi = max(1, int(round(h)))
    wi = int(round(hi * aspect))
    if wi > W:
        wi = W
        hi = max(1, min(H, int(round(wi / aspect))))
    return max(1, wi), hi


def _clamp(v: float, lo: float, hi: float) -> float:
    return max(lo, min(hi, v))


def max_box(W: int, H: int, aspect: float) -> tuple[int, int]:
    return _fit_size(float(H), aspect, W, H)


def place(W: int, H: int, preset: Preset, face: Box | None = None,
          eyes_y: float | None = None, focus: tuple[float, float] | None = None) -> Placement:
    aspect = preset.aspect
    sx, sy, sw, sh = preset.safe_fraction()
    if face is None:
        w, h = max_box(W, H, aspect)
        fx, fy = focus or (W / 2, H / 2)
        x = _clamp(fx - w / 2, 0, W - w)
        y = _clamp(fy - h / 2, 0, H - h)
        return Placement((int(round(x)), int(round(y)), w, h), "none")

    fx, fy, fw, fh = face
    need_w, need_h = fw * (1 + 2 * MARGIN), fh * (1 + 2 * MARGIN)
    # The smallest crop whose safe area holds the face with its margin.
    h_min = max(need_h / sh, need_w / (sw * aspect))
    if preset.face_share:
        h_want = max(fh / preset.face_share, h_min)
    else:  # banners: as much of the picture as fits
        h_want = float(H)
    w, h = _fit_size(h_want, aspect, W, H)
    whole = h >= h_min - 0.5

    cx, cy = fx + fw / 2, fy + fh / 2
    ey = eyes_y if eyes_y is not None else fy + fh * 0.42
    # Horizontal: face centre on the safe area's centre, moved clear of the covered area.
    target_x = sx + sw / 2
    avoid = preset.avoid_fraction()
    if avoid is not None:
        ax, ay, aw, ah = avoid
        right_of_avoid = ax + aw
        half_face = (need_w / 2) / w
        if target_x - half_face < right_of_avoid and (cy / 1.0) >= 0:
            target_x = min(sx + sw - half_face, max(target_x, (right_of_avoid + sx + sw) / 2))
    x = cx - target_x * w
    # Vertical: eyes on the eye line, or face centred in the safe area for banners.
    if not whole:
        y = ey - 0.5 * h  # keep both eyes in, centred
    elif preset.eye_line is not None:
        y = ey - preset.eye_line * h
    else:
        y = cy - (sy + sh / 2) * h
    # Keep the face (with margin) inside the safe area when it fits.
    if whole:
        m_x, m_y = fw * MARGIN, fh * MARGIN
        x = _clamp(x, fx + fw + m_x - (sx + sw) * w, fx - m_x - sx * w)
        y = _clamp(y, fy + fh + m_y - (sy + sh) * h, fy - m_y - sy * h)
    x = _clamp(x, 0, W - w)
    y = _clamp(y, 0, H - h)
    box = (int(round(x)), int(round(y)), w, h)
    inside = (box[0] <= fx and box[1] <= fy and fx + fw <= box[0] + w and fy + fh <= box[1] + h)
    return Placement(box, "whole" if inside else "partial")
