"""Crops of the built example kit: sizes, face containment, eye line, upscale flags."""
import numpy as np
from PIL import Image

from conftest import ASTRONAUT

from kitgen.crops.presets import PRESETS

PRESET = {p.id: p for p in PRESETS}


def _inside(inner, outer):
    x, y, w, h = inner
    X, Y, W, H = outer
    return X <= x and Y <= y and x + w <= X + W and y + h <= Y + H


def test_every_preset_has_a_crop_of_its_exact_size(example_build):
    kit, report = example_build
    for p in report.portraits:
        assert [c.preset for c in p.crops] == [pr.id for pr in PRESETS]
        for c in p.crops:
            with Image.open(kit / "site" / c.path) as im:
                assert im.size == (PRESET[c.preset].width, PRESET[c.preset].height)
                assert im.format == "JPEG" and im.mode == "RGB"


def test_crop_boxes_lie_in_the_image_with_the_preset_aspect(example_build):
    _, report = example_build
    for p in report.portraits:
        for c in p.crops:
            x, y, w, h = c.box
            assert x >= 0 and y >= 0 and x + w <= p.width and y + h <= p.height
            aspect = c.width / c.height
            # integer pixels: at most half a pixel off on the side that was rounded
            assert abs(w / h - aspect) <= 0.5 * max(1.0, aspect) / h + 1e-9, c.preset


def test_subject_face_is_inside_every_crop_that_can_hold_it(example_build):
    _, report = example_build
    for p in report.portraits:
        face = p.faces[p.subject].box
        for c in p.crops:
            if PRESET[c.preset].kind != "banner":
                assert c.face_fit == "whole", (p.id, c.preset)
            assert (c.face_fit == "whole") == _inside(face, c.box), (p.id, c.preset)


def test_wide_banner_keeps_both_eyes_when_face_does_not_fit(example_build):
    _, report = example_build
    hopper = next(p for p in report.portraits if p.id == "grace-hopper-navy")
    banner = next(c for c in hopper.crops if c.preset == "linkedin-banner")
    assert banner.face_fit == "partial"
    assert any("linkedin-banner" in w for w in hopper.warnings)
    fx, fy, fw, fh = hopper.faces[hopper.subject].box
    x, y, w, h = banner.box
    # eyes sit roughly 35-50 % down the mesh box; that band must be inside the crop
    assert y <= fy + 0.35 * fh and fy + 0.5 * fh <= y + h


def test_eye_line_sits_near_the_upper_third_on_avatars(example_build):
    from kitgen.analysis.face import analysis_copy, detect_faces
    from kitgen.decode import decode

    kit, report = example_build
    astro = next(p for p in report.portraits if p.id == "eileen-collins-nasa")
    img = decode(kit / "content" / astro.source).image
    arr, factor = analysis_copy(img)
    (left, right) = detect_faces(arr, factor, img.size)[0].eyes
    eye_y = (left[1] + right[1]) / 2
    for c in astro.crops:
        if PRESET[c.preset].kind == "avatar":
            x, y, w, h = c.box
            rel = (eye_y - y) / h
            assert 0.3 <= rel <= 0.47, (c.preset, rel)


def test_upscaled_flag_matches_the_source_pixels(example_build):
    _, report = example_build
    for p in report.portraits:
        for c in p.crops:
            x, y, w, h = c.box
            factor = max(c.width / w, c.height / h)
            assert c.upscaled == (factor > 1.0)
            if c.upscaled:
                assert abs(c.upscale_factor - factor) < 0.01


def test_banner_face_avoids_the_profile_photo(example_build):
    _, report = example_build
    linkedin = PRESET["linkedin-banner"]
    ax, ay, aw, ah = linkedin.avoid
    for p in report.portraits:
        c = next(c for c in p.crops if c.preset == "linkedin-banner")
        fx, fy, fw, fh = p.faces[p.subject].box
        x, y, w, h = c.box
        s = linkedin.width / w
        face_left = (fx - x) * s
        face_bottom = (fy + fh - y) * s
        overlaps = face_left < ax + aw and face_bottom > ay
        assert not overlaps or face_left >= ax + aw - 1, p.id


def test_circle_previews_are_transparent_outside_the_circle(example_build):
    kit, report = example_build
    for c in report.portraits[0].crops:
        if PRESET[c.preset].circle:
            with Image.open(kit / "site" / c.preview) as im:
                assert im.mode == "RGBA"
                assert im.getpixel((0, 0))[3] == 0
                assert im.getpixel((im.width // 2, im.height // 2))[3] == 255
        else:
            assert c.preview is None


def test_crops_carry_only_an_srgb_profile(example_build):
    import io

    from PIL import ImageCms

    kit, report = example_build
    for c in report.portraits[1].crops[:3]:
        with Image.open(kit / "site" / c.path) as im:
            assert "exif" not in im.info
            profile = ImageCms.ImageCmsProfile(io.BytesIO(im.info["icc_profile"]))
            assert "sRGB" in ImageCms.getProfileDescription(profile)
            assert im.info.get("progressive") or im.info.get("progression")


def _psnr(a, b) -> float:
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return float(10 * np.log10(255 ** 2 / ((a - b) ** 2).mean()))


def test_pyramid_crops_match_a_direct_resize_of_the_box():
    """Reduced levels and a kept larger crop of the same box stand in for the source: the
    result stays within 40 dB PSNR of resizing the source box directly."""
    from kitgen.crops.pyramid import FILTER, Pyramid

    src = Image.open(ASTRONAUT).convert("RGB").resize((2048, 2048), Image.BICUBIC)
    box = (300, 100, 1400, 1400)
    pyr = Pyramid(src)
    big = pyr.resize(box, (600, 600), keep=True)
    direct = src.resize((600, 600), FILTER, box=(300, 100, 1700, 1500))
    assert np.array_equal(np.asarray(big), np.asarray(direct))  # 2.3 px per output px
    small = pyr.resize(box, (240, 240))  # from the kept 600 px crop
    assert _psnr(small, src.resize((240, 240), FILTER, box=(300, 100, 1700, 1500))) > 40
    far = pyr.resize((0, 0, 2048, 2048), (256, 256))  # 8 px per output px: level 4
    assert _psnr(far, src.resize((256, 256), FILTER)) > 40
    pyr.forget(box)  # made again from the source's level 2 (5.8 px per output px)
    again = np.asarray(pyr.resize(box, (240, 240)))
    from_level = src.reduce(2).resize((240, 240), FILTER, box=(150, 50, 850, 750))
    assert np.array_equal(again, np.asarray(from_level))
    assert not np.array_equal(np.asarray(small), again)


def test_a_reduced_copy_goes_after_the_last_resize_that_reads_it():
    from kitgen.crops.pyramid import Pyramid

    src = Image.open(ASTRONAUT).convert("RGB").resize((2048, 2048), Image.BICUBIC)
    pyr = Pyramid(src)
    pyr.prepare([1, 1, 4])  # two resizes from the full image, one from the 1/4 copy
    assert pyr.held == [1]  # copies are made when first read, not before
    pyr.release(1)
    assert pyr.held == [1]
    pyr.release(1)  # the full decode goes, once the 1/4 copy is made from it
    assert pyr.held == [4]  # the 1/2 copy was only a step on the way
    assert np.array_equal(np.asarray(pyr.level(4)), np.asarray(src.reduce(2).reduce(2)))
    pyr.release(4)
    assert pyr.held == []

    lazy = Pyramid(src)
    lazy.prepare([1, 4])
    lazy.level(4)  # read before the full-size resize is done: both held, nothing between
    assert lazy.held == [1, 4]


def _process_into(out, src, threads):
    from kitgen.process import process

    rec = process(src, "portraits/big.jpg", "big", {}, list(PRESETS), out, threads)
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return rec.to_dict(), files


def test_two_threads_make_the_same_files_and_record_as_one(tmp_path):
    """A 25 MP JPEG takes the second-decode path (its first decode is at 1/2 scale), a 4 MP
    one the single-decode path where the reading and web images run beside the crops."""
    src = Image.open(ASTRONAUT).convert("RGB")
    for side in (2000, 5000):
        path = tmp_path / f"big-{side}.jpg"
        src.resize((side, side), Image.BICUBIC).save(path, quality=90)
        one = _process_into(tmp_path / f"one-{side}", path, 1)
        two = _process_into(tmp_path / f"two-{side}", path, 2)
        assert one[0] == two[0]
        assert sorted(one[1]) == sorted(two[1]) and len(one[1]) > 19
        assert one[1] == two[1]


def test_the_guide_picture_reads_the_halved_copy_where_a_crop_reads_the_full_decode():
    """2.6 source pixels per output pixel: a crop (a deliverable) is resampled from the full
    decode, the guide's web picture (a preview) from the copy reduced by two."""
    from kitgen.crops.pyramid import FILTER, GAP, PREVIEW_GAP, Pyramid

    src = Image.open(ASTRONAUT).convert("RGB").resize((2600, 2600), Image.BICUBIC)
    whole = (0, 0, 2600, 2600)
    pyr = Pyramid(src)
    crop = pyr.resize(whole, (1000, 1000), gap=GAP)
    preview = pyr.resize(whole, (1000, 1000), reuse=False, gap=PREVIEW_GAP)
    assert np.array_equal(np.asarray(crop), np.asarray(src.resize((1000, 1000), FILTER)))
    assert np.array_equal(np.asarray(preview),
                          np.asarray(src.reduce(2).resize((1000, 1000), FILTER)))
    assert _psnr(preview, crop) > 40


def test_portraits_in_work_at_once_share_the_process_threads():
    """Two portraits' parts run on the process's two threads, not two threads each: when one
    portrait is done, the other gets both."""
    import threading
    import time

    from kitgen.process import run_tasks

    seen: set[str] = set()

    def part() -> None:
        seen.add(threading.current_thread().name)
        time.sleep(0.02)

    callers = [threading.Thread(target=run_tasks, args=([part] * 6, 2)) for _ in range(2)]
    for t in callers:
        t.start()
    for t in callers:
        t.join()
    assert len(seen) == 2
    alone: set[str] = set()
    run_tasks([lambda: (alone.add(threading.current_thread().name), time.sleep(0.02))] * 6, 2)
    assert alone == seen  # the one portrait left runs on both


def test_formats_of_one_box_share_their_resamples_and_encodes(tmp_path, monkeypatch):
    """Same-size formats of one box (three 320 px avatars, two 400 px) are one encode, and
    the circle previews of avatars over 400 px one 400 px picture; every file is still there,
    at its own size."""
    from collections import Counter

    from kitgen.crops import render
    from kitgen.process import process

    jpegs, pngs = Counter(), []
    save_jpeg, circle = render.save_jpeg, render.circle_preview

    def counted_jpeg(img, path):
        jpegs[img.size] += 1
        save_jpeg(img, path)

    def counted_circle(img):
        pngs.append(img.size)
        return circle(img)

    monkeypatch.setattr(render, "save_jpeg", counted_jpeg)
    monkeypatch.setattr(render, "circle_preview", counted_circle)
    rec = process(ASTRONAUT, "portraits/a.png", "a", {}, list(PRESETS), tmp_path)
    crops = {c.preset: c for c in rec.crops}
    assert len(crops) == len(PRESETS)
    avatar_box = crops["instagram-profile"].box
    same_box = [p for p in PRESETS if crops[p.id].box == avatar_box]
    assert {"facebook-profile", "threads-profile", "linkedin-profile", "x-profile",
            "youtube-profile", "github-avatar", "teams-profile"} <= {p.id for p in same_box}
    assert jpegs[(320, 320)] == 1 and jpegs[(400, 400)] == 1
    # 320 (three avatars), 200, 400 (two), and one shared 400 px picture for 500-800 px ones.
    assert sorted(pngs) == [(200, 200), (320, 320), (400, 400), (400, 400)]
    for p in PRESETS:
        with Image.open(tmp_path / crops[p.id].path) as im:
            assert im.size == (p.width, p.height)
        if p.circle:
            with Image.open(tmp_path / crops[p.id].preview) as im:
                assert im.size == (min(p.width, 400),) * 2 and im.mode == "RGBA"
    for a, b in [("instagram-profile", "threads-profile"), ("linkedin-profile", "x-profile")]:
        assert (tmp_path / crops[a].path).read_bytes() == (tmp_path / crops[b].path).read_bytes()


def test_one_warning_per_portrait_names_its_enlarged_crops_and_the_size_that_avoids_it(
        example_build):
    import math
    import re

    _, report = example_build
    for p in report.portraits:
        big = [c for c in p.crops if c.upscale_factor >= 1.5]
        said = [w for w in p.warnings if "crops are enlarged" in w]
        assert len(said) == (1 if big else 0), p.id
        if big:
            worst = max(big, key=lambda c: c.upscale_factor)
            m = re.fullmatch(r"(\d+) of (\d+) crops are enlarged, up to ×([\d.]+) \(([\w-]+)\), "
                             r"and may look soft; an original of at least (\d+) × (\d+) px "
                             r"avoids it", said[0])
            assert m, said[0]
            assert (int(m[1]), int(m[2]), m[4]) == (len(big), len(p.crops), worst.preset)
            assert float(m[3]) == round(worst.upscale_factor, 1)
            w, h = int(m[5]), int(m[6])
            # at that size every crop of the same framing needs no enlarging
            assert all(c.upscale_factor * p.width / w <= 1 + 1e-9 for c in p.crops)
            assert (w, h) == (math.ceil(p.width * worst.upscale_factor),
                              math.ceil(p.height * worst.upscale_factor))


def test_no_enlargement_warning_when_the_crops_barely_grow(kit_factory):
    from kitgen.build import build

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [tiktok]\n", [ASTRONAUT])
    report = build(kit, workers=1)
    (p,) = report.portraits
    assert max(c.upscale_factor for c in p.crops) < 1.5
    assert not [w for w in p.warnings if "enlarged" in w]


def test_a_format_too_narrow_for_the_face_says_narrow_not_wide(kit_factory):
    from kitgen.build import build

    brand = ("person: {name: A}\ngoals: [trust]\nplatforms: [tiktok]\n"
             "presets: [{id: tall, label: Tall, width: 300, height: 1800, kind: portrait}]\n")
    report = build(kit_factory(brand, [ASTRONAUT]), workers=1)
    (p,) = report.portraits
    tall = next(c for c in p.crops if c.preset == "tall")
    assert tall.face_fit == "partial" and tall.box[2] < p.faces[p.subject].box[2]
    assert ("tall: the format is too narrow for the whole face; the crop is centred on it"
            in p.warnings)
    assert not [w for w in p.warnings if w.startswith("tall: the format is too wide")]


def test_one_crop_is_counted_as_one(kit_factory):
    """QA pass 4: a kit made for the press only said '1 of 1 crops are enlarged, up to ×7.1'
    in the build and on the portrait page, and '1 crops' on the overview's card."""
    from kitgen.build import build

    kit = kit_factory("person: {name: A}\ngoals: [trust]\nplatforms: [press]\n", [ASTRONAUT])
    report = build(kit, workers=1)
    (p,) = report.portraits
    said = [w for w in p.warnings if "enlarged" in w]
    assert len(said) == 1 and said[0].startswith("1 of 1 crop is enlarged, ×"), said
    index = " ".join((kit / "site" / "index.html").read_text(encoding="utf-8").split())
    assert "· 1 crop" in index and "1 crops" not in index
