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
