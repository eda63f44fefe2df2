"""Compiled Jinja templates of the guide's theme, kept between builds like Python's .pyc files.

MkDocs compiles Material's templates from source on every build: about half a second, half of
MkDocs' time on the example kit. This MkDocs plugin gives its Jinja environment Jinja's own
file bytecode cache under the user's cache folder. Jinja keys each entry by template path and
checks the source's checksum, so an edited override or a new Material is compiled afresh; the
pages it renders are the same bytes either way.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import BasePlugin, event_priority


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kitgen" / "jinja"


class _Forgiving(FileSystemBytecodeCache):
    """A read-only or full cache folder costs the speed-up, never the build."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def bytecode_cache(settings: str = "") -> FileSystemBytecodeCache | None:
    """The cache, or None when it has no folder to live in. kitgen's own page templates
    (kitgen.guide.pages) use it too: compiling them was about 0.06 s of every build. Jinja
    keys an entry by template path and source only, so an environment whose compile settings
    differ from MkDocs' passes ``settings`` and gets a folder of its own."""
    try:
        folder = cache_dir()
        if settings:
            folder = folder / hashlib.sha256(settings.encode()).hexdigest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home folder, or no room to write in it
        return None
    return _Forgiving(str(folder))


class CompiledTemplates(BasePlugin):
    @event_priority(100)  # before the search plugin, which renders the theme's language
    def on_config(self, config: Any) -> Any:
        """Every environment the theme makes gets the cache, not only the build's: the search
        plugin makes one for each of its three settings it reads from the theme's language
        template, about 0.02 s of compiling."""
        theme = config.theme
        make = theme.get_env
        theme.get_env = lambda: self.on_env(make(), config, None)
        return config

    def on_env(self, env: Any, config: Any, files: Any) -> Any:  # noqa: ARG002 - MkDocs API
        cache = bytecode_cache()
        if cache is not None:
            env.bytecode_cache = cache
        return env
