"""``kitgen analyse``: the per-portrait records of any images, without building a site."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kitgen.crops.presets import PRESETS
from kitgen.errors import PortraitError, unexpected
from kitgen.ids import unique_ids
from kitgen.memory import THREADS
from kitgen.process import process


def analyse_files(paths: list[Path]) -> tuple[list[dict], list[dict]]:
    """Each image in turn, its own parts (crops, web images, reading) on up to two cores."""
    records, failed = [], []
    threads = min(THREADS, os.cpu_count() or 1)
    ids = unique_ids([p.stem for p in paths])
    # Stopped (Ctrl-C, SIGTERM) while a portrait's threads still write into it, the folder's
    # removal met files still appearing: that OSError took the place of the one-line stop.
    with tempfile.TemporaryDirectory(prefix="kitgen-analyse-", ignore_cleanup_errors=True) as tmp:
        for path, pid in zip(paths, ids):
            try:
                rec = process(path, str(path), pid, {}, list(PRESETS), Path(tmp), threads)
            except PortraitError as exc:
                failed.append({"source": str(path), "message": exc.reason})
                continue
            except Exception as exc:  # noqa: BLE001 - as a build's worker: the rest go on
                failed.append({"source": str(path), "message": unexpected(exc)})
                continue
            records.append(rec.to_dict())
    return records, failed
