"""read_portrait as a whole: JSON-ready, deterministic, and honest when there is no face."""
from __future__ import annotations

import json

import numpy as np
from reading_images import faces_of, read, source

from kitgen.reading import read_portrait

REQUIRED = ("gaze", "gaze_direction", "gaze_offset", "expression", "smile_score", "mouth_open",
            "head", "asymmetry", "asymmetry_score", "framing", "face_share", "thirds",
            "warmth", "saturation", "key", "contrast", "colour", "texture", "background",
            "nostalgia")


def _plain_types(v) -> bool:
    if isinstance(v, dict):
        return all(isinstance(k, str) and _plain_types(x) for k, x in v.items())
    if isinstance(v, list):
        return all(_plain_types(x) for x in v)
    return v is None or type(v) in (bool, int, float, str)


def test_reading_has_every_field_and_plain_json_types():
    r = read("astronaut")
    for key in REQUIRED:
        assert key in r
    assert set(r["head"]) == {"yaw", "pitch", "roll"}
    assert set(r["colour"]) == {"frame", "subject", "background", "face"}  # a face was found
    assert _plain_types(r)
    assert json.loads(json.dumps(r, allow_nan=False)) == r


def test_reading_is_deterministic():
    arr, faces = faces_of(source("hopper"))
    one = read_portrait(arr, faces[0], faces)
    two = read_portrait(arr.copy(), faces[0], list(faces))
    assert one == two


def test_turned_head_reads_as_averted_gaze():
    r = read("cameraman")  # looking into his camera's viewfinder, face turned to our right
    assert r["faces"] == 1 and r["face_reason"] is None
    assert r["gaze"] == "averted" and r["gaze_direction"] == "right"
    assert r["head"]["yaw"] > 30
    assert 30 < r["gaze_offset"] < 100  # eye-in-head rotation is capped at 45 degrees
    assert r["asymmetry"] is None  # the far half of a turned face is guessed, not measured


def test_face_without_mesh_keeps_pixel_cues():
    from kitgen.records import Face

    arr, faces = faces_of(source("cameraman"))
    bare = Face(box=faces[0].box, score=faces[0].score)  # what a box-only detection gives
    r = read_portrait(arr, bare, [bare])
    assert r["faces"] == 1
    for key in ("gaze", "expression", "head", "asymmetry", "texture", "smile_score"):
        assert r[key] is None
    assert "landmark" in r["face_reason"]
    assert r["framing"] == "medium"
    assert r["warmth"] is not None and r["background"] is not None


def test_no_face_at_all():
    rng = np.random.default_rng(3)
    arr = rng.integers(0, 255, (200, 300, 3), dtype=np.uint8)
    r = read_portrait(arr, None, [])
    assert r["face_reason"].startswith("no face")
    assert r["framing"] is None and r["gaze"] is None
    assert r["saturation"] in ("muted", "moderate", "rich")
    assert _plain_types(r)
