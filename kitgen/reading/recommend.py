"""The best portrait for each platform, given the brand goals.

Each platform leans on some goals more than others (a data table below). A portrait's score
for a platform is the weighted mean of its goal fits, where the person's own goals count fully
and the rest at ``OTHER_GOAL_WEIGHT``. An own goal the platform's row does not name counts at
the row's smallest weight (``platform_weights``): calm and nostalgia are in no row, so a kit
made for calm was otherwise recommended on trust and energy alone. A portrait the person
earmarked for the platform (``use`` in brand.yml) gets a small bonus, and a portrait without a
readable face loses some, since every platform shows a profile picture first. A portrait whose
crops for the platform had to be enlarged loses ``SOFT_PENALTY`` per doubling (capped): a soft
banner undoes the impression the expression makes, so a sharp portrait that fits nearly as
well wins.
"""
from __future__ import annotations

import math
from typing import Any

from kitgen.reading.goals import fit
from kitgen.reading.thresholds import T

PLATFORM_GOALS: dict[str, dict[str, float]] = {
    "linkedin": {"trust": 0.4, "authority": 0.35, "approachability": 0.25},
    "press": {"authority": 0.45, "trust": 0.4, "approachability": 0.15},
    "x": {"approachability": 0.35, "authority": 0.3, "energy": 0.2, "creativity": 0.15},
    "instagram": {"energy": 0.35, "creativity": 0.3, "approachability": 0.2,
                  "aspiration": 0.15},
    "tiktok": {"energy": 0.45, "creativity": 0.35, "approachability": 0.2},
    "facebook": {"approachability": 0.45, "trust": 0.35, "energy": 0.2},
    "youtube": {"energy": 0.4, "approachability": 0.35, "creativity": 0.25},
    "threads": {"approachability": 0.4, "creativity": 0.35, "energy": 0.25},
    "github": {"approachability": 0.4, "trust": 0.35, "creativity": 0.25},
    "slack": {"approachability": 0.6, "trust": 0.4},
    "teams": {"approachability": 0.5, "trust": 0.5},
    "email": {"trust": 0.5, "approachability": 0.35, "authority": 0.15},
}
OTHER_GOAL_WEIGHT = 0.3  # goals the person did not choose still matter a little
USE_BONUS = 0.05  # the person's own choice breaks near-ties
NO_FACE_PENALTY = 0.15
SOFT_PENALTY, SOFT_PENALTY_MAX = 0.1, 0.3  # per doubling of the worst enlargement; its cap


def platform_weights(platform: str, goals: list[str]) -> dict[str, float]:
    """The platform's row, plus each of the person's goals it leaves out at the row's smallest
    weight: the platform does not reward that goal in particular, but it is what the person
    asked the portraits for, so it never counts for nothing."""
    row = PLATFORM_GOALS.get(platform)
    if not row:
        return {g: 1.0 for g in goals}
    least = min(row.values())
    return {**row, **{g: least for g in goals if g not in row}}


def platform_score(platform: str, goals: list[str], reading: dict | None,
                   use: list[str], enlarged: float = 1.0,
                   ) -> tuple[float, list[tuple[str, float, dict]]]:
    weights = platform_weights(platform, goals)
    parts = []
    total = 0.0
    for goal, w in weights.items():
        w_eff = w * (1.0 if goal in goals else OTHER_GOAL_WEIGHT)
        f = fit(goal, reading)
        parts.append((goal, w_eff, f))
        total += w_eff
    score = sum(w * f["score"] for _, w, f in parts) / (total or 1.0)
    if platform in use:
        score += USE_BONUS
    if not reading or reading.get("gaze") is None:
        score -= NO_FACE_PENALTY
    if enlarged > 1.0:
        score -= min(SOFT_PENALTY_MAX, SOFT_PENALTY * math.log2(enlarged))
    return round(max(0.0, min(1.0, score)), 3), parts


def recommend(platforms: dict[str, str], goals: list[str],
              portraits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``portraits``: dicts with id, title, reading and use. One row per platform."""
    rows = []
    for platform, label in platforms.items():
        ranked = []
        for p in portraits:
            score, parts = platform_score(platform, goals, p.get("reading"), p.get("use", []),
                                          p.get("enlarged", {}).get(platform, 1.0))
            ranked.append((-score, p["id"], p, parts))
        if not ranked:
            continue
        ranked.sort(key=lambda t: (t[0], t[1]))
        _, pid, best, parts = ranked[0]
        # On a tie in weight, the person's own goal is the one to name.
        lead = max(parts, key=lambda t: (t[1], t[0] in goals, t[2]["score"]))
        reasons = lead[2]["for"][:1] or lead[2]["against"][:1]
        reason = f"Fits {lead[0]}, the goal that counts most here, at {lead[2]['score']:.2f}"
        if platform in best.get("use", []):
            reason += ", and you earmarked it for this platform"
        reason += "." + (" " + reasons[0] if reasons else "")
        if not best.get("reading") or best["reading"].get("gaze") is None:
            # It won despite NO_FACE_PENALTY (say, a vivid picture for TikTok's energy): the
            # reader must not take it for the profile photo the platform shows first.
            reason += (" No face was found in it: use it for posts, and a portrait with a face "
                       "for the profile photo.")
        soft = best.get("enlarged", {}).get(platform, 1.0)
        if soft >= T["crop_soft_factor"]:
            reason += (f" Its crops here are enlarged up to ×{soft:.1f} and may look soft; "
                       "a larger original would be sharper.")
        rows.append({
            "platform": platform, "label": label, "portrait": pid,
            "title": best.get("title") or pid, "score": -ranked[0][0], "reason": reason,
            "runner_up": ranked[1][1] if len(ranked) > 1 else None,
        })
    return rows
