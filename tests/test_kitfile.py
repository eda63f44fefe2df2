"""The brand file: validated as a whole, errors located and explained, schema printed."""
import json

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
