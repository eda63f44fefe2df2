"""Pictures of the reading: an annotated thumbnail per portrait and the kit's mood map.

The thumbnail (PNG) shows the rule-of-thirds grid, the subject's face box, the eye line and
where the gaze points; the mood map is inline SVG (no scripts, no web fonts) so it works from a
file:// guide.
"""
from __future__ import annotations

import io
import math
import unicodedata
from typing import Any

from markupsafe import Markup, escape
from PIL import Image, ImageDraw

from kitgen.crops.render import PNG_LEVEL
from kitgen.records import Face

THUMB_SIDE = 480
GRID = (255, 255, 255)
BOX = (255, 214, 0)
EYES = (0, 200, 255)
ARROW = (255, 80, 80)


def annotated_thumbnail(img: Image.Image, face: Face | None, reading: dict | None,
                        ) -> Image.Image:
    """``face`` and ``img`` share source pixel coordinates."""
    scale = min(1.0, THUMB_SIDE / max(img.size))
    size = (max(1, round(img.width * scale)), max(1, round(img.height * scale)))
    rgb = img if img.mode == "RGB" else img.convert("RGB")  # convert() copies even RGB
    thumb = rgb.resize(size, Image.BICUBIC, reducing_gap=2.0)
    draw = ImageDraw.Draw(thumb)
    w, h = size
    for k in (1, 2):
        draw.line((w * k / 3, 0, w * k / 3, h), fill=GRID, width=1)
        draw.line((0, h * k / 3, w, h * k / 3), fill=GRID, width=1)
    if face is None:
        return thumb
    lw = max(2, round(max(size) / 240))
    x, y, fw, fh = (v * scale for v in face.box)
    draw.rectangle((x, y, x + fw, y + fh), outline=BOX, width=lw)
    eyes = face.eyes
    if not eyes or not reading or reading.get("gaze") is None:
        return thumb
    (ax, ay), (bx, by) = ((px * scale, py * scale) for px, py in eyes)
    # The eye line runs across the whole frame so its height against the thirds is plain.
    slope = (by - ay) / (bx - ax) if bx != ax else 0.0
    draw.line((0, ay - slope * ax, w, ay + slope * (w - ax)), fill=EYES, width=lw)
    mx, my = (ax + bx) / 2, (ay + by) / 2
    gx, gy = reading["gaze_angles"]["x"], reading["gaze_angles"]["y"]
    length = 1.2 * fw
    r = max(4.0, fw * 0.08)
    if reading["gaze"] == "direct":  # into the lens: a target ring between the eyes
        draw.ellipse((mx - r, my - r, mx + r, my + r), outline=ARROW, width=lw)
        return thumb
    dx = math.sin(math.radians(max(-80.0, min(80.0, gx))))
    dy = -math.sin(math.radians(max(-80.0, min(80.0, gy))))
    norm = math.hypot(dx, dy) or 1.0
    ex, ey = mx + dx / norm * length, my + dy / norm * length
    draw.line((mx, my, ex, ey), fill=ARROW, width=lw)
    ang = math.atan2(ey - my, ex - mx)
    for side in (-0.5, 0.5):
        draw.line((ex, ey, ex - 2.5 * r * math.cos(ang + side),
                   ey - 2.5 * r * math.sin(ang + side)),
                  fill=ARROW, width=lw)
    return thumb


def annotated_png(img: Image.Image, face: Face | None, reading: dict | None) -> bytes:
    buf = io.BytesIO()
    # The crop previews' zlib level: a third of optimize=True's time for 8% more bytes.
    annotated_thumbnail(img, face, reading).save(buf, "PNG", compress_level=PNG_LEVEL)
    return buf.getvalue()


# Mood map axes: warmth index (CIELAB, see thresholds) and energy (0..1).
WARMTH_RANGE = (-30.0, 40.0)
MAP_W, MAP_H, PAD = 560, 380, 46
PLOT = (PAD, PAD, MAP_W - PAD, MAP_H - PAD)  # left, top, right, bottom
DOT_R = 8  # plus a 2 px white stroke
LABEL_SIZE = 12
LABEL_MAX = 30  # characters, the ellipsis included; the full title is in the tooltip
LABEL_GAP = 10  # from the dot's centre to the label's near end
# Label box around the dot's centre: the baseline sits 4 px below it; ascent and descent of
# a 12 px sans-serif.
LABEL_UP, LABEL_DOWN = 7.0, 7.0
_NARROW = frozenset(" !'(),-./:;I[]`fijlrt|")
_WIDE = frozenset("MWmw@%")
_SYMBOL = frozenset("#&+<=>~")

Box = tuple[float, float, float, float]


def _x(warmth: float) -> float:
    lo, hi = WARMTH_RANGE
    t = (max(lo, min(hi, warmth)) - lo) / (hi - lo)
    return PAD + t * (MAP_W - 2 * PAD)


def _y(energy: float) -> float:
    return MAP_H - PAD - max(0.0, min(1.0, energy)) * (MAP_H - 2 * PAD)


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    """A generous estimate of ``text``'s width in a sans-serif: the map has no font metrics, so
    it errs wide (DejaVu Sans, the widest common default, stays inside it)."""
    em = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            em += 1.0
        elif ch in _NARROW:
            em += 0.4
        elif ch in _WIDE:
            em += 1.0
        elif ch in _SYMBOL:
            em += 0.84
        elif ch.isupper():
            em += 0.76
        else:
            em += 0.64
    return em * size


def short_label(label: str, limit: int = LABEL_MAX) -> str:
    label = " ".join(label.split())
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "\u2026"


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _inside(a: Box) -> bool:
    return PLOT[0] <= a[0] and a[2] <= PLOT[2] and PLOT[1] <= a[1] and a[3] <= PLOT[3]


def label_boxes(points: list[tuple[float, float, str]]) -> list[tuple[str, str, Box] | None]:
    """Where each point's label goes: (anchor, text, box) or None when it is left out.

    ``points`` are (cx, cy, label). A label sits right or left of its dot (the roomier side
    first), is shortened to fit the plot, and is left out when it would cover a dot, an axis
    caption or a label placed before it; the dot's number and the list under the map still
    name that portrait. Dots never move: their position is the reading, so near-identical
    portraits pile up; a dot that a later one (drawn on top) partly hides gets no label, as
    the label would sit beside the other dot's number.
    """
    r = DOT_R + 2
    taken: list[Box] = [(cx - r, cy - r, cx + r, cy + r) for cx, cy, _ in points]
    taken += [(PAD, PAD, PAD + 6 + text_width("\u2191 energetic", 13), PAD + 20),
              (PAD, MAP_H - PAD - 20, PAD + 6 + text_width("\u2193 calm", 13), MAP_H - PAD)]
    out: list[tuple[str, str, Box] | None] = []
    for i, (cx, cy, label) in enumerate(points):
        if any(math.hypot(cx - ox, cy - oy) < 2 * DOT_R for ox, oy, _ in points[i + 1:]):
            out.append(None)
            continue
        mid = max(PLOT[1] + LABEL_UP, min(PLOT[3] - LABEL_DOWN, cy))
        top, bottom = mid - LABEL_UP, mid + LABEL_DOWN
        right_room = PLOT[2] - (cx + LABEL_GAP)
        left_room = (cx - LABEL_GAP) - PLOT[0]
        sides = ["start", "end"] if right_room >= left_room else ["end", "start"]
        text = short_label(label)
        while len(text) > 1 and text_width(text) > max(right_room, left_room):
            text = short_label(text.rstrip("\u2026"), len(text) - 1)
        width = text_width(text)
        placed = None
        for anchor in sides:
            x0 = cx + LABEL_GAP if anchor == "start" else cx - LABEL_GAP - width
            box = (x0, top, x0 + width, bottom)
            if _inside(box) and not any(_overlaps(box, t) for t in taken):
                placed = (anchor, text, box)
                taken.append(box)
                break
        out.append(placed)
    return out


def mood_map_svg(points: list[dict[str, Any]]) -> Markup:
    """``points``: dicts with id, label, warmth (index), energy and optionally number (the
    portrait's place in the list under the map; else its place here). One line per element
    and no blank lines, so Markdown passes the block through untouched."""
    parts = [
        (f'<svg class="kg-moodmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_W} '
        f'{MAP_H}" width="100%" style="max-width:{MAP_W}px" role="img" '
        'aria-label="Mood map: warmth against energy for every portrait; the list after '
        'it gives each one\'s values">'),
        (f'<rect x="{PAD}" y="{PAD}" width="{MAP_W - 2 * PAD}" height="{MAP_H - 2 * PAD}" '
        'fill="url(#kg-mood)" stroke="#888" stroke-width="1"/>'),
        ('<defs><linearGradient id="kg-mood" x1="0" x2="1" y1="0" y2="0">'
        '<stop offset="0" stop-color="#d6e6f5"/><stop offset="0.43" stop-color="#f2f2f2"/>'
        '<stop offset="1" stop-color="#f8e0c4"/></linearGradient></defs>'),
        (f'<line x1="{_x(0):.1f}" y1="{PAD}" x2="{_x(0):.1f}" y2="{MAP_H - PAD}" '
        'stroke="#999" stroke-dasharray="4 4"/>'),
        (f'<line x1="{PAD}" y1="{_y(0.5):.1f}" x2="{MAP_W - PAD}" y2="{_y(0.5):.1f}" '
        'stroke="#999" stroke-dasharray="4 4"/>'),
        f'<text x="{PAD}" y="{MAP_H - 14}" font-size="13" fill="#246">&#8592; cooler</text>',
        (f'<text x="{MAP_W - PAD}" y="{MAP_H - 14}" font-size="13" fill="#842" '
        'text-anchor="end">warmer &#8594;</text>'),
        f'<text x="{PAD + 6}" y="{PAD + 16}" font-size="13" fill="#333">&#8593; energetic</text>',
        f'<text x="{PAD + 6}" y="{MAP_H - PAD - 8}" font-size="13" fill="#333">&#8595; calm</text>',
    ]
    xy = [(_x(pt["warmth"]), _y(pt["energy"])) for pt in points]
    labels = label_boxes([(cx, cy, pt["label"]) for (cx, cy), pt in zip(xy, points)])
    for i, (pt, (cx, cy), lab) in enumerate(zip(points, xy, labels), start=1):
        number = pt.get("number", i)
        text = ""
        if lab is not None:
            anchor, short, box = lab
            tx = box[0] if anchor == "start" else box[2]
            ty = (box[1] + box[3]) / 2 + 4
            text = (f'<text x="{tx:.1f}" y="{ty:.1f}" font-size="{LABEL_SIZE}" fill="#111" '
                    f'text-anchor="{anchor}">{escape(short)}</text>')
        parts.append(
            f'<g><title>{number}. {escape(pt["label"])}: warmth {pt["warmth"]:.1f}, '
            f'energy {pt["energy"]:.2f}</title>'
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{DOT_R}" fill="#1f3b57" stroke="#fff" '
            f'stroke-width="2"/><text x="{cx:.1f}" y="{cy + 4:.1f}" font-size="10" '
            f'fill="#fff" text-anchor="middle">{number}</text>{text}</g>')
    parts.append("</svg>")
    return Markup("\n".join(parts))  # labels were escaped above
