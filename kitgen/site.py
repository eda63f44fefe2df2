"""The site stage: stage Markdown and images, run a strict MkDocs build, swap in ``site/``."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from markupsafe import escape

from kitgen import cache
from kitgen.errors import KitgenError
from kitgen.exports import write_exports
from kitgen.guide.brand_css import brand_css
from kitgen.kitfile.load import Kit
from kitgen.manifest import dumps
from kitgen.swap import recover, swap_in
from kitgen.themes import PACKAGE_KIT, themes_dirs

SITE = "site"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def config_file(root: Path) -> Path:
    own = root / "mkdocs.yml"
    return own if own.is_file() else PACKAGE_KIT / "mkdocs.yml"


def stage_docs(kit: Kit, pages: dict[str, str], data: dict[str, Any],
               cache_dirs: list[Path], docs: Path) -> None:
    for rel, text in pages.items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for d in reversed(themes_dirs(kit.root)):  # kit's own assets override the defaults
        assets = d / "assets"
        if assets.is_dir():
            shutil.copytree(assets, docs / "assets", dirs_exist_ok=True)
    (docs / "assets").mkdir(exist_ok=True)
    (docs / "assets" / "brand.css").write_text(brand_css(data["palette"]), encoding="utf-8")
    write_exports(data["palette"], kit.brand.person.name, docs)  # site/kit/: palette files
    for d in cache_dirs:
        cache.link_tree(d, docs)


def run_mkdocs(kit: Kit, docs: Path, out: Path, nav: list[Any]) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from kitgen.template_cache import CompiledTemplates

    handler = _Collect()
    mk_log = logging.getLogger("mkdocs")
    mk_log.addHandler(handler)
    previous = mk_log.level
    mk_log.setLevel(logging.WARNING)
    try:
        cfg = load_config(
            config_file=str(config_file(kit.root)),
            docs_dir=str(docs),
            site_dir=str(out),
            strict=True,
            # MkDocs themes print site_name unescaped; the name is the user's text.
            site_name=str(escape(f"{kit.brand.person.name} — brand guide")),
            nav=nav,
        )
        cfg.plugins["kitgen-compiled-templates"] = CompiledTemplates()
        mkdocs_build(cfg)
    except (Abort, ConfigurationError) as exc:
        details = "; ".join(handler.messages[:5]) or str(exc)
        raise KitgenError(f"mkdocs.yml: the guide did not build in strict mode: {details}; "
                          "fix mkdocs.yml or themes/, then build again") from None
    finally:
        mk_log.removeHandler(handler)
        mk_log.setLevel(previous)


def build_site(kit: Kit, pages: dict[str, str], nav: list[Any], data: dict[str, Any],
               cache_dirs: list[Path]) -> Path:
    state = kit.root / ".kitgen"
    staging = state / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    docs, out = staging / "docs", staging / "site"
    docs.mkdir(parents=True)
    stage_docs(kit, pages, data, cache_dirs, docs)
    (docs / "kit.json").write_text(dumps(data), encoding="utf-8")
    run_mkdocs(kit, docs, out, nav)
    site = kit.root / SITE
    recover(site)
    swap_in(out, site)
    shutil.rmtree(staging, ignore_errors=True)
    return site


__all__ = ["build_site", "SITE"]
