"""``kitgen pack``: one deterministic zip with the site, crops per platform, exports, manifest."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from click.testing import CliRunner

from kitgen.cli import main
from kitgen.pack import pack

from conftest import ASTRONAUT

TOP = "pioneers-an-example-kit-brand-kit"


@pytest.fixture(scope="module")
def kit_copy(example_build, tmp_path_factory) -> Path:
    """A private copy of the built example (pack must not need to write into the kit)."""
    kit, _ = example_build
    dest = tmp_path_factory.mktemp("packkit") / "kit"
    shutil.copytree(kit, dest, ignore=shutil.ignore_patterns(".kitgen"))
    return dest


@pytest.fixture(scope="module")
def packed(kit_copy, tmp_path_factory) -> Path:
    return pack(kit_copy, tmp_path_factory.mktemp("out") / "kit.zip").path


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key in ("href", "src") and value:
                self.refs.append(value)


def test_two_packs_are_byte_identical_even_after_files_are_touched(kit_copy, packed, tmp_path):
    for path in (kit_copy / "site").rglob("*.html"):
        os.utime(path, (1_900_000_000, 1_900_000_000))
    again = pack(kit_copy, tmp_path / "again.zip").path
    assert hashlib.sha256(again.read_bytes()).digest() == \
        hashlib.sha256(packed.read_bytes()).digest()


def test_pack_lists_site_crops_per_platform_exports_and_manifest(kit_copy, packed):
    data = json.loads((kit_copy / "site" / "kit.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(packed) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert zf.testzip() is None
        assert json.loads(zf.read(f"{TOP}/kit.json")) == data
        readme = zf.read(f"{TOP}/README.txt").decode()
    assert names == [names[0]] + sorted(names[1:]) and names[0] == f"{TOP}/README.txt"
    assert all(n.startswith(TOP + "/") for n in names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert "site/index.html" in readme
    for page in ("index.html", "colours.html", "platforms.html", "kit.json", "kit/palette.ase"):
        assert f"{TOP}/site/{page}" in names
    platform_of = {p["id"]: p["platform"] for p in data["presets"]}
    crops = [n for n in names if n.startswith(f"{TOP}/crops/")]
    expected = {f"{TOP}/crops/{platform_of[c['preset']]}/{p['id']}--{c['preset']}"
                f"{Path(c['path']).suffix}" for p in data["portraits"] for c in p["crops"]}
    assert set(crops) == expected and len(crops) == sum(len(p["crops"]) for p in data["portraits"])
    assert {n.split("/")[2] for n in crops} == set(platform_of.values())
    exports = sorted(n.split("/")[-1] for n in names if n.startswith(f"{TOP}/exports/"))
    assert exports == sorted(Path(e["path"]).name for e in data["exports"].values())


def test_unzipped_site_is_complete_and_every_local_link_resolves(kit_copy, packed, tmp_path):
    with zipfile.ZipFile(packed) as zf:
        zf.extractall(tmp_path)
    site = tmp_path / TOP / "site"
    original = kit_copy / "site"
    for path in original.rglob("*"):
        if path.is_file():
            assert (site / path.relative_to(original)).read_bytes() == path.read_bytes()
    crop = next((tmp_path / TOP / "crops" / "linkedin").iterdir())
    portrait, preset = crop.stem.split("--")
    assert crop.read_bytes() == (original / "crops" / portrait / f"{preset}.jpg").read_bytes()
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # root-absolute links by design (served by hosts only)
            continue
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for ref in parser.refs:
            url = urlparse(ref)
            if url.scheme or ref.startswith("#"):
                continue
            assert not ref.startswith("/"), f"{page.name}: {ref} breaks from file://"
            assert (page.parent / unquote(url.path)).exists(), f"{page.name}: {ref}"


def test_pack_builds_a_kit_that_has_no_site_yet(kit_factory, tmp_path):
    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [linkedin]\n",
                      [ASTRONAUT])
    assert not (kit / "site").exists()
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit)])
    assert result.exit_code == 0, result.output
    assert "building it first" in result.output
    out = kit / "ada-brand-kit.zip"
    assert f"-> {out}" in result.output
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
    assert "ada-brand-kit/site/index.html" in names
    assert {n.split("/")[2] for n in names if n.startswith("ada-brand-kit/crops/")} == {
        "linkedin"}


def test_pack_refuses_to_write_inside_the_site(kit_copy):
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out",
                                       str(kit_copy / "site" / "kit.zip")])
    assert result.exit_code == 2  # a bad --out, like every other: exit 1 is failed portraits
    assert "cannot go inside site/" in result.output and "Traceback" not in result.output
    assert not (kit_copy / "site" / "kit.zip").exists()


def test_pack_in_a_folder_that_is_no_kit_says_so(tmp_path):
    result = CliRunner().invoke(main, ["pack", "--kit", str(tmp_path)])
    assert result.exit_code == 2
    assert "brand.yml" in result.output and "Traceback" not in result.output
    assert not list(tmp_path.glob("*.zip"))


def test_pack_under_a_file_is_one_line_naming_the_zip_and_the_fix(kit_copy, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    out = blocker / "kit.zip"
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {out}: cannot write ({blocker} is a file, not a "
                             f"folder); move {blocker} away, or choose another --out\n")
    assert blocker.read_text() == "a file, not a folder"


def test_pack_where_no_file_can_be_made_is_one_line(kit_copy):
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", "/proc/x.zip"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: /proc/x.zip: cannot write (")
    assert result.output.endswith("or choose another --out\n") and result.output.count("\n") == 1


def test_a_zip_that_cannot_be_put_in_place_leaves_no_temporary_file(kit_copy, tmp_path,
                                                                     monkeypatch):
    """The zip is written beside --out, then renamed; when the rename fails (made to here:
    root may write anywhere) the half-way file is removed."""
    import errno

    import kitgen.pack
    from kitgen.errors import CannotWrite

    def refused(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied", str(src), str(dst))

    monkeypatch.setattr(kitgen.pack.os, "replace", refused)
    with pytest.raises(CannotWrite) as caught:
        pack(kit_copy, tmp_path / "kit.zip")
    assert caught.value.exit_code == 2 and str(tmp_path / "kit.zip") in caught.value.message
    assert "permission denied" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_pack_into_a_read_only_folder_says_so(kit_copy, tmp_path, kitgen_unprivileged):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = kitgen_unprivileged("pack", "--kit", str(kit_copy), "--out",
                                     str(locked / "kit.zip"))
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    assert result.stderr == (f"Error: {locked / 'kit.zip'}: cannot write (permission "
                             f"denied); make {locked} writable, or choose another --out\n")
    assert not list(locked.iterdir())


def test_pack_names_the_portraits_that_failed_and_exits_1(kit_factory):
    """As 'kitgen build' does: each failed portrait on its own Error line, exit 1; the zip is
    still made, without them, and the summary says so. Packing again (nothing to build) says
    the same, from kit.json."""
    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [linkedin]\n",
                      [ASTRONAUT])
    (kit / "content" / "portraits" / "empty.jpg").write_bytes(b"")
    for _ in range(2):
        result = CliRunner().invoke(main, ["pack", "--kit", str(kit)])
        assert result.exit_code == 1, result.output
        assert result.stderr.count("Error: content/portraits/empty.jpg: is empty (0 bytes)") == 1
        assert result.stdout.rstrip().endswith(
            "; 1 portrait(s) failed and are left out: content/portraits/empty.jpg")
        assert "WARNING" not in result.output and "Traceback" not in result.output
    with zipfile.ZipFile(kit / "ada-brand-kit.zip") as zf:
        names = zf.namelist()
    assert "ada-brand-kit/crops/linkedin/eileen-collins-nasa--linkedin-profile.jpg" in names
    assert not [n for n in names if "empty" in n]


@pytest.mark.parametrize("where", ["content/brand.yml", "content/portraits/cameraman.png",
                                   "content/new.zip", "themes/kit.zip", "mkdocs.yml",
                                   ".kitgen/kit.zip", ".git/kit.zip"])
def test_pack_never_writes_over_or_among_the_kits_sources(kit_copy, where):
    """QA pass 2: '-o content/portraits/cameraman.png' replaced the portrait with a zip."""
    target = kit_copy / where
    before = target.read_bytes() if target.exists() else None
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", str(target)])
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {target.resolve()}: the pack cannot go ")
    assert result.output.endswith("(the kit's own files are there); choose another "
                                  "--out\n")
    assert (target.read_bytes() if target.exists() else None) == before


def test_pack_replaces_a_zip_but_no_other_file(kit_copy, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my notes")
    report = tmp_path / "report.docx"  # a zip inside, but a document (QA pass 3)
    with zipfile.ZipFile(report, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    for other in (notes, report):
        before = other.read_bytes()
        result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", str(other)])
        assert result.exit_code == 2
        assert result.output == (f"Error: {other}: is there already and is not a zip, which "
                                 "pack only replaces; choose another --out, or move that file "
                                 "away\n")
        assert other.read_bytes() == before
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(old, "w") as z:
        z.writestr("a.txt", "an earlier pack")
    assert CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "-o", str(old)]
                              ).exit_code == 0
    assert "kit.json" in "".join(zipfile.ZipFile(old).namelist())


def test_pack_into_a_folder_writes_the_usual_name_there(kit_copy, tmp_path):
    folder = tmp_path / "handoff"
    folder.mkdir()
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "-o", str(folder)])
    assert result.exit_code == 0, result.output
    (made,) = folder.iterdir()
    assert made.name.endswith("-brand-kit.zip") and zipfile.is_zipfile(made)


def test_pack_out_expands_the_home_folder(kit_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", "~/k.zip"])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(tmp_path / "k.zip") and not (kit_copy / "~").exists()


def test_pack_puts_back_a_crop_deleted_from_site(kit_factory, tmp_path):
    """QA pass 4: pack refused ('run kitgen build again'), and building again did nothing."""
    from kitgen.build import build

    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [tiktok]\n", [ASTRONAUT])
    build(kit, workers=1)
    crop = kit / "site" / "crops" / "eileen-collins-nasa" / "tiktok-profile.jpg"
    expected = crop.read_bytes()
    crop.unlink()
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "site/ changed since the last build" in result.output
    with zipfile.ZipFile(tmp_path / "ada-brand-kit.zip") as zf:
        assert zf.read("ada-brand-kit/crops/tiktok/eileen-collins-nasa--tiktok-profile.jpg") \
            == expected


def test_pack_out_ending_with_a_slash_is_a_folder_made_for_it(kit_copy, tmp_path):
    """QA pass 4: '--out dist/' (no such folder yet) wrote a zip named 'dist'."""
    out = tmp_path / "dist" / "clients"
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", f"{out}/"])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out / f"{TOP}.zip")
    assert [p.name for p in out.iterdir()] == [f"{TOP}.zip"]


def test_pack_out_without_zip_is_refused_before_anything_is_written(kit_copy, tmp_path):
    """QA pass 4: '--out handoff' wrote a zip named 'handoff', and the next pack there was
    refused as 'not a zip'."""
    out = tmp_path / "handoff"
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit_copy), "--out", str(out)])
    assert result.exit_code == 2
    assert result.output == (f"Error: {out}: a pack is a .zip file; name it handoff.zip, or "
                             "end --out with / for a folder to put it in\n")
    assert list(tmp_path.iterdir()) == []


def test_a_name_in_another_script_names_its_pack(kit_factory, tmp_path):
    """QA pass 4: every name without Latin letters packed as 'portrait-brand-kit.zip', so two
    such clients' packs in one folder replaced each other."""
    kit = kit_factory("person: {name: 山田 太郎}\ngoals: [trust]\nplatforms: [tiktok]\n",
                      [ASTRONAUT])
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit), "--out", f"{tmp_path}/"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "山田-太郎-brand-kit.zip") as zf:
        assert "山田-太郎-brand-kit/site/index.html" in zf.namelist()


def test_pack_name_falls_back_to_the_kit_folder_then_to_brand_kit():
    from kitgen.pack import pack_name

    assert pack_name("Zoë Åström", Path("/k/a")) == "zoe-astrom-brand-kit"
    assert pack_name("Zoë 山田", Path("/k/a")) == "zoe-brand-kit"
    assert pack_name("鈴木 花子", Path("/k/a")) == "鈴木-花子-brand-kit"
    assert pack_name("🎨✨", Path("/clients/Acme Co")) == "acme-co-brand-kit"
    assert pack_name("🎨", Path("/clients/🎨")) == "brand-kit"


def test_pack_builds_again_when_a_portrait_is_replaced_by_an_older_dated_file(kit_factory,
                                                                               tmp_path):
    """QA pass 4: 'cp -p new.png portraits/eileen-collins-nasa.png' (or an unpacked delivery
    keeping its dates) left every date older than site/, and the zip shipped the old crops."""
    from conftest import HOPPER

    from kitgen.build import build

    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [tiktok]\n", [ASTRONAUT])
    build(kit, workers=1)
    target = kit / "content" / "portraits" / "eileen-collins-nasa.png"
    target.write_bytes(HOPPER.read_bytes())
    os.utime(target, (1_000_000_000, 1_000_000_000))  # 2001: older than site/
    result = CliRunner().invoke(main, ["pack", "--kit", str(kit), "--out", f"{tmp_path}/"])
    assert result.exit_code == 0, result.output
    assert "changed since the last build" in result.output
    with zipfile.ZipFile(tmp_path / "ada-brand-kit.zip") as zf:
        data = json.loads(zf.read("ada-brand-kit/kit.json"))
    assert data["portraits"][0]["sha256"] == hashlib.sha256(HOPPER.read_bytes()).hexdigest()
