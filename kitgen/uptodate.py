"""Skip the whole build when nothing it reads has changed since the last successful one.

A build is a function of content/ (brand.yml and the portraits), mkdocs.yml, the theme files
and kitgen's own code. Their digest is recorded in .kitgen/inputs.json with the sha256 of the
kit.json it produced; when both still match, site/ is already what a build would make, and
kitgen answers from kit.json without importing the heavy stages. This module stays light on
imports on purpose: a no-change rebuild should cost little more than hashing the inputs.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kitgen import cache, site_files
from kitgen.themes import PACKAGE_KIT, themes_dirs

if TYPE_CHECKING:
    from kitgen.report import BuildReport

STATE_FILE = "inputs.json"


def _tree(h: hashlib._Hash, folder: Path) -> None:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(cache.file_sha256(path).encode())
        elif not path.is_dir():  # a link to nothing, a named pipe: the build reports them
            h.update(path.relative_to(folder).as_posix().encode() + b"\0not a file\0")


def digest(root: Path) -> str | None:
    """The inputs' digest, or None when root is not a readable kit (the full build explains)."""
    content = root / "content"
    if not (content / "brand.yml").is_file():
        return None
    h = hashlib.sha256(cache.code_version().encode())
    try:
        _tree(h, content)
        config = root / "mkdocs.yml"
        h.update((config if config.is_file() else PACKAGE_KIT / "mkdocs.yml").read_bytes())
        for d in themes_dirs(root):
            h.update(str(d.resolve()).encode() + b"\0")
            _tree(h, d)
    except OSError:
        return None
    return h.hexdigest()


def _last(state: Path) -> dict | None:
    """What the last successful build recorded, or None when there is none or it is damaged
    (valid JSON but not a mapping was an AttributeError traceback)."""
    try:
        last = json.loads((state / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return last if isinstance(last, dict) else None


def recorded(state: Path) -> str | None:
    """The inputs' digest the last successful build recorded, or None when there is none."""
    value = (_last(state) or {}).get("inputs")
    return value if isinstance(value, str) else None


def last_manifest(state: Path, site: Path, value: str | None) -> dict | None:
    """site/kit.json when the last successful build had these inputs and site/ is untouched
    (kit.json and every other file: kitgen.site_files)."""
    if value is None:
        return None
    last = _last(state)
    try:
        text = (site / "kit.json").read_bytes()
    except OSError:
        return None
    if last is None:
        return None
    if last.get("inputs") != value or last.get("kit_json") != hashlib.sha256(text).hexdigest():
        return None
    if not site_files.intact(state, site):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def answer(root: Path) -> tuple[str | None, BuildReport | None]:
    """The inputs' digest, and the last build's report when nothing changed since (else None):
    a build with nothing to do. Without Click or any build stage: ``kitgen build`` asks this
    before the CLI's own imports (kitgen.program)."""
    import time

    from kitgen.lock import BuildLock
    from kitgen.report import STATE, report_from_manifest

    started = time.perf_counter()
    inputs = digest(root)
    if inputs is None:
        return None, None
    with BuildLock(root / STATE):
        done = last_manifest(root / STATE, root / "site", inputs)
    if done is None:
        return inputs, None
    return inputs, report_from_manifest(root / "site", done, time.perf_counter() - started)


def remember(state: Path, site: Path, value: str | None) -> None:
    if value is None:
        return
    kit_json = hashlib.sha256((site / "kit.json").read_bytes()).hexdigest()
    tmp = state / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps({"inputs": value, "kit_json": kit_json}), encoding="utf-8")
    os.replace(tmp, state / STATE_FILE)
