"""The publishing checklist, answered per portrait from the measurements and the goals.

Six questions, each answered pass / consider / fail with the measured value and one concrete
suggestion. The goals decide what "right" means: a direct gaze passes for trust, an averted one
for aspiration.
"""
from __future__ import annotations

from typing import Any

from kitgen.reading.goals import cues
from kitgen.reading.sideways import sideways_note
from kitgen.reading.thresholds import T

WANT_DIRECT = {"trust", "approachability", "authority"}
WANT_SMILE = {"approachability", "trust", "energy"}
WANT_WARM = {"approachability", "trust", "energy", "nostalgia"}
NO_FACE = "no face could be read"
_TOWARD = {"left": " to the left", "right": " to the right", "up": " upward", "down": " downward"}


def _whole(value: float) -> str:
    """A measure rounded to a whole number, "0" rather than "-0" (a yaw of -0.4 degrees
    printed as "yaw -0°", which reads as a typo)."""
    text = f"{value:.0f}"
    return "0" if text == "-0" else text


def _item(key: str, question: str, status: str, measured: str, suggestion: str) -> dict:
    return {"key": key, "question": question, "status": status, "measured": measured,
            "suggestion": suggestion}


def _gaze(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Does the gaze set the right relationship with the viewer?"
    if c["gaze"] is None:
        return _item("gaze", q, "consider", NO_FACE,
                     "Pair it with a portrait where the face and eyes are clearly visible.")
    where = _TOWARD.get(c["gaze_direction"] or "", "")
    measured = f"{c['gaze']}{where}, {_whole(r['gaze_offset'])}° from the lens"
    if c["gaze"] == "direct":
        if goals & WANT_DIRECT or "aspiration" not in goals:
            return _item("gaze", q, "pass", measured, "Use it where first contact matters: "
                         "profile photos, LinkedIn and press.")
        return _item("gaze", q, "consider", measured, "For vision pieces, add a frame where "
                     "the eyes look slightly up and past the lens.")
    if "aspiration" in goals and not goals & WANT_DIRECT:
        return _item("gaze", q, "pass", measured, "Keep it for stories and vision pieces; "
                     "leave the avatar to a direct-gaze image.")
    status = "fail" if "trust" in goals else "consider"
    return _item("gaze", q, status, measured, "Choose a direct-gaze image for LinkedIn and "
                 "press, or reshoot with the eyes on the lens.")


def _expression(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Is the expression intentional, not blank?"
    if c["expression"] is None:
        return _item("expression", q, "consider", NO_FACE,
                     "Let the guide use a portrait whose expression can be seen.")
    measured = f"{c['expression'].replace('_', ' ')} (smile {r['smile_score']:.2f}" + \
        (", mouth open)" if r.get("mouth_open") else ")")
    if c["expression"] == "neutral" and goals & WANT_SMILE:
        return _item("expression", q, "consider", measured, "Shoot a variant with a relaxed, "
                     "slight smile: think of someone you like just before the shutter.")
    if c["expression"] == "broad_smile" and "authority" in goals:
        return _item("expression", q, "consider", measured, "Keep this one for social posts; "
                     "for press and speaker bios pick a restrained smile.")
    return _item("expression", q, "pass", measured, "Keep the same expression across the set "
                 "so the brand reads consistently.")


def _human(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Is there enough asymmetry or texture to feel human?"
    if c["texture"] is None:
        return _item("human", q, "consider", NO_FACE,
                     "Check by eye that skin has not been over-retouched.")
    measured = f"texture {c['texture']} (detail {r['texture_detail']:.2f}); " + \
        (f"asymmetry {c['asymmetry']} ({r['asymmetry_score']:.3f})" if c["asymmetry"]
         else "asymmetry not measured (head turned)")
    if c["texture"] == "smoothed":
        return _item("human", q, "fail", measured, "Dial back skin smoothing and export from "
                     "the unretouched file; keep pores and fine lines.")
    if c["asymmetry"] == "strong":
        return _item("human", q, "consider", measured, "Check the expression looks intended; "
                     "a frame a moment earlier or later may be more even.")
    return _item("human", q, "pass", measured, "Avoid further retouching: the natural "
                 "detail is what makes it credible.")


def _pose(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Does the pose support the message?"
    if c["facing"] is None:
        return _item("pose", q, "consider", NO_FACE,
                     "For avatars, choose a portrait where the face turns toward the camera.")
    h = r["head"]
    measured = f"{c['facing']}, {c['tilt'].replace('_', ' ')} (yaw {_whole(h['yaw'])}°, pitch " \
        f"{_whole(h['pitch'])}°, roll {_whole(h['roll'])}°)"
    if sideways_note(r):
        return _item("pose", q, "fail", measured, "The photo is on its side: rotate the "
                     "original upright (or fix its orientation tag) and build again.")
    if c["tilt"] == "strongly_tilted":
        return _item("pose", q, "consider", measured, "Straighten the crop by a few degrees "
                     "or pick a frame with a gentler tilt.")
    if c["facing"] == "turned" and goals & {"trust", "authority"}:
        return _item("pose", q, "consider", measured, "Turn the shoulders slightly and the "
                     "face toward the camera for trust and authority uses.")
    if c["tilt"] == "level" and c["facing"] == "frontal" and goals & {"approachability",
                                                                      "creativity"}:
        return _item("pose", q, "pass", measured, "For a warmer variant, try a slight head "
                     "tilt or a lean toward the camera.")
    return _item("pose", q, "pass", measured, "Keep this pose as the reference for future "
                 "shoots.")


def _background(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Does the background add context rather than distraction?"
    measured = f"{(c['background'] or 'unknown').replace('_', ' ')} " \
        f"(edges {r.get('background_edges') or 0:.2f})"
    if c["background"] == "busy" and goals & {"trust", "authority", "calm"}:
        return _item("background", q, "consider", measured, "Simplify it: crop tighter, "
                     "shoot with a wider aperture, or step away from the wall.")
    if c["background"] == "clean" and goals & {"creativity", "aspiration"} and \
            not goals & {"trust", "authority"}:
        return _item("background", q, "consider", measured, "Add a setting that tells your "
                     "story: the studio, stage or street where you work.")
    return _item("background", q, "pass", measured, "Keep this backdrop family across the "
                 "set so the portraits feel related.")


def _exposure(colour: dict) -> str | None:
    """'the face is very dark (lightness 4 of 100)' when the face (or, without one, the
    frame) is under- or overexposed in any key; None otherwise."""
    face = colour.get("face") or {}
    part, measured = ("face", face) if face.get("lightness") is not None else \
        ("photo", colour["frame"])
    light = measured.get("lightness")
    if light is None:
        return None
    if light <= T["exposure_dark_max"]:
        return f"the {part} is very dark (lightness {_whole(light)} of 100)"
    if light >= T["exposure_bright_min"]:
        return f"the {part} is very bright (lightness {_whole(light)} of 100)"
    return None


def _colour(r: dict, c: dict, goals: set[str]) -> dict:
    q = "Do the colours reinforce the mood?"
    f = r["colour"]["frame"]
    measured = f"{c['warmth']} (index {_whole(f['warmth_index'])}), {c['saturation']} " \
        f"(chroma {_whole(f['chroma'])}), {c['key']} key, {c['contrast']} contrast"
    exposure = _exposure(r["colour"])
    if exposure:
        return _item("colour", q, "consider", f"{measured}; {exposure}", "Check the "
                     "original's exposure, or correct it before approving: no palette or "
                     "mood reads well from a face lost to the light.")
    if c["warmth"] == "cool" and goals & WANT_WARM:
        status = "fail" if goals & {"approachability", "nostalgia"} else "consider"
        return _item("colour", q, status, measured, "Warm the midtones (raise temperature "
                     "a few hundred kelvin) or shoot in warmer light.")
    if "energy" in goals and c["saturation"] == "muted":
        return _item("colour", q, "consider", measured, "Raise saturation and contrast, or "
                     "add a strong colour in clothing or background.")
    if "calm" in goals and (c["contrast"] == "hard" or c["saturation"] == "rich"):
        return _item("colour", q, "consider", measured, "Soften the light (diffuse it or "
                     "shoot in open shade) and lower saturation slightly.")
    return _item("colour", q, "pass", measured, "Use the portrait's palette for nearby "
                 "accents so the layout echoes the picture.")


def checklist(goals: list[str], reading: dict[str, Any] | None) -> list[dict[str, str]]:
    if not reading:
        return []
    c, g = cues(reading), set(goals)
    return [f(reading, c, g) for f in (_gaze, _expression, _human, _pose, _background, _colour)]
