"""Everything a person typed is text in the guide: never HTML, never Markdown syntax."""
from __future__ import annotations

from markupsafe import Markup, escape

_MD_SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~>"}


def md_text(value: object) -> Markup:
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    html = str(escape(str(value)))
    out = "".join(_MD_SPECIAL.get(ch, ch) for ch in html)
    # Newlines would start new Markdown blocks; a typed text is one paragraph.
    return Markup(" ".join(out.split()))
