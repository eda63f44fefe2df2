"""Every cue threshold in one table, each with how it was chosen.

Values were set from geometry or published conventions where one exists, then checked on the
bundled portraits and on copies of them altered in known ways (mirrored, rotated, graded,
blurred, grained); the tests in tests/test_reading_*.py hold them to those known answers.
Lightness, chroma and hue are CIELAB (D65) values from scikit-image's ``rgb2lab``.
"""
from __future__ import annotations

from types import MappingProxyType

T = MappingProxyType({
    # --- gaze -----------------------------------------------------------------------------
    # Eyeball radius ~12 mm against a half eye opening ~15 mm: an iris offset of h half-widths
    # is an eye rotation of asin(1.25 h).
    "eye_rotation_gain": 1.25,
    # The eye turns at most about 45 degrees in its socket; larger values are foreshortened
    # irises on a turned head (the cameraman's profile reads 90 without this cap).
    "eye_rotation_max_deg": 45.0,
    # Lids follow vertical eye movement, so the iris sits near the lid centre whatever the gaze;
    # vertical angles count at full weight but are noisier (kept for symmetry of the formula).
    "gaze_vertical_weight": 1.0,
    # People feel looked at within a cone of roughly 4-9 degrees; landmark noise on the
    # bundled frontal portraits is 2-4 degrees, so 9 keeps them direct and a glance aside not.
    "gaze_direct_max_deg": 9.0,
    # --- head pose ------------------------------------------------------------------------
    # Beyond ~15 degrees of yaw the far cheek starts to hide: a clearly turned head.
    "head_turned_deg": 15.0,
    # Past ~30 degrees of yaw the far half of the mesh is guessed, not seen: no mirror test.
    "asymmetry_max_yaw": 30.0,
    # Iris offsets beyond 0.8 half-widths are landmark failures, not eye positions.
    "iris_offset_max": 0.8,
    # A tilt under ~5 degrees is not seen as intentional; over 20 it reads as a gimmick.
    "roll_tilt_deg": 5.0,
    "roll_strong_deg": 20.0,
    # Nobody poses with the head past 45 degrees: a face that far over is a photo stored on
    # its side (a missing or stripped orientation tag), not a tilt.
    "roll_sideways_deg": 45.0,
    # --- crops -----------------------------------------------------------------------------
    # Enlarged this much or more, a crop looks soft: the build warns once per portrait
    # (kitgen.process) and a recommendation's reason says so (kitgen.reading.recommend).
    "crop_soft_factor": 1.5,
    # --- expression -----------------------------------------------------------------------
    # Mouth width over inter-ocular distance: ~0.9-1.0 relaxed, ~1.1+ when the cheeks pull
    # the corners out in a smile (checked on the NASA portrait, which smiles with teeth).
    "mouth_width_relaxed": 0.92,
    "mouth_width_full": 1.25,
    # Corner lift above the lip line, over inter-ocular distance: 0 flat, ~0.12 a clear smile.
    "corner_lift_full": 0.14,
    # smile_score (half lift, half widening): below 0.3 neutral; a full corner lift alone
    # scores 0.5, already an open, unmistakable smile, so 0.5 starts broad.
    "smile_slight": 0.30,
    "smile_broad": 0.50,
    # Inner-lip gap over mouth width: closed lips measure < 0.05, a smile showing teeth
    # 0.12-0.2 (the NASA portrait: 0.16), speech or laughter > 0.25.
    "mouth_open_gap": 0.25,
    # --- asymmetry ------------------------------------------------------------------------
    # Mean mirror distance of paired landmarks over inter-ocular distance, after the head's
    # rotation is removed. Landmark noise alone gives ~0.01; real faces measure 0.02-0.06;
    # a perfectly mirrored face stays under 0.02; beyond ~0.09 it looks unintended.
    "asymmetry_subtle": 0.02,
    "asymmetry_strong": 0.09,
    # --- framing --------------------------------------------------------------------------
    # Face height (brow to chin) over image height; conventional shot sizes: a close-up fills
    # about half the frame, head-and-shoulders a quarter, a medium shot (waist up) an eighth.
    "framing_close_up": 0.42,
    "framing_head_and_shoulders": 0.25,
    "framing_medium": 0.10,
    # A point within 1/12 of the frame of a thirds line counts as on it.
    "thirds_tolerance": 1 / 12,
    # --- colour mood (CIELAB) -------------------------------------------------------------
    # Warmth index = mean b* + 0.5 mean a* (yellow and red pull warm, blue and green cool).
    # Neutral grey gives 0, so the neutral band straddles it; skin pulls a frame up by 5-15;
    # frames over +12 look golden, frames under -2 (blue dominates even with skin) look cool.
    "warm_min": 12.0,
    "cool_max": -2.0,
    # Mean chroma C*ab: greys and pastels stay under ~12; vivid studio colour exceeds ~28.
    "muted_max": 12.0,
    "rich_min": 28.0,
    # Mean L*: the zone system's middle band (L* 38-62) is mid key.
    "key_low_max": 38.0,
    "key_high_min": 62.0,
    # Exposure: the face's mean L* (the frame's without a face). Lit skin of any tone sits
    # around L* 25-80, and a low-key portrait keeps its face in that range while the frame
    # goes dark; a face under 15 or over 92 is lost to under- or overexposure in any key.
    "exposure_dark_max": 15.0,
    "exposure_bright_min": 92.0,
    # L* spread between the 5th and 95th percentiles: under 40 flat light, over 75 hard.
    "contrast_soft_max": 40.0,
    "contrast_hard_min": 75.0,
    # --- texture --------------------------------------------------------------------------
    # Faces are resampled so the irises are 48 px apart, then the robust spread (MAD-based
    # sigma, L* units) of the fine detail (image minus a 1 px Gaussian blur) on cheeks and
    # forehead is measured. Unretouched skin at that scale keeps > 0.6; a 2 px blur of the
    # source drops it under 0.45.
    "texture_face_iod_px": 48.0,
    # The detail is scaled to skin at this level (L* + 16; 90 is brightly lit light skin, L*
    # 74), where it equals the plain L* spread; darker or darker-lit skin is scaled up by as
    # much as its L* steps shrink, so exposure and skin tone leave it where it is.
    "texture_reference_level": 90.0,
    "texture_natural_min": 0.55,
    # --- background -----------------------------------------------------------------------
    # Background sharpness over face sharpness (mean gradient magnitude): a lens-blurred
    # background keeps < 0.55 of the face's detail.
    "background_soft_ratio": 0.55,
    # Share of background pixels on an edge (Sobel of L* > 6 per px at 384 px): a plain
    # studio wall < 0.08, shelves and streets > 0.22.
    "edge_step": 6.0,
    "background_clean_edges": 0.08,
    "background_busy_edges": 0.22,
    # --- nostalgia ------------------------------------------------------------------------
    # Grain: noise sigma (L* units) estimated in the flattest quarter of the image; digital
    # captures measure < 1.2, film scans and added grain > 2.
    "grain_sigma": 2.0,
    # Lifted blacks: the 1st percentile of L* above 12 means no true black anywhere.
    "lifted_black_L": 12.0,
    # A warm vintage cast: warmth index over +10 while mean chroma stays under 22.
    "vintage_warmth": 10.0,
    "vintage_chroma_max": 22.0,
    # Two of the three cues (grain, lifted blacks, warm cast) make a period look.
    "nostalgia_cues": 2,
    # --- energy (mood map) ----------------------------------------------------------------
    # Chroma and contrast are scaled by these to 0..1 before mixing with the smile score.
    "energy_chroma_full": 40.0,
    "energy_contrast_full": 90.0,
})


def grade(value: float, high: tuple[str, str], low: tuple[str, str], default: str) -> str:
    """The label of the first threshold ``value`` reaches: ``high`` and ``low`` are
    (threshold key, label) pairs, checked highest first."""
    for key, label in (high, low):
        if value >= T[key]:
            return label
    return default
