"""Modified median cut quantisation (Leptonica's MMCQ, as colorthief applies it) over numpy.

colorthief walks its 32x32x32 colour histogram in pure Python, which costs about 100 ms per
portrait whatever its size. Here the histogram is a numpy array, so box counts, cut planes and
averages are array sums; the queue order, cut rule and averaging follow colorthief's port so
the same pixels give the same palette (benchmarks/run.py measures the CIEDE2000 difference).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

SIGBITS = 5
SHIFT = 8 - SIGBITS
SIDE = 1 << SIGBITS
MAX_ITERATION = 1000
FRACT_BY_POPULATIONS = 0.75
_MID = (np.arange(SIDE, dtype=np.int64) << SHIFT) + (1 << SHIFT) // 2  # bin centres, exact ints


@dataclass
class _Box:
    lo: list[int]  # r1, g1, b1
    hi: list[int]  # r2, g2, b2 (inclusive)
    hist: np.ndarray = field(repr=False)
    _count: int | None = None

    def view(self) -> np.ndarray:
        (r1, g1, b1), (r2, g2, b2) = self.lo, self.hi
        return self.hist[r1:r2 + 1, g1:g2 + 1, b1:b2 + 1]

    @property
    def count(self) -> int:
        if self._count is None:
            self._count = int(self.view().sum())
        return self._count

    @property
    def volume(self) -> int:
        return int(np.prod([h - lo + 1 for lo, h in zip(self.lo, self.hi)]))

    def copy(self) -> _Box:
        return _Box(list(self.lo), list(self.hi), self.hist)

    def average(self) -> tuple[int, int, int]:
        """Count-weighted mean of bin centres; sums are exact integers, as in colorthief."""
        v = self.view()
        total = int(v.sum())
        out = []
        for axis in range(3):
            others = tuple(a for a in range(3) if a != axis)
            per = v.sum(axis=others)
            centres = _MID[self.lo[axis]:self.hi[axis] + 1]
            if total:
                out.append(int(int((per * centres).sum()) / total))
            else:
                out.append(int((1 << SHIFT) * (self.lo[axis] + self.hi[axis] + 1) / 2))
        return out[0], out[1], out[2]


def _cut(box: _Box) -> tuple[_Box | None, _Box | None]:
    """Split ``box`` across its widest axis near the median, never leaving an empty half."""
    if not box.count:
        return None, None
    if box.count == 1:
        return box.copy(), None
    widths = [h - lo + 1 for lo, h in zip(box.lo, box.hi)]
    axis = widths.index(max(widths))  # ties go to r, then g, as in colorthief
    others = tuple(a for a in range(3) if a != axis)
    sums = np.cumsum(box.view().sum(axis=others))
    first, last = box.lo[axis], box.hi[axis]
    partial = {first + i: int(s) for i, s in enumerate(sums)}
    total = int(sums[-1])
    for i in range(first, last + 1):
        if partial[i] > total / 2:
            left, right = i - first, last - i
            if left <= right:
                d2 = min(last - 1, int(i + right / 2))
            else:
                d2 = max(first, int(i - 1 - left / 2))
            while not partial.get(d2, 0):
                d2 += 1
            rest = total - partial[d2]
            while not rest and partial.get(d2 - 1, 0):
                d2 -= 1
                rest = total - partial[d2]
            one, two = box.copy(), box.copy()
            one.hi[axis] = d2
            two.lo[axis] = d2 + 1
            return one, two
    return None, None


def _grow(queue: list[_Box], key, target: float) -> None:  # noqa: ANN001
    """Cut the highest-priority box until ``target`` boxes exist (colorthief's ``iter_``)."""
    n_color, n_iter = 1, 0
    while n_iter < MAX_ITERATION:
        queue.sort(key=key)  # stable, popped from the end: same order as colorthief's PQueue
        box = queue.pop()
        one, two = _cut(box)
        if one is None:
            queue.append(box)
            return
        queue.append(one)
        if two is None:
            # A one-pixel box on top stays on top: colorthief spins here until MAX_ITERATION
            # and ends with the same queue, so stop now.
            return
        queue.append(two)
        n_color += 1
        if n_color >= target:
            return
        n_iter += 1


def histogram(pixels: np.ndarray) -> np.ndarray:
    """32x32x32 counts of ``pixels`` (N x 3 uint8)."""
    q = pixels.astype(np.int64) >> SHIFT
    flat = (q[:, 0] << (2 * SIGBITS)) | (q[:, 1] << SIGBITS) | q[:, 2]
    return np.bincount(flat, minlength=SIDE ** 3).reshape(SIDE, SIDE, SIDE)


def quantize(pixels: np.ndarray, count: int) -> list[tuple[int, int, int]]:
    """The palette of ``pixels`` (N x 3 uint8), ordered as colorthief orders it."""
    if len(pixels) == 0:
        return []
    hist = histogram(pixels)
    q = pixels >> SHIFT
    box = _Box([int(v) for v in q.min(axis=0)], [int(v) for v in q.max(axis=0)], hist)
    queue = [box]
    _grow(queue, lambda b: b.count, FRACT_BY_POPULATIONS * count)
    queue.sort(key=lambda b: b.count)
    queue = list(reversed(queue))  # colorthief moves boxes one by one, popping the largest
    _grow(queue, lambda b: b.count * b.volume, count - len(queue))
    queue.sort(key=lambda b: b.count * b.volume)
    return [b.average() for b in reversed(queue)]


def sample(rgb: np.ndarray, step: int) -> np.ndarray:
    """Every ``step``-th pixel, minus near-white ones (colorthief's background rule)."""
    flat = rgb.reshape(-1, 3)[::step]
    white = (flat > 250).all(axis=1)
    return flat[~white]
