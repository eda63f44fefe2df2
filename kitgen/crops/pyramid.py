"""One decoded photo, box-reduced once per power of two and shared by every crop and preview.

LANCZOS costs about six multiply-adds per pixel it reads, whatever the output size, so a crop
from a 12 MP photo spends most of its time reading pixels. Each resize here reads the smallest
shared copy that still holds at least ``GAP`` of its pixels per output pixel: Pillow's own
reducing_gap idea (``Image.reduce``, then LANCZOS), with the reductions done once per photo
instead of once per crop.
"""
from __future__ import annotations

from PIL import Image

GAP = 2.0  # Pillow's default reducing_gap for thumbnail() and draft()
MAX_LEVEL = 64


class Pyramid:
    """``image`` shows the source reduced by ``scale`` (a JPEG decoded at 1/2, 1/4 or 1/8);
    boxes and sizes given to ``resize`` are in source pixels."""

    def __init__(self, image: Image.Image, scale: int = 1) -> None:
        self.scale = scale
        self._levels: dict[int, Image.Image] = {1: image}

    def level(self, factor: int) -> Image.Image:
        if factor not in self._levels:
            self._levels[factor] = self.level(factor // 2).reduce(2)
        return self._levels[factor]

    def factor_for(self, box: tuple[float, float, float, float], size: tuple[int, int]) -> int:
        w, h = box[2], box[3]
        per_out = min(w / size[0], h / size[1]) / self.scale  # image pixels per output pixel
        f = 1
        while f * 2 * GAP <= per_out and f < MAX_LEVEL:
            f *= 2
        return f

    def resize(self, box: tuple[float, float, float, float],
               size: tuple[int, int]) -> Image.Image:
        """The source ``box`` (x, y, w, h) resampled to ``size``."""
        f = self.factor_for(box, size)
        k = self.scale * f
        x, y, w, h = box
        return self.level(f).resize(size, Image.LANCZOS,
                                    box=(x / k, y / k, (x + w) / k, (y + h) / k))

    def drop_below(self, factor: int) -> None:
        """Keep only the copies reduced by ``factor`` or more (made first if needed): once
        the full-size crops are done, the full decode can go."""
        self.level(factor)
        for f in [f for f in self._levels if f < factor]:
            del self._levels[f]

    def close(self) -> None:
        """Drop every copy now: the next photo should not meet this one's memory."""
        self._levels.clear()
