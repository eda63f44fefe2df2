"""The built example guide shows the reading, and kit.json carries it."""
from __future__ import annotations

import json


def test_portrait_pages_show_readings_fit_checklist_and_thumbnail(example_build):
    kit, report = example_build
    site = kit / "site"
    for p in report.portraits:
        html = (site / "portraits" / f"{p.id}.html").read_text(encoding="utf-8")
        for text in ("Emotional reading", "Fit with your goals", "Publishing checklist",
                     "Suggestions", f"{p.id}-reading.png"):
            assert text in html, (p.id, text)
        assert (site / "images" / f"{p.id}-reading.png").stat().st_size > 1000
    astro = (site / "portraits" / "eileen-collins-nasa.html").read_text(encoding="utf-8")
    assert "direct" in astro and "Trust:" in astro
    camera = (site / "portraits" / "cameraman.html").read_text(encoding="utf-8")
    assert "averted" in camera  # his face is turned to his camera's viewfinder


def test_overview_shows_recommendations_gaps_and_mood_map(example_build):
    kit, report = example_build
    html = (kit / "site" / "index.html").read_text(encoding="utf-8")
    for text in ("Which portrait where", "Gaps in the set", "Prompt guide", "Mood map",
                 "<svg", "kg-moodmap"):
        assert text in html, text
    assert html.count("<circle") == len(report.portraits)


def test_kit_json_carries_reading_fit_checklist_recommendations_and_gaps(example_build):
    kit, _report = example_build
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    goals = data["goals"]
    for p in data["portraits"]:
        assert p["reading"] is not None and "warmth" in p["reading"]
        assert [f["goal"] for f in p["fit"]] == goals
        assert len(p["checklist"]) == 6
    astro = next(p for p in data["portraits"] if p["id"] == "eileen-collins-nasa")
    assert astro["reading"]["gaze"] == "direct"
    assert astro["reading"]["expression"] in ("slight_smile", "broad_smile")
    platforms = {pr["platform"] for pr in data["presets"]}
    assert {r["platform"] for r in data["recommendations"]} == platforms
    assert set(data["gaps"]) == {"gaps", "prompts"}


def test_the_mood_maps_list_gives_each_portraits_place_as_text(example_build):
    """The map is role="img": screen readers hear only its label, and a dot's values were in
    a hover tooltip alone. The numbered list after it now carries them (QA pass 4)."""
    kit, _report = example_build
    html = (kit / "site" / "index.html").read_text(encoding="utf-8")
    data = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))
    listed = html[html.index("kg-moodmap-wrap"):]
    listed = listed[listed.index("<ol>"):listed.index("</ol>")]
    for p in data["portraits"]:
        r = p["reading"]
        said = (f'{p["title"]}</a>: {r["warmth"]} colour (warmth '
                f'{r["colour"]["frame"]["warmth_index"]:.1f}), energy {r["energy"]:.2f} of 1')
        assert said in listed, said


def test_the_gaze_studies_are_cited_as_two(example_build):
    """emotional-cues.md names two gaze studies; the overview called them 'a study' and left
    out fear from what an averted gaze can tilt toward (QA pass 4)."""
    kit, _report = example_build
    text = " ".join((kit / "site" / "index.html").read_text(encoding="utf-8").split())
    assert ("toward sadness or fear (two studies of gaze direction: ScienceDirect "
            "S027826261730221X and PMC8365180)") in text
