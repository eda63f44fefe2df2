"""Compiled Jinja templates of the guide's theme, kept between builds like Python's .pyc files.

MkDocs compiles Material's templates from source on every build: about half a second, half of
MkDocs' time on the example kit. This MkDocs plugin gives its Jinja environment Jinja's own
file bytecode cache under the user's cache folder. Jinja keys each entry by template path and
checks the source's checksum, so an edited override or a new Material is compiled afresh; the
pages it renders are the same bytes either way.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.plugins import BasePlugin


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


class CompiledTemplates(BasePlugin):
    def on_env(self, env: Any, config: Any, files: Any) -> Any:  # noqa: ARG002 - MkDocs API
        try:
            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
        except (OSError, RuntimeError):  # no home folder, or no room to write in it
            return env
        env.bytecode_cache = _Forgiving(str(folder))
        return env
