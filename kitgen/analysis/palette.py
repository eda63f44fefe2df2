"""Per-portrait palette: colorthief's MMCQ on a small copy, then each colour's pixel share.

MMCQ's cost grows with the pixel count, and a 200 px copy keeps the same dominant colours as
the full image (benchmarks/ measures the CIEDE2000 difference), so the copy is what it sees.
"""
from __future__ import annotations

import numpy as np
from colorthief import MMCQ
from PIL import Image

from kitgen.analysis.colour import hex_of, hsl_of, name_of
from kitgen.records import Swatch

PALETTE_SIDE = 200
COLOURS = 8


def mmcq_palette(img: Image.Image, count: int) -> list[tuple[int, int, int]]:
    """colorthief's MMCQ over every pixel of ``img``, skipping near-white ones as
    ColorThief.get_palette does; pixels come from numpy because ColorThief reads them through
    Image.getdata, which Pillow deprecates."""
    pix = np.asarray(img.convert("RGB"), dtype=np.uint8).reshape(-1, 3)
    keep = ~(pix > 250).all(axis=1)
    pixels = [tuple(p) for p in pix[keep].tolist()] or [tuple(p) for p in pix.tolist()]
    cmap = MMCQ.quantize(pixels, count)
    return [tuple(int(v) for v in c) for c in cmap.palette] if cmap else []


def small_copy(img: Image.Image, side: int = PALETTE_SIDE) -> Image.Image:
    if max(img.size) <= side:
        return img.convert("RGB")
    scale = side / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.convert("RGB").resize(size, Image.BOX, reducing_gap=None)


def extract(img: Image.Image, count: int = COLOURS) -> tuple[Swatch, ...]:
    """6-8 colours, most used first, with the share of pixels nearest to each."""
    small = small_copy(img)
    uniq: list[tuple[int, int, int]] = []
    for c in mmcq_palette(small, count):
        if c not in uniq:
            uniq.append(c)
    pix = np.asarray(small, dtype=np.int32).reshape(-1, 3)
    pal = np.asarray(uniq, dtype=np.int32)
    nearest = ((pix[:, None, :] - pal[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
    counts = np.bincount(nearest, minlength=len(uniq))
    total = counts.sum()
    swatches = [
        Swatch(hex=hex_of(c), rgb=c, hsl=hsl_of(c), share=float(n) / total, name=name_of(c))
        for c, n in zip(uniq, counts)
        if n > 0
    ]
    swatches.sort(key=lambda s: (-s.share, s.hex))
    return tuple(swatches)
