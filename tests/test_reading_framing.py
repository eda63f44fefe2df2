"""Shot size from face height: the same portrait as a close-up crop and as a wide shot."""
from __future__ import annotations

from reading_images import read

from kitgen.reading.framing import read_framing


def test_bundled_portraits_have_their_shot_sizes():
    assert read("astronaut")["framing"] == "medium"  # waist-up NASA portrait
    assert read("hopper")["framing"] == "head_and_shoulders"


def test_close_up_crop_and_wide_canvas():
    close, wide = read("astronaut", "closeup"), read("astronaut", "canvas:2.5")
    base = read("astronaut")
    assert close["framing"] == "close_up"
    assert wide["framing"] == "wide"
    assert wide["face_share"] < base["face_share"] < close["face_share"]
    # Pasted 2.5x smaller, the face's share of the height shrinks by the same factor.
    assert abs(wide["face_share"] * 2.5 - base["face_share"]) < 0.02


def test_thirds_position():
    r = read_framing(900, 900, (250, 100, 100, 200), eyes_y=300)
    assert r["thirds"]["horizontal"] == "left_third"
    assert r["thirds"]["eyes_on_upper_third"] is True
    centred = read_framing(900, 900, (400, 100, 100, 200), eyes_y=600)
    assert centred["thirds"]["horizontal"] == "centre"
    assert centred["thirds"]["eyes_on_upper_third"] is False
