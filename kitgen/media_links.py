"""The guide's images enter the site as hard links to the staged files, not as copies.

MkDocs copies every media file into the site on every build: about 50 MB on a 12-portrait kit
of camera photos, 0.17-0.26 s of a cold build measured while the kernel was still writing the
crops out, all of it on one core after the portraits are done. The staged crops and pictures
are themselves hard links to the cache (kitgen.cache.link_tree), so linking them is the same
bytes at no cost. MkDocs skips a file whose destination already is its source (its
``SameFileError`` case, kept for plugins that write into the site).

A file in site/ is then the same file as its cache entry; kitgen.cache checks each entry's
sizes and dates before it reuses one, so a crop edited in site/ is made again, not published.
Only files under the staged docs folder are linked, never a theme's own files, and only when
every configured plugin is one kitgen knows (kitgen.page_reuse.allowed): another could give a
file new content, which MkDocs would write through the link.
"""
from __future__ import annotations

import os
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority


class LinkMedia(BasePlugin):
    @event_priority(-100)  # the last word on the files before MkDocs copies them
    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        docs = os.path.abspath(config.docs_dir)
        for file in files:
            if file.is_documentation_page() or not file.inclusion.is_included() \
                    or file.generated_by or not file.abs_src_path:
                continue
            src = os.path.abspath(file.abs_src_path)
            if os.path.commonpath([docs, src]) != docs:
                continue
            dest = file.abs_dest_path
            if os.path.lexists(dest):
                continue
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            try:
                os.link(src, dest)
            except OSError:  # no hard links here (another device, a FAT disk): MkDocs copies
                pass
        return env
