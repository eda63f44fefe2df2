"""Nothing lost: real ``kitgen build`` processes killed (SIGKILL) or interrupted (SIGINT) at
several points leave a complete site, the old one or the new one, never a mix; a second build
of the same kit is told a build is in progress.

Kill points are found by polling for a marker the build itself leaves (a hooked function in
the subprocess, or the worker folder appearing), plus a few kills after fixed delays.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ASTRONAUT, CAMERAMAN, HOPPER, make_kit
from kitgen import swap
from kitgen.lock import BuildLock

BRAND = """\
person: {{name: "{name}"}}
goals: [trust]
platforms: [linkedin]
"""
KITGEN = [sys.executable, "-m", "kitgen"]
# Runs the real CLI with one function wrapped so the test knows exactly where the build is.
HOOK = """
import sys, time, pathlib
import kitgen.site as site, kitgen.swap as swap
mark, point = pathlib.Path(sys.argv[1]), sys.argv[2]
if point == "before-swap":
    real_swap = site.swap_in
    def hooked(new, dest):
        mark.write_text("here")
        time.sleep(120)
        real_swap(new, dest)
    site.swap_in = hooked
elif point == "after-exchange":
    real_exchange = swap._exchange
    def hooked(a, b):
        done = real_exchange(a, b)
        mark.write_text(str(done))
        time.sleep(120)
        return done
    swap._exchange = hooked
from kitgen.cli import main
main(sys.argv[3:], prog_name="kitgen")
"""


def snapshot(site: Path) -> tuple[list[str], str]:
    files = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    return files, (site / "kit.json").read_text(encoding="utf-8")


def same_site(a: tuple[list[str], str], b: tuple[list[str], str]) -> bool:
    """Same files, same person and portraits (analysis numbers may differ between a cached and
    a fresh record while the code under test is being edited)."""
    def key(snap):  # noqa: ANN001, ANN202
        data = json.loads(snap[1])
        return snap[0], data["person"], [(p["id"], p["sha256"]) for p in data["portraits"]]
    return key(a) == key(b)


def _complete(snap: tuple[list[str], str]) -> None:
    files, kit_json = snap
    data = json.loads(kit_json)
    for p in data["portraits"]:
        for c in p["crops"]:
            assert c["path"] in files


@pytest.fixture(scope="module")
def kits(tmp_path_factory):
    """A kit with a built site whose content has since changed, and the site it would become."""
    from kitgen.build import build

    root = tmp_path_factory.mktemp("interrupt")
    kit = make_kit(root / "kit", BRAND.format(name="Old Name"), [ASTRONAUT, HOPPER])
    build(kit, workers=1)
    old = snapshot(kit / "site")
    (kit / "content" / "brand.yml").write_text(BRAND.format(name="New Name"), encoding="utf-8")
    shutil.copyfile(CAMERAMAN, kit / "content" / "portraits" / CAMERAMAN.name)
    twin = make_kit(root / "twin", BRAND.format(name="New Name"), [ASTRONAUT, HOPPER, CAMERAMAN])
    build(twin, workers=1)
    new = snapshot(twin / "site")
    assert not same_site(old, new)
    _complete(old)
    _complete(new)
    return kit, old, new


def _start(kit: Path, point: str | None = None) -> tuple[subprocess.Popen, Path]:
    mark = kit / ".kitgen-test-mark"
    mark.unlink(missing_ok=True)
    args = ["build", "--kit", str(kit), "-j", "2"]
    cmd = [sys.executable, "-c", HOOK, str(mark), point, *args] if point else KITGEN + args
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, cwd=kit, preexec_fn=_default_sigint)
    return proc, mark


def _default_sigint() -> None:
    """The build starts with Ctrl-C's default action, as from a terminal, even when pytest
    itself was started in the background by a shell (which ignores SIGINT for it, and an
    ignored SIGINT is inherited)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _wait_for(path: Path, proc: subprocess.Popen) -> None:
    for _ in range(1200):  # a bound, not a timing assertion
        if path.exists():
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    raise AssertionError(f"{path} never appeared")


def _group_gone(pgid: int) -> bool:
    for _ in range(200):
        alive = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(stat.parent.name)
        if not alive:
            return True
        time.sleep(0.05)
    return False


def _cold(kit: Path) -> None:
    shutil.rmtree(kit / ".kitgen" / "cache", ignore_errors=True)


@pytest.mark.parametrize("delay", [0.5, 1.5, 3.0])
def test_sigkill_after_a_delay_leaves_a_whole_site(kits, delay):
    kit, old, new = kits
    _cold(kit)
    proc, _ = _start(kit)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert _group_gone(proc.pid)
    after = snapshot(kit / "site")
    assert after == old or same_site(after, new)
    if after != old:  # the build finished before the kill: the other tests need the old site
        _put_old_site_back(kit, old)


def _put_old_site_back(kit: Path, old: tuple[list[str], str]) -> None:
    (kit / "content" / "brand.yml").write_text(BRAND.format(name="Old Name"), encoding="utf-8")
    (kit / "content" / "portraits" / CAMERAMAN.name).unlink()
    subprocess.run(KITGEN + ["build", "--kit", str(kit), "-j", "1"], check=True, cwd=kit,
                   capture_output=True)
    assert snapshot(kit / "site") == old
    (kit / "content" / "brand.yml").write_text(BRAND.format(name="New Name"), encoding="utf-8")
    shutil.copyfile(CAMERAMAN, kit / "content" / "portraits" / CAMERAMAN.name)


def test_sigkill_right_before_the_swap_keeps_the_old_site(kits):
    kit, old, _ = kits
    proc, mark = _start(kit, "before-swap")
    _wait_for(mark, proc)
    assert (kit / ".kitgen" / "staging" / "site" / "kit.json").is_file()  # new site is ready
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert snapshot(kit / "site") == old


def test_sigkill_right_after_the_exchange_has_the_new_site(kits):
    kit, old, new = kits
    proc, mark = _start(kit, "after-exchange")
    _wait_for(mark, proc)
    assert mark.read_text() == "True"  # renameat2(RENAME_EXCHANGE) did the swap
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert same_site(snapshot(kit / "site"), new)
    assert snapshot(kit / ".kitgen" / "staging" / "site") == old  # swapped out, not yet removed
    # The next build cleans up and ends where the killed one would have.
    done = subprocess.run(KITGEN + ["build", "--kit", str(kit), "-j", "1"], capture_output=True,
                          text=True, cwd=kit)
    assert done.returncode == 0, done.stderr
    assert same_site(snapshot(kit / "site"), new)
    assert not (kit / ".kitgen" / "staging").exists()
    _put_old_site_back(kit, old)  # for the other tests


def _interrupted(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err.decode().strip() == "Interrupted; the previous site is untouched."
    assert out == b""
    assert _group_gone(proc.pid)


def test_ctrl_c_while_workers_run(kits):
    kit, old, _ = kits
    _cold(kit)
    proc, _ = _start(kit)
    _wait_for(kit / ".kitgen" / "work", proc)  # a worker is writing a portrait
    _interrupted(proc)
    assert snapshot(kit / "site") == old


def test_ctrl_c_right_before_the_swap(kits):
    kit, old, _ = kits
    proc, mark = _start(kit, "before-swap")
    _wait_for(mark, proc)
    _interrupted(proc)
    assert snapshot(kit / "site") == old


def test_second_build_is_told_a_build_is_in_progress(kits):
    kit, old, _ = kits
    first, mark = _start(kit, "before-swap")
    _wait_for(mark, first)  # the first build holds the lock, about to swap
    second = subprocess.run(KITGEN + ["build", "--kit", str(kit)], capture_output=True,
                            text=True, cwd=kit)
    assert second.returncode == 2
    assert second.stderr == (f"Error: build in progress: another kitgen build (pid {first.pid})"
                             " is running in this kit; wait for it to finish, then build "
                             "again\n")
    assert "Traceback" not in second.stderr + second.stdout
    os.killpg(first.pid, signal.SIGKILL)
    first.communicate()
    assert snapshot(kit / "site") == old


def test_lock_is_released_when_its_holder_dies(tmp_path):
    state = tmp_path / ".kitgen"
    with BuildLock(state):
        with pytest.raises(Exception, match="build in progress"):
            BuildLock(state).__enter__()
    with BuildLock(state):  # released on exit
        pass


def test_two_rename_fallback_is_recovered(tmp_path, monkeypatch):
    """Without renameat2 the swap is two renames; dying between them is repaired next time."""
    site, new = tmp_path / "site", tmp_path / "staging"
    site.mkdir()
    (site / "kit.json").write_text("old")
    new.mkdir()
    (new / "kit.json").write_text("new")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    calls = []
    real_replace = os.replace

    def dies_after_first(a, b):
        calls.append((a, b))
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process stops between the two renames
        real_replace(a, b)

    monkeypatch.setattr(swap.os, "replace", dies_after_first)
    with pytest.raises(KeyboardInterrupt):
        swap.swap_in(new, site)
    assert not site.exists() and (tmp_path / "site.previous" / "kit.json").is_file()
    monkeypatch.setattr(swap.os, "replace", real_replace)
    swap.recover(site)
    assert (site / "kit.json").read_text() == "old"
    swap.swap_in(new, site)
    assert (site / "kit.json").read_text() == "new"
    assert not (tmp_path / "site.previous").exists() and not new.exists()


def test_ctrl_c_while_workers_start_is_not_lost():
    """A SIGINT that lands while workers are being started (SIGINT ignored for them) still
    interrupts the build once they are started. Run in a fresh interpreter: like the CLI's
    main process it has one thread, so the blocked signal waits for that thread."""
    code = """
import os, signal, time
from kitgen.interrupt import children_ignore_sigint
try:
    with children_ignore_sigint():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        print("inside, not raised")
except KeyboardInterrupt:
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert signal.SIGINT not in signal.pthread_sigmask(signal.SIG_BLOCK, set())
    print("raised after the block")
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, preexec_fn=_default_sigint)
    assert res.stdout.splitlines() == ["inside, not raised", "raised after the block"], res


def test_sigterm_stops_the_build_as_ctrl_c_does(kits):
    kit, old, _ = kits
    _cold(kit)
    shutil.rmtree(kit / ".kitgen" / "work", ignore_errors=True)  # a SIGKILLed build's
    proc, _ = _start(kit)
    _wait_for(kit / ".kitgen" / "work", proc)  # a worker is writing a portrait
    proc.terminate()  # `kill PID`, `timeout`, a service manager: the build's process only
    out, err = proc.communicate(timeout=120)
    # was killed on the spot (-15, nothing said) while its workers went on writing
    assert proc.returncode == 143, err
    assert err.decode().strip() == "Terminated; the previous site is untouched."
    assert out == b""
    assert _group_gone(proc.pid)
    assert snapshot(kit / "site") == old


def test_ctrl_c_while_pack_builds_exits_130(kits, tmp_path):
    kit, old, _ = kits
    _cold(kit)
    shutil.rmtree(kit / ".kitgen" / "work", ignore_errors=True)  # a SIGKILLed build's
    zip_path = tmp_path / "kit.zip"
    proc = subprocess.Popen(KITGEN + ["pack", "--kit", str(kit), "--out", str(zip_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, cwd=kit, preexec_fn=_default_sigint)
    _wait_for(kit / ".kitgen" / "work", proc)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err  # was Click's "Aborted!" and 1, failed portraits' code
    assert err.decode().splitlines()[-1] == "Interrupted; the previous site is untouched."
    assert not zip_path.exists()
    assert snapshot(kit / "site") == old


@pytest.mark.parametrize("sig, code, line", [(signal.SIGINT, 130, "Interrupted."),
                                             (signal.SIGTERM, 143, "Terminated.")])
def test_analyse_stopped_says_so_in_one_line(tmp_path, sig, code, line):
    images = []
    for i in range(12):  # enough work to be stopped in the middle of
        images.append(tmp_path / f"p{i}.png")
        shutil.copyfile([ASTRONAUT, HOPPER, CAMERAMAN][i % 3], images[-1])
    proc = subprocess.Popen(KITGEN + ["analyse", *map(str, images), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, preexec_fn=_default_sigint)
    time.sleep(1.5)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err  # Ctrl-C was Click's "Aborted!" and exit 1
    assert err.decode() == line + "\n" and out == b""
