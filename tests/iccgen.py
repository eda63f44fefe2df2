"""Write small ICC v2 matrix/TRC RGB profiles for tests (Adobe RGB 1998, Display P3).

Pillow can only create sRGB/Lab/XYZ profiles, and no package here ships Adobe RGB or P3 .icc
files, so the test corpus writes them: the colorant columns come from coloraide's colour space
definitions (Bradford-adapted to the ICC's D50 connection space), the tone curves from the
published standards.
"""
from __future__ import annotations

import struct

from coloraide import Color

D50 = (0.9642, 1.0, 0.8249)


def _s15(v: float) -> bytes:
    return struct.pack(">i", round(v * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ " + b"\0" * 4 + _s15(x) + _s15(y) + _s15(z)


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_text)) + ascii_text
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67)


def _gamma(g: float) -> bytes:
    return b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", round(g * 256))


def _srgb_curve() -> bytes:
    # parametricCurveType, function 3: the sRGB (and Display P3) transfer function.
    params = (2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045)
    return b"para" + b"\0" * 4 + struct.pack(">HH", 3, 0) + b"".join(_s15(p) for p in params)


def _colorants(space: str) -> list[tuple[float, float, float]]:
    cols = []
    for rgb in ([1, 0, 0], [0, 1, 0], [0, 0, 1]):
        c = Color(space + "-linear", rgb).convert("xyz-d50")
        cols.append(tuple(c.coords()))
    return cols


def rgb_profile(description: str, space: str, trc: bytes) -> bytes:
    """An ICC v2 display profile for the coloraide RGB ``space`` (e.g. 'a98-rgb')."""
    r, g, b = _colorants(space)
    tags = [(b"desc", _desc(description)),
            (b"cprt", b"text" + b"\0" * 4 + b"No copyright, test profile\0"),
            (b"wtpt", _xyz(*D50)),
            (b"rXYZ", _xyz(*r)), (b"gXYZ", _xyz(*g)), (b"bXYZ", _xyz(*b)),
            (b"rTRC", trc), (b"gTRC", trc), (b"bTRC", trc)]
    table_len = 4 + 12 * len(tags)
    offset = 128 + table_len
    table, data = b"", b""
    for sig, blob in tags:
        pad = (-len(blob)) % 4
        table += sig + struct.pack(">II", offset + len(data), len(blob))
        data += blob + b"\0" * pad
    size = 128 + table_len + len(data)
    header = (struct.pack(">I", size) + b"lcms" + bytes([2, 0x10, 0, 0]) + b"mntr" + b"RGB "
              + b"XYZ " + struct.pack(">6H", 2024, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 4
              + b"\0" * 4 + b"\0" * 4 + b"\0" * 4 + b"\0" * 8 + struct.pack(">I", 0)
              + b"".join(_s15(v) for v in D50) + b"\0" * 4 + b"\0" * 16 + b"\0" * 28)
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + table + data


def adobe_rgb() -> bytes:
    return rgb_profile("Adobe RGB (1998) compatible test profile", "a98-rgb",
                       _gamma(563 / 256))


def display_p3() -> bytes:
    return rgb_profile("Display P3 test profile", "display-p3", _srgb_curve())
