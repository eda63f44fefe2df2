"""The content-addressed cache and the site-stage digest: keys change with every input."""
from __future__ import annotations

import json

from kitgen import __version__, cache, site_files, site_state


def test_key_changes_with_every_input():
    base = ("a" * 64, "pid", {"title": "x"}, [{"id": "p", "width": 10}])
    k = cache.key(*base)
    assert k == cache.key(*base)
    variants = [
        ("b" * 64, *base[1:]),
        (base[0], "other", *base[2:]),
        (*base[:2], {"title": "y"}, base[3]),
        (*base[:3], [{"id": "p", "width": 11}]),
    ]
    assert len({k} | {cache.key(*v) for v in variants}) == 5


def test_code_version_names_the_release():
    assert cache.code_version().startswith(__version__ + "+")
    assert cache.code_version() == cache.code_version()


def test_store_then_lookup_round_trips_and_moves_the_files(tmp_path):
    work = tmp_path / "work" / "k1"
    (work / "crops").mkdir(parents=True)
    (work / "crops" / "a.jpg").write_bytes(b"jpeg")
    final = cache.store(tmp_path / "cache", "k1", work, {"id": "a"})
    assert cache.lookup(tmp_path / "cache", "k1") == {"id": "a"}
    assert (final / "crops" / "a.jpg").read_bytes() == b"jpeg" and not work.exists()
    assert cache.files_of(final) == ["crops/a.jpg"]  # the record and listing are not outputs


def test_an_entry_without_its_record_is_a_miss(tmp_path):
    (tmp_path / "cache" / "k2").mkdir(parents=True)
    (tmp_path / "cache" / "k2" / "crop.jpg").write_bytes(b"half")
    assert cache.lookup(tmp_path / "cache", "k2") is None
    (tmp_path / "cache" / "k2" / cache.RECORD).write_text("{not json", encoding="utf-8")
    assert cache.lookup(tmp_path / "cache", "k2") is None


def test_site_digest_follows_pages_data_config_and_themes(tmp_path):
    root = tmp_path / "kit"
    (root / "themes" / "assets").mkdir(parents=True)
    (root / "themes" / "assets" / "x.css").write_text("a{}", encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    args = ({"index.md": "# hi"}, [{"Home": "index.md"}], {"palette": []}, [tmp_path / "c1"])
    d = site_state.digest(root, config, *args)
    assert d == site_state.digest(root, config, *args)
    assert d != site_state.digest(root, config, {"index.md": "# ho"}, *args[1:])
    assert d != site_state.digest(root, config, *args[:2], {"palette": [1]}, args[3])
    assert d != site_state.digest(root, config, *args[:3], [tmp_path / "c2"])
    config.write_text("site_name: y\n", encoding="utf-8")
    d2 = site_state.digest(root, config, *args)
    assert d2 != d
    (root / "themes" / "assets" / "x.css").write_text("b{}", encoding="utf-8")
    assert site_state.digest(root, config, *args) != d2


def test_site_is_unchanged_only_with_the_same_digest_and_site_in_place(tmp_path):
    state, site = tmp_path / ".kitgen", tmp_path / "site"
    state.mkdir()
    data = {"palette": []}
    assert not site_state.unchanged(state, site, "d1", data)  # never built
    site_state.remember(state, "d1")
    assert json.loads((state / site_state.STATE_FILE).read_text())["digest"] == "d1"
    assert not site_state.unchanged(state, site, "d1", data)  # site/ missing
    site.mkdir()
    from kitgen.manifest import dumps

    (site / "kit.json").write_text(dumps(data), encoding="utf-8")
    assert not site_state.unchanged(state, site, "d1", data)  # no listing of site/ recorded
    (site / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    site_files.remember(state, site)
    assert site_state.unchanged(state, site, "d1", data)
    assert not site_state.unchanged(state, site, "d2", data)
    (site / "index.html").unlink()  # a page deleted by hand
    assert not site_state.unchanged(state, site, "d1", data)
    (site / "index.html").write_text("<p>guide</p>", encoding="utf-8")
    site_files.remember(state, site)
    (site / "kit.json").write_text("{}", encoding="utf-8")  # edited by hand
    assert not site_state.unchanged(state, site, "d1", data)


def test_a_portrait_replaced_after_planning_is_refused_not_cached(tmp_path):
    """The cache key names the bytes hashed when the build planned; a file replaced before its
    worker decoded it must not be stored under that key."""
    from conftest import CAMERAMAN, HOPPER, make_kit

    from kitgen.build import analyse, plan
    from kitgen.kitfile.load import load_kit

    kit_dir = make_kit(tmp_path / "kit", portraits=[HOPPER, CAMERAMAN],
                       brand_yml="person:\n  name: Test Person\ngoals: [trust]\n")
    kit = load_kit(kit_dir)
    jobs, _ = plan(kit)
    target = kit_dir / "content" / "portraits" / "cameraman.png"
    target.write_bytes(HOPPER.read_bytes())  # replaced between planning and decoding
    records, failed, cached, _, _ = analyse(kit, jobs, 1)
    assert [r["source"] for r in records] == ["portraits/grace-hopper-navy.jpg"]
    assert [(p.source, p.message) for p in failed] == [
        ("portraits/cameraman.png", "changed while kitgen was reading it; run kitgen build again")]
    stored = {p.name for p in (kit_dir / ".kitgen" / "cache").iterdir()}
    assert stored == {j.key for j in jobs if j.rel.endswith(".jpg")}


def test_a_file_rewritten_in_place_with_the_same_size_is_hashed_again(tmp_path):
    """file_sha256 keeps what it hashed while the file's identity and dates stay the same."""
    import hashlib
    import os

    from kitgen import cache

    path = tmp_path / "a.bin"
    for _ in range(200):
        path.write_bytes(os.urandom(1000))
        first = cache.file_sha256(path)
        assert cache.file_sha256(path) == first == hashlib.sha256(path.read_bytes()).hexdigest()
        data = os.urandom(1000)
        with open(path, "r+b") as fh:
            fh.write(data)
        assert cache.file_sha256(path) == hashlib.sha256(data).hexdigest()
