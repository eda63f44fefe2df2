"""Brand-file errors (issue 5): each is located, explained with a fix, reported together, and
the CLI exits 2 without a traceback; typed HTML and Markdown never reach the site as markup."""
from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from corpus import LONG_AUDIENCE

from conftest import ASTRONAUT, CAMERAMAN
from kitgen.cli import main
from kitgen.errors import KitError
from kitgen.kitfile.load import load_kit

OK = "person: {name: Ada}\ngoals: [trust]\nplatforms: [linkedin]\n"


def _error(kit) -> str:
    with pytest.raises(KitError) as exc:
        load_kit(kit)
    assert exc.value.exit_code == 2
    return exc.value.format_message()


def _cli(kit) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1"])
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, (AssertionError, TypeError, ValueError))
    return result.exit_code, result.output


def test_invalid_yaml_names_line_and_column(kit_factory):
    kit = kit_factory("person:\n  name: Ada\ngoals: [trust\nplatforms: [linkedin]\n",
                      [ASTRONAUT])
    text = _error(kit)
    assert text == ("content/brand.yml:4:10: invalid YAML: expected ',' or ']', but got ':'; "
                    "fix the syntax at that line")
    code, out = _cli(kit)
    assert code == 2 and out == f"Error: {text}\n"


def test_wrong_types_and_unknown_keys_reported_together(kit_factory):
    kit = kit_factory("person:\n  name: [not, a, string]\n  nmae: Ada\ngoals: 7\n"
                      "platforms: [linkedin]\npresets:\n  - {id: sq, width: wide, height: 100}\n",
                      [ASTRONAUT])
    text = _error(kit)
    lines = text.splitlines()
    assert lines[0] == "content/brand.yml: 4 problem(s); fix them and build again:"
    assert "  content/brand.yml:2: person.name: input should be a valid string" in lines
    assert ("  content/brand.yml:3: person.nmae: unknown key 'nmae' (did you mean 'name'?); "
            "known keys: name, identity, bio") in lines
    assert "  content/brand.yml:4: goals: input should be a valid list, got 7" in lines
    assert ("  content/brand.yml:7: presets[0].width: input should be a valid integer, unable "
            "to parse string as an integer, got 'wide'") in lines


def test_texts_over_the_limit_say_the_limit(kit_factory):
    kit = kit_factory("person: {name: " + "A" * 201 + "}\ngoals: [trust]\n", [ASTRONAUT])
    text = _error(kit)
    assert "content/brand.yml:1: person.name: string should have at most 200 characters" in text
    assert "A" * 61 not in text  # the echoed input is shortened


def test_missing_portraits_folder(kit_factory):
    kit = kit_factory(OK + "portraits_dir: photos\n", [])
    assert _error(kit) == ("content/photos: folder missing; create it and add portraits "
                           "(JPEG, PNG, WebP or HEIC)")
    assert _cli(kit)[0] == 2


def test_empty_portraits_folder(kit_factory):
    kit = kit_factory(OK, [])
    (kit / "content" / "portraits" / "notes.txt").write_text("not a portrait")
    assert _error(kit) == ("content/portraits: no portraits found; add JPEG, PNG, WebP or HEIC "
                           "files there")


@pytest.mark.parametrize("where", ["../../elsewhere", "/tmp"])
def test_portraits_dir_escaping_the_kit_is_refused(kit_factory, where):
    kit = kit_factory(OK + f"portraits_dir: {where}\n", [ASTRONAUT])
    assert _error(kit) == (f"content/brand.yml: portraits_dir: '{where}' is outside content/; "
                           "use a folder inside content/")


def test_portraits_dir_symlink_escaping_the_kit_is_refused(kit_factory, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    kit = kit_factory(OK + "portraits_dir: linked\n", [ASTRONAUT])
    os.symlink(outside, kit / "content" / "linked")
    assert "'linked' is outside content/" in _error(kit)


def test_usage_errors_exit_2():
    result = CliRunner().invoke(main, ["build", "--workers", "0"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert CliRunner().invoke(main, ["no-such-command"]).exit_code == 2


def test_not_a_kit_exits_2(tmp_path):
    code, out = _cli(tmp_path)
    assert code == 2
    assert out.startswith(f"Error: {tmp_path.resolve()}: no content/brand.yml here;")


def test_typed_html_and_markdown_are_escaped_in_the_site(corpus):
    html = (corpus.site / "index.html").read_text(encoding="utf-8")
    pages = [p.read_text(encoding="utf-8") for p in corpus.site.rglob("*.html")]
    for raw in ("<script>alert('name')</script>", "<script>alert('title')</script>",
                "<img src=x onerror", "<iframe src=evil>", "<b>Reference</b>"):
        assert all(raw not in page for page in pages), raw
    assert all('href="javascript:' not in page for page in pages)
    assert "&lt;script&gt;alert(" in html  # shown as text
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<strong>Bold</strong>" not in html and "<em>under</em>" not in html
    portrait = next(p for p in pages if "Notes with" in p)
    assert "&lt;iframe src=evil&gt;&lt;/iframe&gt;" in portrait


def test_very_long_text_is_kept_whole(corpus):
    html = (corpus.site / "index.html").read_text(encoding="utf-8")
    assert len(LONG_AUDIENCE) == 500
    assert LONG_AUDIENCE.strip() in " ".join(html.split())
    assert corpus.manifest["audience"] == LONG_AUDIENCE.strip()


def test_an_empty_goal_list_names_the_goals_to_choose_from(kit_factory):
    """It read 'list should have at least 1 item after validation, not 0' (QA pass 4)."""
    kit = kit_factory("person: {name: Ada}\ngoals: []\nplatforms: [linkedin]\n", [ASTRONAUT])
    assert _error(kit) == (
        "content/brand.yml: 1 problem(s); fix them and build again:\n"
        "  content/brand.yml:2: goals: is empty; list at least one: trust, approachability, "
        "authority, creativity, aspiration, calm, energy, nostalgia")


def test_a_portrait_file_listed_in_other_case_is_suggested(kit_factory):
    """QA pass 4: 'CAMERAMAN.PNG' for cameraman.png (fine on a disk that ignores case) was
    told 'no file' with no suggestion."""
    kit = kit_factory("person: {name: A}\ngoals: [trust]\nportraits:\n  - file: CAMERAMAN.PNG\n",
                      [ASTRONAUT, CAMERAMAN])
    result = CliRunner().invoke(main, ["build", "--kit", str(kit)])
    assert result.exit_code == 2
    assert ("content/brand.yml:4: portraits[0].file: no file 'CAMERAMAN.PNG' in "
            "content/portraits (did you mean 'cameraman.png'?)") in result.output


def _laughs(levels: int) -> str:
    """The "billion laughs": each anchor is nine aliases of the one before."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\nperson: {name: Ada}\ngoals: [trust]\n"


def test_an_alias_bomb_is_refused_at_its_line_without_expanding(kit_factory):
    kit = kit_factory(_laughs(9), [ASTRONAUT])  # 387 million values: the build hung
    assert _error(kit) == ("content/brand.yml:6: aliases repeat this value into more than "
                           "100000 values; write it out once instead of through aliases (*name)")


def test_an_alias_inside_its_own_anchor_is_refused(kit_factory):
    kit = kit_factory("person: {name: Ada}\ngoals: &g [trust, *g]\n", [ASTRONAUT])
    assert _error(kit) == ("content/brand.yml:2: this anchor (&name) is used inside itself, "
                           "so the value never ends; remove the alias (*name) inside it")
    code, out = _cli(kit)  # was a RecursionError traceback
    assert code == 2 and out.startswith("Error: content/brand.yml:2: this anchor")


def test_deeply_nested_values_are_one_line(kit_factory):
    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\naudience: "
                      + "[" * 2000 + "]" * 2000 + "\n", [ASTRONAUT])
    assert "nested too deeply" in _error(kit)


def test_aliases_that_repeat_a_little_still_work(kit_factory):
    kit = kit_factory("person: {name: Ada}\ngoals: &g [trust]\nplatforms: [linkedin]\n"
                      "presets:\n  - &p {id: badge, width: 600, height: 800}\n"
                      "portraits:\n  - {file: eileen-collins-nasa.png, use: &u [linkedin]}\n",
                      [ASTRONAUT])
    assert load_kit(kit).presets[-1].id == "badge"


def test_an_unknown_key_with_a_block_value_is_reported_at_the_key(kit_factory):
    kit = kit_factory("persn:\n  name: Ada\ngoals: [trust]\n", [ASTRONAUT])
    assert any(line.startswith("  content/brand.yml:1: persn: unknown key 'persn' (did you "
                               "mean 'person'?)") for line in _error(kit).splitlines())


@pytest.mark.parametrize("what", ["link", "file"])
def test_a_site_that_is_a_link_or_a_file_is_refused_and_left_alone(kit_factory, tmp_path, what):
    kit = kit_factory(OK, [ASTRONAUT])
    target = tmp_path / "www"  # say, a web server's folder the user linked site/ to
    target.mkdir()
    (target / "index.html").write_text("served")
    if what == "link":
        (kit / "site").symlink_to(target)
    else:
        (kit / "site").write_text("notes")
    code, out = _cli(kit)
    # was exit 0, the link (or the file) silently replaced by a folder
    assert code == 2
    if what == "link":
        assert out == (f"Error: {kit / 'site'}: is a link to {target}; a build replaces site/ "
                       "whole and would put a folder in the link's place; remove the link "
                       "(copy or serve this kit's site/ instead), then build again\n")
        assert os.readlink(kit / "site") == str(target)
    else:
        assert out == (f"Error: {kit / 'site'}: is a file, not a built guide; a build would "
                       "delete it to make the site/ folder; move or rename it, then build "
                       "again\n")
        assert (kit / "site").read_text() == "notes"
    assert [p.name for p in target.iterdir()] == ["index.html"]


@pytest.mark.parametrize("folder", ["cache", "work", "staging"])
def test_a_file_in_place_of_a_state_folder_is_one_line(kit_factory, folder):
    kit = kit_factory(OK, [ASTRONAUT])
    (kit / ".kitgen").mkdir()
    (kit / ".kitgen" / folder).write_text("stray")
    code, out = _cli(kit)  # were tracebacks, or every portrait failed ("re-export the image")
    assert code == 2
    assert out == (f"Error: {kit / '.kitgen' / folder}: is a file where kitgen keeps a folder; "
                   "delete it (all of .kitgen/ is safe to delete), then build again\n")


@pytest.mark.parametrize("unreadable", ["content/brand.yml", "content/portraits", "mkdocs.yml"])
def test_a_kit_file_kitgen_may_not_read_is_one_line(kit_factory, unreadable,
                                                    kitgen_unprivileged):
    kit = kit_factory(OK, [ASTRONAUT])
    (kit / "mkdocs.yml").write_text("site_name: x\n")
    target = kit / unreadable
    target.chmod(0)
    try:
        done = kitgen_unprivileged("build", "--kit", str(kit), "-j", "1", "-q")
    finally:
        target.chmod(0o755 if target.is_dir() else 0o644)
    assert "Traceback" not in done.stderr  # was a PermissionError traceback
    assert done.returncode == 2
    assert done.stderr == (f"Error: {target}: cannot be read (permission denied); make it "
                           "readable, then run kitgen again\n")


def test_values_are_quoted_as_brand_yml_spells_them(kit_factory):
    """QA pass 4: 'got a number with a fractional part, got 16.5', 'got True' for true and
    'got datetime.date(2024, 1, 1)' for a date YAML read."""
    kit = kit_factory(OK + "presets:\n"
                      "  - {id: a, label: A, width: 16.5, height: 100}\n"
                      "  - {id: b, label: B, width: true, height: 100}\n"
                      "  - {id: c, label: C, width: 2024-01-01, height: 100}\n", [ASTRONAUT])
    lines = _error(kit).split("\n")[1:]
    assert lines == [
        "  content/brand.yml:5: presets[0].width: input should be a valid integer, got a number "
        "with a fractional part (16.5)",
        "  content/brand.yml:6: presets[1].width: input should be greater than or equal to 16, "
        "got true",
        "  content/brand.yml:7: presets[2].width: input should be a valid integer, got "
        "2024-01-01 (a date)"]


def test_a_key_left_without_a_value_says_so(kit_factory):
    """QA pass 4: 'audience:' with nothing after it was 'input should be a valid string'."""
    kit = kit_factory("person: {name: Ada, bio: }\ngoals: [trust]\naudience:\n", [ASTRONAUT])
    assert _error(kit).split("\n")[1:] == [
        "  content/brand.yml:1: person.bio: has no value; write one after the colon, or remove "
        "the line",
        "  content/brand.yml:3: audience: has no value; write one after the colon, or remove the "
        "line"]
