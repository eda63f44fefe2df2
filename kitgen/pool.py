"""The portrait pool: worker processes that take portraits while the memory budget has room,
each running up to ``slots`` of them side by side on threads, and what a worker's death costs
(at most the portraits it held).

Threads in one process share its MediaPipe and Python start, where a process per portrait
would hold its own (about 170 MB): two portraits on two threads measured 1.72x one thread on
six 12 MP photos, as fast as two processes, in about 190 MB less. Pillow releases the GIL while
it decodes, resamples and encodes, which is most of a portrait's time.

A worker can die without a Python error: the system ends a process that runs out of memory,
and a native library can crash on a malformed file. The pool then stops and every portrait in
work with it is tried again one at a time, each in a process of its own, so one that kills
its worker again is found and reported while the others are built.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from multiprocessing.connection import Connection, wait
from typing import Any

from kitgen import memory
from kitgen.interrupt import children_ignore_sigint
from kitgen.workers import WORKER_ENV, init_worker

DONE, EARLY = "done", "early"  # a job's final record; its record before its files are made
WORKER_DIED = ("stopped the process analysing it, twice (the system ends a process that runs "
               "out of memory; a native library can crash on a malformed file); build with "
               "--max-memory or -j 1, or re-export the image")


def serve(inbox: Connection, outbox: Connection, slots: int) -> None:
    """A worker process: run each ``(id, fn, args, early)`` received on ``slots`` threads and
    send back ``(id, DONE, record)``; with ``early``, ``fn`` also gets an ``early`` callable
    whose ``(record, files)`` go back at once as ``(id, EARLY, (record, files))``. ``None``
    (or the parent gone) ends the worker once its work is sent."""
    init_worker()
    sending = threading.Lock()

    def send(msg: tuple) -> None:
        with sending:
            try:
                outbox.send(msg)
            except OSError:  # the build is gone (interrupted, or killed): nobody to tell
                pass

    def done(jid: int, fut: Any) -> None:
        try:
            rec = fut.result()
        except Exception as exc:  # noqa: BLE001 - reported per portrait, the others go on
            rec = {"error": f"could not be processed ({type(exc).__name__}: {exc}); "
                            "re-export the image, and report this if it persists"}
        send((jid, DONE, rec))

    with ThreadPoolExecutor(max_workers=slots, thread_name_prefix="kitgen-job") as pool:
        while True:
            try:
                msg = inbox.recv()
            except (EOFError, OSError):
                break
            if msg is None:
                break
            jid, fn, args, early = msg
            kwargs = {"early": lambda *got, jid=jid: send((jid, EARLY, got))} if early else {}
            pool.submit(fn, *args, **kwargs).add_done_callback(partial(done, jid))


def worker_main() -> None:
    """Entry of ``python -c`` in a worker: the pipe ends and slots come as arguments.

    Once its work is sent the worker leaves at once: tearing down the interpreter with
    MediaPipe, NumPy and SciPy loaded took about 0.1 s, which the build waited for. Every
    file it wrote is closed by then, and nothing in it runs at exit."""
    inbox, outbox, slots = (int(a) for a in sys.argv[1:4])
    serve(Connection(inbox, writable=False), Connection(outbox, readable=False), slots)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _worker_path() -> list[str]:
    """This process's import path without the working directory (a kit folder, which
    ``python -m`` puts first), and kitgen's own folder last, wherever it was found."""
    here = os.getcwd()
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return [p for p in sys.path if p and os.path.abspath(p) != here] + [package_root]


class _Worker:
    """A worker started as a plain ``python -c`` child over two pipes, not through
    multiprocessing, whose spawn also starts a resource-tracker process (12 MB) that kitgen
    has no use for. The child imports what this process can: same interpreter, same path."""

    def __init__(self, slots: int) -> None:
        to_child, inbox = os.pipe()[::-1]
        outbox, from_child = os.pipe()[::-1]
        env = dict(os.environ, **WORKER_ENV, PYTHONPATH=os.pathsep.join(_worker_path()))
        self.proc = subprocess.Popen(
            # -P: the working directory (a kit folder) is not put in front of the path
            [sys.executable, "-P", "-c", "from kitgen.pool import worker_main; worker_main()",
             str(inbox), str(outbox), str(slots)], pass_fds=(inbox, outbox), env=env)
        os.close(inbox)
        os.close(outbox)
        self.send_end = Connection(to_child, readable=False)
        self.conn = Connection(from_child, writable=False)  # EOF when the child is gone
        self.slots = slots
        self.jobs: dict[int, Any] = {}  # in work here, by id

    def alive(self) -> bool:
        return self.proc.poll() is None

    def send(self, msg: Any) -> None:
        self.send_end.send(msg)

    def stop(self) -> None:
        try:
            self.send_end.send(None)
        except OSError:
            pass

    def close(self) -> None:
        self.proc.wait()
        self.send_end.close()
        self.conn.close()


_SPARES: list[_Worker] = []  # started ahead of the build's plan (kitgen.early_start)


def start_spare(slots: int) -> None:
    """Start a worker now, before the build knows it needs one; ``run_pool`` takes it, and
    ``stop_spares`` stops it if nothing did."""
    with children_ignore_sigint():
        _SPARES.append(_Worker(slots))


def take_spares(count: int, slots: int) -> list[_Worker]:
    """Up to ``count`` started spares with at least ``slots`` threads, to run ``slots``
    portraits at once (the pool sends no more than that)."""
    taken = [w for w in _SPARES if w.slots >= slots and w.alive()][:count]
    for w in taken:
        _SPARES.remove(w)
        w.slots = slots
    return taken


def stop_spares() -> None:
    """Stop the spares nothing took; one may still be importing, so it is ended, not asked."""
    while _SPARES:
        w = _SPARES.pop()
        w.proc.terminate()
        w.close()


def run_all(run: Callable[..., dict], jobs: list[Any], args: dict[str, tuple], workers: int,
            budget: int | None, need: dict[str, int],
            finish: Callable[[Any, dict], None], slots: int = 1,
            meanwhile: Callable[[], None] | None = None,
            early: Callable[[Any, tuple], None] | None = None) -> None:
    """``run_pool`` until every job (with ``key`` and ``rel``) has a record; a job that kills
    its worker twice gets the WORKER_DIED error. ``meanwhile`` runs here once the first
    workers are starting; ``early`` gets what a job sends before its record (run_pool)."""
    pending = jobs
    while pending:
        lost, left = run_pool(run, pending, args, workers, budget, need, finish, slots,
                              meanwhile, early)
        meanwhile = None
        if not lost and len(left) == len(pending):  # no worker would start: one at a time
            lost, left = left, []
        pending = left
        for job in lost:
            again, unstarted = run_pool(run, [job], args, 1, None, need, finish, early=early)
            if again or unstarted:
                finish(job, {"error": WORKER_DIED, "source": job.rel})


def run_pool(run: Callable[..., dict], jobs: list[Any], args: dict[str, tuple],
             workers: int, budget: int | None, need: dict[str, int],
             finish: Callable[[Any, dict], None],
             slots: int = 1,
             meanwhile: Callable[[], None] | None = None,
             early: Callable[[Any, tuple], None] | None = None) -> tuple[list[Any], list[Any]]:
    """Run ``run(*args[job.key])`` for ``jobs`` on ``workers`` processes of ``slots`` threads,
    starting each only while the memory budget has room, and hand each record to ``finish``
    as it comes. If a worker dies, let the others finish what they hold, and return the jobs
    the dead one held (lost) and those not started. ``meanwhile`` runs once the workers are
    starting: a worker's start (half a second of imports) leaves this process idle. With
    ``early``, ``run`` gets an ``early`` callable too, and what it is given reaches
    ``early(job, given)`` here before the job's record does."""
    gate = memory.Gate(budget, workers, slots)
    queue = list(jobs)
    lost: list[Any] = []
    pool: list[_Worker] = []
    ids = iter(range(1, 1 << 62))

    def fill() -> None:
        """Start queued portraits, in order, while the budget has room for the next."""
        while queue and gate.admits(need.get(queue[0].key, 0)):
            free = [w for w in pool if len(w.jobs) < w.slots and w.alive()]
            if not free:
                return
            w = min(free, key=lambda w: len(w.jobs))
            job, jid = queue.pop(0), next(ids)
            w.jobs[jid] = job
            gate.start(need.get(job.key, 0))
            try:
                w.send((jid, run, args[job.key], early is not None))
            except OSError:  # died since: the wait below finds it
                pass

    def died(w: _Worker) -> None:
        while True:  # what it sent before it died still counts
            try:
                if not w.conn.poll():
                    break
                received(w, *w.conn.recv())
            except (EOFError, OSError):
                break
        lost.extend(w.jobs.values())
        for job in w.jobs.values():
            gate.done(need.get(job.key, 0))
        w.jobs.clear()

    def received(w: _Worker, jid: int, kind: str, got: Any) -> None:
        if kind == EARLY:
            if early is not None and jid in w.jobs:
                early(w.jobs[jid], got)
            return
        job = w.jobs.pop(jid)
        gate.done(need.get(job.key, 0))
        finish(job, got)

    try:
        pool.extend(take_spares(workers, slots))
        with children_ignore_sigint():  # SIGINT ignored in the workers
            pool.extend(_Worker(slots) for _ in range(workers - len(pool)))
        fill()
        if meanwhile is not None:
            meanwhile()
        while any(w.jobs for w in pool):
            busy = [w for w in pool if w.jobs]
            ready = wait([w.conn for w in busy])
            for w in busy:
                if w.conn in ready:
                    try:
                        received(w, *w.conn.recv())
                    except (EOFError, OSError):  # its end of the pipe closed: it died
                        died(w)
            if lost:  # the others finish what they hold; nothing new starts
                for w in pool:
                    w.stop()
            else:
                fill()
    except KeyboardInterrupt:
        for w in pool:  # now, not after their current portraits: .kitgen/work is cleared
            w.proc.terminate()
        raise
    finally:
        for w in pool:
            w.stop()
        for w in pool:
            w.close()
    return lost, queue
