"""Skin texture: the unretouched portrait reads natural, blurred copies read smoothed."""
from __future__ import annotations

from reading_images import read


def test_unretouched_portraits_read_natural():
    for name in ("astronaut", "hopper"):
        assert read(name)["texture"] == "natural"


def test_blur_reads_as_smoothed():
    base = read("astronaut")
    blurred = read("astronaut", "blur:2")
    assert blurred["texture"] == "smoothed"
    assert blurred["texture_detail"] < base["texture_detail"] / 2
    # A stronger blur on the larger Hopper face too.
    assert read("hopper", "blur:4")["texture"] == "smoothed"
