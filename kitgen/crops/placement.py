"""Where each crop goes, as pure geometry: image size + face + preset -> box in source pixels.

Rules, in order: the crop has the preset's aspect ratio (to the pixel), lies inside the image,
holds the whole face (with a margin) inside the preset's safe area and clear of the part the
platform paints over, puts the eyes on the preset's eye line, and is as large as the preset's
face share asks (banners: as large as the image allows). Each rule that cannot be met is
relaxed in turn: first the covered area, then the safe area, then the margin; when even the bare
face cannot fit (a very wide format), both eyes stay in.
"""
from __future__ import annotations

from dataclasses import dataclass

from kitgen.crops.presets import Preset

Box = tuple[int, int, int, int]
Region = tuple[float, float, float, float]  # x, y, w, h as shares of the crop
MARGIN = 0.12  # share of the face size kept free around it
STEPS = 24  # crop sizes tried between the wanted size and the limits


@dataclass(frozen=True)
class Placement:
    box: Box
    face_fit: str  # whole | partial | none
    in_safe_area: bool = True


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


def regions(preset: Preset) -> list[Region]:
    """Where the face may go, best first: the safe area minus the covered part, then the
    whole safe area."""
    sx, sy, sw, sh = preset.safe_fraction()
    out: list[Region] = []
    avoid = preset.avoid_fraction()
    if avoid is not None:
        ax, ay, aw, ah = avoid
        right = max(sx, ax + aw)
        if right < sx + sw:
            out.append((right, sy, sx + sw - right, sh))  # beside the covered part
        if ay > sy:
            out.append((sx, sy, sw, ay - sy))  # above it
    out.append((sx, sy, sw, sh))
    return out


def _sizes(want: float, lo: float, hi: float) -> list[float]:
    """Crop heights to try: the wanted one, then nearer to the limits step by step."""
    want = _clamp(want, lo, hi)
    sizes = [want]
    for i in range(1, STEPS + 1):
        t = i / STEPS
        sizes.append(want + (lo - want) * t)
        sizes.append(want + (hi - want) * t)
    return sizes


def _try_region(W: int, H: int, preset: Preset, face: Box, eyes_y: float, region: Region,
                margin: float, want: float | None, aim: Region | None = None) -> Box | None:
    aspect = preset.aspect
    ax, ay, aw, ah = aim or region
    fx, fy, fw, fh = face
    rx, ry, rw, rh = region
    # The margin never asks for pixels beyond the image edge.
    ml, mr = min(fw * margin, fx), min(fw * margin, W - fx - fw)
    mt, mb = min(fh * margin, fy), min(fh * margin, H - fy - fh)
    need_w, need_h = fw + ml + mr, fh + mt + mb
    h_min = max(need_h / rh, need_w / (rw * aspect))
    _, h_max = max_box(W, H, aspect)
    if h_min > h_max + 0.5:
        return None
    cx, cy = fx + fw / 2, fy + fh / 2
    for h_try in _sizes(want if want else h_max, min(h_min, h_max), h_max):
        w, h = _fit_size(h_try, aspect, W, H)
        # Ranges of the crop's corner that keep the face (and margin) in the region.
        x_lo = max(0.0, fx + fw + mr - (rx + rw) * w)
        x_hi = min(float(W - w), fx - ml - rx * w)
        y_lo = max(0.0, fy + fh + mb - (ry + rh) * h)
        y_hi = min(float(H - h), fy - mt - ry * h)
        if x_lo > x_hi + 1e-6 or y_lo > y_hi + 1e-6:
            continue
        x = _clamp(cx - (ax + aw / 2) * w, x_lo, x_hi)
        if preset.eye_line is not None:
            y = eyes_y - preset.eye_line * h
        else:
            y = cy - (ay + ah / 2) * h
        y = _clamp(y, y_lo, y_hi)
        x, y = int(round(_clamp(x, 0, W - w))), int(round(_clamp(y, 0, H - h)))
        if x <= fx and y <= fy and fx + fw <= x + w and fy + fh <= y + h:
            return (x, y, w, h)
    return None


def place(W: int, H: int, preset: Preset, face: Box | None = None,
          eyes_y: float | None = None, focus: tuple[float, float] | None = None) -> Placement:
    aspect = preset.aspect
    if face is None:
        w, h = max_box(W, H, aspect)
        fx, fy = focus or (W / 2, H / 2)
        x = _clamp(fx - w / 2, 0, W - w)
        y = _clamp(fy - h / 2, 0, H - h)
        return Placement((int(round(x)), int(round(y)), w, h), "none")

    fx, fy, fw, fh = face
    ey = eyes_y if eyes_y is not None else fy + fh * 0.42
    want = fh / preset.face_share if preset.face_share else None
    for region in regions(preset):
        box = _try_region(W, H, preset, face, ey, region, MARGIN, want)
        if box:
            return Placement(box, "whole", True)
    for margin in (MARGIN, 0.0):  # outside the safe area, but the whole face in the crop
        box = _try_region(W, H, preset, face, ey, (0.0, 0.0, 1.0, 1.0), margin, want,
                          aim=preset.safe_fraction())
        if box:
            return Placement(box, "whole", False)
    # Too wide for the face: the largest crop, centred on the eyes.
    w, h = max_box(W, H, aspect)
    x = _clamp(fx + fw / 2 - w / 2, 0, W - w)
    y = _clamp(ey - 0.5 * h, 0, H - h)
    box = (int(round(x)), int(round(y)), w, h)
    # Rounding can still leave a tiny face whole; report what the box really holds.
    holds = box[0] <= fx and box[1] <= fy and fx + fw <= box[0] + w and fy + fh <= box[1] + h
    return Placement(box, "whole" if holds else "partial", False)
