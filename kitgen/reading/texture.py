"""Skin texture: is there natural fine detail on the cheeks and forehead, or has it been
smoothed away?

The face is resampled so the irises sit a fixed distance apart (resolution removed), then the
fine detail (lightness minus a 1 px Gaussian blur) is measured on three skin patches as a
robust spread (1.4826 x median absolute deviation), which ignores the odd hair or eyelash.

The spread is then taken relative to the skin's own level (exposure removed): L* + 16 grows as
the cube root of luminance, and so does a given texture's step in L*, so their ratio does not
move with exposure or skin tone. Measured in plain L* units, the same unretouched face read
0.98 well lit and 0.48 two stops darker ("smoothed": dial back retouching), so every low-key
portrait, and darker skin, failed the texture check (QA pass 4).
"""
from __future__ import annotations

import numpy as np
from PIL import Image
from skimage.filters import gaussian

from kitgen.reading import landmarks as lm
from kitgen.reading.colour_mood import lab_of
from kitgen.reading.thresholds import T

_PATCHES = ((lm.CHEEK_A, 0.2), (lm.CHEEK_B, 0.2), (lm.FOREHEAD_SKIN, 0.22))


def fine_detail(rgb: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """Robust spread of fine detail on the skin patches and the resampling factor used."""
    iod = lm.inter_ocular(p)
    scale = T["texture_face_iod_px"] / iod
    xs, ys = p[:, 0], p[:, 1]
    pad = 0.1 * iod
    h, w = rgb.shape[:2]
    x0, y0 = max(0, int(xs.min() - pad)), max(0, int(ys.min() - pad))
    x1, y1 = min(w, int(xs.max() + pad) + 1), min(h, int(ys.max() + pad) + 1)
    crop = Image.fromarray(np.ascontiguousarray(rgb[y0:y1, x0:x1]))
    size = (max(8, round(crop.width * scale)), max(8, round(crop.height * scale)))
    crop = crop.resize(size, Image.LANCZOS)
    light = lab_of(np.asarray(crop))[..., 0]
    detail = light - gaussian(light, sigma=1.0, preserve_range=True)
    yy, xx = np.mgrid[0:light.shape[0], 0:light.shape[1]]
    mask = np.zeros(light.shape, dtype=bool)
    for idx, radius in _PATCHES:
        cx, cy = (p[idx, 0] - x0) * scale, (p[idx, 1] - y0) * scale
        mask |= (xx - cx) ** 2 + (yy - cy) ** 2 <= (radius * T["texture_face_iod_px"]) ** 2
    vals = detail[mask]
    if vals.size < 20:
        return 0.0, scale
    mad = float(np.median(np.abs(vals - np.median(vals))))
    level = float(np.median(light[mask])) + 16.0  # 16 to 116: never zero
    return 1.4826 * mad * T["texture_reference_level"] / level, scale


def read_texture(rgb: np.ndarray, p: np.ndarray) -> dict:
    value, scale = fine_detail(rgb, p)
    low_res = scale > 1.5  # the face was enlarged a lot: fine detail was never captured
    return {
        "texture": "natural" if value >= T["texture_natural_min"] else "smoothed",
        "texture_detail": round(value, 3),
        "texture_low_resolution": bool(low_res),
    }
