"""Gaze from iris landmarks plus head pose, on the bundled portraits and their mirror images."""
from __future__ import annotations

import pytest
from reading_images import read


@pytest.mark.parametrize("name", ["astronaut", "hopper"])
def test_frontal_portraits_read_as_direct_gaze(name):
    r = read(name)
    assert r["gaze"] == "direct"
    assert r["gaze_direction"] is None
    assert 0 <= r["gaze_offset"] < 9


def test_mirror_flips_the_horizontal_gaze():
    a, m = read("astronaut"), read("astronaut", "mirror")
    assert m["gaze"] == "direct"
    # The astronaut looks a few degrees to the viewer's left; mirrored, to the right.
    assert a["gaze_angles"]["x"] < -1 < 1 < m["gaze_angles"]["x"]
    assert abs(a["gaze_angles"]["x"] + m["gaze_angles"]["x"]) < 3
    assert a["iris_offset"]["x"] * m["iris_offset"]["x"] < 0


def test_no_face_means_no_gaze():
    r = read("astronaut", "canvas:4")  # far too small for any detector
    assert r["gaze"] is None and r["gaze_offset"] is None
    assert "no face" in r["face_reason"]
