"""A portrait earmarked for platforms the kit makes no crops for is told so."""
import json

from kitgen.build import build
from kitgen.crops.presets import presets_for
from kitgen.process import use_note
from tests.conftest import HOPPER

BRAND = """person: {name: Ada}
goals: [trust]
platforms: [tiktok]
portraits:
  - file: grace-hopper-navy.jpg
    use: [linkedin, tiktok]
"""


def test_use_outside_the_platforms_is_a_warning_in_kit_json_and_on_the_page(kit_factory):
    """QA pass 4: the page said 'Intended for linkedin, tiktok' in a kit without LinkedIn crops,
    and nothing else did."""
    kit = kit_factory(BRAND, [HOPPER])
    report = build(kit, workers=1)
    assert report.exit_code == 0
    portrait, = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))["portraits"]
    note = ("use names linkedin, which brand.yml's platforms leave out, so no crop is made for "
            "it; add it to platforms or take it out of use")
    assert note in portrait["warnings"]
    page = (kit / "site" / "portraits" / "grace-hopper-navy.html").read_text(encoding="utf-8")
    assert "which brand.yml&#39;s platforms leave out" in page or \
        "which brand.yml's platforms leave out" in page


def test_use_note_only_for_platforms_without_crops():
    tiktok = presets_for(["tiktok"])
    assert use_note(["tiktok"], tiktok) is None
    assert use_note([], tiktok) is None
    assert use_note(["x", "press"], tiktok).startswith("use names x, press, which")
    assert use_note(["x", "press"], presets_for(None)) is None


def test_the_page_names_the_platforms_a_portrait_is_for_as_the_guide_does(kit_factory):
    """QA pass 4: 'Intended for linkedin, tiktok' showed brand.yml's ids, where the rest of the
    guide says LinkedIn and TikTok."""
    kit = kit_factory(BRAND, [HOPPER])
    build(kit, workers=1)
    page = (kit / "site" / "portraits" / "grace-hopper-navy.html").read_text(encoding="utf-8")
    assert "<td>Intended for</td>\n<td>LinkedIn, TikTok</td>" in page
