"""Which of several files with the same bytes is built.

The same image twice is built once and the others are reported as copies. The one built was
the first in file-name order, so a client's copy sent under another name ("grace-copy.jpg"
beside "grace-hopper-navy.jpg") took the portrait's place: the brand.yml entry's title, use,
note, subject and pinned id were dropped and the guide's page moved to the copy's name (QA
pass 4). The file brand.yml describes is built now; among files it describes alike, the first.
"""
from __future__ import annotations


def keepers(files: list[tuple[str, str, bool]]) -> dict[str, str]:
    """``files``: (path, sha256, described in brand.yml) in file-name order. Returns sha256 ->
    the path built for it: the first described file, else the first file."""
    kept: dict[str, tuple[str, bool]] = {}
    for rel, digest, described in files:
        if digest not in kept or (described and not kept[digest][1]):
            kept[digest] = (rel, described)
    return {digest: rel for digest, (rel, _) in kept.items()}
