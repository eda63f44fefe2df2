"""Render the guide's Markdown pages from the Jinja2 templates in themes/pages/.

A kit's own ``themes/pages`` wins over kitgen's defaults, so agencies can restyle the guide
without forking kitgen.
"""
from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import escape

from kitgen.crops.presets import PLATFORMS
from kitgen.guide.contrast import colour_rows, text_candidates
from kitgen.guide.escape import md_text
from kitgen.kitfile.load import Kit
from kitgen.reading.explain import explain, kit_platforms, mood_map
from kitgen.records import Portrait, Swatch
from kitgen.template_cache import bytecode_cache
from kitgen.themes import themes_dirs


SETTINGS = {  # every {{ value }} is HTML-escaped; |t also neutralises Markdown for typed text
    "autoescape": True, "keep_trailing_newline": True, "trim_blocks": True,
    "lstrip_blocks": True, "undefined": jinja2.StrictUndefined}


def environment(kit: Kit) -> jinja2.Environment:
    compiled = bytecode_cache(f"kitgen pages {jinja2.__version__} {sorted(SETTINGS.items())}")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d / "pages") for d in themes_dirs(kit.root)]),
        bytecode_cache=compiled, **SETTINGS)
    env.filters["t"] = md_text
    env.filters["pct"] = lambda v: f"{round(float(v) * 100)}%"
    env.filters["factor"] = factor
    env.filters["labelled"] = labelled
    return env


def labelled(palette: list[Any]) -> list[tuple[Any, str]]:
    """Each swatch (a record or kit.json's dict) with the name the guide shows for it."""
    from kitgen.exports.named import display_names

    names = [s["name"] if isinstance(s, dict) else s.name for s in palette]
    return list(zip(palette, display_names(names)))


def factor(value: float) -> str:
    """An enlargement such as ``×1.3``; small ones keep two decimals so none reads ``×1.0``."""
    value = float(value)
    digits = next((d for d in (1, 2) if round(value, d) > 1.0), 3)
    return f"×{value:.{digits}f}"


def nav(portraits: list[Portrait], pages: dict[str, str]) -> list[Any]:
    """MkDocs' nav; titles are HTML-escaped because MkDocs' templates do not escape them."""
    items: list[Any] = [{"Overview": "index.md"}]
    if portraits:
        items.append({"Portraits": [{str(escape(p.shown_title)): f"portraits/{p.id}.md"}
                                    for p in portraits]})
    for rel, label in (("platforms.md", "Platforms"), ("colours.md", "Colours")):
        if rel in pages:
            items.append({label: rel})
    return items


def render_pages(kit: Kit, portraits: list[Portrait], palette: tuple[Swatch, ...],
                 data: dict[str, Any]) -> dict[str, str]:
    env = environment(kit)
    by_platform: dict[str, list[tuple[Portrait, Any]]] = {}
    presets = {p.id: p for p in kit.presets}
    for p in portraits:
        for c in p.crops:
            by_platform.setdefault(presets[c.preset].platform, []).append((p, c))
    ctx = {
        "brand": kit.brand,
        "person": kit.brand.person,
        "portraits": portraits,
        "palette": palette,
        "manifest": data,
        "presets": presets,
        "platforms": PLATFORMS,
        "by_platform": by_platform,
        "failed": data["failed"],
        "skipped": data["skipped"],
        "explained": explain(list(kit.brand.goals), kit.brand.person.identity, portraits,
                             kit_platforms(kit.presets)),
        "mood_map": mood_map(portraits),
    }
    pages = {"index.md": env.get_template("index.md.j2").render(ctx)}
    for p in portraits:
        pages[f"portraits/{p.id}.md"] = env.get_template("portrait.md.j2").render(
            ctx, portrait=p)
    pages["platforms.md"] = env.get_template("platforms.md.j2").render(ctx)
    pages["colours.md"] = env.get_template("colours.md.j2").render(
        ctx, colours=colour_rows(data["palette"]), exports=data["exports"],
        candidates=text_candidates(data["palette"]))
    return pages
