"""The brand file: validated as a whole, errors located and explained, schema printed."""
import json
import shutil

import pytest
from click.testing import CliRunner

from kitgen.cli import main
from kitgen.errors import KitError
from kitgen.kitfile.load import load_kit
from tests.conftest import ASTRONAUT

BROKEN = """\
person:
  name: Ada
  identiy: founder
goals: [trust, energi]
platforms: [linkedin]
portraits:
  - file: eileen-collins-nasa.png
    use: [linkdin]
  - file: missing.jpg
"""


def test_every_problem_is_reported_at_once(kit_factory):
    kit = kit_factory(BROKEN, [ASTRONAUT])
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    text = exc.value.format_message()
    assert "4 problem(s)" in text or "3 problem(s)" in text
    assert ("content/brand.yml:3: person.identiy: unknown key 'identiy' "
            "(did you mean 'identity'?)") in text
    assert "content/brand.yml:4: goals[1]: expected one of trust, approachability" in text
    assert "got 'energi' (did you mean 'energy'?)" in text
    assert "content/brand.yml:8: portraits[0].use[0]:" in text
    assert "(did you mean 'linkedin'?)" in text


def test_missing_file_entry_is_named_with_a_suggestion(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nportraits:\n"
                      "  - file: eileen-collins.png\n", [ASTRONAUT])
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert ("content/brand.yml:4: portraits[0].file: no file 'eileen-collins.png' in "
            "content/portraits (did you mean 'eileen-collins-nasa.png'?)") in str(exc.value)


def test_cli_exits_2_with_all_errors_and_no_traceback(kit_factory):
    kit = kit_factory(BROKEN, [ASTRONAUT])
    result = CliRunner().invoke(main, ["build", "--kit", str(kit)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert result.output.count("content/brand.yml:") >= 3


def test_unapproved_portraits_are_skipped_and_say_so(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [calm]\nportraits:\n"
                      "  - {file: eileen-collins-nasa.png, approved: false}\n", [ASTRONAUT])
    loaded = load_kit(kit)
    assert loaded.sources == []
    assert loaded.skipped[0].source == "portraits/eileen-collins-nasa.png"
    assert "not approved" in loaded.skipped[0].message


def test_single_strings_are_accepted_for_lists(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: trust\nplatforms: x\nportraits:\n"
                      "  - {file: eileen-collins-nasa.png, use: press}\n", [ASTRONAUT])
    loaded = load_kit(kit)
    assert loaded.brand.goals == ["trust"]
    assert [p.id for p in loaded.presets] == ["x-profile", "x-header"]
    assert loaded.sources[0].entry.use == ["press"]


def test_custom_presets_join_the_table(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\npresets:\n"
                      "  - {id: event-badge, label: Badge, width: 600, height: 800, "
                      "kind: portrait}\n", [ASTRONAUT])
    ids = [(p.id, p.width, p.height, p.kind) for p in load_kit(kit).presets]
    assert ids == [("github-avatar", 500, 500, "avatar"), ("event-badge", 600, 800, "portrait")]


def test_schema_command_prints_a_json_schema_for_brand_yml():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"].startswith("kitgen brand file")
    assert {"person", "goals", "platforms", "presets", "portraits"} <= set(schema["properties"])
    assert "trust" in json.dumps(schema)


def _refused(kit) -> list[str]:
    """The lines of a CLI build that must stop at brand.yml: exit 2, nothing built."""
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert not (kit / "site").exists()
    return result.output.splitlines()


def test_a_custom_preset_cannot_take_a_built_in_or_a_repeated_id(kit_factory):
    """A custom 'linkedin-profile' overwrote the built-in crop's file at 100x100 while the
    guide called it the 400x400 profile photo; a repeated custom id had no line."""
    kit = kit_factory("person: {name: A}\ngoals: [trust]\npresets:\n"
                      "  - {id: linkedin-profile, label: Dup, width: 100, height: 100, "
                      "kind: avatar}\n"
                      "  - {id: badge, width: 600, height: 800}\n"
                      "  - {id: badge, width: 300, height: 400}\n", [ASTRONAUT])
    assert _refused(kit) == [
        "Error: content/brand.yml: 2 problem(s); fix them and build again:",
        "  content/brand.yml:4: presets[0].id: 'linkedin-profile' is a built-in preset; "
        "choose another id",
        "  content/brand.yml:6: presets[2].id: 'badge' is listed twice (also presets[1].id); "
        "rename one",
    ]


def test_a_goal_platform_use_or_file_given_twice_is_reported_at_its_line(kit_factory):
    """goals: [trust, trust] was built, listing trust twice in kit.json and the guide."""
    kit = kit_factory("person: {name: A}\ngoals: [trust, calm, trust]\nplatforms:\n"
                      "  - github\n  - github\nportraits:\n"
                      "  - {file: eileen-collins-nasa.png, use: [github, github]}\n"
                      "  - file: eileen-collins-nasa.png\n", [ASTRONAUT])
    assert _refused(kit) == [
        "Error: content/brand.yml: 4 problem(s); fix them and build again:",
        "  content/brand.yml:2: goals[2]: 'trust' is listed twice (also goals[0]); "
        "remove the repeat",
        "  content/brand.yml:5: platforms[1]: 'github' is listed twice (also platforms[0]); "
        "remove the repeat",
        "  content/brand.yml:7: portraits[0].use[1]: 'github' is listed twice (also "
        "portraits[0].use[0]); remove the repeat",
        "  content/brand.yml:8: portraits[1].file: 'eileen-collins-nasa.png' is listed twice "
        "(also portraits[0].file); keep one entry",
    ]


def test_an_invalid_value_given_twice_is_reported_once_per_item(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [energi, energi]\n", [ASTRONAUT])
    lines = _refused(kit)
    assert lines[0] == "Error: content/brand.yml: 2 problem(s); fix them and build again:"
    assert all("expected one of" in line for line in lines[1:])


def test_the_editor_schema_flags_repeats_too():
    import jsonschema

    from kitgen.kitfile.schema import json_schema

    validator = jsonschema.Draft202012Validator(json_schema())
    ok = {"person": {"name": "A"}, "goals": ["trust", "calm"], "platforms": ["x", "github"],
          "portraits": [{"file": "a.jpg", "use": ["x", "github"]}]}
    assert list(validator.iter_errors(ok)) == []
    for bad in ({"goals": ["trust", "trust"]}, {"platforms": ["x", "x"]},
                {"portraits": [{"file": "a.jpg", "use": ["x", "x"]}]}):
        assert list(validator.iter_errors(ok | bad)), bad


SUBFOLDER = ("skipped: content/portraits/2024: is a subfolder; its 2 image(s) are not built: "
             "only images directly in content/portraits are portraits (move them there to "
             "build them)")


def test_images_in_a_subfolder_are_named_not_silently_ignored(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [ASTRONAUT])
    portraits = kit / "content" / "portraits"
    (portraits / "2024" / "march").mkdir(parents=True)
    shutil.copyfile(ASTRONAUT, portraits / "2024" / "cat.png")
    shutil.copyfile(ASTRONAUT, portraits / "2024" / "march" / "dog.jpg")
    (portraits / "2024" / "notes.txt").write_text("not an image")
    (portraits / "empty").mkdir()  # no images: nothing to say
    (portraits / ".thumbs").mkdir()  # hidden, like hidden files
    shutil.copyfile(ASTRONAUT, portraits / ".thumbs" / "t.png")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert SUBFOLDER in result.output.splitlines()
    assert "built 1 portrait(s), 1 crop, " in result.output
    assert " 0 failed, 1 skipped in " in result.output
    manifest = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [s["source"] for s in manifest["skipped"]] == ["portraits/2024"]
    assert manifest["skipped"][0]["message"] == SUBFOLDER.split("2024: ", 1)[1]


def test_a_folder_with_images_only_in_subfolders_says_where_they_are(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [trust]\n", [])
    (kit / "content" / "portraits" / "2024").mkdir()
    shutil.copyfile(ASTRONAUT, kit / "content" / "portraits" / "2024" / "cat.png")
    assert _refused(kit) == [
        "Error: content/portraits: no portraits found; add JPEG, PNG, WebP or HEIC files "
        "there (the images in 2024/ are not used: only files directly in the folder are "
        "portraits)"]


def test_a_file_named_in_another_unicode_form_is_found(kit_factory):
    """QA pass 4: a Mac stores 'Zoë Åström.jpg' decomposed (e + combining diaeresis); the same
    name typed in brand.yml was refused as 'no file', with itself as the did-you-mean."""
    import unicodedata

    from tests.conftest import HOPPER

    typed = unicodedata.normalize("NFC", "Zoë Åström.jpg")
    stored = unicodedata.normalize("NFD", typed)
    kit = kit_factory(f"person: {{name: A}}\ngoals: [trust]\nportraits:\n  - file: {typed}\n"
                      "    title: Zoë in the studio\n", [])
    shutil.copyfile(HOPPER, kit / "content" / "portraits" / stored)
    source, = load_kit(kit).sources
    assert source.path.name == stored and source.entry.title == "Zoë in the studio"
    assert source.id == "zoe-astrom"


def test_a_named_pipe_or_a_link_to_nothing_is_refused_by_name(kit_factory):
    import os

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [ASTRONAUT])
    portraits = kit / "content" / "portraits"
    os.mkfifo(portraits / "pipe.jpg")  # opening it waited for a writer: the build hung
    (portraits / "gone.jpg").symlink_to("deleted.jpg")  # was "check its permissions"
    loaded = load_kit(kit)
    assert [s.rel for s in loaded.sources] == ["portraits/eileen-collins-nasa.png"]
    assert [(p.source, p.message) for p in loaded.refused] == [
        ("portraits/gone.jpg", "is a link to deleted.jpg, which does not exist; restore that "
                               "file or remove the link"),
        ("portraits/pipe.jpg", "is not a regular file (a named pipe, socket or device); put "
                               "the image file itself there")]


def test_a_link_to_nothing_added_after_a_build_is_not_missed(kit_factory):
    from kitgen import uptodate

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [ASTRONAUT])
    before = uptodate.digest(kit)
    (kit / "content" / "portraits" / "gone.jpg").symlink_to("deleted.jpg")
    assert uptodate.digest(kit) != before  # else "nothing changed" and no word of the link


def test_an_image_in_a_format_kitgen_does_not_read_is_named_not_ignored(kit_factory):
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [ASTRONAUT])
    portraits = kit / "content" / "portraits"
    (portraits / "studio.avif").write_bytes(b"\0\0\0\x1cftypavif")
    (portraits / "IMG_0001.CR2").write_bytes(b"II*\0")
    (portraits / "CREDITS.md").write_text("not an image: not mentioned")
    assert [(p.source, p.message) for p in load_kit(kit).skipped] == [
        ("portraits/IMG_0001.CR2", "kitgen does not read CR2 files; export it as JPEG, PNG, "
                                   "WebP or HEIC to build it"),
        ("portraits/studio.avif", "kitgen does not read AVIF files; export it as JPEG, PNG, "
                                  "WebP or HEIC to build it")]
    (portraits / ASTRONAUT.name).unlink()
    assert _refused(kit) == [
        "Error: content/portraits: no portraits found; add JPEG, PNG, WebP or HEIC files "
        "there (IMG_0001.CR2, studio.avif: not a format kitgen reads)"]
