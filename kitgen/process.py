"""One portrait through load -> analyse -> crop; runs in a worker process, returns a record.

Images are written under ``out_dir`` (crops/<id>/..., images/<id>...) with paths relative to the
site root, so the same files can be cached and linked into any build.
"""
from __future__ import annotations

import math
import shutil
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from PIL import ImageDraw

from kitgen.analysis import face as face_mod
from kitgen.analysis import palette
from kitgen.analysis.saliency import focus_point
from kitgen.crops import render
from kitgen.crops.placement import Placement, place
from kitgen.crops.presets import Preset
from kitgen.crops.pyramid import FILTER, GAP, PREVIEW_GAP, Pyramid
from kitgen.decode import decode
from kitgen.reading.thresholds import T
from kitgen.records import Crop, Face, Portrait

WEB_SIDE = 1200
# The first decode serves analysis, palette and the web images: a JPEG may be decoded at
# 1/2..1/8 scale as long as its long side keeps GAP pixels per web-image pixel.
VIEW_SIDE = round(GAP * WEB_SIDE)
THUMB_SIDE = 480  # the annotated reading thumbnail (kitgen.reading.visuals)
THUMB = (THUMB_SIDE, THUMB_SIDE)
PREVIEW_SIDE = 400  # circle previews of avatars: as the platforms show a profile photo
# The guide's pictures of each portrait (``{}``: its id), beside its crops/<id>/ folder.
# An id ending with kitgen.ids.FACES_SUFFIX where the rest is another id is refused, since
# its web image would be that portrait's face picture (kitgen.ids.faces_clashes).
WEB_IMAGE, FACES_IMAGE, READING_IMAGE = ("images/{}.jpg", "images/{}-faces.jpg",
                                         "images/{}-reading.png")


def enlarged_count(enlarged: int, total: int) -> str:
    """The count in the enlargement warning, with the noun and verb one crop needs: it read
    "1 of 19 crops are enlarged, up to ×1.6" and "1 of 1 crops" (QA pass 4)."""
    noun = "crop" if total == 1 else "crops"
    return f"{enlarged} of {total} {noun} {'is' if enlarged == 1 else 'are'} enlarged"


def choose_subject(faces: list[Face], wanted: int | None) -> tuple[int | None, list[str]]:
    if not faces:
        return None, ["no face found; crops are centred on the most detailed area"]
    if wanted is not None:
        if wanted < len(faces):
            return wanted, []
        return 0, [f"brand.yml names face {wanted} but only {len(faces)} found; "
                   "used the largest face"]
    notes = []
    if len(faces) > 1:
        notes.append(f"{len(faces)} faces found; the largest is the subject "
                     "(set 'subject' in brand.yml to choose another)")
    return 0, notes


def placements(full: tuple[int, int], presets: list[Preset], subject: Face | None,
               focus: tuple[float, float] | None) -> list[Placement]:
    eyes = subject.eyes if subject else None
    eyes_y = (eyes[0][1] + eyes[1][1]) / 2 if eyes else None
    return [place(full[0], full[1], preset, subject.box if subject else None, eyes_y, focus)
            for preset in presets]


def crop_scale(presets: list[Preset], places: list[Placement]) -> int:
    """The largest JPEG decode scale (1, 2, 4 or 8) that still leaves every crop GAP source
    pixels per output pixel."""
    need = min((min(pl.box[2] / p.width, pl.box[3] / p.height)
                for p, pl in zip(presets, places)), default=8 * GAP)
    k = 1
    while k < 8 and 2 * k * GAP <= need:
        k *= 2
    return k


def crop_runs(pyr: Pyramid, crops: list[Crop], presets: list[Preset], places: list[Placement],
              out_dir: Path) -> tuple[list[int], list[Callable[[], None]]]:
    """The copy of ``pyr`` each crop reads (its reduction factor, for ``Pyramid.prepare``), and
    the crops as runs, one per source box, the run reading the most source pixels first.

    A run makes its box's crops in order, the larger first, so a finished crop can serve the
    smaller ones of its box. Which copy serves each crop depends only on that order, never on
    which thread runs what when, so the bytes are the same on any number of threads. Each
    resize releases its copy, so a copy goes once no crop still to run needs it (the full
    decode once the full-size crops are done)."""
    sizes = [(p.width, p.height) for p in presets]
    factor = [pyr.factor_for(places[i].box, sizes[i]) for i in range(len(presets))]
    groups: dict[tuple, list[int]] = {}
    for i in sorted(range(len(presets)), key=lambda i: (factor[i], -sizes[i][0], i)):
        groups.setdefault(tuple(places[i].box), []).append(i)

    def run(box: tuple, order: list[int]) -> None:
        written: dict[tuple, Path] = {}  # this box's files so far (_write_crop)
        images: dict[tuple[int, int], Any] = {}
        for n, i in enumerate(order):
            if sizes[i] not in images:
                images[sizes[i]] = pyr.resize(box, sizes[i], keep=n + 1 < len(order))
            pyr.release(factor[i])
            _write_crop(images[sizes[i]], crops[i], presets[i], out_dir, written)
        pyr.forget(box)

    work = sorted(groups.items(), key=lambda g: (-sum(places[i].box[2] * places[i].box[3]
                                                      / factor[i] ** 2 for i in g[1]),
                                                  g[1][0]))
    return factor, [partial(run, box, order) for box, order in work]


_TASKS: dict[int, ThreadPoolExecutor] = {}
_TASKS_LOCK = threading.Lock()


def task_pool(threads: int) -> ThreadPoolExecutor:
    """The process's pool of ``threads`` threads, shared by every portrait in work here: when
    one of a worker's two portraits is done and no other is left to start, the one still in
    work gets both threads instead of leaving a core idle until it ends."""
    with _TASKS_LOCK:
        if threads not in _TASKS:
            _TASKS[threads] = ThreadPoolExecutor(max_workers=threads,
                                                 thread_name_prefix="kitgen")
        return _TASKS[threads]


def run_tasks(tasks: list[Callable[[], Any]], threads: int,
              first_done: Callable[[Any], None] | None = None) -> list[Any]:
    """Each task's result, in order; on up to ``threads`` threads, started in order. Pillow
    lets go of the GIL while it decodes, resamples and encodes, so two threads keep two cores
    busy in one process (one copy of MediaPipe and the photo, not two). A task never waits for
    another, so portraits can share the threads. ``first_done`` gets the first task's result
    as soon as it is there, while the others may still run."""
    if not tasks:
        return []
    if threads <= 1 or len(tasks) < 2:
        results = iter(task() for task in tasks)
    else:
        results = task_pool(threads).map(lambda task: task(), tasks)
    out = [next(results)]
    if first_done is not None:
        first_done(out[0])
    return out + list(results)


def _once(written: dict[tuple, Path], key: tuple, path: Path, make: Callable[[], None]) -> None:
    """Write ``path`` with ``make``, or copy the file already made under ``key``."""
    if key in written:
        shutil.copyfile(written[key], path)
    else:
        make()
        written[key] = path


def use_note(use: list[str], presets: list[Preset]) -> str | None:
    """A portrait earmarked (``use``) for platforms the kit makes no crops for: the guide said
    "Intended for linkedin, press" in a kit of X and GitHub crops, without a word (QA pass 4)."""
    made = {p.platform for p in presets}
    missing = [u for u in use if u not in made]
    if not missing:
        return None
    them = "it" if len(missing) == 1 else "them"
    return (f"use names {', '.join(missing)}, which brand.yml's platforms leave out, so no "
            f"crop is made for {them}; add {them} to platforms or take {them} out of use")


def crop_record(pid: str, preset: Preset, pl: Placement) -> Crop:
    """What the record says of one crop: known from its placement, before any pixel is made."""
    w, h = pl.box[2], pl.box[3]
    factor = max(preset.width / w, preset.height / h)
    return Crop(preset=preset.id, width=preset.width, height=preset.height,
                box=pl.box, path=f"crops/{pid}/{preset.id}.jpg", upscaled=factor > 1.0 + 1e-9,
                upscale_factor=factor if factor > 1 else 1.0, face_fit=pl.face_fit,
                in_safe_area=pl.in_safe_area,
                preview=f"crops/{pid}/{preset.id}-circle.png" if preset.circle else None)


def _write_crop(out, crop: Crop, preset: Preset, out_dir: Path,
                written: dict[tuple, Path]) -> None:
    """One crop's files. The formats of one source box share what they can (``written``
    holds the box's files so far): same-size formats (three 320 px avatars, two 400 px) are
    one resample and one encode, and the circle previews of the avatars larger than 400 px
    are one 400 px picture, made from the first (largest) of them, encoded once."""
    _once(written, ("crop", out.size), out_dir / crop.path,
          lambda: render.save_jpeg(out, out_dir / crop.path))
    if crop.preview:
        side = min(PREVIEW_SIDE, preset.width)
        small = out if preset.width <= PREVIEW_SIDE else None

        def make() -> None:
            shown = small if small is not None else out.resize((PREVIEW_SIDE, PREVIEW_SIDE),
                                                                FILTER)
            render.write(out_dir / crop.preview, render.circle_preview(shown))

        _once(written, ("preview", side, None if small is None else out.size),
              out_dir / crop.preview, make)


def web_size(full: tuple[int, int]) -> tuple[int, int]:
    scale = min(1.0, WEB_SIDE / max(full))
    return round(full[0] * scale), round(full[1] * scale)


def write_web_images(pyr: Pyramid, full: tuple[int, int], pid: str, faces: list[Face],
                     subject: int | None, out_dir: Path) -> None:
    size = web_size(full)
    scale = size[0] / full[0]
    web = pyr.resize((0, 0, full[0], full[1]), size, reuse=False, gap=PREVIEW_GAP)
    render.save_jpeg(web, out_dir / WEB_IMAGE.format(pid))
    overlay = web.copy()
    draw = ImageDraw.Draw(overlay)
    lw = max(2, round(max(size) / 300))
    for i, f in enumerate(faces):
        x, y, w, h = (round(v * scale) for v in f.box)
        colour = (255, 214, 0) if i == subject else (255, 255, 255)
        draw.rectangle((x, y, x + w, y + h), outline=colour, width=lw)
    for k in (1, 2):  # rule-of-thirds grid
        draw.line((size[0] * k / 3, 0, size[0] * k / 3, size[1]), fill=(255, 255, 255), width=1)
        draw.line((0, size[1] * k / 3, size[0], size[1] * k / 3), fill=(255, 255, 255), width=1)
    if subject is not None and faces[subject].eyes:
        (lx, ly), (rx, ry) = faces[subject].eyes
        draw.line((lx * scale, ly * scale, rx * scale, ry * scale), fill=(0, 200, 255), width=lw)
    render.save_jpeg(overlay, out_dir / FACES_IMAGE.format(pid))


def process(path: Path, rel: str, pid: str, entry: dict, presets: list[Preset],
            out_dir: Path, threads: int = 1,
            early: Callable[[Portrait, list[str]], None] | None = None) -> Portrait:
    """The portrait's record, its files written under ``out_dir``. ``early`` gets the record
    and the list of files (``output_files``) as soon as the record is known, while the crops
    may still be encoding: the build starts the guide meanwhile (kitgen.site_overlap)."""
    shown = f"content/{rel}"
    decoded = decode(path, shown, long_side=VIEW_SIDE)
    full, sha256, warnings = decoded.full_size, decoded.sha256, decoded.warnings
    view = Pyramid(decoded.image, decoded.scale)
    # The analysis copy reads the smallest shared level still larger than it.
    lvl = 1
    while max(decoded.image.size) >= 2 * lvl * face_mod.ANALYSIS_SIDE:
        lvl *= 2
    arr, factor = face_mod.analysis_copy(view.level(lvl))
    factor *= decoded.scale * decoded.image.width / view.level(lvl).width  # -> source pixels
    del decoded
    faces = face_mod.detect_faces(arr, factor, full)
    subject, notes = choose_subject(faces, entry.get("subject"))
    if face_mod.upside_down(arr, faces):
        notes.append("the picture seems to be stored upside down (a face is found only when "
                     "it is turned round): rotate the original upright (or fix its "
                     "orientation tag) and build again")
    focus = focus_point(arr, factor) if subject is None else None
    swatches = palette.extract(view.level(1))
    subj = faces[subject] if subject is not None else None
    places = placements(full, presets, subj, focus)
    scale = crop_scale(presets, places)
    whole = (0, 0, *full)
    web_f = view.factor_for(whole, web_size(full), PREVIEW_GAP)
    thumb_f = view.factor_for(whole, THUMB, PREVIEW_GAP)  # a guide picture, like the web one

    def pictures() -> None:
        write_web_images(view, full, pid, faces, subject, out_dir)
        view.release(web_f)

    def read() -> dict:
        # Imported here (about 0.2 s: scikit-image, SciPy): a new worker's first portraits
        # import it on a thread of their own while their crops start, not before any work.
        from kitgen.reading import read_portrait
        from kitgen.reading.landmarks import scaled
        from kitgen.reading.visuals import annotated_png

        reading = read_portrait(arr, scaled(subj, factor) if subj else None,
                                [scaled(f, factor) for f in faces])
        k = view.scale * thumb_f
        render.write(out_dir / READING_IMAGE.format(pid),
                     annotated_png(view.level(thumb_f), scaled(subj, k) if subj else None,
                                   reading))
        view.release(thumb_f)
        return reading

    crops = [crop_record(pid, p, pl) for p, pl in zip(presets, places)]
    for c in crops:
        if c.face_fit == "partial" and subj is not None and c.box[2] < subj.box[2]:
            notes.append(f"{c.preset}: the format is too narrow for the whole face; the crop "
                         "is centred on it")
        elif c.face_fit == "partial":
            notes.append(f"{c.preset}: the format is too wide for the whole face; both eyes "
                         "and as much of the face as fits are kept")
        elif c.face_fit == "whole" and not c.in_safe_area:
            notes.append(f"{c.preset}: the face is too large for the area every device shows "
                         "(or reaches the part the platform covers); choose a wider shot")

    unused = use_note(list(entry.get("use") or ()), presets)
    if unused:
        notes.append(unused)

    # The guide flags every enlarged crop; the build speaks once, from the soft factor on.
    enlarged = [c for c in crops if c.upscale_factor >= T["crop_soft_factor"]]
    if enlarged:
        worst = max(enlarged, key=lambda c: c.upscale_factor)
        k = worst.upscale_factor
        up_to = "up to " if len(enlarged) > 1 else ""
        notes.append(f"{enlarged_count(len(enlarged), len(crops))}, {up_to}×{k:.1f} "
                     f"({worst.preset}), and may look soft; an original of at least "
                     f"{math.ceil(full[0] * k)} × {math.ceil(full[1] * k)} px avoids it")

    def record(reading: dict) -> Portrait:
        from kitgen.reading.sideways import sideways_note  # loaded by read() already

        sideways = sideways_note(reading)
        return Portrait(
            id=pid, source=rel, sha256=sha256, width=full[0], height=full[1],
            faces=tuple(faces), subject=subject, palette=swatches, crops=tuple(crops),
            title=entry.get("title") or "", note=entry.get("note") or "",
            use=tuple(entry.get("use") or ()),
            warnings=tuple(warnings) + tuple(notes) + ((sideways,) if sideways else ()),
            reading=reading,
        )

    def read_done(reading: dict) -> None:
        if early is not None:  # the record is complete; its files are still being made
            early(record(reading), output_files(pid, crops))

    if scale < view.scale:  # the crops need more pixels than the first decode kept
        view.prepare([web_f, thumb_f])
        reading, _ = run_tasks([read, pictures], threads, read_done)
        view.close()
        again = decode(path, shown, long_side=max(full) // scale)
        view = Pyramid(again.image, again.scale)
        del again
        factors, runs = crop_runs(view, crops, presets, places, out_dir)
        view.prepare(factors)
        run_tasks(runs, threads)
    else:  # one decode serves everything: the reading and pictures run beside the crops
        factors, runs = crop_runs(view, crops, presets, places, out_dir)
        view.prepare(factors + [web_f, thumb_f])
        reading, *_ = run_tasks([read, pictures, *runs], threads, read_done)
    view.close()
    return record(reading)


def output_files(pid: str, crops: list[Crop]) -> list[str]:
    """Every file ``process`` writes for a portrait, relative to the site root."""
    files = {name.format(pid) for name in (WEB_IMAGE, FACES_IMAGE, READING_IMAGE)}
    for c in crops:
        files.add(c.path)
        if c.preview:
            files.add(c.preview)
    return sorted(files)
