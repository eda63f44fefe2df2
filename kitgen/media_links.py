"""The portraits' images enter the site after MkDocs, as hard links to the cache.

MkDocs copies every media file into the site on every build: about 50 MB on a 12-portrait kit
of camera photos, 0.17-0.26 s of a cold build on one core after the portraits are done. Here
MkDocs is told of each crop and picture (so the pages' links to them are checked as usual)
without the file being staged, and stops knowing of them just before it copies its static
files; ``link`` then puts each one in the built site as a hard link to its cache entry. So
MkDocs can run while the last portraits' files are still being made
(kitgen.site_overlap), and linking them is the same bytes at no cost.

A file in site/ is then the same file as its cache entry; kitgen.cache checks each entry's
sizes and dates before it reuses one, so a crop edited in site/ is made again, not published.
Only when every configured plugin is one kitgen knows (kitgen.page_reuse.allowed): another
could read or rewrite the images in the site while MkDocs runs, so then they are staged as
documents and copied by MkDocs as usual.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File


class PendingMedia(BasePlugin):
    """MkDocs knows of ``media`` (paths relative to the site) while it reads the pages, but
    never copies them."""

    def __init__(self, media: list[str]) -> None:
        super().__init__()
        self.media = media
        self.added: list[Any] = []

    def on_files(self, files: Any, config: Any) -> Any:
        for rel in self.media:
            if files.get_file_from_path(rel) is None:
                file = File(rel, config.docs_dir, config.site_dir, config.use_directory_urls)
                files.append(file)
                self.added.append(file)
        return files

    @event_priority(-100)  # after every plugin's on_env, just before MkDocs copies its files
    def on_env(self, env: Any, config: Any, files: Any) -> Any:  # noqa: ARG002 - MkDocs API
        for file in self.added:
            files.remove(file)
        return env


def link(media: list[tuple[Path, str]], site: Path) -> None:
    """Each ``(cache entry, path)`` into ``site``: a hard link, or a copy where the disk has
    none (FAT, some network shares)."""
    for entry, rel in media:
        target = site / rel
        if os.path.lexists(target):  # linked by an earlier attempt of the same build
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(entry / rel, target)
        except OSError:
            shutil.copy2(entry / rel, target)
