"""Head pose from the 3D landmarks: rotations by known angles, mirror images."""
from __future__ import annotations

import pytest
from reading_images import read


@pytest.mark.parametrize("name", ["astronaut", "hopper"])
@pytest.mark.parametrize("angle", [-20, 12, 30])
def test_rotating_the_photo_changes_roll_by_the_angle(name, angle):
    base = read(name)["head"]["roll"]
    turned = read(name, f"rotate:{angle}")["head"]
    # PIL rotates counter-clockwise; roll is clockwise-positive as the viewer sees it.
    assert turned["roll"] == pytest.approx(base - angle, abs=3)
    assert abs(turned["yaw"]) < 10  # rotating in the image plane does not turn the head


@pytest.mark.parametrize("name", ["astronaut", "hopper"])
def test_mirror_flips_roll_and_yaw(name):
    a, m = read(name)["head"], read(name, "mirror")["head"]
    assert abs(a["roll"]) > 2 and a["roll"] * m["roll"] < 0
    assert a["roll"] + m["roll"] == pytest.approx(0, abs=1.5)
    assert a["yaw"] + m["yaw"] == pytest.approx(0, abs=2)


def test_frontal_portraits_face_the_camera():
    for name in ("astronaut", "hopper"):
        r = read(name)
        assert r["pose"] == {"facing": "frontal", "tilt": "level"}
        assert abs(r["head"]["yaw"]) < 5 and abs(r["head"]["pitch"]) < 8
    assert read("astronaut", "rotate:-20")["pose"]["tilt"] == "strongly_tilted"
    assert read("astronaut", "rotate:12")["pose"]["tilt"] == "tilted"
