"""What first users met: a coach's scaffolded kit, an agency's editor schema, pack and serve,
and a careless user's brand file. Each test failed before the fix it guards."""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from conftest import ASTRONAUT, HOPPER, make_kit
from PIL import Image

from kitgen.cli import main
from kitgen.freshness import stale_reason
from kitgen.guide.pages import environment, factor
from kitgen.kitfile.load import load_kit
from kitgen.kitfile.schema import json_schema

COACH_BRAND = """\
person: {name: Maya Okafor-Lind, identity: coach}
goals: [trust, energy]
platforms: [email]
presets:
  - {id: event-badge, label: Event badge, width: 300, height: 400, kind: portrait}
portraits:
  - {file: with-colleague.jpg, title: With a colleague, subject: 1}
"""


def _two_faces(path: Path) -> Path:
    """Grace Hopper (the larger face) beside a smaller Eileen Collins on a grey wall."""
    canvas = Image.new("RGB", (1100, 620), (200, 205, 210))
    canvas.paste(Image.open(HOPPER).convert("RGB"), (10, 10))
    canvas.paste(Image.open(ASTRONAUT).convert("RGB").resize((420, 420)), (620, 150))
    canvas.save(path, quality=90)
    return path


@pytest.fixture(scope="module")
def coach_site(tmp_path_factory) -> Path:
    from kitgen.build import build

    kit = make_kit(tmp_path_factory.mktemp("coach"), COACH_BRAND, [ASTRONAUT])
    _two_faces(kit / "content" / "portraits" / "with-colleague.jpg")
    report = build(kit, workers=1)
    assert not report.failed
    return kit / "site"


# --- the coach: what the guide shows --------------------------------------------------------

def test_custom_presets_get_a_readable_heading_and_labels_are_not_double_bracketed(coach_site):
    html = (coach_site / "platforms.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="[^"]*">([^<]*)', html)
    assert headings == ["Email signature", "Custom formats"]
    assert "Email signature (2x retina, 300×300)" in html
    assert "(2x retina) (" not in html
    assert "Event badge (300×400)" in html


def test_two_face_portrait_page_explains_the_pictures_and_the_subject_index(coach_site):
    html = (coach_site / "portraits" / "with-colleague.html").read_text(encoding="utf-8")
    assert "First, the portrait as approved; then the faces kitgen found" in html
    assert "the subject in yellow, the others in white" in html
    assert "2 (subject: face 1, counting from 0 by size" in html
    assert "n/a from the top" not in html


def test_portrait_cards_put_title_and_size_on_separate_lines(coach_site):
    html = (coach_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r"With a colleague</a></strong></p>\s*<p>1100 × 620 px · 2 crops", html)


@pytest.mark.parametrize("value, shown", [(1.02, "×1.02"), (1.04, "×1.04"), (1.333, "×1.3"),
                                          (5.9, "×5.9"), (1.06, "×1.1")])
def test_upscale_factor_never_reads_one(value, shown):
    assert factor(value) == shown


def test_upscaled_flag_shows_small_factors_and_says_what_it_means(kit_factory):
    kit = load_kit(kit_factory("person: {name: A}\ngoals: [trust]\n", [ASTRONAUT]))
    flag = environment(kit).get_template("_flags.md.j2").module.upscaled_flag(
        SimpleNamespace(upscale_factor=1.02))
    assert ">upscaled ×1.02</span>" in str(flag)
    assert "a larger original fixes it" in str(flag)


CHROMIUM = Path("/usr/bin/chromium")


# Its own process: the browser tests' session keeps Playwright's sync loop running in this one.
MEASURE = """
import json, sys
from playwright.sync_api import sync_playwright
with sync_playwright() as pw:
    browser = pw.chromium.launch(executable_path=sys.argv[1], args=[
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(sys.argv[2])
    print(json.dumps(page.eval_on_selector_all(
        ".kg-crops figure", "els => els.map(e => e.getBoundingClientRect().width)")))
    browser.close()
"""


@pytest.mark.skipif(not CHROMIUM.exists() and not os.environ.get("CI"),
                    reason="/usr/bin/chromium is not installed; CI always runs this")
def test_crops_in_one_grid_show_at_one_width_whatever_their_caption(example_build):
    kit, _ = example_build
    page_file = kit / "site" / "portraits" / "eileen-collins-nasa.html"
    done = subprocess.run([sys.executable, "-c", MEASURE, str(CHROMIUM), page_file.as_uri()],
                          capture_output=True, text=True, check=True, timeout=120)
    widths = json.loads(done.stdout)
    assert len(widths) > 10
    assert max(widths) - min(widths) < 1.0, widths


# --- the agency: editor schema, pack, serve --------------------------------------------------

def test_schema_accepts_the_single_values_the_loader_accepts_and_rejects_typos(tmp_path):
    validator = jsonschema.Draft202012Validator(json_schema())
    short = {"person": {"name": "A"}, "goals": "trust", "platforms": "linkedin",
             "portraits": [{"file": "a.jpg", "use": "instagram"}]}
    assert list(validator.iter_errors(short)) == []
    kit = make_kit(tmp_path / "kit", yaml.safe_dump(short), [ASTRONAUT])
    (kit / "content" / "portraits" / ASTRONAUT.name).rename(kit / "content/portraits/a.jpg")
    loaded = load_kit(kit)
    assert loaded.brand.goals == ["trust"] and loaded.sources[0].entry.use == ["instagram"]
    assert list(validator.iter_errors({**short, "goals": ["energi"]}))
    assert list(validator.iter_errors({**short, "platforms": ["linkdin"]}))


def test_init_writes_the_schema_the_brand_file_points_at_and_it_validates(tmp_path):
    result = CliRunner().invoke(main, ["init", str(tmp_path / "kit"), "--name", "Zoë"])
    assert result.exit_code == 0, result.output
    content = tmp_path / "kit" / "content"
    brand_text = (content / "brand.yml").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=brand.schema.json" in brand_text
    schema = json.loads((content / "brand.schema.json").read_text(encoding="utf-8"))
    assert schema == json_schema()
    jsonschema.validate(yaml.safe_load(brand_text), schema,
                        cls=jsonschema.Draft202012Validator)


def test_init_adds_to_an_existing_gitignore_and_keeps_restyled_theme_files(tmp_path):
    kit = tmp_path / "kit"
    (kit / "themes" / "assets").mkdir(parents=True)
    (kit / "themes" / "assets" / "kitgen.css").write_text("/* agency */\n", encoding="utf-8")
    (kit / ".gitignore").write_text("node_modules/\nsite/", encoding="utf-8")
    assert CliRunner().invoke(main, ["init", str(kit)]).exit_code == 0
    assert (kit / "themes" / "assets" / "kitgen.css").read_text() == "/* agency */\n"
    assert (kit / "themes" / "pages" / "index.md.j2").is_file()
    assert (kit / ".gitignore").read_text().splitlines() == [
        "node_modules/", "site/", ".kitgen/", "*-brand-kit.zip"]


def test_the_zip_pack_writes_into_a_new_kit_is_ignored_by_git(tmp_path):
    kit = tmp_path / "kit"
    assert CliRunner().invoke(main, ["init", str(kit), "--name", "Ada L"]).exit_code == 0
    subprocess.run(["git", "init", "-q", str(kit)], check=True)
    for name in ("ada-l-brand-kit.zip", "site/index.html", ".kitgen/cache/x"):
        assert subprocess.run(["git", "-C", str(kit), "check-ignore", "-q", name],
                              check=False).returncode == 0
    assert subprocess.run(["git", "-C", str(kit), "check-ignore", "-q",
                           "content/brand.yml"], check=False).returncode == 1


def test_site_is_stale_when_content_is_newer_than_its_manifest(kit_factory):
    root = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [linkedin]\n", [ASTRONAUT])
    kit = load_kit(root)
    site = root / "site"
    assert stale_reason(kit, site).startswith("no built site")
    site.mkdir()
    (site / "kit.json").write_text("{}", encoding="utf-8")
    now = time.time()
    for path in [*root.rglob("*")]:
        os.utime(path, (now - 100, now - 100))
    os.utime(site / "kit.json", (now, now))
    assert stale_reason(kit, site) is None
    os.utime(root / "content" / "brand.yml", (now + 5, now + 5))
    assert stale_reason(kit, site) == "content/brand.yml changed since the last build"


def test_pack_rebuilds_a_site_older_than_a_newly_added_portrait(kit_factory):
    root = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [linkedin]\n",
                       [ASTRONAUT])
    runner = CliRunner()
    assert runner.invoke(main, ["build", "--kit", str(root), "-q", "-j", "1"]).exit_code == 0
    shutil.copyfile(HOPPER, root / "content" / "portraits" / HOPPER.name)
    later = (root / "site" / "kit.json").stat().st_mtime + 10  # whatever the clock's grain
    os.utime(root / "content" / "portraits", (later, later))
    result = runner.invoke(main, ["pack", "--kit", str(root)])
    assert result.exit_code == 0, result.output
    assert "content/portraits changed since the last build; building it first" in result.output
    with zipfile.ZipFile(root / "ada-brand-kit.zip") as zf:
        crops = {n.split("/")[-1].split("--")[0] for n in zf.namelist()
                 if n.split("/")[1] == "crops"}
    assert crops == {"eileen-collins-nasa", "grace-hopper-navy"}


def test_serve_on_a_taken_port_is_one_line_and_exit_2(kit_factory):
    root = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [email]\n", [ASTRONAUT])
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--kit", str(root), "--port", str(port)])
    assert result.exit_code == 2, result.output
    assert f"Error: 127.0.0.1:{port}: cannot serve there" in result.output
    assert "choose another --port" in result.output
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit


# --- the careless user: brand file mistakes -------------------------------------------------

def _errors(kit_factory, brand: str) -> list[str]:
    root = kit_factory(brand, [ASTRONAUT])
    result = CliRunner().invoke(main, ["build", "--kit", str(root)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.output.splitlines()[1:]


def test_a_key_given_twice_is_reported_with_its_line_instead_of_silently_dropped(kit_factory):
    lines = _errors(kit_factory, "person: {name: A}\ngoals: [trust]\nplatforms: [email]\n"
                                 "goals: [calm]\n")
    assert lines == [("  content/brand.yml:4: goals: given twice (YAML keeps only the last one); "
                      "merge them into one")]


def test_person_written_as_text_names_the_keys_it_needs(kit_factory):
    lines = _errors(kit_factory, "person: Maya\ngoals: [trust]\n")
    assert lines == [("  content/brand.yml:1: person: expected a mapping of keys (name, identity, "
                      "bio), got 'Maya'")]


def test_a_preset_id_with_spaces_suggests_the_slug(kit_factory):
    lines = _errors(kit_factory, "person: {name: A}\ngoals: [trust]\npresets:\n"
                                 "  - {id: Event Badge, width: 600, height: 800}\n")
    assert lines == [("  content/brand.yml:4: presets[0].id: use only lower-case letters, "
                      "digits and hyphens, at most 41, got 'Event Badge' (did you mean "
                      "'event-badge'?)")]


def test_a_too_long_portrait_id_says_its_limit_and_suggests_one_that_fits(kit_factory):
    """QA pass 3: a 70-character id was told only about letters, and offered 41 of them."""
    from kitgen.kitfile.errors import _short

    long_id = "a" * 70
    lines = _errors(kit_factory, "person: {name: A}\ngoals: [trust]\nportraits:\n"
                                 f"  - {{file: {ASTRONAUT.name}, id: {long_id}}}\n")
    assert lines == [(f"  content/brand.yml:4: portraits[0].id: use only lower-case letters, "
                      f"digits and hyphens, at most 61, got {_short(long_id)} (did you mean "
                      f"'{'a' * 61}'?)")]


def test_an_empty_platform_list_without_presets_is_refused(kit_factory):
    lines = _errors(kit_factory, "person: {name: A}\ngoals: [trust]\nplatforms: []\n")
    assert lines == [("  content/brand.yml:3: platforms: the list is empty, so no crop would be "
                      "made; name at least one platform, add presets, or remove the key to get "
                      "every platform")]
    root = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: []\n"
                       "presets: [{id: square, width: 300, height: 300}]\n", [ASTRONAUT])
    assert [p.id for p in load_kit(root).presets] == ["square"]



def test_a_kit_without_its_own_pages_and_assets_builds_with_kitgens(kit_factory):
    """README: deleting themes/pages and themes/assets is how a kit takes up newer templates."""
    root = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [email]\n", [ASTRONAUT])
    shutil.rmtree(root / "themes" / "pages")
    shutil.rmtree(root / "themes" / "assets")
    result = CliRunner().invoke(main, ["build", "--kit", str(root), "-q", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert (root / "site" / "assets" / "kitgen.css").read_bytes() == \
        (Path(__file__).parent.parent / "themes" / "assets" / "kitgen.css").read_bytes()
    assert "Custom formats" not in (root / "site" / "platforms.html").read_text(encoding="utf-8")
    assert "Email signature (2x retina, 300×300)" in \
        (root / "site" / "platforms.html").read_text(encoding="utf-8")


def test_build_run_inside_the_kits_portraits_folder_names_the_kit(kit_factory):
    root = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [email]\n", [ASTRONAUT])
    inner = (root / "content" / "portraits").resolve()
    result = CliRunner().invoke(main, ["build", "--kit", str(inner)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {inner}: no content/brand.yml here, but {root.resolve()} is "
                             f"the kit around this folder; run kitgen there or pass --kit "
                             f"{root.resolve()}\n")
    assert not (root / "site").exists()


def test_every_command_has_help_and_the_overview_cuts_none_short():
    runner = CliRunner()
    overview = runner.invoke(main, ["--help"])
    assert overview.exit_code == 0
    listed = overview.output.split("Commands:")[1].strip().splitlines()
    assert len(listed) == len(main.commands) and not [c for c in listed if c.endswith("...")]
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"], prog_name="kitgen")
        assert result.exit_code == 0 and result.output.startswith(f"Usage: kitgen {name} ")


def test_crop_warnings_on_a_portrait_page_name_the_format_not_its_id(example_build):
    kit, report = example_build
    hopper = next(p for p in report.portraits if p.id == "grace-hopper-navy")
    assert any(w.startswith("linkedin-banner: ") for w in hopper.warnings)
    html = (kit / "site" / "portraits" / "grace-hopper-navy.html").read_text(encoding="utf-8")
    notes = re.findall(r'<div class="admonition note">\s*<p>([^<]*)</p>', html)
    assert "LinkedIn banner: the format is too wide for the whole face; both eyes and as much " \
           "of the face as fits are kept" in notes
    assert not [n for n in notes if n.startswith("linkedin-banner")]
