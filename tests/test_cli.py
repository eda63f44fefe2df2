"""The CLI as users run it: help everywhere, init -> build, analyse, exit codes."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from kitgen import __version__
from kitgen.cli import main
from tests.conftest import ASTRONAUT, CAMERAMAN

KITGEN = [sys.executable, "-m", "kitgen"]


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"kitgen, version {__version__}"


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: main " + command in result.output or f"Usage: kitgen {command}" in result.output
    assert len(main.commands[command].help or "") > 20


def test_the_verbs_users_expect_exist():
    assert {"init", "build", "serve", "analyse", "schema"} <= set(main.commands)


def test_init_then_drop_one_portrait_then_build(tmp_path):
    kit = tmp_path / "new kit"
    out = subprocess.run([*KITGEN, "init", str(kit), "--name", "Ada Q"], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    brand = (kit / "content" / "brand.yml").read_text(encoding="utf-8")
    assert 'name: "Ada Q"' in brand and "# What the portraits should make people feel" in brand
    # Empty portraits folder: a clear usage error, not a crash.
    empty = subprocess.run([*KITGEN, "build", "--kit", str(kit)], capture_output=True, text=True)
    assert empty.returncode == 2
    assert "content/portraits: no portraits found" in empty.stderr
    assert "Traceback" not in empty.stderr
    shutil.copyfile(ASTRONAUT, kit / "content" / "portraits" / "me.png")
    text = (kit / "content" / "brand.yml").read_text(encoding="utf-8")
    (kit / "content" / "brand.yml").write_text(text + "platforms: [linkedin]\n", encoding="utf-8")
    built = subprocess.run([*KITGEN, "build", "--kit", str(kit)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("built 1 portrait(s), 2 crops")
    # piped: no progress bar and no native log chatter, only kitgen's own warning lines
    assert all(line.startswith("warning: content/portraits/me.png: ")
               for line in built.stderr.splitlines()), built.stderr
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert data["person"]["name"] == "Ada Q"
    assert [c["preset"] for c in data["portraits"][0]["crops"]] == ["linkedin-profile",
                                                                   "linkedin-banner"]
    assert (kit / "site" / "portraits" / "me.html").is_file()


def test_init_refuses_an_existing_kit(tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "k")]).exit_code == 0
    again = runner.invoke(main, ["init", str(tmp_path / "k")])
    assert again.exit_code == 2
    assert "a kit already exists here" in again.output


def test_build_outside_a_kit_says_what_to_do(tmp_path):
    result = CliRunner().invoke(main, ["build", "--kit", str(tmp_path)])
    assert result.exit_code == 2
    assert "no content/brand.yml here" in result.output and "kitgen init" in result.output


def test_analyse_prints_records_without_a_site(tmp_path):
    bad = tmp_path / "notes.jpg"
    bad.write_text("not an image")
    out = subprocess.run([*KITGEN, "analyse", str(ASTRONAUT), str(CAMERAMAN), str(bad),
                          "--json"], capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 1  # one input could not be used
    data = json.loads(out.stdout)
    ids = [p["id"] for p in data["portraits"]]
    assert ids == ["eileen-collins-nasa", "cameraman"]
    assert data["portraits"][0]["faces"][0]["score"] > 0.5
    assert len(data["portraits"][0]["crops"]) >= 15
    assert data["failed"][0]["source"].endswith("notes.jpg")
    assert "not an image" in data["failed"][0]["message"]
    assert not (tmp_path / "site").exists()


def test_the_build_command_ends_its_process_without_interpreter_teardown(tmp_path):
    """kitgen build, run as the program, leaves through os._exit once its output is flushed
    (atexit handlers do not run); called from Python, it leaves through SystemExit."""
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n", [CAMERAMAN])
    script = ("import atexit, sys\n"
              "atexit.register(lambda: print('teardown ran', flush=True))\n"
              "from kitgen.cli import entry\n"
              f"sys.argv = ['kitgen', 'build', '--kit', {str(kit)!r}]\n"
              "entry()\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("built 1 portrait(s)") and "teardown ran" not in out.stdout
    version = subprocess.run([sys.executable, "-c", script.replace(
        f"['kitgen', 'build', '--kit', {str(kit)!r}]", "['kitgen', '--version']")],
        capture_output=True, text=True)
    assert "teardown ran" in version.stdout
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-q"])
    assert result.exit_code == 0  # in-process: a SystemExit, the caller's process goes on


def test_a_broken_mkdocs_yml_is_one_line_naming_the_file_and_the_fix(tmp_path):
    """MkDocs' own log line is not printed beside kitgen's error, which quotes it."""
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n", [CAMERAMAN])
    with (kit / "mkdocs.yml").open("a", encoding="utf-8") as f:
        f.write("plugins: [no-such-plugin]\n")
    out = subprocess.run(KITGEN + ["build", "-q", "--kit", str(kit)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 2  # nothing built
    assert out.stderr.splitlines() == [
        "Error: mkdocs.yml: plugins: The \"no-such-plugin\" plugin is not installed; fix "
        "mkdocs.yml and build again"]


def test_the_program_keeps_numpy_to_one_thread():
    """kitgen parallelises by portrait; as the program, it limits NumPy's BLAS to one thread
    before NumPy loads (kitgen.workers.THREAD_LIMITS). Without that, OpenBLAS starts a thread
    per core."""
    threads = ("import numpy\n"
               "print(open('/proc/self/status').read().split('Threads:')[1].split()[0])\n")
    script = ("import kitgen.cli as cli\n"
              f"def count():\n    exec({threads!r})\n"
              "cli.main = count\n")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    run = [sys.executable, "-c"]
    limited = subprocess.run(run + [script + "cli.entry()\n"], capture_output=True,
                             text=True, env=env)
    assert limited.stdout.split() == ["1"], limited.stderr
    if (os.cpu_count() or 1) > 1:  # the same process, called as a library: not limited
        plain = subprocess.run(run + [script + "cli.main()\n"], capture_output=True,
                               text=True, env=env)
        assert int(plain.stdout) > 1, plain.stderr


def test_a_build_with_nothing_to_do_is_answered_without_click(tmp_path):
    """The program answers an unchanged kit before importing Click (kitgen.program), with the
    lines and exit code Click's run of the same command gives; a failed portrait included."""
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n",
                   [CAMERAMAN, ASTRONAUT])
    (kit / "content" / "portraits" / "broken.jpg").write_bytes(b"not a jpeg")
    first = subprocess.run(KITGEN + ["build", "--kit", str(kit)], capture_output=True,
                           text=True)
    assert first.returncode == 1 and "Error: content/portraits/broken.jpg" in first.stderr
    fast = subprocess.run(KITGEN + ["build", "--kit", str(kit)],
                          capture_output=True, text=True)
    via_click = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom kitgen.cli import main\n"
                               f"main(['build', '--kit', {str(kit)!r}])"],
        capture_output=True, text=True)
    assert fast.returncode == via_click.returncode == 1
    assert "(nothing changed since the last build)" in fast.stdout
    assert fast.stdout == via_click.stdout and fast.stderr == via_click.stderr
    assert "warning: content/portraits/" in fast.stderr
    imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "kitgen", "build", "-q",
                              f"--kit={kit}"], capture_output=True, text=True)
    assert imports.returncode == 1 and imports.stdout == ""
    assert "kitgen.uptodate" in imports.stderr and " click" not in imports.stderr


def test_anything_else_goes_to_click(tmp_path):
    from conftest import make_kit

    from kitgen.program import answer_unchanged

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n", [CAMERAMAN])
    assert answer_unchanged(["build", "--kit", str(kit)]) is None  # never built: a build
    subprocess.run(KITGEN + ["build", "-q", "--kit", str(kit)], check=True)
    assert answer_unchanged(["build", "-q", "--kit", str(kit)]) == 0
    for args in (["build", "-j", "2", "--kit", str(kit)], ["build", "-v", "--kit", str(kit)],
                 ["build", "--kit", str(kit / "missing")], ["build", "--help"], ["serve"],
                 ["build", "--kit"], []):
        assert answer_unchanged(args) is None, args
    (kit / "content" / "brand.yml").write_text("person:\n  name: Ada R\ngoals: [trust]\n",
                                               encoding="utf-8")
    assert answer_unchanged(["build", "-q", "--kit", str(kit)]) is None  # changed: a build


def test_init_under_a_file_is_one_line(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file")
    result = CliRunner().invoke(main, ["init", str(blocker / "kit")])
    assert result.exit_code == 2
    assert result.output == (f"Error: {blocker / 'kit'}: cannot write ({blocker} is a file, "
                             f"not a folder); move {blocker} away, or choose another folder\n")


def test_init_into_a_read_only_folder_is_one_line(tmp_path, kitgen_unprivileged):
    target = tmp_path / "kit"
    target.mkdir(mode=0o555)
    try:
        result = kitgen_unprivileged("init", str(target))
    finally:
        target.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {target}: cannot write (permission denied); make "
                             f"{target} writable, or choose another folder\n")
    assert list(target.iterdir()) == []


@pytest.mark.parametrize("name", ["", "   "])
def test_init_refuses_a_blank_name(tmp_path, name):
    """Every build of such a kit failed on person.name; init says so, and writes nothing."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "k"), "--name", name])
    assert result.exit_code == 2
    assert result.output == ("Error: --name: the person's name is empty; give the name the "
                             "kit is for, e.g. --name \"Ada Lovelace\"\n")
    assert not (tmp_path / "k").exists()


def test_a_kit_whose_state_folder_cannot_be_made_is_one_line(tmp_path):
    """.kitgen/ is the first thing a build writes; a file in its place (or, for anyone but
    root, a read-only kit folder) stops the build with one line and exit 2."""
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n", [CAMERAMAN])
    (kit / ".kitgen").write_text("not a folder")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit)])
    assert result.exit_code == 2
    state = kit / ".kitgen"
    assert result.output == (f"Error: {state}: cannot write ({state} is a file, not a "
                             f"folder); move {state} away, then build again\n")
    assert not (kit / "site").exists()


def test_a_read_only_kit_folder_is_one_line(tmp_path, kitgen_unprivileged):
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n", [CAMERAMAN])
    kit.chmod(0o555)
    try:
        result = kitgen_unprivileged("build", "--kit", str(kit))
    finally:
        kit.chmod(0o755)
    assert result.returncode == 2
    assert result.stderr == (f"Error: {kit / '.kitgen'}: cannot write (permission denied); "
                             f"make {kit} writable, then build again\n")
    assert not (kit / "site").exists()


def test_a_site_that_cannot_be_put_in_place_is_one_line(tmp_path, monkeypatch):
    """The guide is built in .kitgen/ and swapped in as site/; when the kit folder lets the
    one but not the other be written, the swap's PermissionError becomes one line, exit 2.
    (The swap is made to fail here: root may write anywhere.)"""
    import errno

    import kitgen.site
    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n"
                                     "platforms: [linkedin]\n", [CAMERAMAN])

    def refused(built):
        raise PermissionError(errno.EACCES, "Permission denied", str(built.path))

    monkeypatch.setattr(kitgen.site, "finish_site", refused)
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-q"])
    assert result.exit_code == 2
    assert result.output == (f"Error: {kit / 'site'}: cannot write (permission denied); "
                             f"make {kit} writable, then build again\n")


def test_verbose_shows_kitgen_s_debug_lines_not_other_libraries(tmp_path):
    """-v is for kitgen's own steps: Markdown's and Pillow's DEBUG lines were 200 of 220."""
    import re

    from conftest import make_kit

    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n"
                                     "platforms: [linkedin]\n", [CAMERAMAN])
    out = subprocess.run(KITGEN + ["build", "-v", "--kit", str(kit)], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stderr
    logged = re.findall(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) ([\w.]+): ", out.stderr, re.M)
    assert ("DEBUG", "kitgen.build") in logged
    assert [(level, name) for level, name in logged
            if level in ("DEBUG", "INFO") and not name.startswith("kitgen")] == []
    # the build's steps, each with its time (QA pass 2: one line explained very little)
    steps = re.findall(r"^DEBUG kitgen\.build: (.*)$", out.stderr, re.M)
    assert any(re.search(r": 1 portrait\(s\) planned, 0 refused or duplicates, 2 format\(s\); "
                         r"[\d.]+ s in$", line) for line in steps), steps
    assert any(line.startswith("portraits done at ") for line in steps), steps
    assert any(re.fullmatch(r"site/ in place at [\d.]+ s: \d+ page\(s\) rendered \(a page "
                            r"the last site already had is kept\)", line) for line in steps), steps
    assert any(line.startswith("1 portrait(s) to analyse: one at a time in this process, ")
               for line in steps), steps
    again = subprocess.run(KITGEN + ["build", "-v", "--kit", str(kit)], capture_output=True,
                           text=True)
    assert re.search(r"^DEBUG kitgen\.build: .*: nothing changed since the last build ",
                     again.stderr, re.M), again.stderr


@pytest.mark.parametrize("name, said", [
    ("a" * 201, "Error: --name: the name should have at most 200 characters (it has 201); "
                "give a shorter name, then add details to the bio in brand.yml\n"),
    ("two\nlines", "Error: --name: the name has a line break or tab; give it on one line\n"),
])
def test_init_refuses_a_name_the_brand_file_would_not_take(tmp_path, name, said):
    """QA pass 2: init wrote such names, then every build refused (or folded) them."""
    result = CliRunner().invoke(main, ["init", str(tmp_path / "k"), "--name", name])
    assert result.exit_code == 2
    assert result.output == said
    assert not (tmp_path / "k").exists()
    ok = CliRunner().invoke(main, ["init", str(tmp_path / "k"), "--name", "a" * 200])
    assert ok.exit_code == 0


def test_init_names_a_command_a_shell_runs_for_a_folder_with_a_space(tmp_path):
    """QA pass 4: "run 'kitgen build --kit new kit é'" passed 'new' to --kit."""
    import shlex

    kit = tmp_path / "new kit é"
    result = CliRunner().invoke(main, ["init", str(kit)])
    assert result.exit_code == 0, result.output
    command = result.output.rstrip("\n").rsplit("and run: ", 1)[1]
    assert shlex.split(command) == ["kitgen", "build", "--kit", str(kit)]


def test_build_inside_a_spaced_kits_content_quotes_the_kit_it_names(tmp_path):
    import shlex

    kit = tmp_path / "Zoë kit"
    assert CliRunner().invoke(main, ["init", str(kit)]).exit_code == 0
    result = CliRunner().invoke(main, ["build", "--kit", str(kit / "content")])
    assert result.exit_code == 2
    said = result.output.rstrip("\n").rsplit("pass --kit ", 1)[1]
    assert shlex.split(said) == [str(kit.resolve())]


def test_analyse_goes_on_past_an_image_that_fails_unexpectedly(tmp_path):
    """As a build's worker does: an image that fails in a way kitgen did not foresee (here a
    cut multi-page TIFF, a TypeError inside Pillow) is listed under failed and the others are
    analysed; it was a traceback that lost every record."""
    from PIL import Image

    with Image.open(ASTRONAUT) as img:
        page = img.convert("RGB")
    whole = tmp_path / "whole.tif"
    page.save(whole, save_all=True, append_images=[page, page])
    cut = tmp_path / "cut.tif"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    out = subprocess.run([*KITGEN, "analyse", str(cut), str(CAMERAMAN), "--json"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    data = json.loads(out.stdout)
    assert [p["id"] for p in data["portraits"]] == ["cameraman"]
    assert data["failed"] == [{"source": str(cut), "message": "is damaged (TypeError: Missing "
                                                             "dimensions); export the image "
                                                             "again"}]


def test_a_kit_folder_that_does_not_exist_is_named_as_such(tmp_path):
    """QA pass 4: a mistyped --kit was told 'no content/brand.yml here', as if it existed."""
    missing = tmp_path / "clinet-a"
    for verb in ("build", "pack"):
        result = CliRunner().invoke(main, [verb, "--kit", str(missing)])
        assert result.exit_code == 2
        assert result.output == (f"Error: {missing}: no such folder; check the path given to "
                                 "--kit, or create a kit there with 'kitgen init DIR'\n")
