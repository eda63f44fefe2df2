"""A content-addressed cache of per-portrait results under .kitgen/cache/.

The key covers the image bytes, the portrait's id and brand.yml entry, the presets and the
kitgen version and code digest, so any change that could alter an output gives a new key.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from kitgen import __version__

RECORD = "record.json"
FILES = "files.json"  # each output file's size and date when stored (lookup checks them)


def key(sha256: str, pid: str, entry: dict, presets: list[dict], extra: str = "") -> str:
    blob = json.dumps([code_version(), sha256, pid, entry, presets, extra], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:24]


@lru_cache(maxsize=1)
def code_version() -> str:
    """kitgen's version plus a digest of its installed files (code, default kit, schema), so a
    changed kitgen never reuses results made by another one, even under the same version.
    Whether fast-colorthief is installed counts too: its palettes can differ slightly from
    colorthief's (kitgen/analysis/palette.py)."""
    package = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256(__version__.encode())
    h.update(b"fast-colorthief" if find_spec("fast_colorthief") else b"colorthief")
    files = []
    for folder, dirs, names in os.walk(package):  # not into __pycache__ (rglob did: 2.5 ms)
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = os.path.relpath(folder, package)
        files += [name if rel == "." else f"{rel}/{name}".replace(os.sep, "/") for name in names]
    for rel in sorted(files, key=lambda r: r.split("/")):
        h.update(rel.encode() + b"\0")
        with open(os.path.join(package, rel), "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return f"{__version__}+{h.hexdigest()[:16]}"


_HASHED: dict[tuple, str] = {}  # file_sha256 results by the file's identity and dates


def file_sha256(path: Path) -> str:
    """The file's sha256, hashed once per build while the file stays the same: a build hashes
    every source for its inputs' digest, its early start and its plan. A write changes the
    file's ctime (and usually its size or mtime), so a changed file is hashed again."""
    st = os.stat(path)
    sig = (os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    known = _HASHED.get(sig)
    if known is not None:
        return known
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    _HASHED[sig] = digest = h.hexdigest()
    return digest


def forget_hashes() -> None:
    """Each build hashes afresh (``kitgen serve`` builds many times in one process)."""
    _HASHED.clear()


def _listing(folder: Path) -> dict[str, list[int]]:
    """Each output file's size and modification time, by path."""
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name not in (RECORD, FILES, RECORD + ".tmp"):
            st = path.stat()
            out[path.relative_to(folder).as_posix()] = [st.st_size, st.st_mtime_ns]
    return out


def lookup(cache_dir: Path, k: str) -> dict | None:
    """The entry's record, or None when it is missing or any of its files is not the file
    the build stored: the site's files are hard links to these (kitgen.media_links), so an
    image edited or removed in site/ is made again rather than published."""
    entry = cache_dir / k
    try:
        rec = json.loads((entry / RECORD).read_text(encoding="utf-8"))
        stored = json.loads((entry / FILES).read_text(encoding="utf-8"))
        if not isinstance(rec, dict) or not isinstance(stored, dict):
            return None  # a damaged entry (a full disk, a hand edit) is made again
        for rel, (size, mtime_ns) in stored.items():
            st = (entry / rel).stat()
            if st.st_size != size or st.st_mtime_ns != mtime_ns:
                return None
    except (OSError, ValueError, TypeError):
        return None
    return rec


def files_of(entry: Path) -> list[str]:
    """The paths of an entry's output files, as stored (sorted)."""
    return sorted(json.loads((entry / FILES).read_text(encoding="utf-8")))


def store(cache_dir: Path, k: str, work_dir: Path, record: dict) -> Path:
    """Move a finished worker folder into place; the record is written last, so a killed build
    never leaves a half entry that looks complete."""
    final = cache_dir / k
    if final.exists():
        shutil.rmtree(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    (work_dir / FILES).write_text(json.dumps(_listing(work_dir)), encoding="utf-8")
    tmp = work_dir / (RECORD + ".tmp")
    # Key order kept: a cached record must give the same kit.json bytes as a fresh one.
    tmp.write_text(json.dumps(record), encoding="utf-8")
    os.replace(tmp, work_dir / RECORD)
    os.replace(work_dir, final)
    return final
