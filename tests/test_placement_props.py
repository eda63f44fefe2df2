"""Property tests of crop geometry (issue 5): for any image size kitgen accepts, any face box
and any preset (built-in or a custom aspect), the crop lies inside the image, has the preset's
aspect ratio to the pixel, and holds the face whenever a box of that aspect could."""
from __future__ import annotations


from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kitgen.crops.placement import place
from kitgen.crops.presets import KIND_DEFAULTS, PRESETS, make_custom
from kitgen.decode import MIN_SIDE

EPS = 1e-9


@st.composite
def presets(draw):
    if draw(st.booleans()):
        return draw(st.sampled_from(PRESETS))
    w = draw(st.integers(16, 8000))
    h = draw(st.integers(16, 8000))
    kind = draw(st.sampled_from(sorted(KIND_DEFAULTS)))
    return make_custom("custom", "", w, h, kind, draw(st.booleans()))


@st.composite
def scenes(draw):
    W = draw(st.integers(MIN_SIDE, 9000))
    H = draw(st.integers(MIN_SIDE, 9000))
    fx = draw(st.integers(0, W - 1))
    fy = draw(st.integers(0, H - 1))
    fw = draw(st.integers(1, W - fx))
    fh = draw(st.integers(1, H - fy))
    eyes = draw(st.none() | st.floats(fy, fy + fh))
    return W, H, (fx, fy, fw, fh), eyes


def _possible(W: int, H: int, aspect: float) -> bool:
    """A box of this aspect at least one pixel on each side fits in the image."""
    h = min(H, W / aspect)
    return h >= 1 and h * aspect >= 1


def _aspect_ok(w: int, h: int, aspect: float) -> bool:
    # One side is rounded from the other, so it is off by at most half a pixel:
    # |w - h*aspect| <= 0.5 (width derived) or |h - w/aspect| <= 0.5 (height derived).
    return abs(w - h * aspect) <= 0.5 * max(1.0, aspect) + EPS


def _inside(box, W, H) -> bool:
    x, y, w, h = box
    return w >= 1 and h >= 1 and x >= 0 and y >= 0 and x + w <= W and y + h <= H


@settings(max_examples=400, deadline=None)
@given(scene=scenes(), preset=presets())
def test_face_crops_are_inside_with_exact_aspect(scene, preset):
    W, H, face, eyes = scene
    assume(_possible(W, H, preset.aspect))
    pl = place(W, H, preset, face, eyes)
    x, y, w, h = pl.box
    assert _inside(pl.box, W, H), (pl.box, W, H)
    assert _aspect_ok(w, h, preset.aspect), (w, h, preset.aspect)
    assert pl.face_fit in ("whole", "partial")
    fx, fy, fw, fh = face
    holds = x <= fx and y <= fy and fx + fw <= x + w and fy + fh <= y + h
    assert (pl.face_fit == "whole") == holds
    # The smallest box of this aspect that holds the face (no margin), with 1 px of rounding.
    need_h = max(fh, fw / preset.aspect) + 1
    if need_h <= H and need_h * preset.aspect + 1 <= W:
        assert holds, (pl.box, face, W, H, preset.id)


@settings(max_examples=200, deadline=None)
@given(W=st.integers(MIN_SIDE, 9000), H=st.integers(MIN_SIDE, 9000), preset=presets(),
       fx=st.floats(0, 1), fy=st.floats(0, 1))
def test_faceless_crops_are_inside_with_exact_aspect(W, H, preset, fx, fy):
    assume(_possible(W, H, preset.aspect))
    pl = place(W, H, preset, None, None, (fx * W, fy * H))
    assert pl.face_fit == "none"
    assert _inside(pl.box, W, H)
    assert _aspect_ok(pl.box[2], pl.box[3], preset.aspect)
    # Without a face the crop is as large as the aspect allows: each side within one pixel of
    # its largest real value, plus what one pixel of the other side is worth at this aspect.
    a = preset.aspect
    assert pl.box[3] >= min(H, W / a) - 1 - 1 / a - EPS
    assert pl.box[2] >= min(W, H * a) - 1 - a - EPS
