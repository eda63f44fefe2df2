"""Per-portrait palette: colorthief's MMCQ on a small copy, then each colour's pixel share.

MMCQ runs in fast-colorthief, the C++ port of colorthief's MMCQ, where a wheel exists for
the platform: colorthief's pure-Python MMCQ spends 70-100 ms walking colour boxes whatever
the image size, the port well under 1 ms. The two agree on most images (8 of the 10 colour
photos in scikit-image's data, for one) and differ where a cut lands on empty slices of a
colour box: colorthief moves the cut past slices whose running count is zero, the port only
past slices that do not exist, so it splits dark boxes more finely. On the bundled astronaut
that costs about 4 CIEDE2000 (1.4-1.9 averaged over the three bundled portraits;
benchmarks/run.py measures it against plain colorthief). Without the port, colorthief's own
MMCQ runs, so a kit still builds everywhere.

MMCQ's cost grows with the pixel count, so it sees a 160 px copy. The copy is sampled
(nearest neighbour), not averaged: plain colorthief samples every tenth pixel, and averaging
blends neighbouring colours into new ones, which moved some palettes by 5-8 CIEDE2000 from
plain colorthief's; a sampled copy stays within about 0.5 on average (benchmarks/run.py
measures it). Pixels reach colorthief through numpy because ColorThief's own reader uses
Image.getdata, which Pillow deprecates.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

from kitgen.analysis.colour import hex_of, hsl_of, names_of
from kitgen.records import Swatch

PALETTE_SIDE = 160
COLOURS = 8


try:
    import fast_colorthief
except ImportError:  # no wheel for this platform: colorthief's own MMCQ below
    fast_colorthief = None


def mmcq_palette(img: Image.Image, count: int) -> list[tuple[int, int, int]]:
    """MMCQ over every pixel of ``img``, skipping near-white ones as ColorThief.get_palette
    does (an all-white image keeps its white)."""
    rgb = img if img.mode == "RGB" else img.convert("RGB")
    all_white = min(low for low, _ in rgb.getextrema()) > 250
    if fast_colorthief is not None and not all_white:
        # The port skips near-white and see-through pixels itself; every pixel is opaque here.
        rgba = np.asarray(rgb.convert("RGBA"))
        return [_clamped(c) for c in fast_colorthief.get_palette(rgba, count, 1)]
    from colorthief import MMCQ

    flat = np.asarray(rgb, dtype=np.uint8).reshape(-1, 3)
    keep = flat if all_white else flat[~(flat > 250).all(axis=1)]
    # MMCQ indexes each pixel's channels, so the plain lists tolist() makes serve as they are.
    cmap = MMCQ.quantize(keep.tolist(), count)
    return [_clamped(c) for c in cmap.palette] if cmap else []


def _clamped(c) -> tuple[int, int, int]:
    """MMCQ answers a box's centre, which is 256 in a channel's top cell (an all-white image)."""
    return tuple(min(255, max(0, int(v))) for v in c)  # type: ignore[return-value]


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
    pix = np.asarray(small, dtype=np.float32).reshape(-1, 3)
    pal = np.asarray(uniq, dtype=np.float32)
    # |p - c|^2 = |p|^2 - 2 p.c + |c|^2; |p|^2 is the same for every c, so a product with
    # -2c ranks the colours. Every term is an integer below 2^24, which float32 holds exactly:
    # the same ranking as the plain distances. One colour at a time with a running minimum
    # (the first colour kept on a tie, as argmin does): 0.45 ms on a 160 px copy, where one
    # matrix of all the distances (too big to stay in the CPU cache) took 0.87 ms and argmin
    # over rows of eight, which numpy walks one short row at a time, 1.1 ms more.
    twice, squares = -2.0 * pal, (pal ** 2).sum(axis=1)
    best = pix @ twice[0]
    best += squares[0]
    nearest = np.zeros(len(pix), dtype=np.uint8)
    for i in range(1, len(pal)):
        dist = pix @ twice[i]
        dist += squares[i]
        closer = dist < best
        np.minimum(best, dist, out=best)
        nearest[closer] = i
    counts = np.bincount(nearest, minlength=len(uniq))
    # Plain ints, so shares are Python floats: numpy's round() differs from Python's at
    # halves, and a fresh record must round exactly as the same record read back from cache.
    total = int(counts.sum())
    used = [(c, int(n)) for c, n in zip(uniq, counts) if n > 0]
    names = names_of([c for c, _ in used])
    swatches = [Swatch(hex=hex_of(c), rgb=c, hsl=hsl_of(c), share=n / total, name=name)
                for (c, n), name in zip(used, names)]
    swatches.sort(key=lambda s: (-s.share, s.hex))
    return tuple(swatches)
