"""Real portraits and copies altered in known ways, read once per test session.

Faces come from kitgen's own detector (``analysis_copy`` + ``detect_faces``); coordinates are
scaled to the analysis copy exactly as ``kitgen.process`` does.
"""
from __future__ import annotations

from functools import cache

import numpy as np
from conftest import ASTRONAUT, CAMERAMAN, HOPPER
from PIL import Image, ImageFilter, ImageOps

SOURCES = {"astronaut": ASTRONAUT, "hopper": HOPPER, "cameraman": CAMERAMAN}


def source(name: str) -> Image.Image:
    return Image.open(SOURCES[name]).convert("RGB")


def _grade(img: Image.Image, gains: tuple[float, float, float]) -> Image.Image:
    a = np.asarray(img).astype(float) * np.asarray(gains)
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))


def _grain(img: Image.Image, sigma: float, seed: int = 7) -> Image.Image:
    a = np.asarray(img).astype(float)
    noise = np.random.default_rng(seed).normal(0, sigma, a.shape[:2])[..., None]
    return Image.fromarray(np.clip(a + noise, 0, 255).astype(np.uint8))


def _faded(img: Image.Image) -> Image.Image:
    """A vintage treatment: blacks lifted to ~L* 20, a warm cast, then grain."""
    a = np.asarray(img).astype(float)
    a = 45 + a * (200 / 255)
    return _grain(_grade(Image.fromarray(a.astype(np.uint8)), (1.08, 1.0, 0.82)), 10)


def _rotated(img: Image.Image, degrees: float) -> Image.Image:
    # expand=True pads the canvas, so the whole face stays in the frame.
    return img.rotate(degrees, resample=Image.BICUBIC, expand=True, fillcolor=(128, 128, 128))


def _half_shifted(img: Image.Image, px: int) -> Image.Image:
    """The viewer-right half of the picture (from the face's midline) moved up by ``px``."""
    a = np.asarray(img)
    mid = round(sum(e[0] for e in read("astronaut")["eyes"]) / 2)
    b = a.copy()
    b[:-px, mid:] = a[px:, mid:]
    return Image.fromarray(b)


def _small_in_canvas(img: Image.Image, k: float) -> Image.Image:
    side = round(img.width * k)
    canvas = Image.new("RGB", (side, side), (90, 90, 90))
    canvas.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
    return canvas


def variant(name: str, change: str = "") -> Image.Image:
    img = source(name)
    kind, _, arg = change.partition(":")
    if not kind:
        return img
    return {
        "mirror": lambda: ImageOps.mirror(img),
        "rotate": lambda: _rotated(img, float(arg)),
        "blur": lambda: img.filter(ImageFilter.GaussianBlur(float(arg))),
        "warm": lambda: _grade(img, (1.15, 1.0, 0.75)),
        "cool": lambda: _grade(img, (0.75, 0.95, 1.25)),
        "dark": lambda: _grade(img, (float(arg),) * 3),  # every channel times arg
        "grain": lambda: _grain(img, float(arg)),
        "faded": lambda: _faded(img),
        "shift": lambda: _half_shifted(img, int(arg)),
        "canvas": lambda: _small_in_canvas(img, float(arg)),
        "closeup": lambda: img.crop((149, 46, 301, 222)),
    }[kind]()


def faces_of(img: Image.Image):
    from kitgen.analysis.face import analysis_copy, detect_faces
    from kitgen.reading.landmarks import scaled

    arr, factor = analysis_copy(img)
    faces = detect_faces(arr, factor, img.size)
    return arr, [scaled(f, factor) for f in faces]


def read_image(img: Image.Image) -> dict:
    from kitgen.reading import read_portrait

    arr, faces = faces_of(img)
    return read_portrait(arr, faces[0] if faces else None, faces)


@cache
def read(name: str, change: str = "") -> dict:
    """The reading of a bundled portrait, optionally altered ("mirror", "rotate:12", ...)."""
    return read_image(variant(name, change))
