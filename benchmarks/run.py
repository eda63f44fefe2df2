"""kitgen benchmarks: ratios measured in one run on one machine, printed as a Markdown table.

    .venv/bin/python benchmarks/run.py            # everything (about 15 minutes on 2 cores)
    .venv/bin/python benchmarks/run.py --quick    # the bundled portraits only (about a minute)
    .venv/bin/python benchmarks/run.py --only palette,help   # some parts only

Every kit is made at run time from the portraits bundled in content/portraits/ (upscaled to
camera sizes with small per-copy marks so no two files are the same bytes). Builds run as
``python -m kitgen build`` subprocesses, as a user runs them. Nothing here is a test: targets
are reported, never asserted.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
PORTRAITS = sorted(p for p in (REPO / "content" / "portraits").iterdir()
                   if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
BRAND = """person:
  name: Benchmark Person
goals: [trust, authority]
"""
ROWS: list[tuple[str, str, str, str]] = []  # measure, value, target, met
PARTS = ("palette", "memory", "builds", "help")


def row(measure: str, value: str, target: str = "", met: bool | None = None) -> None:
    ROWS.append((measure, value, target, "" if met is None else ("yes" if met else "**no**")))
    print(f"  {measure}: {value}" + (f" (target {target})" if target else ""), flush=True)


# ---------------------------------------------------------------- inputs made at run time
def camera_copy(src: Path, megapixels: float, mark: int, dest: Path) -> Path:
    """``src`` upscaled to about ``megapixels`` and saved as a camera-like JPEG; ``mark``
    paints a small corner patch so every copy has different bytes."""
    img = Image.open(src).convert("RGB")
    scale = (megapixels * 1e6 / (img.width * img.height)) ** 0.5
    size = (round(img.width * scale), round(img.height * scale))
    big = img.resize(size, Image.BICUBIC)
    ImageDraw.Draw(big).rectangle((0, 0, 7, 7), fill=(mark * 37 % 256, mark * 91 % 256, 40))
    big.save(dest, "JPEG", quality=92)
    return dest


def make_kit(dest: Path, portraits: list[Path]) -> Path:
    (dest / "content" / "portraits").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "themes", dest / "themes", dirs_exist_ok=True)
    (dest / "content" / "brand.yml").write_text(BRAND, encoding="utf-8")
    for p in portraits:
        if p.parent != dest / "content" / "portraits":
            shutil.copyfile(p, dest / "content" / "portraits" / p.name)
    return dest


def clean(kit: Path) -> None:
    shutil.rmtree(kit / ".kitgen", ignore_errors=True)
    shutil.rmtree(kit / "site", ignore_errors=True)


# ---------------------------------------------------------------- process tree memory
def _tree_rss(pid: int, pss: bool = False) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc). RSS counts a shared
    library page once per process that maps it; PSS splits it between them."""
    total, todo = 0, [pid]
    page = os.sysconf("SC_PAGE_SIZE")
    while todo:
        p = todo.pop()
        try:
            if pss:
                with open(f"/proc/{p}/smaps_rollup") as fh:
                    total += next(int(x.split()[1]) * 1024 for x in fh if x.startswith("Pss:"))
            else:
                with open(f"/proc/{p}/statm") as fh:
                    total += int(fh.read().split()[1]) * page
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError, StopIteration):
            continue
    return total


def run_build(kit: Path, workers: int | None = None, sample: bool = False,
              extra: tuple[str, ...] = ()) -> dict:
    cmd = [sys.executable, "-m", "kitgen", "build", "-q", "--kit", str(kit), *extra]
    if workers:
        cmd += ["-j", str(workers)]
    peak = [0, 0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            peak[1] = max(peak[1], _tree_rss(proc.pid, pss=True))
            done.wait(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    if sample:
        watcher.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    done.set()
    if sample:
        watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"build of {kit} failed ({proc.returncode}):\n{out}\n{err}")
    return {"seconds": seconds, "cpu": cpu, "peak_tree": peak[0], "peak_pss": peak[1]}


def page_dates(kit: Path) -> dict[str, int]:
    """Each guide page's modification time: a page taken from the last site keeps its date."""
    site = kit / "site"
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")
            if p.name != "404.html"}


def cache_entries(kit: Path) -> set[str]:
    d = kit / ".kitgen" / "cache"
    return {p.name for p in d.iterdir()} if d.is_dir() else set()


# ---------------------------------------------------------------- 1. palette
def palette_groups(work: Path, quick: bool) -> dict[str, list[Path]]:
    """The bundled portraits, and unless ``quick`` camera-size JPEG copies of them."""
    groups = {"bundled portraits (512-600 px)": list(PORTRAITS)}
    if not quick:
        big = work / "palette"
        big.mkdir()
        for mp in (12, 24):
            groups[f"camera-size JPEGs ({mp} MP)"] = [
                camera_copy(p, mp, i, big / f"{p.stem}-{mp}mp.jpg")
                for i, p in enumerate(PORTRAITS)]
    return groups


def _repeated(fn: Callable[[], Any], reps: int, times: list[float]) -> Any:
    """``fn()`` ``reps`` times back to back, each time appended to ``times``; the last result.
    As timeit does: garbage collected once before, never inside the repeats (colorthief's
    pixel lists left a collection for whichever call came next). Collecting before every call
    instead, as the runs up to 8cd6a3b did, evicted the CPU caches right before each call: that
    cost kitgen's 3-6 ms calls 0.5-1.5 ms, a share colorthief's 85-95 ms hardly felt."""
    gc.collect()
    gc.disable()
    try:
        for _ in range(reps):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
    finally:
        gc.enable()
    return out


def _colorthief(path: Path) -> list:
    from colorthief import ColorThief

    return ColorThief(str(path)).get_palette(color_count=8, quality=10)


def _kitgen_palette(path: Path) -> tuple:
    from kitgen.analysis import palette
    from kitgen.decode import decode
    from kitgen.process import VIEW_SIDE

    return palette.extract(decode(path, long_side=VIEW_SIDE).image)


def _colours_only(path: Path) -> list:
    from kitgen.analysis import palette
    from kitgen.decode import decode
    from kitgen.process import VIEW_SIDE

    return palette.mmcq_palette(palette.small_copy(decode(path, long_side=VIEW_SIDE).image),
                                palette.COLOURS)


def bench_palette(groups: dict[str, list[Path]]) -> None:
    """Plain colorthief (quality=10, full resolution, its own reader) against what a build does
    for the palette: kitgen's decode call (a JPEG may be decoded reduced), then extract()
    including the colour names. Each size group is reported on its own."""
    from scipy.optimize import linear_sum_assignment

    from kitgen.analysis.colour_space import delta_e

    for label, images in groups.items():
        ratios, colour_ratios, distances = [], [], []
        for path in images:
            reps = 10 if path.stat().st_size < 2_000_000 else 1
            t_ref, t_kit, t_cols = [], [], []
            # Each side runs its repeats back to back, as timeit does. Interleaved, kitgen's few
            # milliseconds ran right after colorthief's 90 ms of Python had evicted Pillow's
            # decoder from the CPU caches: the same decode then took 1.3-2.8 ms longer.
            ref = _repeated(partial(_colorthief, path), reps, t_ref)
            swatches = _repeated(partial(_kitgen_palette, path), reps, t_kit)
            _repeated(partial(_colours_only, path), reps, t_cols)
            ours = [s.rgb for s in swatches]
            cost = np.array([[delta_e(tuple(a), tuple(b)) for b in ours] for a in ref])
            r, c = linear_sum_assignment(cost)
            de = float(cost[r, c].mean())
            ratios.append(min(t_ref) / min(t_kit))
            colour_ratios.append(min(t_ref) / min(t_cols))
            distances.append(de)
            with Image.open(path) as im:
                size = f"{im.width}x{im.height}"
            print(f"    {path.name} {size}: colorthief {min(t_ref) * 1000:.0f} ms, kitgen "
                  f"extract {min(t_kit) * 1000:.1f} ms (colours only "
                  f"{min(t_cols) * 1000:.1f} ms), dE00 {de:.2f}", flush=True)
        gmean = float(np.exp(np.mean(np.log(ratios))))
        gcol = float(np.exp(np.mean(np.log(colour_ratios))))
        mean_de = float(np.mean(distances))
        row(f"palette, {label}: plain colorthief / kitgen (decode + extract + names; geometric "
            f"mean over {len(images)}, min {min(ratios):.1f}x; without names "
            f"{gcol:.1f}x)", f"{gmean:.1f}x", ">= 20x", gmean >= 20)
        row(f"palette, {label}: mean CIEDE2000 to plain colorthief, colours matched one to one",
            f"{mean_de:.2f} (max {max(distances):.2f})", "<= 3", mean_de <= 3)


# ---------------------------------------------------------------- 2. floor
FLOOR = r'''
import io, json, sys, time
from PIL import Image
from kitgen.crops.render import JPEG_QUALITY, PNG_LEVEL, srgb_icc
spec = json.loads(sys.stdin.read())
outs = []
for path in spec["outputs"]:  # pixels of every output, made ready before the clock starts
    with Image.open(path) as im:
        outs.append((path.rsplit(".", 1)[1].lower(), im.copy()))
icc = srgb_icc()
t = time.perf_counter()
for path in spec["inputs"]:
    with Image.open(path) as im:
        im.load()
for kind, im in outs:
    buf = io.BytesIO()
    if kind == "png":
        im.save(buf, "PNG", compress_level=PNG_LEVEL)
    else:
        im.save(buf, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True,
                icc_profile=icc, subsampling="4:2:0")
print(time.perf_counter() - t)
'''


def floor_seconds(kit: Path) -> float:
    """Decode every input once and encode every output image once, in one process."""
    inputs = sorted(str(p) for p in (kit / "content" / "portraits").iterdir() if p.is_file()
                    and p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    outputs = sorted(str(p) for p in (kit / ".kitgen" / "cache").rglob("*")
                     if p.suffix.lower() in (".jpg", ".png"))
    spec = json.dumps({"inputs": inputs, "outputs": outputs})
    t = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", FLOOR], input=spec, capture_output=True,
                         text=True, check=True)
    wall = time.perf_counter() - t
    print(f"    floor: {len(inputs)} decodes + {len(outputs)} encodes: "
          f"{float(res.stdout):.2f} s of work, {wall:.2f} s with start-up and setup", flush=True)
    return float(res.stdout)


def spread(values: list[float], digits: int = 2) -> str:
    return ", ".join(f"{v:.{digits}f}" for v in values)


def bench_builds(kit: Path, label: str, repeat: int) -> None:
    """Cold builds and floors alternate ``repeat`` times and each side's median is compared:
    on this shared machine one run of either can be 20-35% off."""
    n = len(list((kit / "content" / "portraits").iterdir()))
    colds, floors = [], []
    for _ in range(repeat):
        clean(kit)
        colds.append(run_build(kit)["seconds"])
        floors.append(floor_seconds(kit))
    cold, floor = statistics.median(colds), statistics.median(floors)
    row(f"{label}: cold build / floor ({n} portraits; medians of {repeat}: {cold:.1f} s vs "
        f"{floor:.1f} s; cold {spread(colds)} s, floor {spread(floors)} s)",
        f"{cold / floor:.2f}x", "<= 1.5x", cold / floor <= 1.5)
    # A no-change rebuild is mostly the interpreter's start and kitgen's imports: about 70 ms,
    # where one run on this shared machine can take 50% longer. Medians, like the cold builds.
    agains = [run_build(kit)["seconds"] for _ in range(max(repeat, 3))]
    again = statistics.median(agains)
    row(f"{label}: no-change rebuild / cold (median of {len(agains)}: {again:.3f} s; runs "
        f"{spread(agains, 3)} s)", f"{100 * again / cold:.1f}%", "<= 5%", again / cold <= 0.05)
    # Touch one portrait: new bytes (one pixel changed), same name.
    target = min((kit / "content" / "portraits").iterdir())
    before = cache_entries(kit)
    with Image.open(target) as im:
        img = im.convert("RGB")
    img.putpixel((img.width - 1, img.height - 1), (1, 2, 3))
    img.save(target, "JPEG" if target.suffix.lower() in (".jpg", ".jpeg") else "PNG",
             **({"quality": 92} if target.suffix.lower() in (".jpg", ".jpeg") else {}))
    pages = page_dates(kit)
    one = run_build(kit)["seconds"]
    redone = len(cache_entries(kit) - before)
    after = page_dates(kit)
    rendered = sum(1 for page, date in after.items() if pages.get(page) != date)
    row(f"{label}: rebuild after editing one portrait / cold ({one:.2f} s; portraits "
        f"re-analysed: {redone} of {n}; guide pages rendered: {rendered} of {len(after)})",
        f"{100 * one / cold:.0f}%", "only that portrait", redone == 1 and rendered < len(after))
    touches = []
    for _ in range(max(repeat, 3)):
        os.utime(target)
        touches.append(run_build(kit)["seconds"])
    touched = statistics.median(touches)
    row(f"{label}: rebuild after `touch` (mtime only) / cold (median of {len(touches)}: "
        f"{touched:.3f} s)", f"{100 * touched / cold:.1f}%", "", None)


def bench_workers(kit: Path, label: str, repeat: int) -> None:
    """-j 1 and -j 2 cold builds alternate ``repeat`` times; the medians are compared."""
    ones, twos = [], []
    for _ in range(repeat):
        clean(kit)
        ones.append(run_build(kit, workers=1))
        clean(kit)
        twos.append(run_build(kit, workers=2))
    one = statistics.median(r["seconds"] for r in ones)
    two = statistics.median(r["seconds"] for r in twos)
    cpu1 = statistics.median(r["cpu"] for r in ones)
    cpu2 = statistics.median(r["cpu"] for r in twos)
    row(f"{label}: 1 worker / 2 workers, cold (medians of {repeat}: {one:.1f} s vs {two:.1f} s "
        f"wall, runs {spread([r['seconds'] for r in ones])} s vs "
        f"{spread([r['seconds'] for r in twos])} s; CPU of the process tree {cpu1:.1f} s vs "
        f"{cpu2:.1f} s)", f"{one / two:.2f}x", ">= 1.7x", one / two >= 1.7)


def bench_memory(work: Path, count: int, mp: float) -> None:
    """The default build (pool sized by the memory available: 2 workers here), then the same
    kit cold again under ``--max-memory 600M``."""
    src = work / "mem-src"
    src.mkdir()
    made = []
    for i in range(count):
        base = PORTRAITS[i % len(PORTRAITS)]
        made.append(camera_copy(base, mp, i, src / f"{base.stem}-{i:02d}.jpg"))
    kit = make_kit(work / "mem-kit", made)
    res = run_build(kit, sample=True)
    single = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    peak = res["peak_tree"] / 2**20
    row(f"peak RSS of the build process tree, {count} portraits of {mp:.0f} MP, default "
        f"({res['seconds']:.0f} s; largest single process {single / 2**20:.0f} MB)",
        f"{peak:.0f} MB", "< 600 MB", peak < 600)
    row("peak PSS of the same tree (shared library pages counted once)",
        f"{res['peak_pss'] / 2**20:.0f} MB", "", None)
    clean(kit)
    capped = run_build(kit, sample=True, extra=("--max-memory", "600M"))
    peak = capped["peak_tree"] / 2**20
    row(f"peak RSS of the same cold build with `--max-memory 600M` ({capped['seconds']:.0f} s, "
        f"{capped['seconds'] / res['seconds']:.2f}x the default's time)",
        f"{peak:.0f} MB", "< 600 MB", peak < 600)


def bench_help() -> None:
    exe = Path(sys.executable).with_name("kitgen")
    cmd = [str(exe), "--help"] if exe.exists() else [sys.executable, "-m", "kitgen", "--help"]
    times = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - t)
    med = statistics.median(times) * 1000
    row("`kitgen --help` wall time (median of 7)", f"{med:.0f} ms", "< 300 ms", med < 300)


def machine() -> str:
    cpu = platform.processor() or "unknown cpu"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines()
                   if x.startswith("MemTotal"))
        ram = f"{mem / 2**20:.0f} GB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    return (f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}, {ram}, "
            f"Python {platform.python_version()}, {platform.system()}")


def load() -> str:
    """Other processes share the cores: wall-clock ratios mean little without this."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def compile_kitgen() -> Path:
    """Compile the measured kitgen's modules to bytecode first, as pip does when it installs a
    package and as any run does where Python may write its cache. Without it (a fresh clone
    run with PYTHONDONTWRITEBYTECODE set) every build compiled kitgen from source: about 8 ms
    of a no-change rebuild's 80."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("kitgen")
    assert spec is not None and spec.origin is not None
    package = Path(spec.origin).parent
    compileall.compile_dir(str(package), quiet=1)
    return package


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="bundled portraits only; skip the large kits and the 40 x 24 MP run")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--repeat", type=int, default=3, metavar="N",
                    help="cold builds, floors and worker runs per kit; medians are compared "
                         "(default 3)")
    ap.add_argument("--only", default=",".join(PARTS), metavar="PARTS",
                    help=f"comma-separated parts to run (default all: {','.join(PARTS)})")
    args = ap.parse_args()
    only = set(args.only.split(","))
    if only - set(PARTS):
        ap.error(f"unknown part(s): {', '.join(sorted(only - set(PARTS)))}")
    compiled = compile_kitgen()
    work = Path(tempfile.mkdtemp(prefix="kitgen-bench-"))
    load_before = load()
    print(f"machine: {machine()}\nload average at start: {load_before}\nwork folder: {work}\n"
          f"kitgen measured: {compiled}", flush=True)
    try:
        if "palette" in only:
            print("1. palette", flush=True)
            bench_palette(palette_groups(work, args.quick))
        if "memory" in only:
            print("5. memory (first, so the largest-child figure is this build's)", flush=True)
            bench_memory(work, 4 if args.quick else 40, 24)
        if "builds" in only:
            print("2-4. builds", flush=True)
            example = make_kit(work / "example", PORTRAITS)
            bench_builds(example, "bundled example", args.repeat)
            bench_workers(example, "bundled example", args.repeat)
            if not args.quick:
                cams = work / "cams"
                cams.mkdir()
                copies = [camera_copy(PORTRAITS[i % len(PORTRAITS)], 12, i,
                                      cams / f"{PORTRAITS[i % len(PORTRAITS)].stem}-{i:02d}.jpg")
                          for i in range(12)]
                kit12 = make_kit(work / "kit12", copies)
                bench_builds(kit12, "12 x 12 MP kit", args.repeat)
                bench_workers(kit12, "12 x 12 MP kit", args.repeat)
        if "help" in only:
            print("6. start-up", flush=True)
            bench_help()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nMachine: {machine()}; load average (1, 5, 15 min) {load_before} at start, "
          f"{load()} at the end\n")
    print("| measure | result | target | met |\n| --- | --- | --- | --- |")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")


if __name__ == "__main__":
    main()
