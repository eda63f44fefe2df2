"""How build workers start: one native thread per portrait thread, large blocks given back
to the system, heavy imports done before the first job.

A worker runs as many portraits at once as it has threads and the pool has one thread per
core, so OpenMP and OpenBLAS thread pools sized to the core count would only compete with
them. Large allocations (decoded photos, resampler rows) are mapped and unmapped one by one
rather than kept in glibc's per-thread heaps after they are freed: with two portraits on two
threads that held 20-50 MB of a worker's peak (four runs on 12 x 24 MP, 508-543 MB against
487-508 MB), at a few page faults per decoded block. Both are environment variables read when
the libraries load, so they are given to the worker's environment when it starts.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)
WORKER_ENV = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                     "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")}
WORKER_ENV["MALLOC_MMAP_THRESHOLD_"] = str(4 << 20)  # fixed: no growth after the first free


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
