"""Per-portrait palette: colorthief's MMCQ on a small copy, then each colour's pixel share.

MMCQ's cost grows with the pixel count, and a 200 px copy keeps the same dominant colours as
the full image (benchmarks/ measures the CIEDE2000 difference), so the copy is what it sees.
"""
from __future__ import annotations

import numpy as np
from colorthief import ColorThief
from PIL import Image

from kitgen.analysis.colour import hex_of, hsl_of, name_of
from kitgen.records import Swatch

PALETTE_SIDE = 200
COLOURS = 8


class _Thief(ColorThief):
    """ColorThief over an image already in memory (its constructor insists on a file)."""

    def __init__(self, image: Image.Image) -> None:  # noqa: D107 - no super().__init__ on purpose
        self.image = image


def small_copy(img: Image.Image, side: int = PALETTE_SIDE) -> Image.Image:
    if max(img.size) <= side:
        return img.convert("RGB")
    scale = side / max(img.size)
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    return img.convert("RGB").resize(size, Image.BOX, reducing_gap=None)


def extract(img: Image.Image, count: int = COLOURS) -> tuple[Swatch, ...]:
    """6-8 colours, most used first, with the share of pixels nearest to each."""
    small = small_copy(img)
    colours = _Thief(small).get_palette(color_count=count, quality=1)
    uniq: list[tuple[int, int, int]] = []
    for c in colours:
        c = tuple(int(v) for v in c)
        if c not in uniq:
            uniq.append(c)  # type: ignore[arg-type]
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
