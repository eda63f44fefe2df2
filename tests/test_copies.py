"""Of several files with the same bytes, the one brand.yml describes is built."""
import json
import shutil

from kitgen.build import build
from kitgen.copies import keepers
from tests.conftest import CAMERAMAN, HOPPER

BRAND = """person: {name: Ada}
goals: [trust]
platforms: [tiktok]
portraits:
  - file: grace-hopper-navy.jpg
    title: Grace Hopper, US Navy portrait
    use: [tiktok]
"""


def test_a_copy_sent_under_another_name_does_not_take_the_described_portraits_place(
        kit_factory):
    """QA pass 4: 'grace-copy.jpg' came first by name and was built bare; the entry's title and
    use were dropped and the portrait's page became portraits/grace-copy.html."""
    kit = kit_factory(BRAND, [HOPPER])
    shutil.copyfile(HOPPER, kit / "content" / "portraits" / "grace-copy.jpg")
    report = build(kit, workers=1)
    assert report.exit_code == 0
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [(p["id"], p["title"], p["use"]) for p in data["portraits"]] == \
        [("grace-hopper-navy", "Grace Hopper, US Navy portrait", ["tiktok"])]
    assert data["skipped"] == [{
        "source": "portraits/grace-copy.jpg",
        "message": "is the same image as content/portraits/grace-hopper-navy.jpg; built once "
                   "(remove one of the copies)"}]
    assert sorted(p.name for p in (kit / "site" / "portraits").iterdir()) == \
        ["grace-hopper-navy.html"]


def test_keepers_prefers_the_described_file_then_the_first():
    files = [("a.jpg", "x", False), ("b.jpg", "x", True), ("c.jpg", "x", True),
             ("d.jpg", "y", False), ("e.jpg", "y", False), ("f.jpg", "z", True)]
    assert keepers(files) == {"x": "b.jpg", "y": "d.jpg", "z": "f.jpg"}


def test_a_copy_of_an_unapproved_portrait_is_not_published(kit_factory):
    """QA pass 4: a photo the client turned down (approved: false) came back under another
    name and was built and published."""
    kit = kit_factory("person: {name: Ada}\ngoals: [trust]\nplatforms: [tiktok]\nportraits:\n"
                      "  - file: grace-hopper-navy.jpg\n    approved: false\n", [HOPPER])
    shutil.copyfile(HOPPER, kit / "content" / "portraits" / "final.jpg")
    shutil.copyfile(CAMERAMAN, kit / "content" / "portraits" / "cameraman.png")
    assert build(kit, workers=1).exit_code == 0
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["portraits"]] == ["cameraman"]
    assert {"source": "portraits/final.jpg", "message": (
        "is the same image as content/portraits/grace-hopper-navy.jpg, which brand.yml does not "
        "approve; skipped (list this file in brand.yml's portraits to build it all the same)")} \
        in data["skipped"]
    brand = kit / "content" / "brand.yml"
    brand.write_text(brand.read_text(encoding="utf-8") + "  - file: final.jpg\n",
                     encoding="utf-8")
    build(kit, workers=1)
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    assert [p["id"] for p in data["portraits"]] == ["cameraman", "final"]
