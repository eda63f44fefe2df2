"""A worker that dies (the OOM killer, a crash in a native library) costs at most the portrait
it held: the others are built, and the build explains the one that keeps killing its worker."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import make_kit
from kitgen.build import Job
from kitgen.pool import WORKER_DIED, run_all


def crash_on_b(name: str) -> dict:
    """Module level, so spawned workers can import it by name."""
    if name == "b":
        os._exit(3)  # the process ends at once, as under SIGKILL
    return {"name": name}


def test_a_portrait_that_kills_its_worker_is_reported_and_the_rest_are_built():
    jobs = [Job(Path(n), f"portraits/{n}.jpg", n, {}, n, n) for n in "abcde"]
    args = {j.key: (j.pid,) for j in jobs}
    got: dict[str, dict] = {}
    run_all(crash_on_b, jobs, args, 2, None, {}, lambda job, rec: got.setdefault(job.pid, rec))
    assert sorted(got) == list("abcde")
    assert got["b"] == {"error": WORKER_DIED, "source": "portraits/b.jpg"}
    assert all(got[n] == {"name": n} for n in "acde")


def test_a_worker_of_two_slots_that_dies_costs_only_what_it_held():
    """Two portraits side by side in one process: b's crash takes its neighbour down too;
    both are tried again alone, and only b is reported."""
    jobs = [Job(Path(n), f"portraits/{n}.jpg", n, {}, n, n) for n in "abcde"]
    args = {j.key: (j.pid,) for j in jobs}
    got: dict[str, dict] = {}
    order: list[str] = []
    run_all(crash_on_b, jobs, args, 1, None, {},
            lambda job, rec: (order.append(job.pid), got.setdefault(job.pid, rec)),
            slots=2, meanwhile=lambda: order.append("meanwhile"))
    assert order[0] == "meanwhile" and order.count("meanwhile") == 1  # not again on retries
    assert sorted(got) == list("abcde")
    assert got["b"] == {"error": WORKER_DIED, "source": "portraits/b.jpg"}
    assert all(got[n] == {"name": n} for n in "acde")


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return out


def test_a_worker_killed_mid_build_is_retried_and_the_build_completes(tmp_path):
    kit = make_kit(tmp_path / "kit")  # the bundled example: three portraits
    proc = subprocess.Popen([sys.executable, "-m", "kitgen", "build", "-j", "2", "--kit",
                             str(kit)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    victim = None
    for _ in range(1200):  # a bound, not a timing assertion
        if (kit / ".kitgen" / "work").exists():
            workers = [c for c in _children(proc.pid)
                       if "kitgen.pool" in Path(f"/proc/{c}/cmdline").read_text()]
            if workers:
                victim = workers[0]
                os.kill(victim, signal.SIGKILL)  # what the OOM killer does
                break
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.05)
    assert victim is not None
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert len(data["portraits"]) == 3 and not data["failed"]
    assert "built 3 portrait(s), 57 crops" in out


def test_python_files_in_the_kit_folder_do_not_shadow_the_workers_imports(tmp_path):
    """Workers start from the kit folder; a stray numpy.py there must not replace NumPy."""
    kit = make_kit(tmp_path / "kit")
    (kit / "numpy.py").write_text("raise ImportError('the kit folder was on the path')\n")
    exe = Path(sys.executable).with_name("kitgen")
    done = subprocess.run([str(exe), "build", "-j", "2", "-q"], cwd=kit, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert len(data["portraits"]) == 3 and not data["failed"]
