"""Typed records handed between pipeline stages and, through ``to_dict``, to templates and
kit.json."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[int, int, int, int]  # x, y, w, h in upright source pixels


@dataclass(frozen=True)
class Face:
    box: Box
    score: float
    # Subject landmarks (MediaPipe Face Mesh, 478 points, pixel x/y/z); not part of kit.json.
    landmarks: tuple[tuple[float, float, float], ...] | None = field(default=None, repr=False)

    @property
    def eyes(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """Iris centres (viewer's left eye first) when landmarks exist."""
        if not self.landmarks or len(self.landmarks) < 478:
            return None
        a, b = self.landmarks[468], self.landmarks[473]
        left, right = sorted([(a[0], a[1]), (b[0], b[1])])
        return left, right

    def to_dict(self) -> dict[str, Any]:
        return {"box": list(self.box), "score": round(self.score, 4)}


@dataclass(frozen=True)
class Swatch:
    hex: str
    rgb: tuple[int, int, int]
    hsl: tuple[int, int, int]
    share: float
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "hex": self.hex,
            "rgb": list(self.rgb),
            "hsl": list(self.hsl),
            "share": round(self.share, 4),
            "name": self.name,
        }


@dataclass(frozen=True)
class Crop:
    preset: str
    width: int
    height: int
    box: Box
    path: str  # relative to site/
    upscaled: bool
    upscale_factor: float
    face_fit: str  # "whole" | "partial" | "none"
    preview: str | None = None  # circle-mask preview, relative to site/
    in_safe_area: bool = True  # face inside the area every device shows, clear of overlays

    def to_dict(self) -> dict[str, Any]:
        return {
            "preset": self.preset,
            "width": self.width,
            "height": self.height,
            "box": list(self.box),
            "path": self.path,
            "upscaled": self.upscaled,
            "upscale_factor": round(self.upscale_factor, 3),
            "face_fit": self.face_fit,
            "preview": self.preview,
            "in_safe_area": self.in_safe_area,
        }


@dataclass(frozen=True)
class Portrait:
    """Everything kitgen learned and made from one approved portrait."""

    id: str
    source: str  # relative to content/
    sha256: str
    width: int
    height: int
    faces: tuple[Face, ...]
    subject: int | None
    palette: tuple[Swatch, ...]
    crops: tuple[Crop, ...] = ()
    title: str = ""
    note: str = ""
    use: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    reading: dict[str, Any] | None = None

    @property
    def shown_title(self) -> str:
        """What the guide calls it: its title, else its file's name as the person wrote it
        ('Portrait é', '山田'); the id it fell back to read 'portrait-e' and 'portrait'."""
        return self.title or self.source.rsplit("/", 1)[-1].rsplit(".", 1)[0] or self.id

    @property
    def subject_face(self) -> Face | None:
        return None if self.subject is None else self.faces[self.subject]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "sha256": self.sha256,
            "width": self.width,
            "height": self.height,
            "title": self.title,
            "note": self.note,
            "use": list(self.use),
            "faces": [f.to_dict() for f in self.faces],
            "subject": self.subject,
            "palette": [s.to_dict() for s in self.palette],
            "crops": [c.to_dict() for c in self.crops],
            "warnings": list(self.warnings),
            "reading": self.reading,
        }


@dataclass(frozen=True)
class Problem:
    """A portrait that could not be used, or was skipped on purpose (or a subfolder of the
    portraits folder, whose images are not built)."""

    source: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "message": self.message}


def portrait_from_dict(d: dict[str, Any]) -> Portrait:
    """Rebuild a cached record (landmarks are not cached: every stage that needs them ran)."""
    return Portrait(
        id=d["id"], source=d["source"], sha256=d["sha256"], width=d["width"],
        height=d["height"],
        faces=tuple(Face(box=tuple(f["box"]), score=f["score"]) for f in d["faces"]),
        subject=d["subject"],
        palette=tuple(Swatch(hex=s["hex"], rgb=tuple(s["rgb"]), hsl=tuple(s["hsl"]),
                             share=s["share"], name=s["name"]) for s in d["palette"]),
        crops=tuple(Crop(preset=c["preset"], width=c["width"], height=c["height"],
                         box=tuple(c["box"]), path=c["path"], upscaled=c["upscaled"],
                         upscale_factor=c["upscale_factor"], face_fit=c["face_fit"],
                         preview=c.get("preview"),
                         in_safe_area=c.get("in_safe_area", True)) for c in d["crops"]),
        title=d.get("title", ""), note=d.get("note", ""), use=tuple(d.get("use", ())),
        warnings=tuple(d.get("warnings", ())), reading=d.get("reading"),
    )
