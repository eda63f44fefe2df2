"""The compiled-template cache speeds MkDocs up where it can write, and is skipped where not."""
from __future__ import annotations

from jinja2 import DictLoader, Environment

from kitgen.template_cache import CompiledTemplates


def _env() -> Environment:
    return Environment(loader=DictLoader({"page.html": "<h1>{{ title }}</h1>"}))


def test_templates_compile_into_the_user_cache_and_load_from_it(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    env = CompiledTemplates().on_env(_env(), None, None)
    assert env.get_template("page.html").render(title="Hi") == "<h1>Hi</h1>"
    stored = list((tmp_path / "kitgen" / "jinja").iterdir())
    assert len(stored) == 1 and stored[0].stat().st_size > 0
    again = CompiledTemplates().on_env(_env(), None, None)  # a later build: loaded, not compiled
    assert again.get_template("page.html").render(title="Yo") == "<h1>Yo</h1>"
    assert list((tmp_path / "kitgen" / "jinja").iterdir()) == stored


def test_an_unwritable_cache_folder_leaves_the_environment_as_it_was(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    env = CompiledTemplates().on_env(_env(), None, None)
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render(title="Hi") == "<h1>Hi</h1>"


def test_a_failed_write_costs_the_speed_up_not_the_build(tmp_path, monkeypatch):
    """A full disk or a read-only folder makes Jinja's write raise; the page still renders."""
    from jinja2 import FileSystemBytecodeCache

    def full_disk(self, bucket):  # noqa: ANN001, ANN202
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(FileSystemBytecodeCache, "dump_bytecode", full_disk)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    env = CompiledTemplates().on_env(_env(), None, None)
    assert env.bytecode_cache is not None
    assert env.get_template("page.html").render(title="Hi") == "<h1>Hi</h1>"
    assert list((tmp_path / "kitgen" / "jinja").iterdir()) == []


def test_page_templates_use_a_folder_of_their_own_and_render_the_same(tmp_path, monkeypatch,
                                                                      example_build):
    """kitgen's page templates compile with settings MkDocs' do not share (trim_blocks and
    the like, which Jinja's cache key leaves out), so they are kept apart."""
    from kitgen.analysis.kit_palette import merge
    from kitgen.guide.pages import render_pages
    from kitgen.kitfile.load import load_kit
    from kitgen.manifest import manifest

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    kit_root, report = example_build
    kit = load_kit(kit_root)
    palette = merge([p.palette for p in report.portraits])
    data = manifest(kit, report.portraits, palette, report.failed)
    first = render_pages(kit, report.portraits, palette, data)
    folders = [p for p in (tmp_path / "kitgen" / "jinja").iterdir() if p.is_dir()]
    assert len(folders) == 1 and len(list(folders[0].iterdir())) >= 4
    assert not [p for p in (tmp_path / "kitgen" / "jinja").iterdir() if p.is_file()]
    assert render_pages(kit, report.portraits, palette, data) == first
