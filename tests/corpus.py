"""The bad-input corpus: unusual and broken portraits made at test time from the bundled ones,
built once per session into a single kit (``corpus`` fixture) and shared by the issue-5 tests.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from iccgen import adobe_rgb, display_p3
from PIL import Image, ImageOps

from conftest import ASTRONAUT, CAMERAMAN, HOPPER, make_kit

PATCH = (100, 150, 200)  # a flat colour painted into the colour-managed portraits
PATCH_BOX = (8, 8, 72, 72)  # top-left 64 x 64, away from the faces
# Transposes that turn an upright image into what a camera stores with orientation n; the
# EXIF tag then tells readers how to undo it.
STORED = {
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_90],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_270],
}

LONG_AUDIENCE = ("Organisers, press and clients " * 17)[:480] + "Z" * 20  # the 500 maximum
BRAND = f"""\
audience: "{LONG_AUDIENCE}"
person:
  name: "Ada <script>alert('name')</script> **Bold** [x](javascript:alert(1))"
  bio: "<img src=x onerror=alert(2)> _under_ # not a heading"
goals: [trust]
platforms: [linkedin]
portraits:
  - file: hopper-reference.jpg
    title: "<b>Reference</b> <script>alert('title')</script>"
    note: "Notes with <iframe src=evil></iframe> and `code` and | pipes |"
"""


@dataclass
class Corpus:
    kit: Path
    exit_code: int
    output: str
    manifest: dict
    hashes: dict[str, str]  # content/portraits/<name> -> sha256 before the build

    @property
    def site(self) -> Path:
        return self.kit / "site"

    def portrait(self, name: str) -> dict:
        rel = f"portraits/{name}"
        found = [p for p in self.manifest["portraits"] if p["source"] == rel]
        assert found, f"{name} not built; failed: {self.manifest['failed']}"
        return found[0]

    def failure(self, name: str) -> str:
        rel = f"portraits/{name}"
        found = [p["message"] for p in self.manifest["failed"] if p["source"] == rel]
        assert len(found) == 1, f"{name}: {found}"
        return found[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _with_patch(img: Image.Image) -> Image.Image:
    img = img.convert("RGB")
    img.paste(PATCH, PATCH_BOX)
    return img


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0110] = "Model X-1"  # Model
    exif[0xA431] = "SERIAL-12345"  # BodySerialNumber (in the Exif IFD in practice)
    gps = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}
    exif[0x8825] = gps
    return exif


XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
       b'22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
       b'dc:creator="Secret Photographer"/></rdf:RDF></x:xmpmeta>')


def bomb_png(path: Path, side: int = 20000) -> None:
    """A valid PNG header claiming side x side pixels (over Pillow's bomb limit), a few bytes."""
    small = io.BytesIO()
    Image.new("1", (8, 8)).save(small, "PNG")
    data = bytearray(small.getvalue())
    ihdr = 8  # signature, then length + 'IHDR'
    struct.pack_into(">II", data, ihdr + 8, side, side)
    crc = zlib.crc32(bytes(data[ihdr + 4:ihdr + 8 + 13])) & 0xFFFFFFFF
    struct.pack_into(">I", data, ihdr + 8 + 13, crc)
    path.write_bytes(bytes(data))


def write_corpus(folder: Path, outside: Path) -> None:
    """Every case as a file in ``folder``; ``outside`` is a folder outside the kit."""
    hopper = Image.open(HOPPER).convert("RGB")
    astro = Image.open(ASTRONAUT).convert("RGB")
    camera = Image.open(CAMERAMAN)
    hopper.save(folder / "hopper-reference.jpg", quality=95)
    for n, ops in STORED.items():
        stored = hopper
        for op in ops:
            stored = stored.transpose(op)
        exif = Image.Exif()
        exif[0x0112] = n
        stored.save(folder / f"orient-{n}.jpg", quality=95, exif=exif)
    astro.convert("CMYK").save(folder / "cmyk.jpg", quality=95)
    arr16 = (camera.convert("I").point(lambda v: v * 257)).convert("I;16")
    arr16.save(folder / "grey16.png")
    pal = astro.convert("P", palette=Image.Palette.ADAPTIVE, colors=63)
    pal.putpalette(pal.getpalette()[:189] + [0, 255, 0])  # a 64th entry, green but transparent
    pal.paste(63, (0, 0, 100, 100))
    pal.save(folder / "palette-transparent.png", transparency=63)
    rgba = astro.convert("RGBA")
    rgba.paste((0, 0, 0, 0), (0, 0, 100, 100))
    rgba.save(folder / "rgba.png")
    la = camera.convert("LA")
    la.paste((0, 0), (0, 0, 100, 100))
    la.save(folder / "la.png")
    _with_patch(astro).save(folder / "adobe-rgb.png", icc_profile=adobe_rgb())
    _with_patch(astro).save(folder / "display-p3.jpg", quality=95, icc_profile=display_p3())
    _with_patch(astro).save(folder / "srgb-patch.png")
    from pillow_heif import register_heif_opener

    register_heif_opener()
    astro.save(folder / "astronaut.heic", quality=90)
    frames = [astro, ImageOps.invert(astro), astro.rotate(90)]
    frames[0].save(folder / "animated.gif", save_all=True, append_images=frames[1:],
                   duration=100, loop=0)
    frames[0].save(folder / "animated.webp", save_all=True, append_images=frames[1:],
                   duration=100, loop=0, quality=90)
    astro.save(folder / "Zoë Åström portrait 1.jpg", quality=95)
    (folder / "zz-duplicate.jpg").write_bytes((folder / "hopper-reference.jpg").read_bytes())
    # The face runs off the left edge: cut the astronaut just through the face.
    astro.crop((200, 0, 512, 512)).save(folder / "face-at-edge.png")
    both = Image.new("RGB", (1024, 600), (90, 90, 90))
    both.paste(hopper, (0, 0))
    both.paste(astro, (512, 44))
    both.save(folder / "two-faces.jpg", quality=95)
    camera.crop((0, 340, 512, 512)).resize((512, 172)).save(folder / "no-face.png")
    astro.save(folder / "gps-exif-xmp.jpg", quality=95, exif=gps_exif(), xmp=XMP)
    # Stored on its side with no orientation tag, as a stripped phone photo can be.
    astro.transpose(Image.Transpose.ROTATE_90).save(folder / "sideways.jpg", quality=95)
    # Refusals.
    full = io.BytesIO()
    hopper.save(full, "JPEG", quality=95)
    (folder / "truncated.jpg").write_bytes(full.getvalue()[: len(full.getvalue()) // 3])
    (folder / "zero-bytes.jpg").write_bytes(b"")
    (folder / "text-named.jpg").write_text("this is a note, not a picture\n", encoding="utf-8")
    bomb_png(folder / "bomb.png")
    astro.resize((100, 120)).save(folder / "too-small.png")
    astro.save(outside / "elsewhere.jpg", quality=90)
    os.symlink(outside / "elsewhere.jpg", folder / "link-outside.jpg")


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    """The corpus kit built once through the CLI (in-process, one worker)."""
    from click.testing import CliRunner

    from kitgen.cli import main

    root = tmp_path_factory.mktemp("corpus")
    outside = root / "outside"
    outside.mkdir()
    kit = make_kit(root / "kit", BRAND, [])
    folder = kit / "content" / "portraits"
    write_corpus(folder, outside)
    hashes = {p.name: sha256(p) for p in folder.iterdir()}
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1", "-v"])
    manifest = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    return Corpus(kit=kit, exit_code=result.exit_code, output=result.output,
                  manifest=manifest, hashes=hashes)
