"""Palette exports for designers and developers, one module per file format.

Every format writes one file into ``site/kit/``; ``kit.json`` lists them under ``exports``.
"""
from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

from kitgen.exports import ase, css, gpl, scss, tailwind, tokens
from kitgen.exports.named import named_colours

FOLDER = "kit"  # inside site/
FORMATS: dict[str, ModuleType] = {
    "css": css,
    "scss": scss,
    "tokens": tokens,
    "ase": ase,
    "gpl": gpl,
    "tailwind": tailwind,
}


def export_index() -> dict[str, dict[str, str]]:
    """kit.json's ``exports``: format id -> path (relative to site/) and a label."""
    return {fid: {"path": f"{FOLDER}/{mod.FILENAME}", "label": mod.LABEL}
            for fid, mod in FORMATS.items()}


def render_exports(palette: list[dict[str, Any]], title: str) -> dict[str, bytes]:
    """Path relative to site/ -> file bytes, for every format."""
    colours = named_colours(palette)
    return {f"{FOLDER}/{mod.FILENAME}": mod.render(colours, title) for mod in FORMATS.values()}


def write_exports(palette: list[dict[str, Any]], title: str, site_dir: Path) -> list[Path]:
    written = []
    for rel, blob in render_exports(palette, title).items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
        written.append(target)
    return written


__all__ = ["FORMATS", "FOLDER", "export_index", "render_exports", "write_exports"]
