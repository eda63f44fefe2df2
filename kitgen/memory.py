"""A memory budget for a build: how many workers, and which portraits may be in work at once.

A worker holds about 170 MB before any image (MediaPipe's models and their first run, NumPy,
SciPy, scikit-image; 200 MB is budgeted) and a portrait's crops need its full decode (Pillow
keeps RGB at four bytes a pixel), shared reduced copies and the resampler's rows: at most 6.4
bytes a source pixel plus 60 MB (a worker measured 137 MB over its start on 12 MP photos, 183
MB on 24 MP ones). The build sizes its pool so that the main process and every worker fit the
budget with the largest portrait alone or the smallest ones side by side, then starts a
portrait only while the ones in work still leave room for it. A worker runs up to THREADS
portraits at once when the budget has room for that many of the largest; otherwise it runs one
at a time and gives it the spare cores as threads (kitgen.build.analyse). The default budget
is three quarters of the memory the system reports available; ``--max-memory`` sets it.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

MB = 1 << 20
MAIN = 90 * MB  # the build process while workers run, plus the pool's resource tracker
WORKER = 200 * MB  # a started worker holding no image
PER_PIXEL = 6.4  # bytes of working memory per source pixel while a portrait is cropped
PER_JOB = 60 * MB
THREADS = 2  # portraits side by side in a worker, or threads in one portrait

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


def parse_size(text: str) -> int:
    """'600M', '1.5G', '600MB', '2GiB' or a plain number of bytes."""
    m = _SIZE.match(text)
    if not m:
        raise ValueError(f"{text!r} is not a size; write it like 600M or 2G")
    power = " kmgt".index(m.group(2).lower() or " ")
    size = int(float(m.group(1)) * 1024 ** power)
    if size == 0:  # 0 is often read as "no limit"; here it would be the tightest one
        raise ValueError(f"{text!r} leaves the build no memory; write a size like 600M or 2G, "
                         "or leave the option out for the default")
    return size


def available() -> int | None:
    """What the kernel reports as available for new work (MemAvailable), if it says."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def default_budget() -> int | None:
    free = available()
    return None if free is None else free * 3 // 4


def job_bytes(path: Path) -> int:
    """The working memory a portrait should need, from its header alone (no pixels read); 0
    when the header cannot be read or the image is too large to open (the worker then
    reports the file)."""
    from kitgen.decode import open_image, register_heif

    register_heif(path)
    try:
        with open_image(path) as im:
            w, h = im.size
    except Exception:  # noqa: BLE001 - any unreadable header: the worker explains it
        return 0
    return int(w * h * PER_PIXEL) + PER_JOB


def pool_size(budget: int | None, wanted: int, jobs: list[int]) -> int:
    """The most workers (up to ``wanted``) that leave room for the largest portrait on its
    own and for as many of the smallest at once: more would sit idle or overrun."""
    if budget is None or not jobs:
        return wanted
    smallest = sorted(jobs)
    for n in range(min(wanted, len(jobs)), 1, -1):
        if (MAIN + n * WORKER + max(jobs) <= budget
                and MAIN + n * WORKER + sum(smallest[:n]) <= budget):
            return n
    return 1


def side_by_side(budget: int | None, jobs: list[int], slots: int) -> bool:
    """Whether one worker process has room for its ``slots`` largest portraits at once."""
    if budget is None or not jobs:
        return True
    return MAIN + WORKER + sum(sorted(jobs, reverse=True)[:slots]) <= budget


def over_budget(budget: int | None, need: int, pooled: bool) -> bool:
    """Whether a portrait alone, with the process that holds it, overruns the budget: it runs
    anyway (one portrait always does), and the build says so."""
    return budget is not None and MAIN + (WORKER if pooled else 0) + need > budget


def over_budget_note(shown: str, need: int, budget: int, pooled: bool) -> str:
    """What the build says of such a portrait: the estimate, and the budget that fits it."""
    fits = MAIN + (WORKER if pooled else 0) + need
    return (f"{shown}: needs about {need // MB} MB to crop (from its size), more than the "
            f"memory budget of {budget // MB} MB leaves; it was run alone, over the budget "
            f"(about {-(-fits // MB)} MB in all); give --max-memory {-(-fits // MB)}M or more, "
            "or use a smaller original")


class Gate:
    """Admits a portrait while a worker slot is free and those in work leave room for it;
    with nothing in work, one always starts. ``workers`` processes of ``slots`` portraits."""

    def __init__(self, budget: int | None, workers: int, slots: int = 1) -> None:
        self.room = None if budget is None else budget - MAIN - workers * WORKER
        self.workers = workers * slots
        self.busy = 0
        self.running = 0

    def admits(self, need: int) -> bool:
        if self.running >= self.workers:
            return False
        return self.running == 0 or self.fits(need)

    def fits(self, need: int) -> bool:
        """Whether ``need`` more fits beside what is in work (a worker free or not)."""
        return self.room is None or self.busy + need <= self.room

    def start(self, need: int) -> None:
        self.busy += need
        self.running += 1

    def done(self, need: int) -> None:
        self.busy -= need
        self.running -= 1
