"""The ``kitgen`` program. A build with nothing to do is answered here, before the CLI and
Click are imported; everything else goes to kitgen.cli."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def entry() -> None:
    code = answer_unchanged(sys.argv[1:])
    if code is not None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # as kitgen.cli does after a build: nothing is left to tear down
    from kitgen.cli import entry as cli

    cli()


def answer_unchanged(args: list[str]) -> int | None:
    """``kitgen build`` (with only ``-q`` and ``--kit DIR``) on a kit where nothing changed
    since its last build: print what that build reported and return the exit code, without
    importing Click (about 26 ms, a third of such a run). Anything else, or any doubt, returns
    None, and Click runs the command as usual (the build then checks again)."""
    if not args or args[0] != "build":
        return None
    quiet, kit, rest = False, ".", args[1:]
    while rest:
        arg = rest.pop(0)
        if arg in ("-q", "--quiet"):
            quiet = True
        elif arg == "--kit" and rest:
            kit = rest.pop(0)
        elif arg.startswith("--kit="):
            kit = arg[len("--kit="):]
        else:
            return None
    root = Path(kit)
    if not root.is_dir():
        return None
    try:
        from kitgen.uptodate import answer

        _, report = answer(root.resolve())
    except Exception:  # noqa: BLE001 - the CLI's own run reports it properly
        return None
    if report is None:
        return None
    from kitgen.report import printed

    for text, to_stderr in printed(report, quiet):
        print(text, file=sys.stderr if to_stderr else sys.stdout)
    return report.exit_code
