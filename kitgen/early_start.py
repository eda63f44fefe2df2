"""Start the first worker before the build has read brand.yml and planned its portraits.

A worker takes about a quarter of a second to start (MediaPipe, NumPy, Pillow), and
reading brand.yml, planning and sizing the pool take about 0.2 s more of imports and work
before the pool would start one, while the second core waits. The inputs' digest
(kitgen.uptodate) has just hashed every file under content/, so the images that the last
build's kit.json does not list are known at once: when at least two are new, which the pool
runs in a worker, one starts now.
The pool takes it if it runs (kitgen.pool.take_spares); otherwise it is stopped. A wrong guess
costs a worker's start on a core that would have waited, never a different result.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from kitgen import cache, memory, pool
from kitgen.kitfile import IMAGE_SUFFIXES


def new_images(root: Path) -> int:
    """How many images under content/ the last build's kit.json does not list (by content)."""
    try:
        last = json.loads((root / "site" / "kit.json").read_text(encoding="utf-8"))
        known = {p.get("sha256") for p in last.get("portraits", [])}
    except (OSError, ValueError, AttributeError, TypeError):
        known = set()
    count = 0
    for path in (root / "content").rglob("*"):
        if path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".") \
                and path.is_file():
            try:
                if cache.file_sha256(path) not in known:
                    count += 1
            except OSError:
                continue
    return count


def start(root: Path, workers: int | None, max_memory: int | None) -> bool:
    """Start one worker if the build will most likely want one; True when it did."""
    cores = max(1, workers or os.cpu_count() or 1)
    if cores < 2:
        return False
    budget = max_memory if max_memory is not None else memory.default_budget()
    if budget is not None and memory.MAIN + memory.WORKER + memory.PER_JOB > budget:
        return False
    if new_images(root) < 2:
        return False
    pool.start_spare(min(memory.THREADS, cores))
    return True
