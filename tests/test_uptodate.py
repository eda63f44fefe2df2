"""A rebuild with no changed input answers from the last build; any change builds again."""
import hashlib
import json

from kitgen.build import build
from tests.conftest import ASTRONAUT, CAMERAMAN

BRAND = "person: {name: Ada}\ngoals: [trust]\nplatforms: [tiktok]\n"


def tree(site):
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_unchanged_kit_is_not_built_again_and_reports_the_same(kit_factory):
    kit = kit_factory(BRAND, [ASTRONAUT, CAMERAMAN])
    first = build(kit, workers=1)
    before = tree(kit / "site")
    again = build(kit, workers=1)
    assert again.up_to_date and not first.up_to_date
    assert tree(kit / "site") == before
    assert [p.to_dict() for p in again.portraits] == [p.to_dict() for p in first.portraits]
    assert again.crops == first.crops and again.exit_code == first.exit_code
    assert "nothing changed since the last build" in again.summary()


def test_any_input_change_builds_again(kit_factory):
    kit = kit_factory(BRAND, [ASTRONAUT])
    build(kit, workers=1)
    brand = kit / "content" / "brand.yml"
    brand.write_text(BRAND.replace("Ada", "Bea"), encoding="utf-8")
    report = build(kit, workers=1)
    assert not report.up_to_date
    assert json.loads((kit / "site" / "kit.json").read_text())["person"]["name"] == "Bea"
    (kit / "themes" / "assets" / "kitgen.css").write_text("/* restyled */\n", encoding="utf-8")
    assert not build(kit, workers=1).up_to_date
    assert (kit / "site" / "assets" / "kitgen.css").read_text() == "/* restyled */\n"


def test_a_touched_site_is_rebuilt(kit_factory):
    kit = kit_factory(BRAND, [ASTRONAUT])
    build(kit, workers=1)
    (kit / "site" / "kit.json").write_text("{}", encoding="utf-8")
    report = build(kit, workers=1)
    assert not report.up_to_date
    assert json.loads((kit / "site" / "kit.json").read_text())["person"]["name"] == "Ada"


def test_a_crop_or_page_deleted_from_site_is_made_again(kit_factory):
    """QA pass 4: with kit.json untouched, both shortcuts kept site/ as it was, so a deleted
    crop or page never came back, and pack's advice (build again) could not help."""
    kit = kit_factory(BRAND, [ASTRONAUT])
    build(kit, workers=1)
    site = kit / "site"
    crop = site / "crops" / "eileen-collins-nasa" / "tiktok-profile.jpg"
    page = site / "portraits" / "eileen-collins-nasa.html"
    before = tree(site)
    crop.unlink()
    page.unlink()
    report = build(kit, workers=1)
    assert not report.up_to_date and report.exit_code == 0
    assert tree(site) == before
    (site / "index.html").write_text("edited by hand", encoding="utf-8")
    build(kit, workers=1)
    assert tree(site) == before
    assert build(kit, workers=1).up_to_date


def test_a_damaged_cache_entry_is_made_again(kit_factory):
    kit = kit_factory(BRAND, [ASTRONAUT])
    build(kit, workers=1)
    before = tree(kit / "site")
    (entry,) = (kit / ".kitgen" / "cache").iterdir()
    brand = kit / "content" / "brand.yml"
    for name, text in (("record.json", "{}"), ("files.json", "[]"), ("record.json", "[1]")):
        (entry / name).write_text(text, encoding="utf-8")  # were KeyError/AttributeError
        brand.write_text(brand.read_text() + "# again\n", encoding="utf-8")
        report = build(kit, workers=1)
        assert report.exit_code == 0 and report.cached == 0
        assert tree(kit / "site") == before


def test_a_damaged_inputs_record_means_build_again(kit_factory):
    kit = kit_factory(BRAND, [ASTRONAUT])
    build(kit, workers=1)
    before = tree(kit / "site")
    (kit / ".kitgen" / "inputs.json").write_text("[]", encoding="utf-8")
    report = build(kit, workers=1)  # was AttributeError: 'list' object has no attribute 'get'
    assert not report.up_to_date and report.exit_code == 0
    assert tree(kit / "site") == before
