"""What kitgen needs from a kit's mkdocs.yml, and its problems said in one line.

MkDocs reports a bad setting as log lines followed by "Aborted with 1 configuration errors!",
and a YAML slip as PyYAML's text over several lines with the file's full path; kitgen says
either in one line that names the line or the setting. The page templates are written with a
few Markdown extensions; without one of them MkDocs still builds, but the pages come out wrong
(a tab's content as a code block, a note box as plain text), so their absence is a kit error.
"""
from __future__ import annotations

import re
from typing import Any

from kitgen.errors import KitError

# What each extension does in the guide's pages (themes/pages/), for the error message.
REQUIRED_EXTENSIONS = {
    "admonition": "note and warning boxes",
    "attr_list": "image attributes such as lazy loading",
    "md_in_html": "the portrait cards",
    "pymdownx.details": "the collapsible sections",
    "pymdownx.superfences": "the platform tabs",
    "pymdownx.tabbed": "the platform tabs",
}
FIX = "fix mkdocs.yml and build again"


def config_problem(messages: list[str], exc: BaseException) -> KitError:
    """One line for a mkdocs.yml MkDocs could not load (exit 2: nothing was built)."""
    text = str(exc)
    yaml_slip = "error parsing the configuration file" in text
    if not yaml_slip and messages:
        text = "; ".join(messages[:3])
    text = " ".join(text.split())
    text = text.replace("MkDocs encountered an error parsing the configuration file: ", "")
    where = re.search(r'in "[^"]*", (line \d+, column \d+)', text)
    if where:  # PyYAML's position, once, in front; the full path is the kit's own mkdocs.yml
        text = where.group(1) + ": " + re.sub(r'\s*in "[^"]*", line \d+, column \d+', "", text)
    text = re.sub(r"^Config value '([^']+)': ", r"\1: ", text).rstrip(".")
    return KitError(f"mkdocs.yml: {text}; {FIX}")


# Python-Markdown's "extra" loads these among others.
_EXTRA = {"abbr", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables"}


def _names(extensions: list[str]) -> set[str]:
    """Every extension loaded, by short name: "markdown.extensions.attr_list" is attr_list,
    and "extra" brings its own set."""
    names = {e.removeprefix("markdown.extensions.") for e in extensions}
    return names | (_EXTRA if "extra" in names else set())


def check_extensions(cfg: Any) -> None:
    """Refuse a configuration without an extension the page templates are written for."""
    have = _names(cfg["markdown_extensions"])
    missing = [name for name in REQUIRED_EXTENSIONS if name not in have]
    if missing:
        uses = "; ".join(f"{name} ({REQUIRED_EXTENSIONS[name]})" for name in missing)
        raise KitError(f"mkdocs.yml: markdown_extensions lacks what the guide's pages are "
                       f"written with: {uses}; add {'it' if len(missing) == 1 else 'them'} "
                       f"back (kitgen init writes the full list) and build again")
