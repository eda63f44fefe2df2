"""The platform preset table: one row per format, data rather than scattered literals.

Sizes are the platforms' published upload sizes (checked November 2026). ``safe`` is the part
of the frame every device shows, ``avoid`` the part the platform paints over (profile photos
overlapping banners), both in output pixels. ``face_share`` is the face height (chin to brow) as
a share of the frame for headshot-like formats; ``eye_line`` is where the eyes sit, as a share
of the height from the top.
"""
from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[int, int, int, int]


@dataclass(frozen=True)
class Preset:
    id: str
    platform: str
    label: str
    width: int
    height: int
    kind: str  # avatar | post | portrait | story | banner | headshot
    circle: bool = False
    safe: Rect | None = None
    avoid: Rect | None = None
    face_share: float | None = None
    eye_line: float | None = None

    @property
    def aspect(self) -> float:
        return self.width / self.height

    def safe_fraction(self) -> tuple[float, float, float, float]:
        x, y, w, h = self.safe or (0, 0, self.width, self.height)
        return x / self.width, y / self.height, w / self.width, h / self.height

    def avoid_fraction(self) -> tuple[float, float, float, float] | None:
        if self.avoid is None:
            return None
        x, y, w, h = self.avoid
        return x / self.width, y / self.height, w / self.width, h / self.height

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "platform": self.platform,
            "label": self.label,
            "width": self.width,
            "height": self.height,
            "kind": self.kind,
            "circle": self.circle,
            "safe": list(self.safe) if self.safe else None,
            "avoid": list(self.avoid) if self.avoid else None,
        }


# Defaults per kind: how much of the frame the face (brow to chin, as Face Mesh outlines it)
# fills, and where the eyes sit. The top of the head lies about 0.9 face heights above the eyes,
# so eye_line - 0.9 * face_share is the headroom; every kind keeps at least 6 % of the frame.
KIND_DEFAULTS: dict[str, tuple[float | None, float | None]] = {
    "avatar": (0.36, 0.42),
    "post": (0.30, 0.38),
    "portrait": (0.28, 0.34),
    "story": (0.20, 0.36),
    "headshot": (0.30, 0.34),
    "banner": (None, None),
}

PLATFORMS: dict[str, str] = {
    "linkedin": "LinkedIn",
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "threads": "Threads",
    "github": "GitHub",
    "slack": "Slack",
    "teams": "Microsoft Teams",
    "email": "Email signature",
    "press": "Press & speaking",
}


def _p(id, platform, label, w, h, kind, **kw) -> Preset:  # noqa: ANN001 - table helper
    share, eye = KIND_DEFAULTS[kind]
    kw.setdefault("face_share", share)
    kw.setdefault("eye_line", eye)
    return Preset(id, platform, label, w, h, kind, **kw)


PRESETS: tuple[Preset, ...] = (
    _p("linkedin-profile", "linkedin", "LinkedIn profile photo", 400, 400, "avatar", circle=True),
    # The profile photo covers the banner's lower left on desktop.
    _p("linkedin-banner", "linkedin", "LinkedIn banner", 1584, 396, "banner",
       avoid=(0, 170, 500, 226)),
    _p("x-profile", "x", "X profile photo", 400, 400, "avatar", circle=True),
    _p("x-header", "x", "X header", 1500, 500, "banner", safe=(0, 60, 1500, 380),
       avoid=(0, 300, 380, 200)),
    _p("instagram-profile", "instagram", "Instagram profile photo", 320, 320, "avatar",
       circle=True),
    _p("instagram-post", "instagram", "Instagram square post", 1080, 1080, "post"),
    _p("instagram-portrait", "instagram", "Instagram portrait post", 1080, 1350, "portrait"),
    # Story UI (profile row, reply box) covers about 250 px at top and bottom.
    _p("instagram-story", "instagram", "Instagram story", 1080, 1920, "story",
       safe=(0, 250, 1080, 1420)),
    _p("facebook-profile", "facebook", "Facebook profile photo", 320, 320, "avatar",
       circle=True),
    # Phones show only the middle 640 px; the profile photo overlaps the lower left.
    _p("facebook-cover", "facebook", "Facebook cover", 851, 315, "banner",
       safe=(105, 0, 640, 315), avoid=(0, 200, 260, 115)),
    _p("youtube-profile", "youtube", "YouTube profile picture", 800, 800, "avatar",
       circle=True),
    # Only the centred 1546 x 423 area shows on every device.
    _p("youtube-banner", "youtube", "YouTube channel banner", 2560, 1440, "banner",
       safe=(507, 508, 1546, 423)),
    _p("tiktok-profile", "tiktok", "TikTok profile photo", 200, 200, "avatar", circle=True),
    _p("threads-profile", "threads", "Threads profile photo", 320, 320, "avatar", circle=True),
    _p("github-avatar", "github", "GitHub avatar", 500, 500, "avatar", circle=True),
    _p("slack-profile", "slack", "Slack profile photo", 1024, 1024, "avatar"),
    _p("teams-profile", "teams", "Microsoft Teams profile photo", 648, 648, "avatar",
       circle=True),
    # Shown at 150 x 150 CSS pixels; twice that for retina screens.
    _p("email-signature", "email", "Email signature (2x retina)", 300, 300, "avatar"),
    _p("press-headshot", "press", "Press / speaker headshot", 2000, 2500, "headshot"),
)

PRESET_IDS: tuple[str, ...] = tuple(p.id for p in PRESETS)


def presets_for(platforms: list[str] | None, custom: list[Preset] = ()) -> list[Preset]:
    """The presets a kit asks for, in table order, custom presets last."""
    chosen = [p for p in PRESETS if platforms is None or p.platform in platforms]
    return chosen + list(custom)


def make_custom(id: str, label: str, width: int, height: int, kind: str, circle: bool,  # noqa: A002
                platform: str = "custom") -> Preset:
    return _p(id, platform, label or id, width, height, kind, circle=circle)
