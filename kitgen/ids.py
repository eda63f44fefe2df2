"""Stable, URL-safe portrait ids from file names.

An id names a portrait's page and crop files, so it should change as little as it can when
files come and go. A file whose name already is its slug ("jane-doe.jpg") keeps it whatever
else arrives (brand.yml may not pin its id on another file); the others take the slug, or the
first free "-2", "-3", ... after it, in file-name order, so a look-alike name added before one
can renumber it. An id pinned in brand.yml (portraits[].id) is taken first and never given to
another file: pinning is how a guide keeps its links. Ids are given over every image in the
folder, approved or not (kitgen.kitfile.load).
"""
from __future__ import annotations

import re
import unicodedata


def slug(text: str, fallback: str = "portrait") -> str:
    """Lower-case ASCII letters and digits joined by hyphens ('Zoë Åström' -> 'zoe-astrom');
    ``fallback`` when none are left (a name in another script, or emoji only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return s or fallback


def unique_ids(stems: list[str], pinned: list[str | None] | None = None) -> list[str]:
    """One id per stem, all different; ``pinned[i]``, when given, is stem i's own id (the
    caller has made sure no two pins are the same)."""
    pins = list(pinned or [None] * len(stems))
    out: list[str | None] = list(pins)
    taken = {p for p in pins if p}
    # Exact names first, so that a later "Jane Doe.jpg" cannot take "jane-doe" from one.
    order = sorted((i for i, p in enumerate(pins) if not p),
                   key=lambda i: (slug(stems[i]) != stems[i], i))
    for i in order:
        base = slug(stems[i])
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        out[i] = candidate
    return [o for o in out if o is not None]


FACES_SUFFIX = "-faces"  # portrait X's face picture in the guide: images/X-faces.jpg


def faces_clashes(ids: list[str]) -> dict[str, str]:
    """id -> the other id whose face picture has its name: the guide's picture of 'jo-faces'
    (images/jo-faces.jpg) is also the face picture of 'jo', so one of the two pages showed the
    other's image (QA pass 4)."""
    known = set(ids)
    return {i: i[:-len(FACES_SUFFIX)] for i in ids
            if i.endswith(FACES_SUFFIX) and i[:-len(FACES_SUFFIX)] in known}
