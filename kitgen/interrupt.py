"""Ctrl-C belongs to the main process: workers start with SIGINT ignored, so an interrupt
stops the build in one place (exit 130) instead of printing a traceback from every worker."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def children_ignore_sigint() -> Iterator[None]:
    """Processes started inside this block inherit an ignored SIGINT (kept across exec, and
    Python then installs no KeyboardInterrupt handler); this process's handler is restored.

    SIGINT is also blocked for the block's length, not only ignored: a Ctrl-C that lands while
    the workers are being started stays pending and reaches this process's handler when the
    block ends, instead of being thrown away with nothing interrupted."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)  # the handler first, so the pending one meets it
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class Terminated(KeyboardInterrupt):
    """SIGTERM (``kill``, ``timeout``, a service manager) as an interrupt: the build stops as
    at Ctrl-C, its workers at once and its staging cleared. Left to the default action, the
    build's process died on the spot while its workers went on writing into ``.kitgen/work``
    for their current portraits, and ``pack`` left nothing said at all."""

    exit_code = 128 + signal.SIGTERM


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated()


def terminate_as_interrupt() -> None:
    """Make SIGTERM raise Terminated in this process (the main thread). Workers start through
    exec, which puts their SIGTERM back to the default: ``terminate()`` still ends them."""
    signal.signal(signal.SIGTERM, _raise_terminated)


def stopped(exc: KeyboardInterrupt, site: bool = True) -> tuple[str, int]:
    """The line printed and the exit code of a command stopped by Ctrl-C or SIGTERM;
    ``site``: the command builds, and says the previous site is whole."""
    word, code = ("Terminated", exc.exit_code) if isinstance(exc, Terminated) else \
        ("Interrupted", 130)
    return (f"{word}; the previous site is untouched." if site else f"{word}."), code
