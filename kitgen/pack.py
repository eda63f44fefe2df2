"""``kitgen pack``: the whole kit as one zip to hand to a client or a team.

The zip holds one folder, ``<name>-brand-kit/``, with:

- ``site/``: the guide, opens from disk (``site/index.html``; every link is relative);
- ``crops/<platform>/<portrait>--<format>.<ext>``: every crop, grouped per platform;
- ``exports/``: the palette files (CSS, SCSS, tokens, ASE, GPL, Tailwind);
- ``kit.json``: the manifest; ``README.txt``: what is where.

The archive is deterministic: entries sorted, fixed timestamps and permissions, fixed
compression, so packing the same build twice gives the same bytes (and the same checksum).
A kit without a built site, or whose content changed since the build, is built first.
"""
from __future__ import annotations

import json
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from kitgen.errors import CannotWrite, KitError, KitgenError
from kitgen.ids import slug
from kitgen.records import Problem
from kitgen.report import failures, left_out

SITE = "site"
EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip can store
WRITE_FIX = "or choose another --out"
STORED = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".gz", ".heic", ".avif", ".zip"}
README = """\
{name}: brand kit made with kitgen {version}

site/index.html   the brand guide; open it in any browser, no internet needed
crops/            every crop, one folder per platform: <portrait>--<format>.<ext>
exports/          the kit palette for design tools and code
kit.json          everything above as data (the kit manifest)
"""


@dataclass(frozen=True)
class PackReport:
    path: Path
    files: int
    bytes: int
    built: bool  # True when pack had to build the site first
    failed: tuple[Problem, ...] = ()  # portraits the build could not use: not in the zip

    @property
    def exit_code(self) -> int:
        """As ``kitgen build``'s: 1 when portraits failed (the zip is made without them)."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        return (f"packed {self.files} files ({self.bytes / 1e6:.1f} MB) -> {self.path}"
                + left_out(self.failed))


def pack_name(person: str, kit_root: Path) -> str:
    """The zip's name and its top folder, '<name>-brand-kit', from the person's name in ASCII
    ('Zoë Åström' -> 'zoe-astrom'). A name with no Latin letters or digits keeps its own
    ('山田 太郎' -> '山田-太郎'), and one with no letters at all (emoji) takes the kit folder's:
    they were all 'portrait-brand-kit', so two such clients' packs in one folder replaced each
    other (QA pass 4)."""
    for text in (person, kit_root.name):
        name = slug(text, "") or re.sub(r"[\W_]+", "-",
                                        unicodedata.normalize("NFKC", text).lower()).strip("-")
        if name:
            return f"{name}-brand-kit"
    return "brand-kit"


def default_out(folder: Path, name: str) -> Path:
    """``name`` (kitgen.pack.pack_name) as a zip in ``folder``."""
    return folder / f"{name}.zip"


def out_path(root: Path, name: str, out: Path | str | None) -> Path:
    """Where the zip goes: ``out`` as given, or in it under its usual name when it is a folder
    or ends with '/' (a folder still to be made: '--out dist/' wrote a zip named 'dist',
    QA pass 4); the kit folder by default."""
    if out is None:
        return default_out(root, name)
    text = os.fspath(out)
    path = Path(text).expanduser()
    if path.is_dir() or text.endswith(("/", os.sep)):
        return default_out(path, name)
    return path


def check_out(root: Path, out: Path) -> None:
    """Refuse a zip path that would overwrite or land among what the kit is made from, or
    replace a file that is not a zip: ``-o content/brand.yml`` silently became a zip."""
    inside = next((f"{part}/" for part in (SITE, "content", "themes", ".kitgen", ".git")
                   if out.is_relative_to(root / part)), None)
    if inside == f"{SITE}/":
        raise KitError(f"{out}: the pack cannot go inside site/ (the next build replaces "
                       "it); choose another --out")
    if inside or out == root / "mkdocs.yml":
        raise KitError(f"{out}: the pack cannot go {f'inside {inside}' if inside else 'there'}"
                       f" (the kit's own files are there); choose another --out")
    # .docx, .xlsx and .jar files are zips too: only a .zip is taken for an earlier pack
    if out.exists() and not (out.suffix.lower() == ".zip" and zipfile.is_zipfile(out)):
        raise KitError(f"{out}: is there already and is not a zip, which pack only replaces; "
                       "choose another --out, or move that file away")
    if out.suffix.lower() != ".zip":  # 'dist' became a zip without the name that opens it
        raise KitError(f"{out}: a pack is a .zip file; name it {out.name}.zip, or end --out "
                       "with / for a folder to put it in")


def plan(site: Path, manifest: dict) -> dict[str, Path]:
    """Archive path (inside the top folder) -> file on disk, for everything the zip holds."""
    entries: dict[str, Path] = {}
    for path in site.rglob("*"):
        if path.is_file():
            entries[f"{SITE}/{path.relative_to(site).as_posix()}"] = path
    platform_of = {p["id"]: p["platform"] for p in manifest["presets"]}
    for portrait in manifest["portraits"]:
        for crop in portrait["crops"]:
            src = site / crop["path"]
            platform = platform_of.get(crop["preset"], "other")
            name = f"{portrait['id']}--{crop['preset']}{src.suffix}"
            entries[f"crops/{platform}/{name}"] = src
    for entry in manifest.get("exports", {}).values():
        src = site / entry["path"]
        entries[f"exports/{src.name}"] = src
    entries["kit.json"] = site / "kit.json"
    missing = sorted(str(p) for p in entries.values() if not p.is_file())
    if missing:
        raise KitgenError(f"{missing[0]}: named in site/kit.json but missing; "
                          "run 'kitgen build' again, then pack")
    return entries


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=EPOCH)
    info.create_system = 3  # unix, whatever system packs it
    info.external_attr = 0o100644 << 16
    stored = os.path.splitext(name)[1].lower() in STORED
    info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    return info


def write_zip(out: Path, top: str, entries: dict[str, Path], readme: str) -> int:
    """Write atomically (temporary file, then rename); returns the number of files. A zip
    that cannot be written is a CannotWrite naming ``out``, and no temporary file stays."""
    tmp = out.with_name(f".{out.name}.tmp")
    files = {f"{top}/{k}": v for k, v in entries.items()}
    try:
        with zipfile.ZipFile(tmp, "w", compresslevel=9) as zf:
            zf.writestr(_info(f"{top}/README.txt"), readme.encode("utf-8"))
            for name in sorted(files):
                zf.writestr(_info(name), files[name].read_bytes(), compresslevel=9)
        os.replace(tmp, out)
    except OSError as exc:
        if exc.filename not in (None, str(tmp)):  # reading the site, not writing the zip
            raise
        raise CannotWrite(out, exc, WRITE_FIX) from None
    finally:
        with suppress(OSError):  # a parent that is a file makes even this fail
            tmp.unlink(missing_ok=True)
    return len(files) + 1


def pack(root: Path | str = ".", out: Path | str | None = None, *,
         on_build: Callable[[str], None] | None = None) -> PackReport:
    """Zip the kit at ``root``; builds it first when ``site/`` is missing or older than the
    kit's content (``on_build`` hears why)."""
    from kitgen import __version__
    from kitgen.freshness import ensure_built
    from kitgen.kitfile.load import load_kit

    kit = load_kit(root)  # a clear KitError for a folder that is no kit
    site = kit.root / SITE
    top = pack_name(kit.brand.person.name, kit.root)
    out = out_path(kit.root, top, out).resolve()
    check_out(kit.root.resolve(), out)
    try:  # before any build: a folder that cannot be made is said at once
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CannotWrite(out, exc, WRITE_FIX) from None
    built = ensure_built(kit, site, on_build) is not None
    manifest = json.loads((site / "kit.json").read_text(encoding="utf-8"))
    readme = README.format(name=" ".join(kit.brand.person.name.split()), version=__version__)
    files = write_zip(out, top, plan(site, manifest), readme)
    return PackReport(path=out, files=files, bytes=out.stat().st_size, built=built,
                      failed=failures(manifest))


__all__ = ["PackReport", "check_out", "default_out", "out_path", "pack", "pack_name", "plan"]
