"""Where themes come from: the kit's own themes/ first, then the defaults kitgen ships."""
from __future__ import annotations

from pathlib import Path

PACKAGE_KIT = Path(__file__).parent / "default_kit"


def themes_dirs(root: Path) -> list[Path]:
    dirs = [root / "themes", PACKAGE_KIT / "themes"]
    seen, out = set(), []
    for d in dirs:
        r = d.resolve()
        if d.is_dir() and r not in seen:
            seen.add(r)
            out.append(d)
    return out
