"""The annotated thumbnail and the mood map."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import numpy as np
from reading_images import faces_of, read, source

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
