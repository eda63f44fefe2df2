from kitgen.crops.presets import PRESETS, presets_for

# The sizes the platforms publish (issue #2); the table must carry each exactly.
EXPECTED = {
    "linkedin-profile": (400, 400), "linkedin-banner": (1584, 396),
    "x-profile": (400, 400), "x-header": (1500, 500),
    "instagram-profile": (320, 320), "instagram-post": (1080, 1080),
    "instagram-portrait": (1080, 1350), "instagram-story": (1080, 1920),
    "facebook-profile": (320, 320), "facebook-cover": (851, 315),
    "youtube-profile": (800, 800), "youtube-banner": (2560, 1440),
    "tiktok-profile": (200, 200), "threads-profile": (320, 320),
    "github-avatar": (500, 500), "slack-profile": (1024, 1024), "teams-profile": (648, 648),
}


def test_table_has_every_platform_size():
    table = {p.id: (p.width, p.height) for p in PRESETS}
    for pid, size in EXPECTED.items():
        assert table[pid] == size, pid
    assert len(PRESETS) >= 15
    assert len(set(table)) == len(PRESETS)


def test_youtube_safe_area_is_centred_1546x423():
    yt = next(p for p in PRESETS if p.id == "youtube-banner")
    x, y, w, h = yt.safe
    assert (w, h) == (1546, 423)
    assert abs((x + w / 2) - yt.width / 2) <= 1 and abs((y + h / 2) - yt.height / 2) <= 1


def test_email_is_retina_and_press_is_large():
    table = {p.id: p for p in PRESETS}
    assert table["email-signature"].width == 2 * 150
    assert max(table["press-headshot"].width, table["press-headshot"].height) >= 2500


def test_presets_for_filters_by_platform_and_keeps_custom_last():
    from kitgen.crops.presets import make_custom

    custom = make_custom("badge", "Badge", 600, 800, "portrait", False)
    chosen = presets_for(["linkedin"], [custom])
    assert [p.id for p in chosen] == ["linkedin-profile", "linkedin-banner", "badge"]
