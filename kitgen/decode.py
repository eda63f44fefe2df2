"""Decode a portrait once into an upright 8-bit sRGB image, refusing what cannot be used.

Every refusal is a PortraitError whose message names the file and what to do about it.
"""
from __future__ import annotations

import hashlib
import io
import struct
import threading
import warnings as pywarnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from kitgen.errors import PortraitError

MIN_SIDE = 128  # px: below this no platform crop is worth publishing
# Pillow's own bomb limit (about 89 MP) refused the originals of 100-150 MP medium-format
# cameras. Pillow warns above this and refuses above twice it; kitgen refuses above it.
MAX_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
NEUTRAL = (128, 128, 128)  # transparent areas are composited on mid grey for analysis
_SRGB = ImageCms.createProfile("sRGB")
_OPEN = threading.Lock()
_heif_registered = False


@dataclass(frozen=True)
class Decoded:
    image: Image.Image  # RGB, sRGB, upright
    sha256: str
    warnings: tuple[str, ...]
    full_size: tuple[int, int] = (0, 0)  # upright size of the stored image
    scale: int = 1  # JPEG DCT scaling: full_size / image.size (1, 2, 4 or 8)


def register_heif(path: Path) -> None:
    """Pillow's HEIF opener, for a .heic or .heif file: pillow-heif's import (about 40 ms)
    is paid only by kits that have one."""
    global _heif_registered
    if path.suffix.lower() in (".heic", ".heif") and not _heif_registered:
        try:
            from pillow_heif import register_heif_opener

            register_heif_opener()
        except ImportError:  # pragma: no cover - declared dependency
            pass
        _heif_registered = True


def open_image(source: Path | io.BytesIO, notes: list[str] | None = None,
               frames: list[int] | None = None) -> Image.Image:
    """Image.open with Pillow's decompression-bomb warning (over MAX_PIXELS) raised
    as the error it is to kitgen, and its other warnings (damaged EXIF: "Corrupt EXIF data")
    added to ``notes`` as the portrait's warning, so none reaches the user as a raw Python
    warning without the file's name. Warning filters are the process's: one thread at a time
    sets and restores them. With ``frames``, the image count is appended to it, read here
    too: TIFF reads each page's tags (and warns of damaged ones) to count them."""
    with _OPEN, pywarnings.catch_warnings(record=True) as caught:
        pywarnings.simplefilter("always")
        pywarnings.simplefilter("error", Image.DecompressionBombWarning)
        img = Image.open(source)
        if frames is not None:
            frames.append(getattr(img, "n_frames", 1))
    said = sorted({" ".join(str(w.message).split()).rstrip(".") for w in caught})
    if notes is not None and said:
        notes.append(f"has damaged metadata ({'; '.join(said)}); what could be read is used; "
                     "export the image again if it shows turned")
    return img


def _to_srgb(img: Image.Image, notes: list[str]) -> Image.Image:
    icc = img.info.get("icc_profile")
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        import numpy as np  # here only: the build's planning reads headers through this module

        arr = np.asarray(img).astype(np.int64)
        # 16-bit sources always scale by 256, even dark ones; plain 32-bit "I" images only
        # when their values leave the 8-bit range.
        shift = 8 if img.mode.startswith("I;16") or arr.max() > 255 else 0
        img = Image.fromarray((arr >> shift).clip(0, 255).astype(np.uint8), "L")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = img.convert("RGBA")
        if rgba.getextrema()[3][0] < 255:
            notes.append("has transparency; composited on neutral grey")
        base = Image.new("RGB", rgba.size, NEUTRAL)
        base.paste(rgba, mask=rgba.getchannel("A"))
        img = base if not icc else _reattach(base, icc)
    if img.mode == "RGB;16" or img.mode.startswith("RGB;"):
        img = img.convert("RGB")
    if icc:
        try:
            if img.mode not in ("RGB", "CMYK", "L"):
                img = img.convert("RGB")
            transform = _to_srgb_transform(icc, img.mode)
            if transform is not None:
                # RGB to RGB converts in place: no second full-size copy of a large photo.
                out = ImageCms.applyTransform(img, transform, inPlace=img.mode == "RGB")
                if out is not None:
                    img = out
        except (ImageCms.PyCMSError, OSError):
            notes.append("has an unreadable colour profile; treated as sRGB")
    if img.mode != "RGB":
        img = img.convert("RGB")
    # Pillow copies ``info`` into every derived image; drop EXIF, XMP, IPTC, comments and the
    # source profile so nothing private can reach a published file.
    img.info.clear()
    img.getexif().clear()  # the EXIF read for the orientation stays cached on the image object
    return img


@lru_cache(maxsize=16)
def _to_srgb_transform(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """The LittleCMS transform from a source profile to sRGB, built once per profile: a kit's
    photos mostly share their camera's profile, and building one costs about 3 ms. None for
    the IEC sRGB profile itself, whose conversion changes no pixel (checked on the bundled
    astronaut, tests/test_decode.py)."""
    src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    if mode == "RGB" and src.profile.profile_description.strip() == "sRGB IEC61966-2.1":
        return None
    # No one-pixel cache: it is the transform's only changing state, so without it threads
    # (portraits side by side in a worker) can share the transform. Same pixels either way.
    return ImageCms.buildTransform(src, _SRGB, mode, "RGB",
                                   renderingIntent=ImageCms.Intent.PERCEPTUAL,
                                   flags=ImageCms.Flags.NOCACHE)


def _reattach(img: Image.Image, icc: bytes) -> Image.Image:
    img.info["icc_profile"] = icc
    return img


def _draft(img: Image.Image, long_side: int | None) -> None:
    """Let libjpeg scale a JPEG by 1/2, 1/4 or 1/8 while decoding (much faster, a quarter of
    the memory or less) when the long side stays at least ``long_side``."""
    if not long_side or img.format != "JPEG" or max(img.size) < 2 * long_side:
        return
    r = long_side / max(img.size)
    img.draft(None, (max(1, int(img.width * r)), max(1, int(img.height * r))))


def _more_frames_note(fmt: str | None, frames: int) -> str | None:
    """What to say of a file holding more than one image. A JPEG with a gain map or depth
    map (Android's Ultra HDR, many phones' photos) opens as MPO with two frames: its first is
    the photo itself, nothing to warn of; it was told it "is animated". TIFF's are pages."""
    if fmt == "MPO":
        return None
    if fmt == "TIFF":
        return f"has {frames} pages; the first page is used"
    return f"is animated ({frames} frames); the first frame is used"


def decode(path: Path, shown: str | None = None, *, long_side: int | None = None) -> Decoded:
    """The upright sRGB image; with ``long_side``, a JPEG may come back reduced by the largest
    DCT scale that keeps its long side at least that many pixels (see ``Decoded.scale``)."""
    shown = shown or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PortraitError(shown, f"cannot be read ({exc.strerror}); check its permissions") \
            from None
    if not data:
        raise PortraitError(shown, "is empty (0 bytes); export the image again or remove it")
    digest = hashlib.sha256(data).hexdigest()
    register_heif(path)
    notes: list[str] = []
    try:
        counted: list[int] = []
        img = open_image(io.BytesIO(data), notes, counted)
        frames = counted[0]
        if frames > 1:
            note = _more_frames_note(img.format, frames)
            if note:
                notes.append(note)
            img.seek(0)
        stored = img.size
        _draft(img, long_side)
        img.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PortraitError(
            shown, f"is too large to open safely (over {Image.MAX_IMAGE_PIXELS // 1_000_000} "
                   "megapixels); downscale it before adding it to the kit") from None
    except UnidentifiedImageError:
        raise PortraitError(shown, "is not an image kitgen can read; export it as JPEG, PNG, "
                                   "WebP or HEIC") from None
    except (OSError, SyntaxError, ValueError) as exc:
        said = " ".join(str(exc).split())  # libheif ends its messages with a line break
        reason = "is truncated or damaged" if "truncat" in said.lower() else \
            f"cannot be decoded ({said})"
        raise PortraitError(shown, f"{reason}; export the image again") from None
    except (TypeError, IndexError, KeyError, EOFError, struct.error) as exc:
        # Pillow's plugins meet some damaged files with these (a cut multi-page TIFF:
        # "TypeError: Missing dimensions"), which stopped `kitgen analyse` with a traceback
        raise PortraitError(shown, f"is damaged ({type(exc).__name__}: "
                                   f"{' '.join(str(exc).split())}); export the image "
                                   "again") from None
    scale = max(1, round(stored[0] / img.width))
    loaded = img.size
    try:
        ImageOps.exif_transpose(img, in_place=True)  # no copy when there is nothing to turn
    except Exception:  # noqa: BLE001 - a broken EXIF block must not stop the build
        notes.append("has unreadable EXIF orientation; used as stored")
    full = stored if img.size == loaded else stored[::-1]
    img = _to_srgb(img, notes)
    if min(full) < MIN_SIDE:
        raise PortraitError(
            shown, f"is too small ({full[0]}x{full[1]}); kitgen needs at least "
                   f"{MIN_SIDE} px on the short side; use a larger original")
    return Decoded(image=img, sha256=digest, warnings=tuple(notes), full_size=full,
                   scale=scale)
