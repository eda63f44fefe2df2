"""How build workers start: one native thread each, heavy imports done before the first job.

Each worker handles one portrait at a time and the pool has one worker per core, so OpenMP
and OpenBLAS thread pools sized to the core count would only compete with the other workers.
The thread limits are environment variables read when those libraries load, so they are set
in this process while the pool spawns its children, then restored.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger(__name__)
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS",
                                     "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")}


@contextmanager
def one_thread_each() -> Iterator[None]:
    """Processes spawned inside this block get single-threaded native libraries."""
    saved = {k: os.environ.get(k) for k in ONE_THREAD}
    os.environ.update(ONE_THREAD)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


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
