"""The site stage: stage Markdown and images, run a strict MkDocs build, swap in ``site/``."""
from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape

from kitgen import cache
from kitgen.errors import KitError
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


def stage_docs(kit: Kit, pages: dict[str, str], data: dict[str, Any], docs: Path) -> None:
    """Pages, the theme's assets, brand.css and the palette files; not the portraits' images
    (kitgen.media_links)."""
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


def run_mkdocs(kit: Kit, docs: Path, out: Path, nav: list[Any], media: list[tuple[Path, str]],
               reuse: dict[str, str] | None = None,
               media_ready: Callable[[], None] | None = None) -> tuple[int, dict[str, str], bool]:
    """Build ``docs`` into ``out``. The portraits' images (``media``: cache entry and path)
    are linked in afterwards by the caller when the third value returned is true
    (kitgen.media_links); with plugins kitgen does not know, they are staged into ``docs``
    (once ``media_ready`` returns: their files may still be in the making) and MkDocs copies
    them. Pages in ``reuse`` (Markdown path -> digest of the HTML the last build wrote) are
    taken from site/ when kitgen.page_reuse allows it. Also returns how many pages were
    rendered, and each page's output path when kitgen.page_reuse knew them."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import Abort, ConfigurationError

    from kitgen.media_links import PendingMedia, link
    from kitgen.mkdocs_config import check_extensions, config_problem
    from kitgen.page_reuse import DirtyWarning, ReusePages, allowed
    from kitgen.raw_blocks import RawBlocks
    from kitgen.template_cache import CompiledTemplates
    from kitgen.theme_files import VisibleThemeFiles

    handler = _Collect()
    mk_log = logging.getLogger("mkdocs")
    mk_log.addHandler(handler)
    # In strict mode any MkDocs warning fails the build, and kitgen's one-line error then
    # quotes it: printed by MkDocs too, it came twice. With -v (kitgen's debug lines) MkDocs
    # still speaks.
    propagate = mk_log.propagate
    mk_log.propagate = logging.getLogger("kitgen").isEnabledFor(logging.DEBUG)
    quiet = DirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    try:
        with _mkdocs_log_level(logging.WARNING):
            try:
                cfg = _load_config(kit, docs, out, nav, strict=True)
            except (Abort, ConfigurationError) as exc:
                raise config_problem(handler.messages, exc) from None
            check_extensions(cfg)
            known = allowed(cfg.plugins)
            pages = ReusePages(kit.root / SITE, reuse or {}) if known else None
            cfg.plugins["kitgen-compiled-templates"] = CompiledTemplates()
            cfg.plugins["kitgen-theme-files"] = VisibleThemeFiles()
            cfg.plugins["kitgen-raw-blocks"] = RawBlocks()
            if known:
                cfg.plugins["kitgen-reuse-pages"] = pages
                cfg.plugins["kitgen-pending-media"] = PendingMedia([rel for _, rel in media])
            else:
                if media_ready is not None:
                    media_ready()
                link(media, docs)
            mkdocs_build(cfg, dirty=bool(pages and reuse))
        if pages is None:
            return sum(1 for _ in docs.rglob("*.md")), {}, known
        return len(pages.order) - len(pages.reused), pages.dest, known
    except (Abort, ConfigurationError) as exc:
        details = "; ".join(handler.messages[:5]) or str(exc)
        raise KitError(f"mkdocs.yml: the guide did not build in strict mode: {details}; "
                       "fix mkdocs.yml or themes/, then build again") from None
    finally:
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        mk_log.removeHandler(handler)
        mk_log.propagate = propagate


@contextmanager
def _mkdocs_log_level(level: int) -> Iterator[None]:
    """MkDocs' own log level for the block, given back after it."""
    mk_log = logging.getLogger("mkdocs")
    previous = mk_log.level
    mk_log.setLevel(level)
    try:
        yield
    finally:
        mk_log.setLevel(previous)


def _load_config(kit: Kit, docs: Path, out: Path, nav: list[Any], strict: bool) -> Any:
    """The kit's MkDocs configuration, with the folders, name and nav kitgen supplies."""
    from mkdocs.config import load_config

    return load_config(
        config_file=str(config_file(kit.root)),
        docs_dir=str(docs),
        site_dir=str(out),
        strict=strict,
        # MkDocs themes print site_name unescaped; the name is the user's text.
        site_name=site_name(kit),
        nav=nav,
    )


def warm_up(kit: Kit) -> None:
    """Load the kit's MkDocs configuration and convert a few lines of Markdown with its
    extensions, building nothing: the plugins', extensions' and theme's modules are loaded
    and their patterns compiled while the build waits for its portraits, not after the last
    one, when the guide is all that is left to do (0.04 of its 0.2 s on the example). The
    real build reports anything wrong with the configuration; here it only costs the warm-up."""
    import tempfile

    import markdown

    # The real build's messages are the ones users see.
    with _mkdocs_log_level(logging.CRITICAL), \
            tempfile.TemporaryDirectory(prefix="kitgen-warm-") as tmp:
        try:
            (Path(tmp) / "docs").mkdir()
            cfg = _load_config(kit, Path(tmp) / "docs", Path(tmp) / "site", [], strict=False)
            md = markdown.Markdown(extensions=cfg.markdown_extensions,
                                   extension_configs=cfg.mdx_configs)
            md.convert("# Title\n\nSome *text*, `code` and a [link](page.md).\n\n"
                       "!!! note\n    A note.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n")
        except Exception:  # noqa: BLE001 - left for the real build to report
            pass


def site_name(kit: Kit) -> str:
    return str(escape(f"{kit.brand.person.name} — brand guide"))


@dataclass
class SiteBuild:
    path: Path
    frame: str
    pages: dict[str, str]  # each page's Markdown digest
    rendered: int  # pages MkDocs rendered (the others were the last build's)
    html: dict[str, str]  # Markdown path -> digest of the HTML written for it
    staged: Path | None = None  # the built site still in staging (``prepare_site``)
    media: list[tuple[Path, str]] = field(default_factory=list)  # to link in (``finish_site``)


def prepare_site(kit: Kit, pages: dict[str, str], nav: list[Any], data: dict[str, Any],
                 media: list[tuple[Path, str]], last: dict[str, Any] | None = None,
                 media_ready: Callable[[], None] | None = None) -> SiteBuild:
    """Stage and build the site in .kitgen/staging; ``finish_site`` puts it in place. ``media``:
    every image of the portraits, as (cache entry, path in the site); their files need not
    exist yet (see ``run_mkdocs``). ``last`` is what the last build recorded
    (site_state.previous): with the same frame, pages whose Markdown is unchanged are reused."""
    from kitgen import site_state

    state = kit.root / ".kitgen"
    staging = state / "staging"
    shutil.rmtree(staging, ignore_errors=True)
    docs, out = staging / "docs", staging / "site"
    docs.mkdir(parents=True)
    stage_docs(kit, pages, data, docs)
    (docs / "kit.json").write_text(dumps(data), encoding="utf-8")
    files = [p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()]
    files += [rel for _, rel in media]
    frame = site_state.frame(kit.root, config_file(kit.root), nav, files, site_name(kit))
    digests = site_state.page_digests(pages)
    last = last or {}
    html = last.get("html", {})
    reuse = {rel: html[rel] for rel, d in digests.items()
             if last.get("pages", {}).get(rel) == d and rel in html} \
        if last.get("frame") == frame else {}
    try:
        rendered, dest, pending = run_mkdocs(kit, docs, out, nav, media, reuse, media_ready)
    except Exception:
        if not reuse:
            raise
        # Anything odd about the last site: build every page, which reports real problems.
        shutil.rmtree(out, ignore_errors=True)
        rendered, dest, pending = run_mkdocs(kit, docs, out, nav, media,
                                             media_ready=media_ready)  # not dirty
    written = {rel: cache.file_sha256(out / uri) for rel, uri in dest.items()
               if (out / uri).is_file()}
    return SiteBuild(kit.root / SITE, frame, digests, rendered, written, out,
                     media if pending else [])


def finish_site(built: SiteBuild) -> SiteBuild:
    """Link the images into the staged site and swap it in as site/."""
    from kitgen.media_links import link

    assert built.staged is not None
    link(built.media, built.staged)
    recover(built.path)
    swap_in(built.staged, built.path)
    shutil.rmtree(built.staged.parent, ignore_errors=True)
    built.staged, built.media = None, []
    return built


__all__ = ["finish_site", "prepare_site", "SITE"]
