"""Everything a person typed is text in the guide: never HTML, never Markdown syntax."""
from __future__ import annotations

from markupsafe import Markup, escape

_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~>"}


def md_text(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    # One character at a time: the entities escape() makes (&#39; for an apostrophe) hold a
    # "#" that must not be escaped again, or the page shows "&#39;" instead of "'".
    out = "".join(_MD_SPECIAL.get(ch) or escape(ch) for ch in str(value))
    # Newlines would start new Markdown blocks; a typed text is one paragraph.
    return Markup(" ".join(out.split()))
