"""One build per kit at a time: a second build gets a clear message instead of a race."""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from kitgen.errors import BuildLocked, CannotWrite


class BuildLock:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / "build.lock"
        self.fh = None

    def __enter__(self) -> BuildLock:
        try:  # the first thing a build writes: a kit folder it cannot write is said here
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.fh = self.path.open("a+")
        except OSError as exc:
            raise CannotWrite(self.path.parent, exc, "then build again") from None
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.seek(0)
            pid = self.fh.read().strip() or "?"
            self.fh.close()
            raise BuildLocked(f"build in progress: another kitgen build (pid {pid}) is running "
                              "in this kit; wait for it to finish, then build again") from None
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fh:
            fcntl.flock(self.fh, fcntl.LOCK_UN)
            self.fh.close()
