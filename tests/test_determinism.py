"""Outputs are byte-identical whatever the number of workers and whether the cache was used,
and editing one portrait recomputes only that portrait. One portrait is a 4,900 px JPEG, so the
reduced first decode, the full decode for the crops and the shared reductions take part."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from conftest import ASTRONAUT, HOPPER, make_kit
from PIL import Image

BRAND = """person:
  name: Determinism Check
goals: [trust]
platforms: [linkedin]
"""
BIG_SIDE = 4900  # >= 2 x 2400: the first decode is libjpeg's 1/2 scale


def big_portrait(dest: Path) -> Path:
    img = Image.open(ASTRONAUT).convert("RGB").resize((BIG_SIDE, BIG_SIDE), Image.BICUBIC)
    img.save(dest, "JPEG", quality=90)
    return dest


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """One kit built with 1 worker, a copy built with 2, then rebuilt in the ways the cache
    and the site-skip take part in."""
    from kitgen.build import build

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SOURCE_DATE_EPOCH", "1767225600")  # MkDocs dates its sitemap by build day
        # An empty user cache: the first build compiles the theme's templates, the next reuse
        # them.
        xdg = tmp_path_factory.mktemp("xdg-cache")
        env.setenv("XDG_CACHE_HOME", str(xdg))
        big = big_portrait(tmp_path_factory.mktemp("src") / "big-astronaut.jpg")
        one = make_kit(tmp_path_factory.mktemp("one"), BRAND, [ASTRONAUT, HOPPER, big])
        two = tmp_path_factory.mktemp("two") / "kit"
        shutil.copytree(one, two)
        out = {"w1": build(one, workers=1)}
        out["w1_tree"] = tree(one / "site")
        out["compiled"] = sorted(p.name for p in (xdg / "kitgen" / "jinja").iterdir())
        out["w2"] = build(two, workers=2)
        out["w2_tree"] = tree(two / "site")
        out["unchanged"] = build(two, workers=2)  # answered from the last build
        out["unchanged_tree"] = tree(two / "site")
        # Forget that shortcut, so the per-portrait cache and the site-stage skip are tested.
        (two / ".kitgen" / "inputs.json").unlink()
        out["again"] = build(two, workers=2)
        out["again_tree"] = tree(two / "site")
        shutil.rmtree(two / "site")  # the site stage must run again, from cached entries only
        out["from_cache"] = build(two, workers=2)
        out["from_cache_tree"] = tree(two / "site")
        entries = {p.name for p in (two / ".kitgen" / "cache").iterdir()}
        edited = two / "content" / "portraits" / HOPPER.name
        with Image.open(edited) as im:
            img = im.convert("RGB")
        img.putpixel((0, 0), (0, 0, 0))
        img.save(edited, "JPEG", quality=90)
        out["edited"] = build(two, workers=2)
        out["edited_tree"] = tree(two / "site")
        out["new_entries"] = {p.name for p in (two / ".kitgen" / "cache").iterdir()} - entries
    return out


def test_builds_succeed_with_both_portraits(builds):
    for name in ("w1", "w2", "again", "from_cache", "edited"):
        report = builds[name]
        assert report.exit_code == 0, report.failed
        assert len(report.portraits) == 3


def test_one_and_two_workers_give_the_same_bytes(builds):
    # With two workers the guide was built while the last portrait's files were being made
    # (kitgen.site_overlap); with one, after every portrait: the same bytes.
    assert builds["w2"].guide_early and not builds["w1"].guide_early
    a, b = builds["w1_tree"], builds["w2_tree"]
    assert any(k.startswith("crops/") for k in a) and "kit.json" in a
    assert a == b


def test_compiled_templates_give_the_same_bytes(builds):
    """The first build compiled Material's templates into the user cache (from empty); the
    second build loaded them, and its site is the same bytes."""
    assert any(name.endswith(".cache") for name in builds["compiled"])
    assert len(builds["compiled"]) > 10
    assert builds["w1_tree"] == builds["w2_tree"]


def test_a_cached_rebuild_gives_the_same_bytes_without_recomputing(builds):
    assert builds["w2"].cached == 0
    assert builds["again"].cached == 3
    assert not builds["again"].site_built  # nothing the site reads changed: MkDocs skipped
    assert builds["again_tree"] == builds["w1_tree"]


def test_an_unchanged_kit_is_answered_without_building(builds):
    assert builds["unchanged"].up_to_date and not builds["again"].up_to_date
    assert builds["unchanged_tree"] == builds["w1_tree"]


def test_a_site_rebuilt_from_the_cache_gives_the_same_bytes(builds):
    report = builds["from_cache"]
    assert report.cached == 3 and report.site_built
    assert builds["from_cache_tree"] == builds["w1_tree"]


def test_editing_one_portrait_recomputes_only_that_one(builds):
    report = builds["edited"]
    assert report.cached == 2
    assert report.site_built
    assert len(builds["new_entries"]) == 1
    before, after = builds["w1_tree"], builds["edited_tree"]
    astro, hopper = "crops/eileen-collins-nasa/", "crops/grace-hopper-navy/"
    same = {k: v for k, v in before.items() if k.startswith(astro)}
    assert same and all(after[k] == v for k, v in same.items())
    assert any(after.get(k) != v for k, v in before.items() if k.startswith(hopper))


def test_a_large_jpeg_keeps_its_full_size_in_every_output(builds):
    """The first decode is reduced; sizes, boxes and crops still refer to the full image."""
    site = builds["w1"].site
    data = json.loads((site / "kit.json").read_text(encoding="utf-8"))
    big = next(p for p in data["portraits"] if p["id"] == "big-astronaut")
    assert (big["width"], big["height"]) == (BIG_SIDE, BIG_SIDE)
    assert big["faces"] and all(0 <= v <= BIG_SIDE for v in big["faces"][0]["box"])
    for crop in big["crops"]:
        x, y, w, h = crop["box"]
        assert x >= 0 and y >= 0 and x + w <= BIG_SIDE and y + h <= BIG_SIDE
        with Image.open(site / crop["path"]) as im:
            assert im.size == (crop["width"], crop["height"])
    with Image.open(site / "images" / "big-astronaut.jpg") as im:
        assert im.size == (1200, 1200)
