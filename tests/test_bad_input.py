"""Issue 5: every unusual portrait builds correctly and every broken one is refused in one line,
in a single corpus kit built once (tests/corpus.py), while the other portraits still build."""
from __future__ import annotations

import numpy as np
import pytest
from coloraide import Color
from corpus import PATCH, PATCH_BOX, STORED, sha256
from PIL import Image

from conftest import ASTRONAUT, CAMERAMAN, HOPPER
from kitgen.decode import MIN_SIDE

TOL = 4  # px: the same face found in two JPEG encodings of one picture


def _web(corpus, p: dict) -> np.ndarray:
    return np.asarray(Image.open(corpus.site / "images" / f"{p['id']}.jpg").convert("RGB"),
                      dtype=float)


def _close(a, b, tol=TOL) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def test_exit_code_summary_and_no_traceback(corpus):
    assert corpus.exit_code == 1  # built, with failed portraits
    assert "Traceback" not in corpus.output
    assert ("built 25 portrait(s), 50 crops," in corpus.output
            and "6 failed, 1 skipped" in corpus.output), corpus.output
    assert len(corpus.manifest["portraits"]) == 25


def test_originals_are_never_written(corpus):
    folder = corpus.kit / "content" / "portraits"
    after = {p.name: sha256(p) for p in folder.iterdir()}
    assert after == corpus.hashes
    assert len(after) == 32  # 25 built, 6 refused, 1 duplicate


@pytest.mark.parametrize("n", sorted(STORED))
def test_exif_orientation_is_applied(corpus, n):
    ref = corpus.portrait("hopper-reference.jpg")
    p = corpus.portrait(f"orient-{n}.jpg")
    # Orientations 5-8 store the picture sideways (600 x 512); the manifest is upright.
    assert (p["width"], p["height"]) == (512, 600)
    assert _close(p["faces"][0]["box"], ref["faces"][0]["box"])
    crop, ref_crop = p["crops"][0], ref["crops"][0]
    assert crop["preset"] == ref_crop["preset"] == "linkedin-profile"
    assert _close(crop["box"], ref_crop["box"])
    # The published image is the upright picture, not a mirrored or rotated one.
    web, ref_web = _web(corpus, p), _web(corpus, ref)
    assert np.abs(web - ref_web).mean() < 3
    assert np.abs(web - ref_web[:, ::-1]).mean() > 15
    assert np.abs(web - ref_web[::-1, :]).mean() > 15


def test_cmyk_jpeg_is_converted(corpus):
    p = corpus.portrait("cmyk.jpg")
    astro = np.asarray(Image.open(ASTRONAUT).convert("RGB"), dtype=float)
    assert (p["width"], p["height"]) == (512, 512)
    assert np.abs(_web(corpus, p) - astro).mean() < 4
    assert len(p["faces"]) == 1


def test_sixteen_bit_png_keeps_its_tones(corpus):
    p = corpus.portrait("grey16.png")
    cam = np.asarray(Image.open(CAMERAMAN).convert("RGB"), dtype=float)
    assert np.abs(_web(corpus, p) - cam).mean() < 3  # not black, not blown out
    assert len(p["faces"]) == 1


@pytest.mark.parametrize("name,source", [("palette-transparent.png", ASTRONAUT),
                                         ("rgba.png", ASTRONAUT), ("la.png", CAMERAMAN)])
def test_transparency_is_composited_on_neutral_grey(corpus, name, source):
    p = corpus.portrait(name)
    assert "has transparency; composited on neutral grey" in p["warnings"]
    web = _web(corpus, p)
    assert _close(web[20:60, 20:60].mean(axis=(0, 1)), (128, 128, 128), 3)
    orig = np.asarray(Image.open(source).convert("RGB"), dtype=float)
    assert np.abs(web[200:, 200:] - orig[200:, 200:]).mean() < 6
    assert len(p["faces"]) == 1


@pytest.mark.parametrize("name,space", [("adobe-rgb.png", "a98-rgb"),
                                        ("display-p3.jpg", "display-p3"),
                                        ("srgb-patch.png", "srgb")])
def test_colour_profiles_are_converted_to_srgb(corpus, name, space):
    expected = [v * 255 for v in
                Color(space, [c / 255 for c in PATCH]).convert("srgb").coords()]
    x0, y0, x1, y1 = PATCH_BOX
    web = _web(corpus, corpus.portrait(name))
    measured = web[y0 + 8:y1 - 8, x0 + 8:x1 - 8].mean(axis=(0, 1))
    assert _close(measured, expected, 2.5), (measured, expected)
    if space != "srgb":  # the profile changed the numbers: it was not just passed through
        assert abs(measured[0] - PATCH[0]) > 15


def test_heic_is_decoded(corpus):
    from kitgen import memory

    # Its header sizes its place in the memory budget, as any other image's does.
    heic = corpus.kit / "content" / "portraits" / "astronaut.heic"
    assert memory.job_bytes(heic) == int(512 * 512 * memory.PER_PIXEL) + memory.PER_JOB
    p = corpus.portrait("astronaut.heic")
    ref = corpus.portrait("Zoë Åström portrait 1.jpg")  # the same picture as JPEG
    assert (p["width"], p["height"]) == (512, 512)
    assert _close(p["faces"][0]["box"], ref["faces"][0]["box"])


@pytest.mark.parametrize("name", ["animated.gif", "animated.webp"])
def test_animated_images_use_the_first_frame(corpus, name):
    p = corpus.portrait(name)
    assert "is animated (3 frames); the first frame is used" in p["warnings"]
    astro = np.asarray(Image.open(ASTRONAUT).convert("RGB"), dtype=float)
    web = _web(corpus, p)
    assert np.abs(web - astro).mean() < 5
    assert np.abs(web - (255 - astro)).mean() > 100  # not the inverted second frame


def test_file_names_with_spaces_and_non_ascii(corpus):
    p = corpus.portrait("Zoë Åström portrait 1.jpg")
    assert p["id"] == "zoe-astrom-portrait-1"
    assert (corpus.site / "images" / "zoe-astrom-portrait-1.jpg").is_file()
    assert (corpus.site / p["crops"][0]["path"]).is_file()
    assert (corpus.site / "portraits" / "zoe-astrom-portrait-1" / "index.html").is_file() or \
        (corpus.site / "portraits" / "zoe-astrom-portrait-1.html").is_file()


def test_duplicate_is_built_once_with_one_warning(corpus):
    message = ("is the same image as content/portraits/hopper-reference.jpg; built once "
               "(remove one of the copies)")
    assert {"source": "portraits/zz-duplicate.jpg", "message": message} in \
        corpus.manifest["skipped"]
    sources = [p["source"] for p in corpus.manifest["portraits"]]
    assert "portraits/zz-duplicate.jpg" not in sources
    assert sources.count("portraits/hopper-reference.jpg") == 1
    assert corpus.output.count("zz-duplicate.jpg") == 1
    assert f"skipped: content/portraits/zz-duplicate.jpg: {message}\n" in corpus.output


def test_face_touching_the_edge(corpus):
    p = corpus.portrait("face-at-edge.png")
    (fx, fy, fw, fh), = [f["box"] for f in p["faces"]]
    assert fx == 0 and fw > 40
    x, y, w, h = p["crops"][0]["box"]
    assert x == 0 and y >= 0 and x + w <= p["width"] and y + h <= p["height"]
    assert y <= fy and fy + fh <= y + h  # the whole face height is in the avatar


def test_several_faces_pick_the_largest(corpus):
    p = corpus.portrait("two-faces.jpg")
    assert len(p["faces"]) == 2 and p["subject"] == 0
    big, small = (f["box"] for f in p["faces"])
    assert big[0] + big[2] <= 512 < small[0]  # Hopper left, the astronaut right
    assert big[2] * big[3] > small[2] * small[3]
    assert ("2 faces found; the largest is the subject (set 'subject' in brand.yml to "
            "choose another)") in p["warnings"]
    x, y, w, h = p["crops"][0]["box"]
    assert x <= big[0] and big[0] + big[2] <= x + w


def test_no_face(corpus):
    p = corpus.portrait("no-face.png")
    assert p["faces"] == [] and p["subject"] is None
    assert "no face found; crops are centred on the most detailed area" in p["warnings"]
    assert {c["face_fit"] for c in p["crops"]} == {"none"}
    assert (p["width"], p["height"]) == (512, 172)
    page = (corpus.site / "portraits" / f"{p['id']}.html").read_text(encoding="utf-8")
    assert page.count("No face found") == 1  # the warning box, not the warning again below
    assert "no face found; crops are centred" not in page


@pytest.mark.parametrize("name,message", [
    ("truncated.jpg", "is truncated or damaged; export the image again"),
    ("zero-bytes.jpg", "is empty (0 bytes); export the image again or remove it"),
    ("text-named.jpg", "is not an image kitgen can read; export it as JPEG, PNG, WebP or HEIC"),
    ("bomb.png", "is too large to open safely (over 200 megapixels); downscale it before "
                 "adding it to the kit"),
    ("too-small.png", f"is too small (100x120); kitgen needs at least {MIN_SIDE} px on the "
                      "short side; use a larger original"),
    ("link-outside.jpg", "is a link to a file outside the kit folder; copy the image into the "
                         "kit instead"),
])
def test_refused_with_one_line(corpus, name, message):
    assert corpus.failure(name) == message
    line = f"Error: content/portraits/{name}: {message}\n"
    assert line in corpus.output
    assert corpus.output.count(name) == 1
    assert not any(p["source"].endswith(name) for p in corpus.manifest["portraits"])


def test_other_portraits_still_built(corpus):
    built = {p["source"].split("/", 1)[1] for p in corpus.manifest["portraits"]}
    refused = {f["source"].split("/", 1)[1] for f in corpus.manifest["failed"]}
    skipped = {f["source"].split("/", 1)[1] for f in corpus.manifest["skipped"]}
    assert built | refused | skipped == set(corpus.hashes)
    assert not built & refused
    for p in corpus.manifest["portraits"]:
        for c in p["crops"]:
            assert (corpus.site / c["path"]).is_file()
    assert HOPPER.name not in built  # the corpus uses its own copies


def test_min_side_is_the_documented_minimum():
    assert MIN_SIDE == 128


def test_a_photo_stored_on_its_side_gets_a_warning_with_the_fix(corpus):
    p = corpus.portrait("sideways.jpg")
    assert abs(p["reading"]["head"]["roll"]) > 80
    (said,) = [w for w in p["warnings"] if "on its side" in w]
    assert said.startswith("the face lies on its side (roll ")
    assert said.endswith("rotate the original upright (or fix its orientation tag) and build "
                         "again")
    upright = corpus.portrait("gps-exif-xmp.jpg")  # the same astronaut, upright
    assert not [w for w in upright["warnings"] if "on its side" in w]


def test_no_face_page_says_only_what_the_pictures_draw(corpus):
    """QA pass 4: a landscape's page explained a face box, an eye line and a gaze ring that its
    reading thumbnail does not have, and both pictures' alt text named them."""
    p = corpus.portrait("no-face.png")
    page = " ".join((corpus.site / "portraits" / f"{p['id']}.html").read_text(
        encoding="utf-8").split())
    assert "no face box, eye line or gaze to draw" in page
    assert "<strong>face box</strong>" not in page and "red ring" not in page
    assert 'alt="Subject face' not in page and 'alt="Reading: face box' not in page
    assert 'alt="The picture on the thirds grid; no face found"' in page


def test_a_link_to_a_missing_file_says_so(kit_factory):
    """QA pass 4: it was told 'cannot be read (No such file or directory); check its
    permissions'."""
    import json
    import os

    from kitgen.build import build

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [x]\n", [HOPPER])
    os.symlink("../gone/hopper.jpg", kit / "content" / "portraits" / "link.jpg")
    report = build(kit, workers=1)
    assert report.exit_code == 1
    failed = json.loads((kit / "site" / "kit.json").read_text(encoding="utf-8"))["failed"]
    assert failed == [{"source": "portraits/link.jpg",
                       "message": "is a link to ../gone/hopper.jpg, which does not exist; "
                                  "restore that file or remove the link"}]


def test_a_line_break_in_a_file_name_keeps_each_message_one_line(kit_factory):
    from click.testing import CliRunner

    from kitgen.cli import main

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [github]\n", [ASTRONAUT])
    (kit / "content" / "portraits" / "two\nlines.png").write_text("not an image")
    result = CliRunner().invoke(main, ["build", "--kit", str(kit), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: content/portraits/two\\nlines.png: is not an image kitgen can read; export it "
        "as JPEG, PNG, WebP or HEIC"]
