"""A kit's mkdocs.yml that MkDocs cannot load, or that lacks what the pages are written with:
one line naming the line or setting and the fix, exit code 2, the last site kept."""
from __future__ import annotations

import pytest

from conftest import CAMERAMAN, make_kit
from kitgen.build import build
from kitgen.errors import KitError
from kitgen.mkdocs_config import REQUIRED_EXTENSIONS


def _without(text: str, *lines: str) -> str:
    kept = [line for line in text.splitlines() if line.strip() not in lines]
    assert len(kept) == len(text.splitlines()) - len(lines)
    return "\n".join(kept) + "\n"


CASES = {
    "yaml-slip": (lambda t: t + "theme:\n  name: material\n   bad: [\n",
                  r"^mkdocs\.yml: line \d+, column \d+: mapping values are not allowed here; "
                  r"fix mkdocs\.yml and build again$"),
    "custom-dir": (lambda t: t.replace("custom_dir: themes/material", "custom_dir: themes/no"),
                   r"^mkdocs\.yml: theme: The path set in custom_dir \('.*themes/no'\) does not "
                   r"exist; fix mkdocs\.yml and build again$"),
    "no-tabs": (lambda t: _without(t, "- pymdownx.tabbed:", "alternate_style: true"),
                r"^mkdocs\.yml: markdown_extensions lacks what the guide's pages are written "
                r"with: pymdownx\.tabbed \(the platform tabs\); add it back \(kitgen init "
                r"writes the full list\) and build again$"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_mkdocs_yml_is_a_kit_error_in_one_line(tmp_path, case):
    edit, expected = CASES[case]
    kit = make_kit(tmp_path / "kit", "person:\n  name: Ada Q\ngoals: [trust]\n"
                   "platforms: [tiktok]\n", [CAMERAMAN])
    build(kit, workers=1)
    before = (kit / "site" / "index.html").read_bytes()
    config = kit / "mkdocs.yml"
    config.write_text(edit(config.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(KitError) as caught:
        build(kit, workers=1)
    assert caught.value.exit_code == 2
    assert "\n" not in caught.value.message
    assert caught.match(expected)
    assert (kit / "site" / "index.html").read_bytes() == before  # the last site is whole


def test_every_required_extension_is_in_the_scaffolds_mkdocs_yml():
    from kitgen.themes import PACKAGE_KIT  # what kitgen init copies

    text = (PACKAGE_KIT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in REQUIRED_EXTENSIONS:
        assert f"- {name}" in text, name


@pytest.mark.parametrize("listed", [
    ["markdown.extensions.admonition", "markdown.extensions.attr_list",
     "markdown.extensions.md_in_html", "pymdownx.details", "pymdownx.superfences",
     "pymdownx.tabbed"],
    ["admonition", "extra", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"],
])
def test_extensions_by_full_name_or_through_extra_are_accepted(listed):
    """QA pass 3: valid configurations were refused for naming them another way."""
    from kitgen.mkdocs_config import check_extensions

    check_extensions({"markdown_extensions": ["toc", "tables", "fenced_code", *listed]})
    with pytest.raises(KitError, match="pymdownx.tabbed"):
        check_extensions({"markdown_extensions": [e for e in listed if e != "pymdownx.tabbed"]})
