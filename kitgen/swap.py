"""Put a freshly built site in place of the old one in a single step.

On Linux renameat2(RENAME_EXCHANGE) swaps two folders atomically, so a build killed at any
moment leaves either the old or the new site whole; elsewhere two renames are used and a
leftover ``site.previous`` is restored by the next build.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
from pathlib import Path

from kitgen.errors import KitError

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def recover(site: Path) -> None:
    previous = site.with_name(site.name + ".previous")
    if previous.exists() and not site.exists():
        os.replace(previous, site)
    elif previous.exists():
        shutil.rmtree(previous, ignore_errors=True)


def refuse_foreign_site(site: Path) -> None:
    """A KitError (exit 2) when ``site`` is a link or a file, said before any portrait is
    analysed. The swap replaces site/ whole: a link (to a web server's folder, say) became a
    plain folder, the link's target was never updated again, and a file of that name was
    deleted, all without a word."""
    if site.is_symlink():
        raise KitError(f"{site}: is a link to {os.readlink(site)}; a build replaces site/ "
                       "whole and would put a folder in the link's place; remove the link "
                       "(copy or serve this kit's site/ instead), then build again")
    if site.exists() and not site.is_dir():
        raise KitError(f"{site}: is a file, not a built guide; a build would delete it to "
                       "make the site/ folder; move or rename it, then build again")


def swap_in(new: Path, site: Path) -> None:
    """Make ``new`` the site; the old site ends up at ``new`` and is removed."""
    recover(site)
    if site.exists() and site.is_dir() and not site.is_symlink():
        if _exchange(new, site):
            shutil.rmtree(new, ignore_errors=True)
            return
        previous = site.with_name(site.name + ".previous")
        os.replace(site, previous)
        os.replace(new, site)
        shutil.rmtree(previous, ignore_errors=True)
        return
    if site.is_symlink() or site.is_file():
        site.unlink()
    os.replace(new, site)
