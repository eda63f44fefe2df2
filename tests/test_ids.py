"""Portrait ids: unique, stable when files are added, and pinnable in brand.yml."""
from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from conftest import ASTRONAUT, CAMERAMAN
from kitgen.cli import main
from kitgen.ids import unique_ids


def test_ids_never_repeat_even_when_a_name_looks_like_a_suffix():
    # "a b" would have been "a-b-2", which "a-b-2.jpg" also is: two portraits, one id
    ids = unique_ids(["a-b", "a b", "a-b-2"])
    assert len(set(ids)) == 3 and ids[0] == "a-b" and ids[2] == "a-b-2"


def test_a_file_named_as_its_id_keeps_it_when_a_look_alike_arrives():
    assert unique_ids(["a-b"]) == ["a-b"]
    assert unique_ids(["A_B", "a b", "a-b"])[2] == "a-b"  # sorted first, they came later


def test_pinned_ids_are_kept_and_never_given_to_another_file():
    assert unique_ids(["x", "y"], ["y", None]) == ["y", "y-2"]


def _kit(kit_factory, portraits_yml: str):
    brand = ("person: {name: A}\ngoals: [trust]\nplatforms: [tiktok]\n" + portraits_yml)
    kit = kit_factory(brand, [CAMERAMAN])
    shutil.copyfile(ASTRONAUT, kit / "content" / "portraits" / "Studio Shot.png")
    return kit


def test_an_id_pinned_in_brand_yml_names_the_page_and_crops(kit_factory):
    kit = _kit(kit_factory, "portraits:\n  - {file: Studio Shot.png, id: headshot}\n")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert sorted(p["id"] for p in manifest["portraits"]) == ["cameraman", "headshot"]
    assert (kit / "site" / "portraits" / "headshot.html").is_file()
    assert (kit / "site" / "crops" / "headshot" / "tiktok-profile.jpg").is_file()


def test_the_same_id_pinned_twice_is_a_brand_yml_error_at_its_line(kit_factory):
    kit = _kit(kit_factory, "portraits:\n  - {file: Studio Shot.png, id: me}\n"
                            "  - {file: cameraman.png, id: me}\n")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 2
    assert ("content/brand.yml:6: portraits[1].id: 'me' is listed twice (also "
            "portraits[0].id); give each portrait its own") in result.output
    assert not (kit / "site").exists()


def test_unapproving_a_portrait_does_not_pass_its_id_to_another(kit_factory):
    """QA pass 3: with 'a-b.png' unapproved, 'A B.png' became 'a-b' and took its links."""
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [tiktok]\n"
                      "portraits:\n  - {file: a-b.png, approved: false}\n", [])
    # two different images: a copy of an unapproved image is skipped too (QA pass 4)
    for name, image in (("a-b.png", ASTRONAUT), ("A B.png", CAMERAMAN)):
        shutil.copyfile(image, kit / "content" / "portraits" / name)
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [(p["source"], p["id"]) for p in manifest["portraits"]] == [
        ("portraits/A B.png", "a-b-2")]


def test_pinning_the_id_a_file_is_named_by_is_refused(kit_factory):
    kit = _kit(kit_factory, "portraits:\n  - {file: Studio Shot.png, id: cameraman}\n")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 2
    assert ("content/brand.yml:5: portraits[0].id: 'cameraman' is the id of cameraman.png, "
            "named so; choose another") in result.output


def test_an_id_that_is_another_portraits_face_picture_is_refused_with_the_fix(kit_factory):
    """QA pass 4: 'jo.png' and 'jo-faces.jpg' both wrote images/jo-faces.jpg (jo's face
    picture, jo-faces' own picture): one page showed the other's image."""
    import json
    import shutil

    from kitgen.build import build
    from tests.conftest import CAMERAMAN, HOPPER

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [x]\n", [])
    shutil.copyfile(CAMERAMAN, kit / "content" / "portraits" / "jo.png")
    shutil.copyfile(HOPPER, kit / "content" / "portraits" / "jo-faces.jpg")
    report = build(kit, workers=1)
    assert report.exit_code == 1
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["portraits"]] == ["jo"]
    assert data["failed"] == [{"source": "portraits/jo-faces.jpg", "message": (
        "its id 'jo-faces' is the name of jo's face picture in the guide; give it another id "
        "in brand.yml (portraits: - file: jo-faces.jpg, id: jo-faces-photo)")}]
    brand = kit / "content" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8") + "portraits:\n  - file: jo-faces.jpg\n"
                     "    id: jo-faces-photo\n", encoding="utf-8")
    assert build(kit, workers=1).exit_code == 0
    images = kit / "site" / "images"
    assert (images / "jo-faces.jpg").read_bytes() != (images / "jo-faces-photo.jpg").read_bytes()


def test_faces_clashes_names_only_ids_whose_stem_is_another_id():
    from kitgen.ids import faces_clashes

    assert faces_clashes(["jo", "jo-faces", "ann-faces", "faces"]) == {"jo-faces": "jo"}
