"""site/kit.json against its documented schema and against the files it names."""
import hashlib
import json

import jsonschema

from kitgen.manifest import manifest_schema


def test_manifest_follows_its_schema(example_build):
    kit, _ = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, manifest_schema())
    assert [p["id"] for p in data["portraits"]] == [
        "cameraman", "eileen-collins-nasa", "grace-hopper-navy"]


def test_manifest_names_real_files_with_true_hashes(example_build):
    kit, _ = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    for p in data["portraits"]:
        src = kit / "content" / p["source"]
        assert hashlib.sha256(src.read_bytes()).hexdigest() == p["sha256"]
        for c in p["crops"]:
            assert (kit / "site" / c["path"]).is_file()
            if c["preview"]:
                assert (kit / "site" / c["preview"]).is_file()
        assert p["subject"] == 0 and p["faces"][0]["score"] > 0.5


def test_manifest_records_the_astronaut_face_where_it_is(example_build):
    kit, _ = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    astro = next(p for p in data["portraits"] if p["id"] == "eileen-collins-nasa")
    x, y, w, h = astro["faces"][0]["box"]
    # Eileen Collins' face sits left of centre in the upper half of the 512x512 portrait.
    assert 150 < x + w / 2 < 260 and 80 < y + h / 2 < 180
    assert 70 < w < 140 and 80 < h < 150
    assert (astro["width"], astro["height"]) == (512, 512)


def test_kit_palette_is_at_the_top_level(example_build):
    kit, _ = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert 1 <= len(data["palette"]) <= 8
    assert abs(sum(s["share"] for s in data["palette"]) - 1) < 0.01
    assert data["goals"] == ["trust", "authority", "approachability"]
