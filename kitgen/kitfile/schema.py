"""The brand file's one typed schema; each field's description is its documentation."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

GOALS = (
    "trust", "approachability", "authority", "creativity",
    "aspiration", "calm", "energy", "nostalgia",
)
PLATFORM_IDS = (
    "linkedin", "x", "instagram", "facebook", "youtube", "tiktok",
    "threads", "github", "slack", "teams", "email", "press",
)
KINDS = ("avatar", "post", "portrait", "story", "banner", "headshot")

Goal = Literal[GOALS]  # type: ignore[valid-type]
Platform = Literal[PLATFORM_IDS]  # type: ignore[valid-type]
Kind = Literal[KINDS]  # type: ignore[valid-type]


# Lists where a repeat means nothing: the loader refuses one (kitgen.kitfile.repeats), and
# editors flag it from the JSON Schema.
_UNIQUE = {"uniqueItems": True}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Person(_Strict):
    name: str = Field(min_length=1, max_length=200, description="The person the kit is for.")
    identity: str = Field("creator", max_length=80,
                          description="What they are known as: founder, artist, coach, ...")
    bio: str = Field("", max_length=1000, description="One line about them, shown on the overview.")


class CustomPreset(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,40}$", description="Slug used in file names.")
    label: str = Field("", max_length=80, description="Human name of the format.")
    width: int = Field(ge=16, le=8000, description="Output width in pixels.")
    height: int = Field(ge=16, le=8000, description="Output height in pixels.")
    kind: Kind = Field("post", description="How the face is placed: " + ", ".join(KINDS))
    circle: bool = Field(False, description="Shown in a circle by the platform.")


class PortraitEntry(_Strict):
    file: str = Field(min_length=1, description="File name inside the portraits folder.")
    id: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9-]{0,60}$",
                           description="The portrait's id in its page's and crops' file "
                                       "names; default: from the file name. Pin it to keep "
                                       "the guide's links when files are added or renamed.")
    title: str = Field("", max_length=200, description="Caption shown in the guide.")
    use: list[Platform] = Field(default_factory=list, json_schema_extra=_UNIQUE,
                                description="Platforms this portrait is meant for.")
    note: str = Field("", max_length=2000, description="Why this image was approved.")
    approved: bool = Field(True, description="Unapproved portraits are skipped.")
    subject: int | None = Field(None, ge=0,
                                description="Index of the subject face (largest first); "
                                            "default: the largest face.")

    @field_validator("use", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, str) else v


class BrandFile(_Strict):
    """content/brand.yml"""

    person: Person = Field(description="Who the kit is for.")
    goals: list[Goal] = Field(min_length=1, json_schema_extra=_UNIQUE,
                              description="Brand goals: " + ", ".join(GOALS))
    audience: str = Field("", max_length=500, description="Who the brand speaks to.")
    platforms: list[Platform] | None = Field(None, json_schema_extra=_UNIQUE,
                                             description="Platforms to produce; default: all.")
    presets: list[CustomPreset] = Field(default_factory=list, description="Extra crop formats.")
    portraits_dir: str = Field("portraits", description="Folder of portraits, inside content/.")
    portraits: list[PortraitEntry] = Field(default_factory=list,
                                           description="Optional details per portrait file.")

    @field_validator("goals", "platforms", mode="before")
    @classmethod
    def _one_or_many(cls, v):
        return [v] if isinstance(v, str) else v


def _one_or_many(prop: dict) -> None:
    """The loader takes ``goals: trust`` as ``[trust]``; say so, or editors flag valid files."""
    options = prop.get("anyOf", [prop])
    arrays = [o for o in options if o.get("type") == "array"]
    if not arrays:
        return
    unique = prop.pop("uniqueItems", None)
    item = dict(arrays[0]["items"])
    if "anyOf" not in prop:
        prop["anyOf"] = [{k: prop.pop(k) for k in ("type", "items", "minItems") if k in prop}]
    if unique:  # the list's, not the single value's
        next(o for o in prop["anyOf"] if o.get("type") == "array")["uniqueItems"] = unique
    prop["anyOf"].insert(0, item)


def json_schema() -> dict:
    schema = BrandFile.model_json_schema()
    _one_or_many(schema["properties"]["goals"])
    _one_or_many(schema["properties"]["platforms"])
    _one_or_many(schema["$defs"]["PortraitEntry"]["properties"]["use"])
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "kitgen brand file (content/brand.yml)"
    return schema
