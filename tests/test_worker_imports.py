"""A worker's portrait never loads coloraide, whose import builds colour-temperature tables
(about 80 ms of every worker's start; kitgen.analysis.colour), nor Click (about 26 ms;
kitgen.errors); planning and processing a kit without HEIF images never loads pillow-heif
(about 40 ms; kitgen.decode.register_heif). With workers, the build's own process never
loads NumPy or scikit-image (about 0.15 s; kitgen.analysis.kit_palette)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
from pathlib import Path
from kitgen.build import plan, run_job
from kitgen.kitfile.load import load_kit
from kitgen.memory import job_bytes
kit = load_kit(Path({root!r}))
jobs, _ = plan(kit)
sizes = [job_bytes(j.path) for j in jobs]
job = next(j for j in jobs if j.rel.endswith("grace-hopper-navy.jpg"))
rec = run_job(job, kit.presets, Path({out!r}))
print(json.dumps({{"palette": rec.get("palette"), "error": rec.get("error"),
                  "coloraide": "coloraide" in sys.modules, "click": "click" in sys.modules,
                  "heif": "pillow_heif" in sys.modules, "sizes": sizes}}))
"""


def test_a_portrait_is_planned_and_processed_without_coloraide_click_or_heif(tmp_path):
    out = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT),
                                                             out=str(tmp_path / "work"))],
                         capture_output=True, text=True, check=True, cwd=tmp_path)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["error"] is None
    assert 6 <= len(got["palette"]) <= 8
    assert all(s["name"] and len(s["hsl"]) == 3 for s in got["palette"])
    assert got["coloraide"] is False and got["click"] is False
    assert got["heif"] is False and len(got["sizes"]) == 3 and min(got["sizes"]) > 0


BUILD_PROBE = """
import json, sys
from pathlib import Path
from kitgen.build import build
report = build(Path({kit!r}), workers=2)
print(json.dumps({{"built": len(report.portraits), "workers": report.workers,
                  "numpy": "numpy" in sys.modules, "skimage": "skimage" in sys.modules}}))
"""


def test_with_workers_the_builds_own_process_loads_neither_numpy_nor_scikit_image(kit_factory):
    """The workers analyse the portraits; the build's process makes the kit palette, the
    pages and the site without NumPy or scikit-image (about 0.15 s of a core the workers
    use; kitgen.analysis.kit_palette)."""
    kit = kit_factory()  # the example kit
    out = subprocess.run([sys.executable, "-c", BUILD_PROBE.format(kit=str(kit))],
                         capture_output=True, text=True, cwd=kit)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got == {"built": 3, "workers": 2, "numpy": False, "skimage": False}
    palette = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))["palette"]
    assert palette and all(s["name"] for s in palette)  # named without scikit-image
