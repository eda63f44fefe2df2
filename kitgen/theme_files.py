"""MkDocs lists the theme's files without walking its hidden folders.

Before each build MkDocs asks the theme's Jinja loader for every file it has and drops those
it will not copy into the site, among them every path with a part starting with a dot.
Material keeps about 14,000 icons under ``.icons/``: listing and filtering them was about
0.05 s of every build, after the portraits, on one core. This plugin gives the theme's
environments a loader listing that does not enter hidden folders or list hidden files. What
MkDocs keeps is the same list (tests/test_theme_files.py compares the two).
"""
from __future__ import annotations

import os
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority


def visible_templates(searchpath: list[str], followlinks: bool = False) -> list[str]:
    """Jinja's FileSystemLoader.list_templates, without any path that has a hidden part."""
    found = set()
    for root in searchpath:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=followlinks):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            rel = os.path.relpath(dirpath, root)
            prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            found.update(prefix + name for name in filenames if not name.startswith("."))
    return sorted(found)


class VisibleThemeFiles(BasePlugin):
    @event_priority(100)  # before other plugins ask the theme for an environment
    def on_config(self, config: Any) -> Any:
        theme = config.theme
        make = theme.get_env

        def get_env() -> Any:
            env = make()
            loader = env.loader
            if hasattr(loader, "searchpath"):  # a FileSystemLoader, as MkDocs makes
                loader.list_templates = lambda: visible_templates(
                    list(loader.searchpath), getattr(loader, "followlinks", False))
            return env

        theme.get_env = get_env
        return config
