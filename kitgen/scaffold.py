"""``kitgen init``: a new kit that builds as soon as one portrait is dropped in."""
from __future__ import annotations

import shutil
from pathlib import Path

from kitgen.errors import KitError
from kitgen.themes import PACKAGE_KIT

BRAND_TEMPLATE = """\
# kitgen brand file. Run 'kitgen schema' for its JSON Schema (editor completion).
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
#     title: Studio headshot
#     use: [linkedin, press]
#     note: Why this one was approved
#     approved: true
"""


def scaffold(directory: Path, name: str) -> Path:
    directory = directory.resolve()
    brand = directory / "content" / "brand.yml"
    if brand.exists():
        raise KitError(f"{brand}: a kit already exists here; choose an empty folder")
    (directory / "content" / "portraits").mkdir(parents=True, exist_ok=True)
    safe_name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    brand.write_text(BRAND_TEMPLATE.format(name=safe_name), encoding="utf-8")
    if not (directory / "mkdocs.yml").exists():
        shutil.copyfile(PACKAGE_KIT / "mkdocs.yml", directory / "mkdocs.yml")
    shutil.copytree(PACKAGE_KIT / "themes", directory / "themes", dirs_exist_ok=True)
    (directory / ".gitignore").write_text("site/\n.kitgen/\n", encoding="utf-8")
    return directory
