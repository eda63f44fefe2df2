"""Expression from mouth geometry: the smiling astronaut against the composed Grace Hopper."""
from __future__ import annotations

from reading_images import read


def test_astronaut_smiles():
    r = read("astronaut")
    assert r["expression"] in ("slight_smile", "broad_smile")
    assert r["smile_score"] >= 0.3
    assert r["mouth"]["corner_lift"] > 0.08  # corners clearly above the lip line
    assert r["mouth_open"] is False  # teeth show, but she is not speaking


def test_hopper_is_neutral_and_smiles_less():
    h, a = read("hopper"), read("astronaut")
    assert h["expression"] == "neutral"
    assert h["smile_score"] < a["smile_score"] - 0.3
    assert h["mouth_open"] is False


def test_expression_survives_mirror_and_rotation():
    base = read("astronaut")["smile_score"]
    for change in ("mirror", "rotate:30"):
        r = read("astronaut", change)
        assert r["expression"] in ("slight_smile", "broad_smile")
        assert abs(r["smile_score"] - base) < 0.15
