"""What a build reports, and what ``kitgen build`` prints of it.

Kept apart from kitgen.build, and free of Click, so that a build with nothing to do
(kitgen.uptodate.answer) can be answered and printed before the CLI's own imports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kitgen.records import Portrait, Problem, portrait_from_dict

STATE = ".kitgen"  # a kit's build state: caches, staging, the last build's digests


@dataclass
class BuildReport:
    site: Path
    portraits: list[Portrait]
    failed: list[Problem]
    skipped: list[Problem]
    crops: int
    seconds: float
    cached: int = 0
    warnings: list[str] = field(default_factory=list)  # the build's own, not a portrait's
    site_built: bool = True  # False when nothing the site stage reads had changed
    up_to_date: bool = False  # True when no input changed and nothing was run at all
    workers: int = 0  # cores that analysed portraits (0: all came from the cache)
    processes: int = 0  # worker processes, or 1 when this process analysed them
    pages_rendered: int = 0  # guide pages MkDocs rendered (the rest were the last build's)
    guide_early: bool = False  # the guide was built while portraits' files were being made

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> str:
        warn = sum(len(p.warnings) for p in self.portraits) + len(self.warnings)
        crops = f"{self.crops} crop" + ("" if self.crops == 1 else "s")
        text = (f"built {len(self.portraits)} portrait(s), {crops}, {warn} warning(s), "
                f"{len(self.failed)} failed, {len(self.skipped)} skipped in "
                f"{self.seconds:.1f}s -> {self.site}")
        return text + (" (nothing changed since the last build)" if self.up_to_date else "")


def report_from_manifest(site: Path, data: dict, seconds: float) -> BuildReport:
    """The report of the build that made ``site`` (nothing was built this time)."""
    portraits = [portrait_from_dict(p) for p in data["portraits"]]
    return BuildReport(site=site, portraits=portraits,
                       failed=[Problem(**p) for p in data["failed"]],
                       skipped=[Problem(**p) for p in data["skipped"]],
                       crops=sum(len(p.crops) for p in portraits), seconds=seconds,
                       cached=len(portraits), site_built=False, up_to_date=True)


def named(source: str) -> str:
    """A portrait's path as printed: a line break or other control character in a file name
    is shown escaped (\\n), so each warning and error stays one line that names its file."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in source)


def printed(report: BuildReport, quiet: bool) -> list[tuple[str, bool]]:
    """The lines ``kitgen build`` prints, each with True when it goes to stderr."""
    lines = []
    for p in report.portraits:
        for w in () if quiet else p.warnings:
            lines.append((f"warning: content/{named(p.source)}: {w}", True))
    for w in () if quiet else report.warnings:
        lines.append((f"warning: {w}", True))
    for f in report.skipped:
        if not quiet:
            lines.append((f"skipped: content/{named(f.source)}: {f.message}", True))
    for f in report.failed:
        lines.append((failed_line(f), True))
    if not quiet:
        lines.append((report.summary(), False))
    return lines


def failed_line(problem: Problem) -> str:
    """The line a portrait that failed gets, from ``build``, ``pack`` and ``publish`` alike."""
    return f"Error: content/{named(problem.source)}: {problem.message}"


def failures(manifest: dict) -> tuple[Problem, ...]:
    """The portraits a built site left out (its kit.json's ``failed``): ``pack`` and
    ``publish`` ship that site and say so, whether they built it or found it built."""
    return tuple(Problem(**p) for p in manifest.get("failed", []))


def left_out(failed: tuple[Problem, ...]) -> str:
    """What a ``pack`` or ``publish`` summary adds when portraits failed."""
    if not failed:
        return ""
    return (f"; {len(failed)} portrait(s) failed and are left out: "
            + ", ".join(f"content/{named(p.source)}" for p in failed))
