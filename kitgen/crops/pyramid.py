"""One decoded photo, box-reduced once per power of two and shared by every crop and preview.

A resize costs a few multiply-adds per pixel it reads, whatever the output size, so a crop
from a 12 MP photo spends most of its time reading pixels. Each resize here reads the smallest
shared copy that still holds at least ``GAP`` of its pixels per output pixel: Pillow's own
reducing_gap idea (``Image.reduce``, then the filter), with the reductions done once per photo
instead of once per crop. A finished crop also serves later, smaller crops of the same source
box (the avatar sizes of one platform share their box), under the same rule.

The filter is BICUBIC, Pillow's choice for thumbnail(): it reads four source pixels per output
pixel and direction where LANCZOS reads six, so it costs about a third less, and on the
bundled and scikit-image photos its crops stay 43-59 dB PSNR from LANCZOS's (no visible
difference; benchmarks/ measures the speed).
"""
from __future__ import annotations

import threading

from PIL import Image

GAP = 2.0  # Pillow's default reducing_gap for thumbnail() and draft()
# The guide's own pictures (the web image, its face overlay and the reading's annotated
# thumbnail) are previews, not deliverables: from 2.5 source pixels per output pixel they read
# the copy reduced by two. A 12 MP photo's web image then costs about 35 ms instead of 96, at
# 52-54 dB PSNR from LANCZOS on the bundled portraits and 35.4-37.7 dB on a fine texture
# (gravel, brick, grass), where resampling the full decode gives 40-41 dB; its 480 px thumbnail
# reads the copy reduced by four, 8 ms instead of 23, at 40-47 dB (46.6-48.9 from the copy
# reduced by two).
PREVIEW_GAP = 1.25
MAX_LEVEL = 64
FILTER = Image.BICUBIC

Box = tuple[float, float, float, float]


class Pyramid:
    """``image`` shows the source reduced by ``scale`` (a JPEG decoded at 1/2, 1/4 or 1/8);
    boxes and sizes given to ``resize`` are in source pixels."""

    def __init__(self, image: Image.Image, scale: int = 1) -> None:
        self.scale = scale
        self._levels: dict[int, Image.Image] = {1: image}
        self._made: dict[Box, list[Image.Image]] = {}  # resize() results, by source box
        self._pending: dict[int, int] = {}  # resizes still to read each copy (prepare())
        self._lock = threading.RLock()

    def level(self, factor: int) -> Image.Image:
        """The copy reduced by ``factor``, always by halving from the full decode (so it is
        the same pixels whichever copies happened to be held); thread-safe."""
        with self._lock:
            if factor not in self._levels:
                self._levels[factor] = self.level(factor // 2).reduce(2)
                self._tidy()
            return self._levels[factor]

    def factor_for(self, box: Box, size: tuple[int, int], gap: float = GAP) -> int:
        w, h = box[2], box[3]
        per_out = min(w / size[0], h / size[1]) / self.scale  # image pixels per output pixel
        f = 1
        while f * 2 * gap <= per_out and f < MAX_LEVEL:
            f *= 2
        return f

    def resize(self, box: Box, size: tuple[int, int], keep: bool = False,
               reuse: bool = True, gap: float = GAP) -> Image.Image:
        """The source ``box`` (x, y, w, h) resampled to ``size``; ``keep`` holds the result
        for later, smaller resizes of the same box (``forget`` lets it go), which read it
        unless ``reuse`` is false (a resize on another thread than the box's own run)."""
        box = tuple(box)  # type: ignore[assignment]
        made = [m for m in self._made.get(box, ()) if reuse
                and m.width >= gap * size[0] and m.height >= gap * size[1]]
        if made:
            out = min(made, key=lambda m: m.width).resize(size, FILTER)
        else:
            f = self.factor_for(box, size, gap)
            k = self.scale * f
            x, y, w, h = box
            out = self.level(f).resize(size, FILTER,
                                       box=(x / k, y / k, (x + w) / k, (y + h) / k))
        if keep:
            self._made.setdefault(box, []).append(out)
        return out

    def forget(self, box: Box) -> None:
        self._made.pop(tuple(box), None)  # type: ignore[arg-type]

    def prepare(self, factors: list[int]) -> None:
        """The coming resizes read the copies reduced by ``factors`` (one entry each); from
        now on a copy goes as soon as no coming resize reads it and no copy still to make
        is made from it (``release`` counts the resizes down)."""
        with self._lock:
            self._pending = {f: factors.count(f) for f in set(factors)}
            self._settle()

    @property
    def held(self) -> list[int]:
        """The reductions held now, smallest first."""
        return sorted(self._levels)

    def release(self, factor: int) -> None:
        """One resize from the copy reduced by ``factor`` is done (see ``prepare``)."""
        with self._lock:
            self._pending[factor] -= 1
            if not self._pending[factor]:
                self._settle()

    def _settle(self) -> None:
        """Copies still to read that can only be made from one about to go are made now
        (one step down the halving chain, as before the full decode goes), then the rest goes."""
        for f in sorted(f for f, n in self._pending.items() if n and f not in self._levels):
            below = max(g for g in self._levels if g < f)
            if not self._pending.get(below):
                self.level(f)
        self._tidy()

    def _tidy(self) -> None:
        if not self._pending:  # before prepare(): the analysis keeps what it made
            return
        wanted = {f for f, n in self._pending.items() if n}
        missing = [f for f in wanted if f not in self._levels]
        for g in sorted(self._levels):
            sources = [max(x for x in self._levels if x < f) for f in missing]
            if g not in wanted and g not in sources:
                del self._levels[g]

    def close(self) -> None:
        """Drop every copy now: the next photo should not meet this one's memory."""
        self._levels.clear()
        self._made.clear()
