"""Render only the guide pages whose Markdown changed; take the others from the last site.

MkDocs renders every page on every build. After one portrait changes, the pages that can come
out different are those whose Markdown changed (its own page, and the overview, platform and
colour pages when what they show of it changed), provided everything else a page reads is the
same as last time: the nav (every page's sidebar and footer), mkdocs.yml, the theme, the site
name, the set of files and the versions of kitgen, MkDocs and Material (site_state.frame).
Then each other page's HTML is copied from site/ into the staged site (when it is still the
bytes that build wrote), its staged Markdown is dated 1970, and MkDocs runs in its dirty mode,
which skips a page whose output is newer than its source. Their search entries come from the
last index, in page order, so the site is the same bytes as a full build's
(tests/test_page_reuse.py compares every file).

Only the plugins whose output kitgen knows may be configured (search, offline, glightbox):
another could make a page depend on something else. Any failure of a build that reuses pages
is followed by a full build, which reports the problem if there is one.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

from kitgen.cache import file_sha256

KNOWN_PLUGINS = frozenset({"search", "material/search", "offline", "material/offline",
                           "glightbox", "kitgen-compiled-templates"})
DIRTY_WARNING = "A 'dirty' build is being performed"


def allowed(plugins: Any) -> bool:
    return set(plugins.keys()) <= KNOWN_PLUGINS


class DirtyWarning(logging.Filter):
    """MkDocs warns that dirty builds can leave navigation stale; here the frame guarantees it
    is not, and under --strict the warning would stop the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class ReusePages(BasePlugin):
    """Records where each page is written; takes the pages in ``reuse`` (Markdown path ->
    digest of the HTML the last build wrote for it) from ``site`` when still those bytes."""

    def __init__(self, site: Path, reuse: dict[str, str]) -> None:
        super().__init__()
        self.site = site
        self.reuse = reuse
        self.reused: set[str] = set()  # their page URLs
        self.order: list[str] = []  # every page's URL, in MkDocs' build order
        self.dest: dict[str, str] = {}  # Markdown path -> output path

    def on_files(self, files: Any, config: Any) -> Any:  # noqa: ARG002 - MkDocs API
        for file in files.documentation_pages():
            self.order.append(file.url)
            self.dest[file.src_uri] = file.dest_uri
            before = self.site / file.dest_uri
            if file.src_uri not in self.reuse or not before.is_file() \
                    or file_sha256(before) != self.reuse[file.src_uri]:
                continue
            Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(before, file.abs_dest_path)  # a copy: site/ is never written through
            os.utime(file.abs_src_path, (0, 0))  # older than its output: MkDocs skips it
            self.reused.add(file.url)
        return files

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, config: Any) -> None:
        search = config.plugins.get("material/search") or config.plugins.get("search")
        if search is None or not self.reused:
            return
        last = json.loads((self.site / "search" / "search_index.json").read_text("utf-8"))
        by_page: dict[str, list[dict]] = {}
        for entry in last["docs"]:
            by_page.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        fresh: dict[str, list[dict]] = {}
        for entry in search.search_index.entries:
            fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
        search.search_index.entries = [
            entry for url in self.order
            for entry in (by_page if url in self.reused else fresh).get(url, [])]
