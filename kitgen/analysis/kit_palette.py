"""The kit palette: every portrait's swatches merged by perceptual closeness in OKLab.

The merge is agglomerative: the two closest colours (weighted by share) become one until the
closest pair is far enough apart and few enough colours are left. The pairwise distances are
held in a matrix and only the merged colour's row is measured again, so 40 portraits of eight
swatches take milliseconds where measuring every pair on every step took about two seconds
(the build waits for this between the portraits and the guide).
"""
from __future__ import annotations

import numpy as np

from kitgen.analysis.colour import hex_of, hsl_of, name_of
from kitgen.analysis.colour_space import oklab_of, rgb_from_oklab
from kitgen.records import Swatch

MERGE_BELOW = 0.06  # OKLab distance under which two colours read as the same brand colour
MAX_COLOURS = 8


def merge(palettes: list[tuple[Swatch, ...]], limit: int = MAX_COLOURS) -> tuple[Swatch, ...]:
    if not palettes:
        return ()
    n = len(palettes)
    weight = np.array([s.share / n for pal in palettes for s in pal], dtype=np.float64)
    lab = np.array([oklab_of(s.rgb) for pal in palettes for s in pal],
                   dtype=np.float64).reshape(-1, 3)
    size = len(weight)
    alive = np.ones(size, dtype=bool)
    # dist[i, j] for i < j; the rest (and merged-away colours) are +inf, so the first
    # minimum in row-major order is the closest pair, the earlier pair on a tie.
    dist = np.sqrt(((lab[:, None, :] - lab[None, :, :]) ** 2).sum(axis=2))
    dist[np.tril_indices(size)] = np.inf
    left = size
    while left > 1:
        i, j = divmod(int(np.argmin(dist)), size)
        if dist[i, j] >= MERGE_BELOW and left <= limit:
            break
        wi, wj = weight[i], weight[j]
        weight[i] = wi + wj
        lab[i] = (lab[i] * wi + lab[j] * wj) / weight[i]
        alive[j] = False
        dist[j, :] = np.inf
        dist[:, j] = np.inf
        others = np.flatnonzero(alive)
        others = others[others != i]
        near = np.sqrt(((lab[others] - lab[i]) ** 2).sum(axis=1))
        before = others < i
        dist[others[before], i] = near[before]
        dist[i, others[~before]] = near[~before]
        left -= 1
    keep = np.flatnonzero(alive)
    total = float(weight[keep].sum())
    out = []
    for k in keep:
        rgb = rgb_from_oklab(tuple(float(v) for v in lab[k]))  # type: ignore[arg-type]
        out.append(Swatch(hex=hex_of(rgb), rgb=rgb, hsl=hsl_of(rgb),
                          share=float(weight[k]) / total, name=name_of(rgb)))
    out.sort(key=lambda s: (-s.share, s.hex))
    return tuple(out)
