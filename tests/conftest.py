"""Shared fixtures: real kits copied into tmp folders, and one built example site per session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PORTRAITS = REPO / "content" / "portraits"
ASTRONAUT = PORTRAITS / "eileen-collins-nasa.png"
HOPPER = PORTRAITS / "grace-hopper-navy.jpg"
CAMERAMAN = PORTRAITS / "cameraman.png"


def make_kit(dest: Path, brand_yml: str | None = None, portraits: list[Path] | None = None,
             ) -> Path:
    """A kit folder with the repo's mkdocs.yml and themes, a brand file and some portraits."""
    (dest / "content" / "portraits").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "themes", dest / "themes", dirs_exist_ok=True)
    if brand_yml is None:
        brand_yml = (REPO / "content" / "brand.yml").read_text(encoding="utf-8")
        portraits = portraits if portraits is not None else [ASTRONAUT, HOPPER, CAMERAMAN]
    (dest / "content" / "brand.yml").write_text(brand_yml, encoding="utf-8")
    for p in portraits or []:
        shutil.copyfile(p, dest / "content" / "portraits" / p.name)
    return dest


@pytest.fixture(scope="session")
def example_build(tmp_path_factory):
    """The bundled example kit, built once for the whole session (read-only for tests)."""
    from kitgen.build import build

    kit = make_kit(tmp_path_factory.mktemp("example"))
    report = build(kit, workers=2)
    return kit, report


@pytest.fixture
def kit_factory(tmp_path):
    def factory(brand_yml: str | None = None, portraits: list[Path] | None = None) -> Path:
        return make_kit(tmp_path / "kit", brand_yml, portraits)

    return factory


# Root may write into any folder (CAP_DAC_OVERRIDE), so a read-only folder stops nothing when
# the tests run as root, as CI does. There the command runs through setpriv with that power
# (and the read-search one) dropped: root then meets folder modes as any user does.
_NO_OVERRIDE = ["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def kitgen_unprivileged(tmp_path):
    """``run(*args)``: ``python -m kitgen ARGS`` in a process that folder modes bind, whoever
    runs the tests; skips when that cannot be had (root without setpriv)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        probe = tmp_path / "read-only-probe"
        probe.mkdir(mode=0o555)
        try:
            denied = subprocess.run(
                [*_NO_OVERRIDE, sys.executable, "-c",
                 f"open({str(probe / 'x')!r}, 'w')"], capture_output=True).returncode != 0
        except OSError:
            denied = False
        probe.rmdir()
        if not denied:
            pytest.skip("root writes into read-only folders, and setpriv cannot drop that")
        prefix = _NO_OVERRIDE

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*prefix, sys.executable, "-m", "kitgen", *args],
                              capture_output=True, text=True)

    return run


# Issue 5's bad-input corpus kit, built once per session (see tests/corpus.py).
from corpus import corpus  # noqa: E402,F401
