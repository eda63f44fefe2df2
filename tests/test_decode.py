"""decode() on its own: exact pixels for lossless inputs, refusals at the exact limits."""
from __future__ import annotations

import numpy as np
import pytest
from coloraide import Color
from corpus import PATCH, STORED, XMP, gps_exif
from iccgen import adobe_rgb
from PIL import Image

from conftest import ASTRONAUT, CAMERAMAN, HOPPER
from kitgen.decode import MIN_SIDE, NEUTRAL, decode
from kitgen.errors import PortraitError


@pytest.mark.parametrize("n", sorted(STORED))
def test_orientation_gives_the_upright_pixels_exactly(tmp_path, n):
    upright = Image.open(HOPPER).convert("RGB")
    stored = upright
    for op in STORED[n]:
        stored = stored.transpose(op)
    exif = Image.Exif()
    exif[0x0112] = n
    path = tmp_path / f"o{n}.png"
    stored.save(path, exif=exif)
    img = decode(path).image
    assert img.size == upright.size
    assert np.array_equal(np.asarray(img), np.asarray(upright))


def test_dark_sixteen_bit_image_is_not_brightened(tmp_path):
    # Values below 256 in a 16-bit file are near black, not mid grey.
    arr = (np.asarray(Image.open(CAMERAMAN).convert("L"), dtype=np.uint16) // 2)
    path = tmp_path / "dark16.png"
    Image.fromarray(arr.astype(np.uint16)).convert("I;16").save(path)
    out = np.asarray(decode(path).image)
    assert out.max() == 0  # every value < 256 in 16 bits is 0 in 8 bits


def test_sixteen_bit_full_range_is_exact(tmp_path):
    cam = np.asarray(Image.open(CAMERAMAN).convert("L"), dtype=np.uint32)
    path = tmp_path / "g16.png"
    Image.fromarray((cam * 257).astype(np.uint16)).convert("I;16").save(path)
    out = np.asarray(decode(path).image)
    assert np.array_equal(out[..., 0], cam) and np.array_equal(out[..., 2], cam)


def test_adobe_rgb_is_converted_exactly(tmp_path):
    img = Image.new("RGB", (200, 200), PATCH)
    path = tmp_path / "a.png"
    img.save(path, icc_profile=adobe_rgb())
    got = decode(path).image.getpixel((100, 100))
    want = Color("a98-rgb", [c / 255 for c in PATCH]).convert("srgb").coords()
    assert all(abs(g - w * 255) <= 1 for g, w in zip(got, want)), (got, want)


def test_a_shared_profile_converts_every_photo_the_same(tmp_path):
    """The transform built for the first photo serves the second; each is still exact."""
    for i, patch in enumerate([PATCH, (150, 120, 100)]):
        path = tmp_path / f"a{i}.png"
        Image.new("RGB", (200, 200), patch).save(path, icc_profile=adobe_rgb())
        got = decode(path).image.getpixel((5, 5))
        want = Color("a98-rgb", [c / 255 for c in patch]).convert("srgb").coords()
        assert all(abs(g - w * 255) <= 1 for g, w in zip(got, want)), (i, got, want)


def test_the_iec_srgb_profile_leaves_pixels_as_stored():
    """The astronaut carries the IEC sRGB profile: LittleCMS's conversion of it changes no
    pixel, so decode skips it, and the result equals the stored pixels."""
    with Image.open(ASTRONAUT) as im:
        assert b"IEC61966-2.1" in im.info["icc_profile"]
        stored = np.asarray(im.convert("RGB"))
    assert np.array_equal(np.asarray(decode(ASTRONAUT).image), stored)


def test_transparent_pixels_become_neutral_grey(tmp_path):
    img = Image.new("RGBA", (200, 200), (255, 0, 0, 0))
    img.paste((0, 0, 255, 255), (100, 0, 200, 200))
    path = tmp_path / "t.png"
    img.save(path)
    d = decode(path)
    assert d.image.getpixel((10, 10)) == NEUTRAL and d.image.getpixel((150, 10)) == (0, 0, 255)
    assert d.warnings == ("has transparency; composited on neutral grey",)


def test_metadata_is_dropped_from_the_decoded_image(tmp_path):
    path = tmp_path / "gps.jpg"
    Image.open(ASTRONAUT).convert("RGB").save(path, exif=gps_exif(), xmp=XMP)
    with Image.open(path) as src:
        assert src.info.get("xmp") and src.getexif()
    img = decode(path).image
    assert img.info == {} and not img.getexif()


def test_bomb_limit_is_pillows(tmp_path, monkeypatch):
    path = tmp_path / "big.png"
    Image.new("1", (1500, 1000)).save(path)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)  # warns over 1x, errors over 2x
    with pytest.raises(PortraitError) as exc:
        decode(path, "content/portraits/big.png")
    assert str(exc.value.format_message()) == (
        "content/portraits/big.png: is too large to open safely (over 1 megapixels); "
        "downscale it before adding it to the kit")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_500_000)
    assert decode(path).image.size == (1500, 1000)


@pytest.mark.parametrize("size,ok", [((MIN_SIDE, 500), True), ((MIN_SIDE - 1, 500), False),
                                     ((500, MIN_SIDE - 1), False)])
def test_minimum_side(tmp_path, size, ok):
    path = tmp_path / "s.png"
    Image.new("RGB", size, (50, 60, 70)).save(path)
    if ok:
        assert decode(path).image.size == size
    else:
        with pytest.raises(PortraitError, match=rf"is too small \({size[0]}x{size[1]}\); "
                                                rf"kitgen needs at least {MIN_SIDE} px"):
            decode(path)


def test_a_medium_format_original_is_read_not_refused(tmp_path):
    """QA pass 2: a 100 MP camera file (11648 x 8736, a Fujifilm GFX100's) was over Pillow's
    89 MP bomb limit and refused; kitgen's limit is MAX_PIXELS."""
    from kitgen.decode import MAX_PIXELS

    path = tmp_path / "gfx100.jpg"
    Image.new("L", (11648, 8736), 128).save(path, quality=80)
    assert 11648 * 8736 > 89_478_485 and 11648 * 8736 < MAX_PIXELS
    d = decode(path, "content/portraits/gfx100.jpg", long_side=1500)
    assert d.full_size == (11648, 8736) and max(d.image.size) < 11648  # drafted, not full


def _with_damaged_exif(tmp_path):
    """A JPEG whose EXIF block says it holds a tag it does not: Pillow warns "Corrupt EXIF
    data" from Image.open, a raw Python warning on the build's stderr without the file's name."""
    import io

    buf = io.BytesIO()
    with Image.open(HOPPER) as img:
        img.convert("RGB").save(buf, "JPEG")
    data = buf.getvalue()
    app1 = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\xff\xff" + b"\x01" * 100
    path = tmp_path / "damaged-exif.jpg"
    path.write_bytes(data[:2] + b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1
                     + data[2:])
    return path


def test_damaged_exif_is_the_portraits_warning_not_a_python_warning(tmp_path):
    import warnings

    path = _with_damaged_exif(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        decoded = decode(path)
    with Image.open(HOPPER) as img:
        assert decoded.image.size == img.size
    assert decoded.warnings == (
        "has damaged metadata (Corrupt EXIF data. Expecting to read 12 bytes but only got 4); "
        "what could be read is used; export the image again if it shows turned",)


def test_a_jpeg_with_a_gain_map_is_not_called_animated(tmp_path):
    """Phones store an HDR gain map or a depth map after the photo (MPO): Pillow sees two
    frames, and the photo was told it "is animated"."""
    with Image.open(HOPPER) as img:
        photo = img.convert("RGB")
    path = tmp_path / "ultra-hdr.jpg"
    photo.save(path, format="MPO", save_all=True,
               append_images=[photo.resize((photo.width // 4, photo.height // 4)).convert("L")
                              .convert("RGB")])
    decoded = decode(path)
    assert decoded.warnings == () and decoded.image.size == photo.size


def test_a_multi_page_tiff_says_pages(tmp_path):
    with Image.open(HOPPER) as img:
        page = img.convert("RGB")
    path = tmp_path / "scan.tif"
    page.save(path, save_all=True, append_images=[page.rotate(90)])
    assert decode(path).warnings == ("has 2 pages; the first page is used",)


def test_a_cut_multi_page_tiff_is_refused_in_one_line(tmp_path):
    import io
    import warnings

    with Image.open(HOPPER) as img:
        page = img.convert("RGB")
    buf = io.BytesIO()
    page.save(buf, "TIFF", save_all=True, append_images=[page, page])
    path = tmp_path / "cut.tif"
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(PortraitError) as exc, warnings.catch_warnings():
        warnings.simplefilter("error")  # counting the pages warned "Corrupt EXIF data" raw
        decode(path)  # was TypeError: a traceback from analyse
    assert exc.value.reason == ("is damaged (TypeError: Missing dimensions); export the image "
                                "again")


def test_a_cut_heic_is_refused_in_one_line(tmp_path):
    path = tmp_path / "cut.heic"
    buf = __import__("io").BytesIO()
    from pillow_heif import register_heif_opener

    register_heif_opener()
    with Image.open(HOPPER) as img:
        img.convert("RGB").save(buf, "HEIF")
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    with pytest.raises(PortraitError) as exc:
        decode(path)
    assert "\n" not in exc.value.reason  # libheif's message ended in a line break
    assert exc.value.reason.endswith("; export the image again")
