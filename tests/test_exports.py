"""Palette exports in site/kit/, each read back with a parser of its own and compared with
kit.json's palette."""
from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest
import tinycss2

from kitgen.exports import FORMATS, render_exports

PALETTE = [  # a hand-made palette: a repeated name and a name that is no identifier
    {"hex": "#1a2b3c", "rgb": [26, 43, 60], "hsl": [210, 40, 17], "share": 0.5, "name": "Navy"},
    {"hex": "#ff8800", "rgb": [255, 136, 0], "hsl": [32, 100, 50], "share": 0.3,
     "name": "Dark orange"},
    {"hex": "#1b2c3d", "rgb": [27, 44, 61], "hsl": [210, 39, 17], "share": 0.2, "name": "Navy"},
]


def hexes(palette):
    return [s["hex"] for s in palette]


def rgb_hex(r, g, b):
    return f"#{r:02x}{g:02x}{b:02x}"


# --- independent readers -----------------------------------------------------------------

def read_css(text: str) -> dict[str, str]:
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    root = [r for r in rules if r.type == "qualified-rule"
            and tinycss2.serialize(r.prelude).strip() == ":root"]
    assert len(root) == 1
    decls = tinycss2.parse_blocks_contents(root[0].content, skip_comments=True,
                                           skip_whitespace=True)
    return {d.name: tinycss2.serialize(d.value).strip() for d in decls
            if d.type == "declaration"}


def read_scss(text: str) -> dict[str, str]:
    return dict(re.findall(r"^\$([a-z0-9-]+):\s*(#[0-9a-f]{6});", text, re.M))


def read_tokens(text: str) -> dict[str, dict]:
    group = json.loads(text)["kit"]
    assert group["$type"] == "color"
    return {k: v for k, v in group.items() if not k.startswith("$")}


def read_ase(blob: bytes) -> list[tuple[str, str, tuple[float, ...]]]:
    """Adobe Swatch Exchange 1.0, parsed block by block."""
    assert blob[:4] == b"ASEF"
    major, minor, count = struct.unpack(">HHI", blob[4:12])
    assert (major, minor) == (1, 0)
    pos, colours, depth = 12, [], 0
    for _ in range(count):
        kind, length = struct.unpack(">HI", blob[pos:pos + 6])
        body = blob[pos + 6:pos + 6 + length]
        pos += 6 + length
        if kind == 0xC002:
            depth -= 1
            continue
        (units,) = struct.unpack(">H", body[:2])
        name = body[2:2 + units * 2].decode("utf-16-be")
        assert name.endswith("\0")
        rest = body[2 + units * 2:]
        if kind == 0xC001:
            depth += 1
            continue
        assert kind == 0x0001 and depth == 1
        model = rest[:4]
        assert model == b"RGB "
        values = struct.unpack(">3f", rest[4:16])
        (colour_type,) = struct.unpack(">H", rest[16:18])
        assert colour_type in (0, 1, 2) and len(rest) == 18
        colours.append((name[:-1], model.decode().strip(), values))
    assert pos == len(blob) and depth == 0
    return colours


def read_gpl(text: str) -> list[tuple[tuple[int, int, int], str]]:
    lines = text.splitlines()
    assert lines[0] == "GIMP Palette"
    out = []
    for line in lines[1:]:
        if line.startswith("#") or ":" in line.split("\t")[0]:
            continue
        m = re.match(r"^\s*(\d+)\s+(\d+)\s+(\d+)\s*(.*)$", line)
        assert m, line
        out.append(((int(m[1]), int(m[2]), int(m[3])), m[4].strip()))
    return out


def read_tailwind(text: str) -> dict[str, str]:
    m = re.search(r"kit:\s*(\{.*?\})", text, re.S)
    assert m and "module.exports" in text
    return json.loads(m[1])


# --- the built example --------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(example_build):
    kit, _ = example_build
    site = kit / "site"
    data = json.loads((site / "kit.json").read_text(encoding="utf-8"))
    return site, data


def test_kit_json_lists_every_export_and_each_file_exists(built):
    site, data = built
    assert set(data["exports"]) == {"css", "scss", "tokens", "ase", "gpl", "tailwind"}
    for entry in data["exports"].values():
        assert entry["path"].startswith("kit/") and entry["label"]
        assert (site / entry["path"]).stat().st_size > 0


def test_css_custom_properties_hold_the_kit_palette(built):
    site, data = built
    props = read_css((site / data["exports"]["css"]["path"]).read_text(encoding="utf-8"))
    assert all(name.startswith("--kit-") for name in props)
    assert list(props.values()) == hexes(data["palette"])


def test_scss_variables_hold_the_kit_palette(built):
    site, data = built
    text = (site / data["exports"]["scss"]["path"]).read_text(encoding="utf-8")
    assert list(read_scss(text).values()) == hexes(data["palette"])
    assert "$kit-colours: (" in text


def test_design_tokens_hold_the_kit_palette(built):
    site, data = built
    tokens = read_tokens((site / data["exports"]["tokens"]["path"]).read_text(encoding="utf-8"))
    assert [t["$value"]["hex"] for t in tokens.values()] == hexes(data["palette"])
    for t, s in zip(tokens.values(), data["palette"]):
        assert t["$value"]["colorSpace"] == "srgb"
        assert rgb_hex(*(round(c * 255) for c in t["$value"]["components"])) == s["hex"]


def test_ase_binary_holds_the_kit_palette(built):
    site, data = built
    swatches = read_ase((site / data["exports"]["ase"]["path"]).read_bytes())
    assert [name for name, _, _ in swatches] == [s["name"] for s in data["palette"]]
    assert [rgb_hex(*(round(v * 255) for v in values)) for _, _, values in swatches] == \
        hexes(data["palette"])


def test_gimp_palette_holds_the_kit_palette(built):
    site, data = built
    rows = read_gpl((site / data["exports"]["gpl"]["path"]).read_text(encoding="utf-8"))
    assert [rgb_hex(*rgb) for rgb, _ in rows] == hexes(data["palette"])
    assert [name for _, name in rows] == [s["name"] for s in data["palette"]]


def test_tailwind_preset_holds_the_kit_palette(built):
    site, data = built
    colours = read_tailwind((site / data["exports"]["tailwind"]["path"]).read_text(
        encoding="utf-8"))
    assert list(colours.values()) == hexes(data["palette"])


def test_colour_page_links_every_export(built):
    site, data = built
    html = (site / "colours.html").read_text(encoding="utf-8")
    for entry in data["exports"].values():
        assert f'href="{entry["path"]}"' in html


# --- edge cases without a build ----------------------------------------------------------

def test_repeated_names_get_distinct_tokens_in_every_format():
    files = render_exports(PALETTE, 'Ada "Countess" <Lovelace> */ //')
    css = read_css(files["kit/palette.css"].decode())
    assert css == {"--kit-navy": "#1a2b3c", "--kit-dark-orange": "#ff8800",
                   "--kit-navy-2": "#1b2c3d"}
    assert read_scss(files["kit/_palette.scss"].decode()) == {
        k[2:]: v for k, v in css.items()}
    assert list(read_tokens(files["kit/tokens.json"].decode())) == [
        "navy", "dark-orange", "navy-2"]
    assert read_tailwind(files["kit/tailwind.preset.js"].decode()) == {
        "navy": "#1a2b3c", "dark-orange": "#ff8800", "navy-2": "#1b2c3d"}
    ase = read_ase(files["kit/palette.ase"])
    assert [n for n, _, _ in ase] == ["Navy", "Dark orange", "Navy 2"]  # as the guide says
    assert read_gpl(files["kit/palette.gpl"].decode())[2] == ((27, 44, 61), "Navy 2")
    assert read_gpl(files["kit/palette.gpl"].decode())[1] == ((255, 136, 0), "Dark orange")


def test_an_empty_palette_still_gives_valid_files():
    files = render_exports([], "Nobody yet")
    assert set(files) == {f"kit/{m.FILENAME}" for m in FORMATS.values()}
    assert read_css(files["kit/palette.css"].decode()) == {}
    assert read_ase(files["kit/palette.ase"]) == []
    assert read_gpl(files["kit/palette.gpl"].decode()) == []
    assert read_tailwind(files["kit/tailwind.preset.js"].decode()) == {}


def test_tailwind_preset_loads_in_node_when_node_is_installed(tmp_path: Path):
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; the preset is checked with a JSON reader above")
    (tmp_path / "p.js").write_bytes(render_exports(PALETTE, "T")["kit/tailwind.preset.js"])
    out = subprocess.run([node, "-e", "console.log(JSON.stringify(require('./p.js')))"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert json.loads(out)["theme"]["extend"]["colors"]["kit"]["navy-2"] == "#1b2c3d"
