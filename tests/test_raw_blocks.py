"""Raw HTML blocks skip Markdown (kitgen.raw_blocks) and come back whole, where they were."""
from __future__ import annotations

import markdown
import pytest
from mkdocs.exceptions import PluginError

from kitgen.raw_blocks import put_blocks, take_blocks

EXTENSIONS = ["attr_list", "md_in_html", "tables", "pymdownx.superfences", "pymdownx.tabbed"]


def convert(text: str) -> str:
    taken, blocks = take_blocks(text)
    html = markdown.Markdown(extensions=EXTENSIONS, extension_configs={
        "pymdownx.tabbed": {"alternate_style": True}}).convert(taken)
    return put_blocks(html, blocks, "page.md")


def test_nested_divs_stay_in_their_block_and_markdown_around_them_is_converted():
    text = ("# Colours\n\nSome *text*.\n\n<div class=\"kg-colours\" markdown=\"0\">\n"
            "<div class=\"kg-colour\">\n<dl><dt>Hex</dt><dd>*#fff*</dd></dl>\n</div>\n"
            "<div class=\"kg-colour\">\n<dl><dt>Hex</dt><dd>#000</dd></dl>\n</div>\n</div>\n\n"
            "After **it**.\n")
    taken, blocks = take_blocks(text)
    assert len(blocks) == 1 and blocks[0].count("kg-colour\"") == 2
    assert "<div" not in taken and "After **it**." in taken
    html = convert(text)
    assert "<em>text</em>" in html and "<strong>it</strong>" in html
    assert "<dd>*#fff*</dd>" in html  # inside the block, Markdown is not applied
    assert html.index("Some") < html.index("kg-colours") < html.index("After")


def test_a_block_inside_a_tab_comes_back_inside_that_tab():
    text = ('=== "Banner"\n\n    <div class="kg-crops" markdown="0">\n'
            '    <figure><img src="a.jpg" alt="a"></figure>\n    </div>\n\n'
            '=== "Avatar"\n\n    Plain *text*.\n')
    html = convert(text)
    first, second = html.split('class="tabbed-block"')[1:3]
    assert '<div class="kg-crops" markdown="0">\n<figure><img src="a.jpg" alt="a"></figure>' \
        in first and "kg-crops" not in second
    assert "<em>text</em>" in second


def test_blocks_that_do_not_stand_alone_are_left_to_markdown():
    text = ('Text right above\n<div class="x" markdown="0">\n<p>a</p>\n</div>\n\n'
            '<div class="y" markdown="0">\n<p>b</p>\n</div>\ntext right below\n\n'
            '<div class="z" markdown="1">\n*c*\n</div>\n')
    taken, blocks = take_blocks(text)
    assert blocks == [] and taken == text


def test_a_one_line_block_is_taken():
    taken, blocks = take_blocks('<div class="kg-tags" markdown="0"><span>trust</span></div>\n')
    assert blocks == ['<div class="kg-tags" markdown="0"><span>trust</span></div>']
    assert taken.strip() == "kgrawblock000000x"


def test_a_placeholder_markdown_swallowed_is_an_error_not_a_lost_block():
    taken, blocks = take_blocks('<div class="x" markdown="0">\n<p>a</p>\n</div>\n')
    with pytest.raises(PluginError, match="page.md"):
        put_blocks("<p>something else</p>", blocks, "page.md")


def test_the_built_platforms_page_has_every_figure_and_no_empty_paragraphs(example_build):
    kit, report = example_build
    html = (kit / "site" / "platforms.html").read_text(encoding="utf-8")
    assert html.count("<figure>") == report.crops
    assert "<p></p>" not in html and "kgrawblock" not in html
