"""Raw HTML blocks (``<div ... markdown="0">``) of the guide's pages skip Markdown.

Such a block is passed through as it is written, yet Python-Markdown's md_in_html and
MkDocs's own raw-HTML pass both run it through Python's HTML parser first: the crop galleries
and palette cards are most of the guide's Markdown (228 figures on the platforms page of a
12-portrait kit), and they were 0.12 of the 0.20 s Markdown took there, in the single-core
stretch after the portraits. This MkDocs plugin takes each such block out of the page's
Markdown (as the last ``on_page_markdown``), leaves a placeholder paragraph, and puts the
block back in place of that paragraph (as the first ``on_page_content``), so Markdown and
every other plugin see what they saw before. Only blocks standing alone between blank lines
are taken, with their ``<div>`` tags balanced; a placeholder that does not come back as its own
paragraph stops the build with a clear error rather than losing the block.
"""
from __future__ import annotations

import re
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

OPENING = re.compile(r'^([ \t]*)<div\b[^>]*\smarkdown="0"[^>]*>')
TOKEN = "kgrawblock{:06d}x"


def _depth(line: str) -> int:
    return len(re.findall(r"<div\b", line)) - line.count("</div>")


def take_blocks(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each standalone raw block replaced by a placeholder line (at the
    block's indent), and the blocks, dedented, in order."""
    lines = markdown.split("\n")
    out: list[str] = []
    blocks: list[str] = []
    i = 0
    while i < len(lines):
        m = OPENING.match(lines[i])
        if m and (not out or not out[-1].strip()):
            indent, depth, j = m.group(1), 0, i
            while j < len(lines):
                depth += _depth(lines[j])
                if depth <= 0:
                    break
                j += 1
            standalone = j < len(lines) and (j + 1 == len(lines) or not lines[j + 1].strip())
            if standalone and all(not ln.strip() or ln.startswith(indent)
                                  for ln in lines[i:j + 1]):
                blocks.append("\n".join(ln[len(indent):] for ln in lines[i:j + 1]))
                out.append(indent + TOKEN.format(len(blocks) - 1))
                i = j + 1
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), blocks


def put_blocks(html: str, blocks: list[str], page: str) -> str:
    for n, block in enumerate(blocks):
        placeholder = f"<p>{TOKEN.format(n)}</p>"
        if html.count(placeholder) != 1:
            raise PluginError(f"{page}: a raw HTML block (markdown=\"0\") did not come through "
                              "Markdown as its own paragraph; leave a blank line before and "
                              "after it in the page template")
        html = html.replace(placeholder, block)
    return html


class RawBlocks(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.blocks: dict[str, list[str]] = {}

    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:  # noqa: ARG002
        text, self.blocks[page.file.src_uri] = take_blocks(markdown)
        return text

    @event_priority(100)
    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:  # noqa: ARG002
        return put_blocks(html, self.blocks.pop(page.file.src_uri, []), page.file.src_uri)
