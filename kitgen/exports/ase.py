"""Adobe Swatch Exchange (.ase, version 1.0): the kit as one named swatch group.

The file is a header (``ASEF``, version, block count) followed by big-endian blocks: group
start, one RGB colour entry per swatch (float32 channels, UTF-16 names), group end.
"""
from __future__ import annotations

import struct

from kitgen.exports.named import NamedColour

FILENAME = "palette.ase"
LABEL = "Adobe Swatch Exchange (Illustrator, Photoshop, InDesign)"

GROUP_START, GROUP_END, COLOUR_ENTRY = 0xC001, 0xC002, 0x0001
GLOBAL = 0  # colour type: global (1 = spot, 2 = normal)


def _name(text: str) -> bytes:
    encoded = (text + "\0").encode("utf-16-be")
    return struct.pack(">H", len(encoded) // 2) + encoded


def _block(kind: int, body: bytes) -> bytes:
    return struct.pack(">HI", kind, len(body)) + body


def render(colours: list[NamedColour], title: str) -> bytes:
    blocks = [_block(GROUP_START, _name(title))]
    for c in colours:
        channels = struct.pack(">3f", *(v / 255 for v in c.rgb))
        blocks.append(_block(COLOUR_ENTRY, _name(c.name) + b"RGB " + channels
                             + struct.pack(">H", GLOBAL)))
    blocks.append(_block(GROUP_END, b""))
    return b"ASEF" + struct.pack(">HHI", 1, 0, len(blocks)) + b"".join(blocks)
