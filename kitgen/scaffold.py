"""``kitgen init``: a new kit that builds as soon as one portrait is dropped in."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from kitgen.errors import CannotWrite, KitError
from kitgen.kitfile.schema import json_schema
from kitgen.themes import PACKAGE_KIT

BRAND_TEMPLATE = """\
# kitgen brand file. Editors with the YAML language server complete and check it against
# brand.schema.json (next line); after upgrading kitgen, refresh that file with
# 'kitgen schema > content/brand.schema.json'.
# yaml-language-server: $schema=brand.schema.json
person:
  name: {name}
  identity: founder          # founder, artist, coach, creator, speaker, ...
  bio: One line about you, shown on the guide's front page.
# What the portraits should make people feel. Any of: trust, approachability,
# authority, creativity, aspiration, calm, energy, nostalgia
goals: [trust, approachability]
audience: Who you want to reach
# platforms: [linkedin, x, instagram]   # default: every platform
# presets:                              # extra crop formats
#   - {{id: event-badge, label: Event badge, width: 600, height: 800, kind: portrait}}
# Every image in content/portraits/ is built; entries here only add details.
# portraits:
#   - file: headshot.jpg
#     id: headshot                      # page and crop names; pin it to keep links stable
#     title: Studio headshot
#     use: [linkedin, press]
#     note: Why this one was approved
#     approved: true
"""


# The built site, kitgen's cache and the zips 'kitgen pack' writes into the kit folder.
IGNORED = ("site/", ".kitgen/", "*-brand-kit.zip")


def scaffold(directory: Path, name: str) -> Path:
    """Write a new kit into ``directory`` (made if missing). A blank name, a kit already
    there or a folder that cannot be written is a KitError, before the kit's first build."""
    _check_name(name)
    directory = directory.resolve()
    brand = directory / "content" / "brand.yml"
    if brand.exists():
        raise KitError(f"{brand}: a kit already exists here; choose an empty folder")
    try:
        _write(directory, brand, name)
    except OSError as exc:
        raise CannotWrite(directory, exc, "or choose another folder") from None
    return directory


def _check_name(name: str) -> None:
    """The name as brand.yml's schema takes it: a kit init writes must build."""
    from pydantic import ValidationError

    from kitgen.kitfile.schema import Person

    if not name.strip():  # the brand file would be written, and refused by every build
        raise KitError("--name: the person's name is empty; give the name the kit is for, "
                       "e.g. --name \"Ada Lovelace\"")
    if any(ch in name for ch in "\r\n\t\v\f"):  # YAML would fold it into spaces unasked
        raise KitError("--name: the name has a line break or tab; give it on one line")
    try:
        Person(name=name)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"].lower().replace("string", "the name", 1)
        raise KitError(f"--name: {reason} (it has {len(name.strip())}); give a shorter "
                       "name, then add details to the bio in brand.yml") from None


def _write(directory: Path, brand: Path, name: str) -> None:
    (directory / "content" / "portraits").mkdir(parents=True, exist_ok=True)
    safe_name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    brand.write_text(BRAND_TEMPLATE.format(name=safe_name), encoding="utf-8")
    schema = brand.with_name("brand.schema.json")
    if not schema.exists():
        schema.write_text(json.dumps(json_schema(), indent=2) + "\n", encoding="utf-8")
    if not (directory / "mkdocs.yml").exists():
        shutil.copyfile(PACKAGE_KIT / "mkdocs.yml", directory / "mkdocs.yml")
    # A folder may already hold restyled themes or a .gitignore: add, never overwrite.
    shutil.copytree(PACKAGE_KIT / "themes", directory / "themes", dirs_exist_ok=True,
                    copy_function=_copy_new)
    _ignore(directory / ".gitignore", IGNORED)


def _copy_new(src: str, dst: str) -> None:
    if not Path(dst).exists():
        shutil.copy2(src, dst)


def _ignore(path: Path, patterns: tuple[str, ...]) -> None:
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    have = {line.strip() for line in text.splitlines()}
    missing = [p for p in patterns if p not in have]
    if missing:
        sep = "" if not text or text.endswith("\n") else "\n"
        path.write_text(text + sep + "".join(f"{p}\n" for p in missing), encoding="utf-8")
