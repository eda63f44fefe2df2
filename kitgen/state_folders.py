"""The folders a build keeps in ``.kitgen/`` must be folders, or absent.

A file in the place of ``.kitgen/cache``, ``work`` or ``staging`` (a stray copy, a sync tool's
placeholder) was a FileExistsError or NotADirectoryError traceback, or every portrait failed
with "re-export the image". It is said once, as the file where ``.kitgen/`` should be is.
"""
from __future__ import annotations

from pathlib import Path

from kitgen.errors import KitError

FOLDERS = ("cache", "work", "staging")


def check_state_folders(state: Path) -> None:
    """A KitError (exit 2) naming the first of ``.kitgen``'s folders that is not one."""
    for name in FOLDERS:
        path = state / name
        if path.exists() and not path.is_dir():  # a link to a folder is a folder
            raise KitError(f"{path}: is a file where kitgen keeps a folder; delete it (all of "
                           f"{state.name}/ is safe to delete), then build again")
