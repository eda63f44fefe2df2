"""One portrait through load -> analyse -> crop; runs in a worker process, returns a record.

Images are written under ``out_dir`` (crops/<id>/..., images/<id>...) with paths relative to the
site root, so the same files can be cached and linked into any build.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from kitgen.analysis import face as face_mod
from kitgen.analysis import palette
from kitgen.analysis.saliency import focus_point
from kitgen.crops import render
from kitgen.crops.placement import place
from kitgen.crops.presets import Preset
from kitgen.decode import decode
from kitgen.reading import read_portrait
from kitgen.reading.landmarks import scaled
from kitgen.reading.visuals import annotated_png
from kitgen.records import Crop, Face, Portrait

WEB_SIDE = 1200


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


def make_crops(img: Image.Image, pid: str, presets: list[Preset], subject: Face | None,
               focus: tuple[float, float] | None, out_dir: Path) -> list[Crop]:
    crops = []
    eyes = subject.eyes if subject else None
    eyes_y = (eyes[0][1] + eyes[1][1]) / 2 if eyes else None
    for preset in presets:
        pl = place(img.width, img.height, preset, subject.box if subject else None, eyes_y,
                   focus)
        x, y, w, h = pl.box
        out = render.resize_box(img, pl.box, (preset.width, preset.height))
        rel = f"crops/{pid}/{preset.id}.jpg"
        render.write(out_dir / rel, render.jpeg_bytes(out))
        preview = None
        if preset.circle:
            preview = f"crops/{pid}/{preset.id}-circle.png"
            small = out if preset.width <= 400 else out.resize((400, 400), Image.LANCZOS)
            render.write(out_dir / preview, render.circle_preview(small))
        factor = max(preset.width / w, preset.height / h)
        crops.append(Crop(preset=preset.id, width=preset.width, height=preset.height,
                          box=pl.box, path=rel, upscaled=factor > 1.0 + 1e-9,
                          upscale_factor=factor if factor > 1 else 1.0, face_fit=pl.face_fit,
                          in_safe_area=pl.in_safe_area,
                          preview=preview))
    return crops


def write_web_images(img: Image.Image, pid: str, faces: list[Face], subject: int | None,
                     out_dir: Path) -> None:
    scale = min(1.0, WEB_SIDE / max(img.size))
    size = (round(img.width * scale), round(img.height * scale))
    web = img.resize(size, Image.LANCZOS, reducing_gap=3.0) if scale < 1 else img.copy()
    render.write(out_dir / f"images/{pid}.jpg", render.jpeg_bytes(web))
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
    render.write(out_dir / f"images/{pid}-faces.jpg", render.jpeg_bytes(overlay))


def process(path: Path, rel: str, pid: str, entry: dict, presets: list[Preset],
            out_dir: Path) -> Portrait:
    decoded = decode(path, f"content/{rel}")
    img = decoded.image
    arr, factor = face_mod.analysis_copy(img)
    faces = face_mod.detect_faces(arr, factor, img.size)
    subject, notes = choose_subject(faces, entry.get("subject"))
    focus = focus_point(arr, factor) if subject is None else None
    swatches = palette.extract(img)
    subj = faces[subject] if subject is not None else None
    crops = make_crops(img, pid, presets, subj, focus, out_dir)
    for c in crops:
        if c.face_fit == "partial":
            notes.append(f"{c.preset}: the format is too wide for the whole face; both eyes "
                         "and as much of the face as fits are kept")
        elif c.face_fit == "whole" and not c.in_safe_area:
            notes.append(f"{c.preset}: the face is too large for the area every device shows "
                         "(or reaches the part the platform covers); choose a wider shot")
    write_web_images(img, pid, faces, subject, out_dir)
    reading = read_portrait(arr, scaled(subj, factor) if subj else None,
                            [scaled(f, factor) for f in faces])
    render.write(out_dir / f"images/{pid}-reading.png",
                 annotated_png(img, subj, reading))
    return Portrait(
        id=pid, source=rel, sha256=decoded.sha256, width=img.width, height=img.height,
        faces=tuple(faces), subject=subject, palette=swatches, crops=tuple(crops),
        title=entry.get("title") or "", note=entry.get("note") or "",
        use=tuple(entry.get("use") or ()), warnings=tuple(decoded.warnings) + tuple(notes),
        reading=reading,
    )
