"""Skip the site stage when nothing it reads has changed since the last successful build.

The site stage (staging, MkDocs, swap) is a function of the rendered pages, the nav, the
manifest, the per-portrait cache entries it links, mkdocs.yml, the theme files and kitgen's own
code. Their digest is kept in .kitgen/site.json after each successful build; when the next
build computes the same digest and site/ still holds the same kit.json, MkDocs is not run.
The same file keeps what kitgen.page_reuse needs to re-render only the pages that changed:
the digest of what every page reads (the frame) and a digest of each page's Markdown.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from kitgen import cache, site_files
from kitgen.manifest import dumps
from kitgen.themes import themes_dirs

STATE_FILE = "site.json"


def _tree(h: hashlib._Hash, root: Path) -> None:
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(str(path.relative_to(root)).encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())


def _code_config_theme(h: hashlib._Hash, root: Path, config: Path) -> None:
    """kitgen's code, mkdocs.yml and the theme files: read by the whole site stage."""
    h.update(cache.code_version().encode())
    h.update(config.read_bytes() if config.is_file() else b"")
    for d in themes_dirs(root):
        h.update(str(d.resolve()).encode())
        _tree(h, d)


def digest(root: Path, config: Path, pages: dict[str, str], nav: list[Any],
           data: dict[str, Any], cache_dirs: list[Path]) -> str:
    h = hashlib.sha256()
    _code_config_theme(h, root, config)
    h.update(json.dumps([pages, nav, [d.name for d in cache_dirs]], sort_keys=True,
                        default=str).encode())
    h.update(dumps(data).encode())
    return h.hexdigest()


def frame(root: Path, config: Path, nav: list[Any], files: list[str], site_name: str) -> str:
    """What every page's HTML depends on besides its own Markdown: kitgen, MkDocs and
    Material, mkdocs.yml, the theme files, the nav (every page's sidebar and footer), the site
    name and the set of files the pages can link to."""
    from importlib.metadata import version

    h = hashlib.sha256()
    _code_config_theme(h, root, config)
    h.update(f"mkdocs {version('mkdocs')} material {version('mkdocs-material')}".encode())
    h.update(json.dumps([nav, sorted(files), site_name], default=str).encode())
    return h.hexdigest()


def page_digests(pages: dict[str, str]) -> dict[str, str]:
    return {rel: hashlib.sha256(text.encode()).hexdigest() for rel, text in pages.items()}


def previous(state: Path) -> dict[str, Any]:
    """What the last successful build recorded (empty when there is none)."""
    try:
        last = json.loads((state / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return last if isinstance(last, dict) else {}


def unchanged(state: Path, site: Path, value: str, data: dict[str, Any]) -> bool:
    """True when the last successful build had this digest and its site/ is still in place,
    every file as that build left it (kitgen.site_files)."""
    if previous(state).get("digest") != value or not site_files.intact(state, site):
        return False
    try:
        return (site / "kit.json").read_text(encoding="utf-8") == dumps(data)
    except OSError:
        return False


def remember(state: Path, value: str, site_frame: str | None = None,
             pages: dict[str, str] | None = None, html: dict[str, str] | None = None) -> None:
    """``pages``: each page's Markdown digest; ``html``: the digest of the HTML written for
    it (kitgen.page_reuse takes a page from site/ only while it is still those bytes)."""
    tmp = state / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps({"digest": value, "frame": site_frame, "pages": pages or {},
                               "html": html or {}}, sort_keys=True), encoding="utf-8")
    os.replace(tmp, state / STATE_FILE)


def forget(state: Path) -> None:
    (state / STATE_FILE).unlink(missing_ok=True)
