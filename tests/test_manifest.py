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


def _without(data, path):
    """A deep copy of ``data`` with the field at ``path`` removed."""
    out = json.loads(json.dumps(data))
    node = out
    for key in path[:-1]:
        node = node[key]
    del node[path[-1]]
    return out


def test_the_schema_requires_every_documented_field(example_build):
    """QA pass 4: a kit.json without recommendations, exports, gaps, a portrait's title, use,
    warnings, reading, fit or checklist, or a crop's face_fit or in_safe_area still passed
    'kitgen schema --manifest', so a script validating with it learned nothing of them."""
    kit, _ = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    schema = manifest_schema()
    paths = [(f,) for f in data]
    paths += [("portraits", 0, f) for f in data["portraits"][0]]
    paths += [("portraits", 0, "crops", 0, f) for f in data["portraits"][0]["crops"][0]]
    paths += [("palette", 0, f) for f in data["palette"][0]]
    paths += [("presets", 0, f) for f in data["presets"][0]]
    paths += [("recommendations", 0, f) for f in data["recommendations"][0]]
    paths += [("gaps", "prompts", 0, f) for f in data["gaps"]["prompts"][0]]
    accepted = [p for p in paths
                if jsonschema.Draft202012Validator(schema).is_valid(_without(data, p))]
    assert accepted == []
