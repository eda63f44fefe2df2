"""Per-portrait palette: MMCQ on a sample of the pixels, then each colour's pixel share.

kitgen.analysis.mmcq runs colorthief's algorithm over numpy arrays, on every 10th pixel as
colorthief does by default; an image over ``SAMPLE_PIXELS`` x 10 pixels is first point-sampled
down (nearest neighbour, no averaging, so no new colours) to keep the cost flat at any size.
benchmarks/run.py measures the speed and the CIEDE2000 difference against plain colorthief.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from kitgen.analysis import mmcq
from kitgen.analysis.colour import hex_of, hsl_of, name_of
from kitgen.records import Swatch

PALETTE_SIDE = 200
COLOURS = 8
STEP = 10  # colorthief's default quality: every 10th pixel
SAMPLE_PIXELS = 100_000


def mmcq_palette(img: Image.Image, count: int) -> list[tuple[int, int, int]]:
    """MMCQ over every ``STEP``-th pixel of ``img``, skipping near-white ones as
    ColorThief.get_palette does."""
    if img.width * img.height > SAMPLE_PIXELS * STEP:
        scale = (SAMPLE_PIXELS * STEP / (img.width * img.height)) ** 0.5
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        img = img.resize(size, Image.NEAREST)
    rgb = np.asarray(img if img.mode == "RGB" else img.convert("RGB"), dtype=np.uint8)
    pixels = mmcq.sample(rgb, STEP)
    if not len(pixels):  # an all-white image: use the white
        pixels = rgb.reshape(-1, 3)[::STEP]
    return mmcq.quantize(pixels, count)


def small_copy(img: Image.Image, side: int = PALETTE_SIDE) -> Image.Image:
    if max(img.size) > side:
        scale = side / max(img.size)
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        img = img.resize(size, Image.BOX, reducing_gap=2.0)
    return img if img.mode == "RGB" else img.convert("RGB")


def extract(img: Image.Image, count: int = COLOURS) -> tuple[Swatch, ...]:
    """6-8 colours, most used first, with the share of pixels nearest to each."""
    small = small_copy(img)
    uniq: list[tuple[int, int, int]] = []
    for c in mmcq_palette(img, count):
        if c not in uniq:
            uniq.append(c)
    pix = np.asarray(small, dtype=np.float64).reshape(-1, 3)
    pal = np.asarray(uniq, dtype=np.float64)
    # |p - c|^2 = |p|^2 - 2 p.c + |c|^2; |p|^2 is the same for every c, so a matrix product
    # ranks the colours (integers below 2^53: exact, same argmin as the plain distances).
    nearest = ((pal ** 2).sum(axis=1)[None, :] - 2.0 * (pix @ pal.T)).argmin(axis=1)
    counts = np.bincount(nearest, minlength=len(uniq))
    total = counts.sum()
    swatches = [
        Swatch(hex=hex_of(c), rgb=c, hsl=hsl_of(c), share=float(n) / total, name=name_of(c))
        for c, n in zip(uniq, counts)
        if n > 0
    ]
    swatches.sort(key=lambda s: (-s.share, s.hex))
    return tuple(swatches)
