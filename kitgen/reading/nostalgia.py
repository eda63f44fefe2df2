"""Period cues: film grain, lifted (faded) blacks and a warm, low-chroma vintage cast.

Grain is estimated with Immerkaer's noise estimator (a 3x3 kernel that cancels smooth image
structure) on the flattest quarter of 16 px blocks, so edges and texture do not count as grain.
"""
from __future__ import annotations

import math

import numpy as np
from scipy.ndimage import convolve

from kitgen.reading.colour_mood import warmth_index
from kitgen.reading.thresholds import T

_KERNEL = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], dtype=float)
_BLOCK = 16


def grain_sigma(light: np.ndarray) -> float:
    """Noise standard deviation (L* units) in the flattest parts of a lightness image."""
    h, w = light.shape
    if h < 3 * _BLOCK or w < 3 * _BLOCK:
        return 0.0
    resp = np.abs(convolve(light, _KERNEL, mode="reflect"))
    hb, wb = h // _BLOCK, w // _BLOCK
    blocks = light[:hb * _BLOCK, :wb * _BLOCK].reshape(hb, _BLOCK, wb, _BLOCK)
    spread = blocks.std(axis=(1, 3)).ravel()
    rblocks = resp[:hb * _BLOCK, :wb * _BLOCK].reshape(hb, _BLOCK, wb, _BLOCK)
    noise = rblocks.mean(axis=(1, 3)).ravel() * math.sqrt(math.pi / 2) / 6
    flat = np.argsort(spread, kind="stable")[:max(1, spread.size // 4)]
    return float(np.median(noise[flat]))


def read_nostalgia(full_light: np.ndarray, lab_small: np.ndarray) -> dict:
    grain = grain_sigma(full_light)
    black = float(np.percentile(lab_small[..., 0], 1))
    warm = warmth_index(lab_small)
    chroma = float(np.hypot(lab_small[..., 1], lab_small[..., 2]).mean())
    cues = {
        "grain": grain >= T["grain_sigma"],
        "lifted_blacks": black >= T["lifted_black_L"],
        "warm_cast": warm >= T["vintage_warmth"] and chroma <= T["vintage_chroma_max"],
    }
    return {
        "nostalgia": sum(cues.values()) >= T["nostalgia_cues"],
        "nostalgia_cues": {k: bool(v) for k, v in cues.items()},
        "grain": round(grain, 2),
        "black_point": round(black, 1),
    }
