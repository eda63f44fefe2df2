"""Faces from real landmarks on the bundled portraits and pictures composed from them."""
from PIL import Image

from kitgen.analysis.face import analysis_copy, detect_faces
from tests.conftest import ASTRONAUT, HOPPER


def faces_of(img):
    arr, factor = analysis_copy(img)
    return detect_faces(arr, factor, img.size)


def test_the_astronaut_has_one_face_with_iris_landmarks():
    faces = faces_of(Image.open(ASTRONAUT).convert("RGB"))
    assert len(faces) == 1
    f = faces[0]
    assert len(f.landmarks) == 478 and f.score > 0.8
    (lx, ly), (rx, ry) = f.eyes
    x, y, w, h = f.box
    assert x < lx < rx < x + w and y < ly < y + h * 0.7 and abs(ly - ry) < 10


def test_a_small_face_beside_a_large_one_still_gets_landmarks():
    canvas = Image.new("RGB", (1100, 620), (200, 200, 200))
    canvas.paste(Image.open(HOPPER).convert("RGB"), (10, 10))
    small = Image.open(ASTRONAUT).convert("RGB").resize((420, 420), Image.LANCZOS)
    canvas.paste(small, (620, 150))
    faces = faces_of(canvas)
    assert len(faces) == 2
    assert faces[0].box[0] < 550 < faces[1].box[0]  # largest (Hopper) first
    assert all(f.landmarks is not None and len(f.landmarks) == 478 for f in faces)
    (lx, _), (rx, _) = faces[1].eyes
    x, y, w, h = faces[1].box
    assert x < lx < rx < x + w


def test_a_picture_without_people_has_no_faces():
    img = Image.new("RGB", (640, 480), (90, 140, 200))
    assert faces_of(img) == []


LEAN_PROBE = """
import sys
{pre}
from PIL import Image
from kitgen.analysis.face import analysis_copy, detect_faces
img = Image.open({path!r}).convert("RGB")
arr, factor = analysis_copy(img)
faces = detect_faces(arr, factor, img.size)
print(len(faces), len(faces[0].landmarks), faces[0].box,
      sorted(m for m in ("cv2", "matplotlib", "_sounddevice") if m in sys.modules))
"""


def _probe(pre: str) -> list[str]:
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", LEAN_PROBE.format(pre=pre, path=str(ASTRONAUT))],
                         capture_output=True, text=True, check=True).stdout
    return out.strip().splitlines()[-1]


def test_faces_come_without_opencv_matplotlib_or_audio_and_match_the_whole_package():
    """A worker imports only the two face solutions; the faces are the same as when a host
    program has imported MediaPipe whole (then its modules are used as they are)."""
    lean = _probe("")
    whole = _probe("import mediapipe")
    assert lean.startswith("1 478 ") and lean.endswith("[]")
    assert whole.endswith("['_sounddevice', 'cv2', 'matplotlib']")
    assert lean.rsplit(" [", 1)[0] == whole.rsplit(" [", 1)[0]


def test_a_picture_stored_upside_down_is_told_and_upright_ones_cost_nothing(tmp_path):
    """QA pass 4: Hopper turned half round had no face and the astronaut a wrong one (Face
    Mesh alone, 0.5), and their crops were built upside down without a word."""
    import json
    import subprocess
    import sys

    from kitgen.analysis.face import upside_down
    from tests.conftest import CAMERAMAN

    for path in (ASTRONAUT, HOPPER, CAMERAMAN):
        img = Image.open(path).convert("RGB")
        for turned, expected in ((img, False), (img.rotate(180), True)):
            arr, factor = analysis_copy(turned)
            assert upside_down(arr, detect_faces(arr, factor, turned.size)) is expected, path
    no_face = Image.new("RGB", (400, 300), (120, 160, 90))
    arr, factor = analysis_copy(no_face)
    assert not upside_down(arr, [])
    turned = tmp_path / "turned.jpg"
    Image.open(HOPPER).convert("RGB").rotate(180).save(turned, quality=92)
    out = subprocess.run([sys.executable, "-m", "kitgen", "analyse", str(turned), "--json"],
                         capture_output=True, text=True, check=True).stdout
    record, = json.loads(out)["portraits"]
    assert ("the picture seems to be stored upside down (a face is found only when it is "
            "turned round): rotate the original upright (or fix its orientation tag) and "
            "build again") in record["warnings"]
