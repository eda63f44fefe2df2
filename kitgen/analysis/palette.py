"""Per-portrait palette: colorthief's MMCQ on a small copy, then each colour's pixel share.

MMCQ's cost grows with the pixel count, so colorthief sees a 160 px copy. The copy is sampled
(nearest neighbour), not averaged: plain colorthief samples every tenth pixel, and averaging
blends neighbouring colours into new ones, which moved some palettes by 5-8 CIEDE2000 from
plain colorthief's; a sampled copy stays within about 0.5 on average (benchmarks/run.py
measures it). Pixels reach colorthief through numpy because ColorThief's own reader uses
Image.getdata, which Pillow deprecates.
"""
from __future__ import annotations

import numpy as np
from colorthief import MMCQ
from PIL import Image

from kitgen.analysis.colour import hex_of, hsl_of, name_of
from kitgen.records import Swatch

PALETTE_SIDE = 160
COLOURS = 8


def mmcq_palette(img: Image.Image, count: int) -> list[tuple[int, int, int]]:
    """colorthief's MMCQ over every pixel of ``img``, skipping near-white ones as
    ColorThief.get_palette does (an all-white image keeps its white)."""
    pix = np.asarray(img if img.mode == "RGB" else img.convert("RGB"), dtype=np.uint8)
    pix = pix.reshape(-1, 3)
    keep = pix[~(pix > 250).all(axis=1)]
    # MMCQ indexes each pixel's channels, so the plain lists tolist() makes serve as they are.
    cmap = MMCQ.quantize((keep if len(keep) else pix).tolist(), count)
    return [tuple(int(v) for v in c) for c in cmap.palette] if cmap else []


def small_copy(img: Image.Image, side: int = PALETTE_SIDE) -> Image.Image:
    if max(img.size) > side:
        scale = side / max(img.size)
        size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
        img = img.resize(size, Image.NEAREST)
    return img if img.mode == "RGB" else img.convert("RGB")


def extract(img: Image.Image, count: int = COLOURS) -> tuple[Swatch, ...]:
    """6-8 colours, most used first, with the share of pixels nearest to each."""
    small = small_copy(img)
    uniq: list[tuple[int, int, int]] = []
    for c in mmcq_palette(small, count):
        if c not in uniq:
            uniq.append(c)
    pix = np.asarray(small, dtype=np.float64).reshape(-1, 3)
    pal = np.asarray(uniq, dtype=np.float64)
    # |p - c|^2 = |p|^2 - 2 p.c + |c|^2; |p|^2 is the same for every c, so a matrix product
    # ranks the colours (integers below 2^53: exact, same argmin as the plain distances).
    nearest = ((pal ** 2).sum(axis=1)[None, :] - 2.0 * (pix @ pal.T)).argmin(axis=1)
    counts = np.bincount(nearest, minlength=len(uniq))
    # Plain ints, so shares are Python floats: numpy's round() differs from Python's at
    # halves, and a fresh record must round exactly as the same record read back from cache.
    total = int(counts.sum())
    swatches = [
        Swatch(hex=hex_of(c), rgb=c, hsl=hsl_of(c), share=int(n) / total, name=name_of(c))
        for c, n in zip(uniq, counts)
        if n > 0
    ]
    swatches.sort(key=lambda s: (-s.share, s.hex))
    return tuple(swatches)
