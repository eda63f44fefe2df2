"""Colour mood in CIELAB: warmth, saturation, key and contrast for subject and background.

Pixels are converted with scikit-image's ``skimage.color.rgb2lab`` (sRGB, D65), a maintained
array implementation, rather than hand-written formulas; coloraide stays the tool for single
colours elsewhere in kitgen.
"""
from __future__ import annotations

import numpy as np
from skimage.color import rgb2lab

from kitgen.reading.thresholds import T


def lab_of(rgb: np.ndarray) -> np.ndarray:
    """CIELAB of 8-bit RGB pixels, in float32: scikit-image keeps float32 input in float32,
    which halves the time of its float64 default (about 20 ms a portrait) and moves L*a*b*
    by under 2e-4, far below any threshold's resolution."""
    return rgb2lab(np.asarray(rgb, dtype=np.float32) / np.float32(255))


def warmth_index(lab: np.ndarray) -> float:
    """Mean b* plus half mean a*: yellow and red push it up, blue and green down."""
    return float(lab[..., 2].mean() + 0.5 * lab[..., 1].mean())


def describe(lab: np.ndarray) -> dict:
    """The four labels and their measured values for a (N, 3) array of Lab pixels."""
    if lab.size == 0:
        return {"warmth": None, "saturation": None, "key": None, "contrast": None}
    light = lab[:, 0]
    chroma = float(np.hypot(lab[:, 1], lab[:, 2]).mean())
    warm = warmth_index(lab)
    mean_l = float(light.mean())
    p5, p95 = np.percentile(light, [5, 95])
    spread = float(p95 - p5)
    return {
        "warmth": "warm" if warm >= T["warm_min"] else "cool" if warm <= T["cool_max"]
        else "neutral",
        "saturation": "rich" if chroma >= T["rich_min"] else "muted"
        if chroma <= T["muted_max"] else "moderate",
        "key": "high" if mean_l >= T["key_high_min"] else "low" if mean_l <= T["key_low_max"]
        else "mid",
        "contrast": "hard" if spread >= T["contrast_hard_min"] else "soft"
        if spread <= T["contrast_soft_max"] else "medium",
        "warmth_index": round(warm, 1),
        "chroma": round(chroma, 1),
        "lightness": round(mean_l, 1),
        "contrast_range": round(spread, 1),
    }


def read_colour(lab: np.ndarray, subject: np.ndarray, background: np.ndarray,
                face: np.ndarray | None = None) -> dict:
    """The frame's, the subject's and the background's colour; the face box's too when
    there is one (its lightness tells exposure apart from a dark suit or a low key)."""
    whole = describe(lab.reshape(-1, 3))
    parts = {"face": describe(lab[face])} if face is not None and face.any() else {}
    return {
        "warmth": whole["warmth"],
        "saturation": whole["saturation"],
        "key": whole["key"],
        "contrast": whole["contrast"],
        "colour": {
            "frame": whole,
            "subject": describe(lab[subject]),
            "background": describe(lab[background]),
            **parts,
        },
    }
