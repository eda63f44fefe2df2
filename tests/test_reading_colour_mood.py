"""Colour mood in CIELAB: colour-graded copies flip warm and cool; subject and background
are read separately."""
from __future__ import annotations

from reading_images import read


def test_grading_flips_warmth():
    base, warm, cool = read("astronaut"), read("astronaut", "warm"), read("astronaut", "cool")
    assert warm["warmth"] == "warm"
    assert cool["warmth"] == "cool"
    w = [r["colour"]["frame"]["warmth_index"] for r in (cool, base, warm)]
    assert w == sorted(w) and w[2] - w[0] > 20


def test_grey_picture_is_neutral_and_muted():
    r = read("cameraman")
    assert r["warmth"] == "neutral"
    assert r["saturation"] == "muted"
    assert r["colour"]["frame"]["chroma"] < 1


def test_subject_and_background_are_measured_apart():
    # Grace Hopper sits in front of a blue backdrop: the background is cool, her face is not.
    r = read("hopper")["colour"]
    assert r["background"]["warmth"] == "cool"
    assert r["subject"]["warmth_index"] > r["background"]["warmth_index"] + 15
    assert read("hopper")["key"] == "low"  # a dark uniform and backdrop


def test_labels_are_from_their_vocabularies():
    r = read("astronaut")
    assert r["saturation"] in ("muted", "moderate", "rich")
    assert r["key"] in ("high", "mid", "low")
    assert r["contrast"] in ("soft", "medium", "hard")
