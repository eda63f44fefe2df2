"""What site/ held when the last build put it in place: each file's size and modification time.

Both shortcuts past a build's work (kitgen.uptodate for the whole build, kitgen.site_state for
MkDocs) trusted site/ while its kit.json was the same bytes. A crop or page deleted (or an
HTML page edited) in site/ then stayed that way through every later build, and ``pack``, which
finds the file missing, could only say to build again, which changed nothing (QA pass 4). They
now also ask whether site/ still holds exactly the files listed here: one stat per file, about
1 ms for the example's 230. This module stays light on imports, as kitgen.uptodate does.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

STATE_FILE = "site-files.json"


def listing(site: Path) -> dict[str, list[int]]:
    """Every file under ``site``, by its path relative to it: [size, mtime in ns]."""
    out: dict[str, list[int]] = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            st = os.stat(path)
            out[os.path.relpath(path, site).replace(os.sep, "/")] = [st.st_size,
                                                                     st.st_mtime_ns]
    return out


def remember(state: Path, site: Path) -> None:
    """Record ``site`` as the build just left it."""
    tmp = state / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(listing(site), sort_keys=True), encoding="utf-8")
    os.replace(tmp, state / STATE_FILE)


def recorded(state: Path) -> dict | None:
    """The listing the last build left, or None when there is none (no build yet, a deleted
    .kitgen/, a kit last built by an older kitgen)."""
    try:
        value = json.loads((state / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) and value else None


def matches(site: Path, files: dict) -> bool:
    """True when ``site`` holds exactly ``files`` (a listing), each unchanged."""
    try:
        return listing(site) == files
    except OSError:
        return False


def intact(state: Path, site: Path) -> bool:
    """True when the last build's record says ``site`` is as it left it. No record counts as
    changed: one more build puts site/ in place again and records it."""
    last = recorded(state)
    return last is not None and matches(site, last)
