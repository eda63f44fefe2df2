"""The README documents every command and the manifest's fields."""
from pathlib import Path

from kitgen.cli import main
from kitgen.manifest import manifest_schema

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"`kitgen {name}" in README, name


def test_every_manifest_field_is_documented():
    schema = manifest_schema()
    for field in schema["properties"]:
        assert f"`{field}`" in README, field
    for field in schema["$defs"]["portrait"]["properties"]:
        assert f"`{field}`" in README, field


def test_readme_starts_with_the_two_commands():
    blocks = README.split("```sh\n")
    assert blocks[1].startswith("python3 -m venv .venv && .venv/bin/pip install -e . && "
                                ".venv/bin/kitgen build")
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text(encoding="utf-8")
    second = blocks[2].split("\n")[0]
    assert second in ci
