"""Build the guide while the last portraits' crops are still being encoded.

A worker sends each portrait's record as soon as it is known (faces, palette, reading and
where every crop goes), before its crops, previews and pictures are encoded, which is most
of a portrait's time, and sends it again when its files are done (kitgen.pool). Once every
portrait has a record, the guide (kit palette, pages, MkDocs: a third of a second on one core
for the bundled example, half a second for 12 portraits) is built on a thread of the build's
process while the worker finishes the files; the images are linked into the built site
afterwards (kitgen.media_links).

The guide built early is used only if what every portrait ended with (its record, or its
error, and its files) is exactly what it was built from; otherwise (a worker died and a
portrait failed when tried again, a file could not be written) it is dropped and the guide
is built again from the final records, as a build without workers does. Either way the site
is the same bytes.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

# Per job key: ("ok", record, files) or ("error", reason)
Outcome = tuple
Snapshot = dict[str, Outcome]


class SiteOverlap:
    """Collects each job's record and files as they become known. ``start(snapshot, ready)``
    runs on a thread once every job is settled while some still have files to make;
    ``ready()`` blocks until their files are stored."""

    def __init__(self, keys: list[str],
                 start: Callable[[Snapshot, Callable[[], None]], Any]) -> None:
        self.keys = keys
        self.start = start
        self.outcomes: Snapshot = {}
        self.finished: set[str] = set()
        self.stored = threading.Event()
        self.thread: threading.Thread | None = None
        self.snapshot: Snapshot | None = None
        self.result: Any = None
        self.error: BaseException | None = None

    def known(self, key: str, rec: dict, files: list[str]) -> None:
        """A record is known: from the cache, or sent early by a worker."""
        self.outcomes.setdefault(key, ("ok", rec, sorted(files)))
        self._maybe_start()

    def final(self, key: str, rec: dict, files: list[str] | None) -> None:
        """A job is done: its record and stored files, or its error."""
        self.outcomes[key] = ("error", rec["error"]) if "error" in rec else \
            ("ok", rec, sorted(files or []))
        self.finished.add(key)
        self._maybe_start()

    def _maybe_start(self) -> None:
        if self.thread is not None or any(k not in self.outcomes for k in self.keys):
            return
        if all(k in self.finished for k in self.keys):
            return  # nothing left to overlap with: the build goes on as usual
        self.snapshot = dict(self.outcomes)
        self.thread = threading.Thread(target=self._run, name="kitgen-guide", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            self.result = self.start(self.snapshot, self.stored.wait)
        except BaseException as exc:  # noqa: BLE001 - handed to the build's own thread
            self.error = exc

    def done(self) -> Snapshot:
        """Every job is done (or the build is stopping): wait for the guide's thread, and
        return the final outcomes."""
        self.stored.set()
        if self.thread is not None:
            self.thread.join()
        return dict(self.outcomes)

    def take(self, final: Snapshot) -> Any:
        """The guide built early, if it was built from ``final``; else None. Its error, if
        it was, is raised here."""
        if self.thread is None or self.snapshot != final:
            return None
        if self.error is not None:
            raise self.error
        return self.result
