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
