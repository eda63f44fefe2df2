"""The kit palette: every portrait's swatches merged by perceptual closeness in OKLab."""
from __future__ import annotations

import math

from kitgen.analysis.colour import hex_of, hsl_of, name_of, oklab_of, rgb_from_oklab
from kitgen.records import Swatch

MERGE_BELOW = 0.06  # OKLab distance under which two colours read as the same brand colour
MAX_COLOURS = 8


def merge(palettes: list[tuple[Swatch, ...]], limit: int = MAX_COLOURS) -> tuple[Swatch, ...]:
    if not palettes:
        return ()
    n = len(palettes)
    clusters: list[list] = []  # [weight, L, a, b]
    for pal in palettes:
        for s in pal:
            clusters.append([s.share / n, *oklab_of(s.rgb)])
    while len(clusters) > 1:
        best = None
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                d = math.dist(clusters[i][1:], clusters[j][1:])
                if best is None or d < best[0]:
                    best = (d, i, j)
        d, i, j = best  # type: ignore[misc]
        if d >= MERGE_BELOW and len(clusters) <= limit:
            break
        wi, wj = clusters[i][0], clusters[j][0]
        w = wi + wj
        merged = [w] + [(clusters[i][k] * wi + clusters[j][k] * wj) / w for k in (1, 2, 3)]
        clusters[i] = merged
        del clusters[j]
    out = []
    total = sum(c[0] for c in clusters)
    for w, *lab in clusters:
        rgb = rgb_from_oklab(tuple(lab))  # type: ignore[arg-type]
        out.append(Swatch(hex=hex_of(rgb), rgb=rgb, hsl=hsl_of(rgb), share=w / total,
                          name=name_of(rgb)))
    out.sort(key=lambda s: (-s.share, s.hex))
    return tuple(out)
