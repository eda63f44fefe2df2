"""The portrait pool: worker processes that take portraits while the memory budget has room,
and what a worker's death costs (at most the portrait it held).

A worker can die without a Python error: the system ends a process that runs out of memory,
and a native library can crash on a malformed file. The pool then breaks and every portrait in
work with it; those are tried again one at a time, each in a pool of its own, so one that
kills its worker again is found and reported while the others are built.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from typing import Any

from kitgen import memory
from kitgen.interrupt import children_ignore_sigint, stop_workers
from kitgen.workers import init_worker, one_thread_each

WORKER_DIED = ("stopped the process analysing it, twice (the system ends a process that runs "
               "out of memory; a native library can crash on a malformed file); build with "
               "--max-memory or -j 1, or re-export the image")


def run_all(run: Callable[..., dict], jobs: list[Any], args: dict[str, tuple], workers: int,
            budget: int | None, need: dict[str, int],
            finish: Callable[[Any, dict], None]) -> None:
    """``run_pool`` until every job (with ``key`` and ``rel``) has a record; a job that kills
    its worker twice gets the WORKER_DIED error."""
    pending = jobs
    while pending:
        lost, pending = run_pool(run, pending, args, workers, budget, need, finish)
        for job in lost:
            again, _ = run_pool(run, [job], args, 1, None, need, finish)
            if again:
                finish(job, {"error": WORKER_DIED, "source": job.rel})


def run_pool(run: Callable[..., dict], jobs: list[Any], args: dict[str, tuple],
             workers: int, budget: int | None, need: dict[str, int],
             finish: Callable[[Any, dict], None]) -> tuple[list[Any], list[Any]]:
    """Run ``run(*args[job.key])`` for ``jobs`` in a pool of ``workers`` processes, starting
    each only while the memory budget has room, and hand each record to ``finish``. If a
    worker dies, return the jobs that were running (lost) and those not started."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn"),
                               initializer=init_worker)
    gate = memory.Gate(budget, workers)
    queue = list(jobs)
    running: dict[Future, Any] = {}
    lost: list[Any] = []

    def fill() -> None:
        """Start queued portraits, in order, while the budget has room for the next."""
        # submit() may start a worker: SIGINT ignored there, native pools of one thread
        with children_ignore_sigint(), one_thread_each():
            while queue and gate.admits(need.get(queue[0].key, 0)):
                job = queue[0]
                running[pool.submit(run, *args[job.key])] = job
                queue.pop(0)
                gate.start(need.get(job.key, 0))

    try:
        fill()
        while running and not lost:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                job = running.pop(fut)
                gate.done(need.get(job.key, 0))
                try:
                    rec = fut.result()
                except BrokenProcessPool:
                    lost.append(job)
                    continue
                finish(job, rec)
            if not lost:
                fill()
    except BrokenProcessPool:  # from submit(): the pool broke between two portraits
        pass
    except KeyboardInterrupt:
        stop_workers(pool)
        raise
    finally:  # on Ctrl-C: drop queued portraits, let running ones end, no orphans
        pool.shutdown(wait=True, cancel_futures=True)
    for fut, job in running.items():  # a broken pool ends every portrait still in work
        try:
            finish(job, fut.result())
        except BrokenProcessPool:
            lost.append(job)
    return lost, queue
