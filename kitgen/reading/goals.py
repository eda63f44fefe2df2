"""How well each portrait serves each brand goal, with the reasons for and against.

The rules are data: a goal lists the cue readings that serve it and those that work against
it, each with a weight and a sentence for the person. A cue that could not be read counts for
neither side, and a missing face counts against the goals that live on eye contact. The
score is 0.5 plus half the share of "for" weight matched minus half the share of "against"
weight matched, so 1 is every helpful cue present and no harmful one.
"""
from __future__ import annotations

from typing import Any, NamedTuple


class Rule(NamedTuple):
    cue: str
    values: frozenset[str]
    weight: float
    sentence: str


def _r(cue: str, values: str, weight: float, sentence: str) -> Rule:
    return Rule(cue, frozenset(values.split()), weight, sentence)


FOR: dict[str, tuple[Rule, ...]] = {
    "trust": (
        _r("gaze", "direct", 3, "The eyes meet the lens, so the viewer feels addressed "
           "openly: the clearest single signal of honesty."),
        _r("expression", "slight_smile", 2, "The smile is restrained, which reads as sincere "
           "rather than performed."),
        _r("texture", "natural", 2, "Skin texture is left visible, so the face stays "
           "believable."),
        _r("background", "clean soft_depth", 1, "Nothing in the background competes with "
           "the person."),
        _r("warmth", "warm neutral", 1, "The colour is neutral to warm: welcoming without "
           "looking staged."),
    ),
    "approachability": (
        _r("gaze", "direct", 3, "Eye contact invites the viewer in."),
        _r("expression", "slight_smile broad_smile", 3, "The smile signals that contact "
           "is welcome."),
        _r("warmth", "warm", 2, "Warm colour lends the picture friendliness."),
        _r("framing", "close_up head_and_shoulders", 1, "The close framing feels personal."),
        _r("key", "high mid", 1, "The light is open, not shadowy."),
    ),
    "authority": (
        _r("gaze", "direct", 2, "The steady gaze holds the viewer's attention."),
        _r("expression", "neutral slight_smile", 2, "The expression is composed and "
           "restrained."),
        _r("facing", "frontal", 1, "Facing the camera squarely reads as assured."),
        _r("background", "clean", 2, "The plain background keeps the focus on the person."),
        _r("contrast", "medium hard", 1, "Defined light gives the subject presence."),
    ),
    "creativity": (
        _r("saturation", "rich", 2, "Bold colour shows confidence in a point of view."),
        _r("asymmetry", "subtle strong", 1, "The face is not perfectly even, which feels "
           "individual."),
        _r("background", "busy soft_depth", 1, "The setting adds a story beyond the subject."),
        _r("tilt", "tilted", 1, "The tilt of the head breaks the passport-photo mould."),
        _r("warmth", "warm cool", 1, "The colour commits to a temperature instead of "
           "playing safe."),
    ),
    "aspiration": (
        _r("gaze", "averted", 2, "The eyes look past the lens, toward something ahead."),
        _r("gaze_direction", "up", 1, "An upward look reads as hopeful and forward-looking."),
        _r("framing", "medium wide", 2, "The wider frame leaves room for a place that means "
           "something."),
        _r("background", "soft_depth busy", 1, "The surroundings carry part of the message."),
    ),
    "calm": (
        _r("contrast", "soft medium", 2, "The light is gentle rather than harsh."),
        _r("saturation", "muted moderate", 2, "The colour is restrained and easy on the eye."),
        _r("warmth", "warm neutral", 1, "Natural, warm-neutral tones feel at ease."),
        _r("expression", "neutral slight_smile", 1, "The expression is gentle."),
    ),
    "energy": (
        _r("saturation", "rich", 3, "Rich colour gives the picture drive."),
        _r("contrast", "hard", 2, "Strong contrast adds punch."),
        _r("expression", "broad_smile", 3, "The broad smile is full of energy."),
        _r("warmth", "warm", 1, "Warm colour feels lively."),
    ),
    "nostalgia": (
        _r("nostalgia", "present", 3, "The picture carries period cues (grain, faded blacks "
           "or a warm cast) that feel familiar."),
        _r("grain", "present", 1, "Film-like grain recalls older photographs."),
        _r("warmth", "warm", 1, "The warm tone recalls sunlit old prints."),
    ),
}

AGAINST: dict[str, tuple[Rule, ...]] = {
    "trust": (
        _r("face", "absent", 3, "No face could be read, so the picture cannot make eye "
           "contact or show an expression."),
        _r("gaze", "averted", 3, "The eyes look away from the lens, so the viewer is not "
           "addressed directly."),
        _r("texture", "smoothed", 2, "The skin looks smoothed; visible retouching makes "
           "people doubt an image."),
        _r("warmth", "cool", 1, "Cool colour puts some distance between person and viewer."),
        _r("contrast", "hard", 1, "Hard light can feel clinical."),
        _r("background", "busy", 1, "A busy background pulls the eye away from the subject."),
    ),
    "approachability": (
        _r("face", "absent", 3, "No face could be read, so the picture cannot make eye "
           "contact or show an expression."),
        _r("expression", "neutral", 3, "Without a smile the face can read as closed."),
        _r("gaze", "averted", 2, "Looking away keeps the viewer at arm's length."),
        _r("warmth", "cool", 2, "Cool colour feels reserved."),
        _r("key", "low", 1, "Low-key, shadowy light feels guarded."),
    ),
    "authority": (
        _r("face", "absent", 3, "No face could be read, so the picture cannot make eye "
           "contact or show an expression."),
        _r("expression", "broad_smile", 2, "A broad smile is friendly but can soften "
           "authority in formal settings."),
        _r("background", "busy", 2, "A busy background undercuts a composed message."),
        _r("texture", "smoothed", 1, "Over-retouched skin looks less credible."),
        _r("tilt", "strongly_tilted", 1, "A strong head tilt reads as playful rather than "
           "assured."),
    ),
    "creativity": (
        _r("background", "clean", 1, "The plain backdrop looks like every other studio "
           "headshot."),
        _r("saturation", "muted", 2, "Muted colour gives little sense of a creative voice."),
    ),
    "aspiration": (
        _r("framing", "close_up", 2, "The tight crop leaves no room for a setting or a "
           "horizon."),
        _r("gaze", "direct", 1, "A direct gaze speaks to the viewer now rather than to what "
           "lies ahead."),
        _r("background", "clean", 1, "A plain background gives the vision nowhere to live."),
    ),
    "calm": (
        _r("contrast", "hard", 2, "Hard contrast feels tense."),
        _r("saturation", "rich", 2, "Saturated colour is stimulating rather than restful."),
        _r("expression", "broad_smile", 1, "A broad smile is lively more than calm."),
    ),
    "energy": (
        _r("saturation", "muted", 3, "Muted colour holds the energy back."),
        _r("contrast", "soft", 2, "Soft, flat light lacks punch."),
        _r("expression", "neutral", 2, "A neutral face keeps the energy low."),
    ),
    "nostalgia": (
        _r("nostalgia", "absent", 2, "The clean digital finish has no period feel."),
        _r("saturation", "rich", 1, "Vivid modern colour works against a vintage mood."),
    ),
}


def cues(reading: dict[str, Any] | None) -> dict[str, str | None]:
    """The reading flattened to the labels the rules test."""
    r = reading or {}
    pose = r.get("pose") or {}
    period = r.get("nostalgia")
    grain = (r.get("nostalgia_cues") or {}).get("grain")
    return {
        "gaze": r.get("gaze"), "gaze_direction": r.get("gaze_direction"),
        "expression": r.get("expression"), "asymmetry": r.get("asymmetry"),
        "framing": r.get("framing"), "warmth": r.get("warmth"),
        "saturation": r.get("saturation"), "key": r.get("key"), "contrast": r.get("contrast"),
        "texture": r.get("texture"), "background": r.get("background"),
        "facing": pose.get("facing"), "tilt": pose.get("tilt"),
        "nostalgia": None if period is None else ("present" if period else "absent"),
        "grain": None if grain is None else ("present" if grain else "absent"),
        "face": "absent" if reading is not None and r.get("gaze") is None else None,
    }


def fit(goal: str, reading: dict[str, Any] | None) -> dict[str, Any]:
    c = cues(reading)

    def side(rules: tuple[Rule, ...]) -> tuple[float, list[str]]:
        total = sum(r.weight for r in rules)
        hit = [r for r in rules if c.get(r.cue) in r.values]
        return (sum(r.weight for r in hit) / total if total else 0.0), [r.sentence for r in hit]

    pos, reasons_for = side(FOR[goal])
    neg, reasons_against = side(AGAINST[goal])
    score = max(0.0, min(1.0, 0.5 + 0.5 * pos - 0.5 * neg))
    return {"goal": goal, "score": round(score, 2), "for": reasons_for,
            "against": reasons_against}


def fits(goals: list[str], reading: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One fit per brand goal, in the brand file's order."""
    return [fit(g, reading) for g in goals]
