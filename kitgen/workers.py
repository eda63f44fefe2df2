"""How build workers start: one native thread per portrait thread, one malloc arena, heavy
imports done before the first job.

A worker runs as many portraits at once as it has threads and the pool has one thread per
core, so OpenMP and OpenBLAS thread pools sized to the core count would only compete with
them. glibc gives each thread its own heap, and memory freed in one (a finished portrait's
decode) is not reused by the other: one shared heap held 15-20 MB less at the peak of a worker
running two 24 MP portraits side by side, at no measured cost in time (Pillow allocates few,
large blocks, so the heap's lock is rarely contended). Fixing glibc's mmap threshold instead
saved a little more but cost 10% in time (a page fault per page of every decoded block). Both
limits are environment variables read when the libraries load, so they are given to the
worker's environment when it starts.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)
# Also the kitgen program's own (kitgen.cli.entry): it runs portraits itself with -j 1 and in
# serve, and the guide beside the workers. NumPy's OpenBLAS had a second thread there that
# spun after each matrix product: 0.4 s of a core in a -j 1 build of the example, which ran
# no faster for it (3.0 s either way).
THREAD_LIMITS = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                        "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")}
WORKER_ENV = dict(THREAD_LIMITS, MALLOC_ARENA_MAX="1")  # one heap shared by the portrait threads


def init_worker() -> None:
    """Pool initializer: the per-portrait modules imported now, while the parent is still
    submitting work (MediaPipe's face solutions come without OpenCV: see
    kitgen.analysis.mediapipe_import)."""
    try:
        import kitgen.process  # noqa: F401 - import cost paid at start-up, not in the first job
        from kitgen.analysis.mediapipe_import import face_solutions

        face_solutions()
    except Exception:  # run_job meets the same error and reports it per portrait
        log.debug("worker warm-up failed", exc_info=True)
