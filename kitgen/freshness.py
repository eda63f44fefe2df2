"""Is site/ older than what it is built from, or no longer what the build left? ``pack`` and
``publish`` rebuild when it is, so a portrait added or a brand.yml edited after the last build
is never shipped stale, nor a site/ with a crop or page deleted by hand."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kitgen import site_files, uptodate
from kitgen.kitfile.load import Kit
from kitgen.report import STATE

if TYPE_CHECKING:
    from kitgen.report import BuildReport


def _inputs(kit: Kit) -> list[Path]:
    """brand.yml, the portraits (and their folder, whose time changes when one is removed),
    mkdocs.yml and the kit's own themes."""
    paths = [kit.content / "brand.yml", kit.portraits_dir, kit.root / "mkdocs.yml"]
    paths += [s.path for s in kit.sources]
    themes = kit.root / "themes"
    if themes.is_dir():
        paths += [themes, *themes.rglob("*")]
    return paths


def stale_reason(kit: Kit, site: Path) -> str | None:
    """Why ``site`` must be (re)built first, or None when it is newer than all its inputs."""
    manifest = site / "kit.json"
    if not manifest.is_file():
        return f"no built site in {kit.root}"
    built = manifest.stat().st_mtime
    for path in _inputs(kit):
        try:
            if path.stat().st_mtime > built:
                return f"{path.relative_to(kit.root).as_posix()} changed since the last build"
        except (OSError, ValueError):
            continue
    last = site_files.recorded(kit.root / STATE)  # none: .kitgen/ deleted, as it may be
    if last is not None and not site_files.matches(site, last):
        return "site/ changed since the last build (a file in it removed, added or edited)"
    # Dates miss a portrait replaced in place by an older file ('cp -p', an unpacked delivery
    # keeping its dates): the zip shipped the old crops (QA pass 4). The build's own digest
    # of the bytes does not.
    inputs = uptodate.recorded(kit.root / STATE)
    if inputs is not None and uptodate.digest(kit.root) != inputs:
        return ("content/, themes/, mkdocs.yml or kitgen changed since the last build (a file "
                "replaced by one with an older date counts too)")
    return None


def ensure_built(kit: Kit, site: Path, on_build=None) -> BuildReport | None:  # noqa: ANN001
    """Rebuild ``site`` when it is stale: that build's report, or None when nothing was built.
    Either way ``site/kit.json`` lists the portraits that failed (kitgen.report.failures)."""
    reason = stale_reason(kit, site)
    if not reason:
        return None
    from kitgen.build import build

    if on_build:
        on_build(reason)
    return build(kit.root)
