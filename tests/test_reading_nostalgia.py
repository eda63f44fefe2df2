"""Period look: grain, lifted blacks and a warm cast, alone and together."""
from __future__ import annotations

from reading_images import read


def test_clean_digital_copies_are_not_nostalgic():
    for name in ("astronaut", "hopper", "cameraman"):
        r = read(name)
        assert r["nostalgia_cues"]["grain"] is False
        assert r["nostalgia"] is False


def test_added_grain_is_measured_and_tips_the_warm_astronaut_over():
    base, grainy = read("astronaut"), read("astronaut", "grain:12")
    assert grainy["grain"] > base["grain"] + 2
    assert grainy["nostalgia_cues"]["grain"] is True
    # The astronaut already has a warm, moderately saturated cast: grain is the second cue.
    assert base["nostalgia_cues"]["warm_cast"] is True
    assert grainy["nostalgia"] is True


def test_grain_alone_is_not_enough():
    r = read("hopper", "grain:12")  # cool picture, deep blacks: only one cue
    assert r["nostalgia_cues"] == {"grain": True, "lifted_blacks": False, "warm_cast": False}
    assert r["nostalgia"] is False


def test_faded_vintage_treatment():
    r = read("hopper", "faded")
    assert r["nostalgia_cues"]["lifted_blacks"] is True
    assert r["nostalgia"] is True
