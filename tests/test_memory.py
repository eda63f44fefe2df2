"""The memory budget: sizes as users write them, the pool it allows, the portraits it admits,
and a real build kept to one worker by a small budget."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from conftest import HOPPER
from corpus import bomb_png
from kitgen import memory
from kitgen.cli import main

MB = memory.MB
ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("text, size", [("600M", 600 * MB), ("1.5G", 1536 * MB),
                                        ("600MB", 600 * MB), ("2GiB", 2048 * MB),
                                        ("512k", 512 * 1024), ("1000", 1000)])
def test_sizes_read_as_users_write_them(text, size):
    assert memory.parse_size(text) == size


def test_a_size_that_is_not_one_is_a_clear_cli_error(tmp_path):
    res = CliRunner().invoke(main, ["build", "--kit", str(tmp_path), "--max-memory", "lots"])
    assert res.exit_code == 2
    assert "'lots' is not a size; write it like 600M or 2G" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_a_portrait_needs_memory_by_its_pixel_count(tmp_path):
    with Image.open(HOPPER) as im:
        w, h = im.size
    assert memory.job_bytes(HOPPER) == int(w * h * memory.PER_PIXEL) + memory.PER_JOB
    big = tmp_path / "big.jpg"
    Image.new("RGB", (6000, 4000)).save(big)  # 24 MP, read from the header only
    assert memory.job_bytes(big) == int(24e6 * memory.PER_PIXEL) + memory.PER_JOB
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"not an image")
    assert memory.job_bytes(bad) == 0


def test_the_pool_shrinks_until_the_portraits_fit():
    job24 = int(24e6 * memory.PER_PIXEL) + memory.PER_JOB  # about 207 MB
    job1 = int(1e6 * memory.PER_PIXEL) + memory.PER_JOB  # about 66 MB
    assert memory.pool_size(None, 2, [job24, job24]) == 2
    assert memory.pool_size(4096 * MB, 2, [job24, job24]) == 2
    assert memory.pool_size(600 * MB, 2, [job24, job24]) == 1  # 90 + 2 x 200 + 207 > 600
    assert memory.pool_size(800 * MB, 2, [job24, job24]) == 1  # two at once would not fit
    assert memory.pool_size(950 * MB, 2, [job24, job24]) == 2
    # Two small ones fit side by side; the large one will run alone (the gate sees to it).
    assert memory.pool_size(800 * MB, 2, [job24, job1, job1]) == 2
    assert memory.pool_size(100 * MB, 4, [job24]) == 1  # one always runs


def test_the_gate_admits_portraits_while_they_fit():
    gate = memory.Gate(90 * MB + 2 * 200 * MB + 300 * MB, 2)  # room: 300 MB
    assert gate.admits(250 * MB)
    gate.start(250 * MB)
    assert not gate.admits(100 * MB) and gate.admits(50 * MB)
    gate.done(250 * MB)
    assert gate.admits(300 * MB)
    tight = memory.Gate(10 * MB, 2)
    assert tight.admits(500 * MB)  # nothing running: one portrait always starts
    tight.start(500 * MB)
    assert not tight.admits(1)
    free = memory.Gate(None, 2)  # no budget: one portrait per worker, no more
    free.start(1)
    assert free.admits(10**12)
    free.start(1)
    assert not free.admits(1)


def test_a_small_budget_builds_with_one_worker_and_the_same_bytes(kit_factory):
    from kitgen.build import build

    kit = kit_factory()  # the bundled example: three portraits
    # 90 + 2 x 200 MB leaves no room for two worker processes under 400 MB: this process
    # builds, each portrait on two threads.
    report = build(kit, workers=2, max_memory=400 * MB)
    assert report.exit_code == 0 and report.workers == 2 and report.processes == 1
    one = {p.relative_to(kit / "site").as_posix(): p.read_bytes()
           for p in (kit / "site" / "crops").rglob("*.jpg")}
    (kit / ".kitgen" / "inputs.json").unlink()
    shutil.rmtree(kit / ".kitgen" / "cache")
    report = build(kit, workers=2, max_memory=4096 * MB)  # one worker, two portraits at once
    assert report.workers == 2 and report.processes == 1
    two = {p.relative_to(kit / "site").as_posix(): p.read_bytes()
           for p in (kit / "site" / "crops").rglob("*.jpg")}
    assert one == two and len(one) == 3 * 19


def test_zero_is_refused_rather_than_read_as_no_limit(tmp_path):
    res = CliRunner().invoke(main, ["build", "--kit", str(tmp_path), "--max-memory", "0"])
    assert res.exit_code == 2
    assert ("'0' leaves the build no memory; write a size like 600M or 2G, or leave the "
            "option out for the default") in res.output


def test_a_huge_image_fails_with_kitgens_line_and_no_python_warning(kit_factory):
    """With workers, the build sizes each portrait from its header (job_bytes); that open
    lacked decode's warning filter, so Pillow's DecompressionBombWarning reached stderr."""
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [HOPPER])
    bomb_png(kit / "content" / "portraits" / "huge.png", 15_000)  # 225 MP: warns, no error
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    env["PYTHONPATH"] = str(ROOT)  # this checkout's kitgen, wherever the venv points
    res = subprocess.run([sys.executable, "-m", "kitgen", "build", "--kit", str(kit),
                          "-j", "2"], capture_output=True, text=True, env=env, cwd=kit,
                         timeout=120, check=False)
    assert res.returncode == 1, res.stderr
    assert res.stderr.splitlines() == [
        "Error: content/portraits/huge.png: is too large to open safely (over 200 megapixels); "
        "downscale it before adding it to the kit"]
    assert res.stdout.startswith("built 1 portrait(s), 1 crop, 0 warning(s), 1 failed")


def test_a_portrait_the_budget_cannot_hold_is_built_and_said(kit_factory):
    """One portrait always runs, however small the budget; the build then says the budget
    was not kept, with the budget that would hold it, instead of overrunning in silence."""
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [HOPPER])
    need = memory.job_bytes(kit / "content" / "portraits" / HOPPER.name)
    fits = -(-(memory.MAIN + need) // MB)
    res = CliRunner().invoke(main, ["build", "--kit", str(kit), "--max-memory", "120M"])
    assert res.exit_code == 0, res.output
    line = (f"warning: content/portraits/{HOPPER.name}: needs about {need // MB} MB to crop "
            "(from its size), more than the memory budget of 120 MB leaves; it was run alone, "
            f"over the budget (about {fits} MB in all); give --max-memory {fits}M or more, or "
            "use a smaller original\n")
    assert line in res.stderr
    assert ", 1 warning(s)," in res.stdout
    (kit / ".kitgen" / "inputs.json").unlink()
    shutil.rmtree(kit / ".kitgen" / "cache")
    res = CliRunner().invoke(main, ["build", "--kit", str(kit), "--max-memory", f"{fits}M"])
    assert res.exit_code == 0 and "memory budget" not in res.stderr
    assert ", 0 warning(s)," in res.stdout
