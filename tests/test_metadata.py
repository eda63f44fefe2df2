"""Published images carry no EXIF, XMP or IPTC, only an sRGB profile (issue 5).

The corpus kit holds ``gps-exif-xmp.jpg`` (GPS position, camera make, model and serial, XMP
creator) next to portraits with Adobe RGB and Display P3 profiles; every image kitgen writes
into site/ is checked.
"""
from __future__ import annotations

import io

from corpus import XMP, gps_exif
from PIL import Image, ImageCms

SECRETS = (b"SecretCam", b"Model X-1", b"SERIAL-12345", b"Secret Photographer")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def _published_images(corpus) -> list:
    """Every image made from a portrait (theme assets under site/assets are kitgen's own)."""
    return [p for p in corpus.site.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES
            and "assets" not in p.relative_to(corpus.site).parts]


def test_the_source_really_carries_the_secrets(corpus):
    src = corpus.kit / "content" / "portraits" / "gps-exif-xmp.jpg"
    data = src.read_bytes()
    assert all(s in data for s in SECRETS)
    with Image.open(src) as im:
        assert im.getexif().get_ifd(0x8825)[1] == "N"
    assert gps_exif()[0x010F] == "SecretCam" and b"Secret Photographer" in XMP


def test_every_published_image_is_clean(corpus):
    images = _published_images(corpus)
    # At least: 24 portraits x (web image + face overlay + 2 crops + 1 circle preview).
    assert len(images) >= 24 * 5
    names = {p.name for p in images}
    assert {f"{p['id']}.jpg" for p in corpus.manifest["portraits"]} <= names
    for path in images:
        with Image.open(path) as im:
            assert not im.getexif(), f"{path.name} carries EXIF"
            assert "exif" not in im.info and "xmp" not in im.info, path.name
            assert "XML:com.adobe.xmp" not in im.info, path.name
            assert not getattr(im, "applist", None) or all(
                m not in ("APP1", "APP13") for m, _ in im.applist), path.name
            icc = im.info.get("icc_profile")
            if path.suffix == ".jpg":
                assert icc, f"{path.name} has no colour profile"
            if icc:
                desc = ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc)))
                assert desc.strip() == "sRGB built-in", (path.name, desc)


def test_no_secret_reaches_any_site_file(corpus):
    files = [p for p in corpus.site.rglob("*") if p.is_file()]
    assert len(files) > 100
    for path in files:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, f"{secret!r} leaked into {path}"
    portrait = corpus.portrait("gps-exif-xmp.jpg")
    assert len(portrait["crops"]) == 2
