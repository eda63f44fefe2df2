"""What the set of portraits is missing for the goals, and prompts to shoot or generate it.

A goal has a gap when no portrait reaches ``GOOD_FIT`` or when the one cue that goal depends
on most (its "need") appears in no portrait. The prompt guide layers identity + emotion +
context and adds realism terms that keep generated or staged portraits from looking plastic.
"""
from __future__ import annotations

from typing import Any

from kitgen.reading.goals import cues, fit

GOOD_FIT = 0.6

# goal -> (cue, readings that satisfy it, what is missing in plain words)
NEEDS: dict[str, tuple[str, frozenset[str], str]] = {
    "trust": ("gaze", frozenset({"direct"}), "direct-gaze portrait"),
    "approachability": ("expression", frozenset({"slight_smile", "broad_smile"}),
                        "smiling portrait"),
    "authority": ("background", frozenset({"clean"}), ("composed portrait on a plain "
                  "background")),
    "creativity": ("saturation", frozenset({"rich"}), "portrait with bold colour"),
    "aspiration": ("framing", frozenset({"medium", "wide"}), ("wider portrait in a "
                   "meaningful place")),
    "calm": ("contrast", frozenset({"soft", "medium"}), "softly lit portrait"),
    "energy": ("expression", frozenset({"broad_smile"}), ("portrait with a broad, lively "
               "smile")),
    "nostalgia": ("nostalgia", frozenset({"present"}), "portrait with a period look"),
}

# goal -> (emotion layer, context layer, gaze/pose phrase)
LAYERS: dict[str, tuple[str, str, str]] = {
    "trust": ("calm, sincere, quietly confident", "bright uncluttered studio or tidy office",
              "looking straight into the lens, slight natural smile"),
    "approachability": ("warm, open, friendly", "café or workspace in soft daylight",
                        "eye contact with the camera, relaxed smile"),
    "authority": ("composed, assured, focused", ("plain studio backdrop or stage with "
                  "shallow depth of field"), "steady gaze at the lens, restrained expression"),
    "creativity": ("curious, bold, expressive", ("studio or street with strong colour and "
                   "graphic shapes"), "candid moment, head slightly tilted"),
    "aspiration": ("hopeful, visionary, determined", ("rooftop, open landscape or city at "
                   "golden hour"), "looking slightly up and past the camera"),
    "calm": ("serene, grounded, gentle", "nature or a quiet room with soft window light",
             "soft expression, relaxed shoulders"),
    "energy": ("energetic, joyful, dynamic", "vivid location with saturated colour",
               "broad laugh, mid-movement"),
    "nostalgia": ("warm, reflective, familiar", ("setting with period objects, warm "
                  "late-afternoon light"), "unposed, gentle smile"),
}
REALISM = ("natural skin texture, visible pores, slight facial asymmetry, relaxed posture, "
           "candid eye contact, soft natural light, 85mm lens, no beauty filter")


def prompt(identity: str, goal: str) -> dict[str, str]:
    emotion, context, pose = LAYERS[goal]
    text = f"Portrait photograph of a {identity}, {emotion}, {pose}, {context}, {REALISM}"
    return {"goal": goal, "identity": identity, "emotion": emotion, "context": context,
            "pose": pose, "realism": REALISM, "prompt": text}


def gaps(goals: list[str], identity: str, portraits: list[dict[str, Any]]) -> dict[str, Any]:
    """``portraits``: dicts with id and reading."""
    found = []
    for goal in goals:
        scores = [(fit(goal, p.get("reading"))["score"], p["id"]) for p in portraits]
        best, best_id = max(scores, default=(0.0, None), key=lambda t: (t[0], t[1] or ""))
        cue, values, missing = NEEDS[goal]
        has_need = any(cues(p.get("reading"))[cue] in values for p in portraits)
        if has_need and best >= GOOD_FIT:
            continue
        why = f"No {missing} for {goal}" if not has_need else \
            f"No portrait fits {goal} well (best: {best:.2f})"
        found.append({"goal": goal, "missing": missing, "message": why + ".",
                      "best": best_id, "best_score": best})
    return {"gaps": found, "prompts": [prompt(identity or "person", g) for g in goals]}
