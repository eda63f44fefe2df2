"""MkDocs takes the same theme files into the site when the theme's hidden folders are not
walked (kitgen.theme_files)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import Files

from kitgen.theme_files import VisibleThemeFiles, visible_templates

ROOT = Path(__file__).resolve().parents[1]


def _theme_files(cfg) -> list[str]:  # noqa: ANN001
    files = Files([])
    files.add_files_from_theme(cfg.theme.get_env(), cfg)
    return sorted(f.src_uri for f in files)


def test_the_site_gets_the_same_theme_files(tmp_path):
    (tmp_path / "docs").mkdir()
    cfg = load_config(config_file=str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path / "docs"),
                      site_dir=str(tmp_path / "site"))
    plain = _theme_files(cfg)
    full = cfg.theme.get_env().list_templates()
    VisibleThemeFiles().on_config(cfg)
    assert _theme_files(cfg) == plain
    assert any(p.startswith("assets/javascripts/") for p in plain)
    shown = cfg.theme.get_env().list_templates()
    assert len(full) > 10 * len(shown)  # Material's icons, not walked any more
    assert not any(part.startswith(".") for p in shown for part in p.split("/"))


def test_nested_and_hidden_files(tmp_path):
    (tmp_path / "a" / ".hidden").mkdir(parents=True)
    (tmp_path / "a" / ".hidden" / "x.svg").write_text("x")
    (tmp_path / "a" / "b.css").write_text("b")
    (tmp_path / ".dot").write_text("d")
    (tmp_path / "top.js").write_text("t")
    other = tmp_path / "other"
    assert visible_templates([str(tmp_path), str(other)]) == ["a/b.css", "top.js"]
