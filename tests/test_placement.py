"""Placement rules on hand-made geometry where the right answer is known."""
import numpy as np

from kitgen.analysis.saliency import focus_point
from kitgen.crops.placement import place
from kitgen.crops.presets import PRESETS

P = {p.id: p for p in PRESETS}
FACE = (900, 500, 400, 480)  # a face in a 3000 x 2000 landscape photo
EYES_Y = 700


def test_avatar_puts_the_eyes_on_its_eye_line_and_fills_the_frame():
    pl = place(3000, 2000, P["linkedin-profile"], FACE, EYES_Y)
    x, y, w, h = pl.box
    assert w == h
    assert abs((EYES_Y - y) / h - P["linkedin-profile"].eye_line) < 0.01
    assert abs(FACE[3] / h - P["linkedin-profile"].face_share) < 0.02
    assert abs((x + w / 2) - (FACE[0] + FACE[2] / 2)) <= 1  # centred on the face
    assert pl.face_fit == "whole"


def test_story_keeps_the_face_out_of_the_ui_bands():
    pre = P["instagram-story"]
    pl = place(3000, 2000, pre, FACE, EYES_Y)
    x, y, w, h = pl.box
    scale = pre.height / h
    top = (FACE[1] - y) * scale
    bottom = (FACE[1] + FACE[3] - y) * scale
    sx, sy, sw, sh = pre.safe
    assert top >= sy and bottom <= sy + sh


def test_linkedin_banner_moves_the_face_right_of_the_profile_photo():
    pre = P["linkedin-banner"]
    face = (150, 900, 120, 150)  # a small face at the far left of a wide photo
    pl = place(3000, 2000, pre, face, 960)
    x, y, w, h = pl.box
    scale = pre.width / w
    face_left = (face[0] - x) * scale
    ax, ay, aw, ah = pre.avoid
    face_bottom = (face[1] + face[3] - y) * scale
    assert face_left >= ax + aw or face_bottom <= ay
    assert pl.face_fit == "whole" and pl.in_safe_area


def test_youtube_banner_keeps_the_face_in_the_centre_safe_area():
    pre = P["youtube-banner"]
    face = (900, 800, 300, 360)  # low enough for the band to sit on it
    pl = place(3000, 2000, pre, face, 950)
    x, y, w, h = pl.box
    s = pre.width / w
    sx, sy, sw, sh = pre.safe
    assert sx <= (face[0] - x) * s and (face[0] + face[2] - x) * s <= sx + sw
    assert sy <= (face[1] - y) * s and (face[1] + face[3] - y) * s <= sy + sh
    assert pl.in_safe_area


def test_a_face_too_big_for_the_safe_area_is_whole_and_centred_on_it():
    pre = P["youtube-banner"]
    pl = place(3000, 2000, pre, FACE, EYES_Y)  # 480 px face: the 423/1440 band cannot hold it
    x, y, w, h = pl.box
    assert pl.face_fit == "whole" and not pl.in_safe_area
    face_cy = (FACE[1] + FACE[3] / 2 - y) / h
    assert abs(face_cy - 0.5) < 0.1


def test_face_at_the_edge_still_fits_whole():
    pl = place(1200, 1600, P["instagram-post"], (0, 0, 300, 350), 140)
    x, y, w, h = pl.box
    assert (x, y) == (0, 0) and pl.face_fit == "whole"


def test_no_face_centres_on_the_detail():
    arr = np.full((400, 600, 3), 128, dtype=np.uint8)
    rng = np.random.default_rng(1)
    arr[150:250, 420:560] = rng.integers(0, 255, (100, 140, 3), dtype=np.uint8)
    fx, fy = focus_point(arr, 2.0)
    assert fx > 600 * 2 * 0.6  # pulled towards the textured patch on the right
    pl = place(1200, 800, P["instagram-profile"], None, None, (fx, fy))
    assert pl.face_fit == "none"
    x, y, w, h = pl.box
    assert (w, h) == (800, 800) and x == 400  # as far right as the image allows
