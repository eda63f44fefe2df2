"""The site's images are hard links to the cache (kitgen.media_links), and the cache never
hands back a file that was changed through one."""
from __future__ import annotations

import os

from kitgen.build import STATE, build

BRAND = "person:\n  name: Ada Example\ngoals: [trust]\n"


def test_site_images_are_the_cache_files_and_theme_files_are_copies(example_build):
    kit, report = example_build
    site = kit / "site"
    crops = sorted((site / "crops").rglob("*.jpg"))
    assert len(crops) == report.crops
    cache = kit / STATE / "cache"
    for crop in crops:
        source = [p for p in cache.glob(f"*/crops/{crop.parent.name}/{crop.name}")]
        assert len(source) == 1 and os.path.samefile(crop, source[0])
    for picture in (site / "images").glob("*.jpg"):
        assert any(os.path.samefile(picture, p) for p in cache.glob(f"*/images/{picture.name}"))
    # Material's own files come from the installed package: copied, never linked into it.
    bundles = list((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert bundles and all(b.stat().st_nlink == 1 for b in bundles)


def test_a_crop_edited_in_site_is_made_again_and_not_published(kit_factory):
    from conftest import CAMERAMAN, HOPPER

    kit = kit_factory(BRAND, [HOPPER, CAMERAMAN])
    build(kit, workers=1)
    crop = kit / "site" / "crops" / "cameraman" / "linkedin-profile.jpg"
    original = crop.read_bytes()
    with open(crop, "r+b") as fh:  # an optimiser rewriting the file in place
        fh.seek(len(original) // 2)
        fh.write(b"\x00" * 64)
    edited = crop.read_bytes()
    assert edited != original
    (kit / "content" / "brand.yml").write_text(BRAND + "audience: founders\n",
                                                encoding="utf-8")
    again = build(kit, workers=1)
    assert again.cached == 1  # grace-hopper's entry was reused, cameraman's made again
    assert (kit / "site" / "crops" / "cameraman" / "linkedin-profile.jpg").read_bytes() \
        == original
    assert all(p.read_bytes() != edited for p in
               (kit / STATE / "cache").rglob("linkedin-profile.jpg"))


def test_with_a_plugin_kitgen_does_not_know_images_are_copied(kit_factory):
    """Staged as documents, once their files are made: the guide is started while the last
    portrait's crops are still being encoded (kitgen.site_overlap), and waits for them."""
    from conftest import ASTRONAUT, CAMERAMAN, HOPPER

    kit = kit_factory(BRAND, [HOPPER, CAMERAMAN, ASTRONAUT])
    config = kit / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - glightbox\n", "  - glightbox\n  - tags\n"), encoding="utf-8")
    report = build(kit, workers=2)
    assert not report.failed and report.guide_early
    crops = list((kit / "site" / "crops").rglob("*.jpg"))
    assert len(crops) == report.crops and all(c.stat().st_nlink == 1 for c in crops)
    cached = {(p.parent.name, p.name): p.read_bytes()
              for p in (kit / STATE / "cache").rglob("crops/*/*.jpg")}
    assert all(cached[(c.parent.name, c.name)] == c.read_bytes() for c in crops)


def test_where_hard_links_fail_the_site_gets_copies(kit_factory, monkeypatch):
    """A kit on a disk without hard links (FAT, some network shares): kitgen.media_links.link
    falls back to copying, and the site is complete."""
    from conftest import HOPPER

    def no_links(src, dst, *args, **kwargs):  # noqa: ANN001, ANN202, ARG001
        raise OSError(1, "Operation not permitted")

    kit = kit_factory(BRAND, [HOPPER])
    monkeypatch.setattr(os, "link", no_links)
    report = build(kit, workers=1)
    assert not report.failed
    crops = sorted((kit / "site" / "crops").rglob("*.jpg"))
    assert len(crops) == report.crops and all(c.stat().st_nlink == 1 for c in crops)
    cached = {p.name: p.read_bytes() for p in (kit / STATE / "cache").rglob("*.jpg")
              if p.parent.name == "grace-hopper-navy"}
    assert all(cached[c.name] == c.read_bytes() for c in crops)
