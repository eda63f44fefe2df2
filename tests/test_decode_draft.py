"""Reduced JPEG decoding (libjpeg's DCT scaling) for the analysis copy: the image is upright,
the full size is reported and the pixels agree with a full decode."""
from __future__ import annotations

import numpy as np
import pytest
from conftest import HOPPER
from corpus import STORED
from PIL import Image

from kitgen.decode import decode


def big_jpeg(path, orientation: int | None = None, side: int = 2600):
    upright = Image.open(HOPPER).convert("RGB")
    upright = upright.resize((side, round(side * upright.height / upright.width)),
                             Image.BICUBIC)
    stored = upright
    exif = Image.Exif()
    if orientation:
        for op in STORED[orientation]:
            stored = stored.transpose(op)
        exif[0x0112] = orientation
    stored.save(path, "JPEG", quality=95, exif=exif)
    return upright


@pytest.mark.parametrize("orientation", [None, 6, 8])
def test_reduced_decode_is_upright_and_reports_the_full_size(tmp_path, orientation):
    path = tmp_path / "big.jpg"
    upright = big_jpeg(path, orientation)
    full = decode(path)
    small = decode(path, long_side=600)
    assert full.scale == 1 and full.full_size == upright.size == full.image.size
    assert small.full_size == upright.size
    assert small.scale == 4  # 2600 px long side: 1/4 keeps 650 >= 600, 1/8 would not
    w, h = upright.size
    assert small.image.size == (-(-w // 4), -(-h // 4))
    ref = np.asarray(full.image.reduce(4), dtype=np.int16)
    got = np.asarray(small.image, dtype=np.int16)
    assert np.abs(got - ref).mean() < 2.5  # same picture, same way up
    assert small.image.info == {} and not small.image.getexif()


def test_small_or_non_jpeg_images_are_never_reduced(tmp_path):
    path = tmp_path / "big.png"
    big_jpeg(tmp_path / "big.jpg")
    Image.open(tmp_path / "big.jpg").save(path)
    assert decode(path, long_side=600).scale == 1
    assert decode(HOPPER, long_side=600).scale == 1  # 600 px: no reduction keeps 600
    assert decode(tmp_path / "big.jpg", long_side=1300).scale == 2
