"""A worker started before the plan (kitgen.early_start): taken by the pool when it runs,
stopped when it does not, and the site the same bytes either way."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import ASTRONAUT, CAMERAMAN, HOPPER
from kitgen import cache, early_start, pool
from kitgen.build import build


@pytest.fixture
def spawned(monkeypatch):
    """Every worker process started, and when the kit was read, in order."""
    events: list = []
    start = pool._Worker.__init__

    def spawn(self, slots):
        start(self, slots)
        events.append(("worker", self))

    monkeypatch.setattr(pool._Worker, "__init__", spawn)
    from kitgen.kitfile import load

    read = load.load_kit

    def load_kit(root):
        events.append(("load_kit", None))
        return read(root)

    monkeypatch.setattr(load, "load_kit", load_kit)
    return events


def test_new_images_counts_what_the_last_kit_json_does_not_list(kit_factory):
    kit = kit_factory()
    assert early_start.new_images(kit) == 3  # no last build
    (kit / "site").mkdir()
    listed = {"portraits": [{"sha256": cache.file_sha256(kit / "content" / "portraits"
                                                         / ASTRONAUT.name)}]}
    (kit / "site" / "kit.json").write_text(json.dumps(listed), encoding="utf-8")
    assert early_start.new_images(kit) == 2
    (kit / "content" / "notes.txt").write_text("not an image", encoding="utf-8")
    assert early_start.new_images(kit) == 2


def test_a_cold_build_starts_its_one_worker_before_reading_brand_yml(kit_factory, spawned):
    kit = kit_factory()
    report = build(kit, workers=2)
    assert not report.failed and len(report.portraits) == 3
    assert report.processes == 1
    assert [e for e, _ in spawned] == ["worker", "load_kit"]
    assert not pool._SPARES
    assert spawned[0][1].proc.poll() == 0  # the pool ended it after its work


def test_an_early_worker_the_build_does_not_need_is_stopped(kit_factory, spawned, tmp_path):
    kit = kit_factory()
    first = build(kit, workers=2)
    before = {p.relative_to(kit / "site"): p.read_bytes()
              for p in (kit / "site").rglob("*") if p.is_file()}
    shutil.rmtree(kit / "site")  # kit.json gone: every image looks new, all are cached
    spawned.clear()
    again = build(kit, workers=2)
    assert again.cached == len(first.portraits) == 3 and again.processes == 0
    assert [e for e, _ in spawned] == ["worker", "load_kit"]
    assert spawned[0][1].proc.poll() is not None  # stopped, not left running
    assert not pool._SPARES
    after = {p.relative_to(kit / "site"): p.read_bytes()
             for p in (kit / "site").rglob("*") if p.is_file()}
    assert after == before


def test_no_early_worker_for_one_core_or_one_new_image(kit_factory, spawned):
    kit = kit_factory("person:\n  name: Ada Example\ngoals: [trust]\n", [HOPPER, CAMERAMAN])
    build(kit, workers=1)
    assert [e for e, _ in spawned] == ["load_kit"]
    shutil.copyfile(ASTRONAUT, kit / "content" / "portraits" / ASTRONAUT.name)
    spawned.clear()
    report = build(kit, workers=2)  # one new image: analysed here, no worker
    assert report.processes == 1 and report.cached == 2
    assert [e for e, _ in spawned] == ["load_kit"]
