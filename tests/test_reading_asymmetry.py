"""Asymmetry: real faces measure low; moving half the face out of line raises it."""
from __future__ import annotations

from reading_images import read


def test_real_portraits_are_not_strongly_asymmetric():
    for name in ("astronaut", "hopper"):
        r = read(name)
        assert r["asymmetry"] in ("none", "subtle")
        assert 0 <= r["asymmetry_score"] < 0.05


def test_shifting_half_the_face_raises_asymmetry_in_steps():
    base = read("astronaut")["asymmetry_score"]
    small, large = read("astronaut", "shift:4"), read("astronaut", "shift:8")
    assert base < small["asymmetry_score"] < large["asymmetry_score"]
    assert small["asymmetry"] in ("subtle", "strong")
    assert large["asymmetry"] == "strong"
    assert large["asymmetry_feature"] in ("eyes", "brows", "nose", "cheeks", "mouth", "jaw")


def test_rotation_does_not_count_as_asymmetry():
    turned = read("astronaut", "rotate:30")
    assert turned["asymmetry"] in ("none", "subtle")
    assert turned["asymmetry_score"] < read("astronaut", "shift:8")["asymmetry_score"] / 2
