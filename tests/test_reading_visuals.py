"""The annotated thumbnail and the mood map."""
from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import numpy as np
from reading_images import faces_of, read, source

from kitgen.reading import visuals
from kitgen.reading.explain import mood_map
from kitgen.reading.landmarks import scaled
from kitgen.reading.visuals import BOX, annotated_thumbnail, mood_map_svg


def test_thumbnail_draws_box_and_keeps_aspect():
    img = source("hopper")
    arr, faces = faces_of(img)
    # faces are in analysis pixels; the hopper image is small, so factor 1 here
    assert arr.shape[:2] == (img.height, img.width)
    thumb = annotated_thumbnail(img, faces[0], read("hopper"))
    assert abs(thumb.width / thumb.height - img.width / img.height) < 0.01
    a = np.asarray(thumb)
    x, y, _w, h = (round(v * thumb.width / img.width) for v in faces[0].box)
    edge = a[y + h // 2, max(0, x - 2):x + 3]
    assert any(np.abs(px.astype(int) - BOX).sum() < 60 for px in edge)
    plain = np.asarray(img.resize(thumb.size))
    assert np.abs(a.astype(int) - plain).mean() > 1  # annotations were drawn
    assert scaled(faces[0], 1.0).box == faces[0].box


def test_mood_map_is_valid_svg_with_escaped_labels():
    svg = mood_map_svg([
        {"id": "a", "label": "<script>alert(1)</script>", "warmth": 30, "energy": 0.9},
        {"id": "b", "label": "Calm & cool", "warmth": -20, "energy": 0.1},
    ])
    root = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    circles = root.findall(f".//{ns}circle")
    assert len(circles) == 2
    # warm and energetic sits right of and above cool and calm
    assert float(circles[0].get("cx")) > float(circles[1].get("cx"))
    assert float(circles[0].get("cy")) < float(circles[1].get("cy"))
    assert "<script>" not in str(svg) and "\n\n" not in str(svg)


SVG = "{http://www.w3.org/2000/svg}"
PLOT = (46, 46, 514, 334)  # the plot rectangle inside the 560 × 380 viewBox


def _map(points):
    """Each point's <g> as (title, circle, number text, label text or None)."""
    root = ET.fromstring(str(mood_map_svg(points)))
    out = []
    for g in root.findall(f"{SVG}g"):
        texts = g.findall(f"{SVG}text")
        assert len(texts) in (1, 2)
        out.append((g.find(f"{SVG}title").text, g.find(f"{SVG}circle"), texts[0],
                    texts[1] if len(texts) == 2 else None))
    return out


def _box(text):
    """The label's box by the map's own width estimate: 7 px either side of its middle,
    which sits 4 px above the baseline."""
    x, y = float(text.get("x")), float(text.get("y"))
    w = visuals.text_width(text.text, float(text.get("font-size")))
    x0 = x if text.get("text-anchor", "start") == "start" else x - w
    return x0, y - 11, x0 + w, y + 3


def _dot(circle):
    cx, cy, r = (float(circle.get(k)) for k in ("cx", "cy", "r"))
    return cx - r, cy - r, cx + r, cy + r


def _overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(a):
    return PLOT[0] <= a[0] and a[2] <= PLOT[2] and PLOT[1] <= a[1] and a[3] <= PLOT[3]


def test_text_width_estimate_covers_dejavu_sans():
    # Widths at 12 px in DejaVu Sans, the widest common default sans-serif, measured in
    # Chromium (getComputedTextLength); Liberation Sans / Arial are narrower still.
    for text, measured in [("Eileen Collins, NASA portrait", 169.6),
                           ("EILEEN COLLINS NASA PORTRAIT", 196.4),
                           ("WWWWWMMMMM", 111.1), ("mmmmmwwwww", 107.5),
                           ("0123456789012345678901234567", 213.8),
                           ("Ångström façade résumé", 151.2), ("iiiiilllllttttt", 56.9),
                           ("@@@%%%&&&###", 128.5), ("____----====", 81.5)]:
        assert visuals.text_width(text, 12) >= measured, text


def test_mood_map_labels_stay_inside_the_plot():
    # The bundled example's astronaut sits left of the old 70% switch, so her label ran
    # right, past the plot's border; the others sit on the plot's edges (the bottom-left and
    # top-left corners hold the axis captions, which labels also keep clear of).
    pts = [{"id": "eileen", "label": "Eileen Collins, NASA portrait", "warmth": 20,
            "energy": 0.3},
           {"id": "hot", "label": "Warm and lively studio portrait", "warmth": 40,
            "energy": 1.0},
           {"id": "cold", "label": "Cold and quiet morning portrait", "warmth": -30,
            "energy": 0.4},
           {"id": "low", "label": "Warm but calm portrait", "warmth": 40, "energy": 0.0},
           {"id": "mid", "label": "Right in the middle of the map", "warmth": 5,
            "energy": 0.75}]
    drawn = _map(pts)
    assert len(drawn) == 5
    for _title, _circle, _number, label in drawn:
        assert label is not None  # nothing crowds these five
        assert _inside(_box(label)), label.text
    assert drawn[0][3].text == "Eileen Collins, NASA portrait"  # short enough to keep whole


def test_mood_map_shortens_a_long_title_and_keeps_it_whole_in_the_tooltip():
    title = ("A portrait with an extraordinarily long title " * 5)[:200].strip()
    ((tip, circle, number, label),) = _map(
        [{"id": "long", "label": title, "warmth": 0, "energy": 0.5}])
    assert label.text.endswith("\u2026") and len(label.text) <= 30
    assert title.startswith(label.text[:-1])
    assert title in tip and number.text == "1" and circle is not None
    assert _inside(_box(label))


def test_mood_map_crowd_draws_every_dot_but_only_labels_that_fit():
    # Twelve portraits of one look: mirrored, recoloured and resized copies land close.
    pts = [{"id": f"p{i}", "label": f"Portrait {i} (variant {'ABC'[i % 3]})",
            "warmth": 10 + (i % 4) * 1.5, "energy": 0.5 + (i // 4) * 0.03}
           for i in range(1, 13)]
    svg = mood_map_svg(pts)
    assert str(mood_map_svg(pts)) == str(svg)  # deterministic
    assert "\n\n" not in str(svg)
    drawn = _map(pts)
    assert [n.text for _t, _c, n, _l in drawn] == [str(i) for i in range(1, 13)]
    assert all(c is not None for _t, c, _n, _l in drawn)
    for i, (tip, _c, _n, _l) in enumerate(drawn, start=1):
        assert f"Portrait {i} (variant" in tip
    labels = [lab for _t, _c, _n, lab in drawn if lab is not None]
    assert 0 < len(labels) < 12
    boxes = [_box(lab) for lab in labels]
    dots = [_dot(c) for _t, c, _n, _l in drawn]
    # a label never sits by a dot whose number a later dot (drawn over it) partly hides
    centres = [(float(c.get("cx")), float(c.get("cy"))) for _t, c, _n, _l in drawn]
    for i, (_t, _c, _n, lab) in enumerate(drawn):
        if lab is not None:
            assert all(math.dist(centres[i], o) >= 16 for o in centres[i + 1:]), lab.text
    for i, a in enumerate(boxes):
        assert _inside(a)
        assert not any(_overlap(a, b) for b in boxes[i + 1:]), labels[i].text
        assert not any(_overlap(a, d) for d in dots), labels[i].text


def test_mood_map_numbers_dots_as_the_overview_list_does():
    # The list under the map numbers every portrait; one without a reading has no dot, and
    # the dots after it must keep their list numbers.
    def portrait(pid, warmth):
        reading = {"colour": {"frame": {"warmth_index": warmth}}, "energy": 0.5}
        return SimpleNamespace(id=pid, title="", shown_title=pid,
                               reading=reading if warmth is not None else None)

    svg = mood_map([portrait("a", -10), portrait("b", None), portrait("c", 25)])
    root = ET.fromstring(svg)
    numbers = [g.find(f"{SVG}text").text for g in root.findall(f"{SVG}g")]
    assert numbers == ["1", "3"]
