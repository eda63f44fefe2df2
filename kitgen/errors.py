"""One exception tree for problems the user can fix. The CLI prints each as one line and exits
with its code (kitgen.cli turns them into Click's errors); the library and the worker
processes never import Click for them (about 26 ms of each worker's start)."""
from __future__ import annotations


class KitgenError(Exception):
    """A problem the user can fix; printed as one line, exit code 1."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def format_message(self) -> str:
        return self.message


class KitError(KitgenError):
    """The kit itself (brand file, folders, usage) is wrong: exit code 2."""

    exit_code = 2

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        self.problems = problems or []
        if self.problems:
            message = message + "\n" + "\n".join(f"  {p}" for p in self.problems)
        super().__init__(message)


class PortraitError(KitgenError):
    """One portrait cannot be used; the others still build."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.reason = message
        super().__init__(f"{path}: {message}")


class BuildLocked(KitgenError):
    """Another build of the same kit is running; nothing was built, so exit 2 like a bad kit."""

    exit_code = 2


class CannotWrite(KitError):
    """A file or folder kitgen must write cannot be: no permission, a file where a folder
    should be, a read-only or full disk. What the system said becomes words and a fix, in
    one line and with exit code 2, instead of an OSError's traceback."""

    def __init__(self, path: object, exc: OSError, then: str) -> None:
        from pathlib import Path

        path = Path(path)
        reason, fix = _why_not_written(path, exc)
        self.path = path
        super().__init__(f"{path}: cannot write ({reason}); {fix}, {then}")


def _why_not_written(path, exc: OSError) -> tuple[str, str]:  # noqa: ANN001 - a Path
    """(what is wrong, what to do) for an OSError met while writing ``path``."""
    import errno
    import os
    from pathlib import Path

    failed = Path(os.fsdecode(exc.filename)) if exc.filename else path  # the first to fail
    folder = next((p for p in failed.parents if p.is_dir()), failed.parent)
    blocker = next((p for p in (failed, *failed.parents) if p.exists() and not p.is_dir()),
                   None)
    if exc.errno in (errno.ENOTDIR, errno.EEXIST) and blocker is not None:
        return f"{blocker} is a file, not a folder", f"move {blocker} away"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied", f"make {folder} writable"
    if exc.errno == errno.EROFS:
        return "read-only file system", "choose a folder on a writable disk"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "no space left on the disk", "free some space"
    return (exc.strerror or str(exc)).lower(), f"make sure {folder} is a writable folder"


def unexpected(exc: Exception) -> str:
    """What a portrait that failed in an unforeseen way is told, by ``build`` and ``analyse``
    alike: the others still go on."""
    return (f"could not be processed ({type(exc).__name__}: {exc}); re-export the image, "
            "and report this if it persists")
