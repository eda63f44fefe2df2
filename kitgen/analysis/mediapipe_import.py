"""MediaPipe's two face solutions, imported without the rest of the package.

``import mediapipe`` runs the package's ``__init__``, which imports every solution and their
drawing helpers, and with them OpenCV, matplotlib and an audio library kitgen never calls. In a
build worker that cost about 0.5 s of start-up and 65 MB of memory per process
(benchmarks/run.py measures both). The face detector and Face Mesh need neither: their modules
import only MediaPipe's own native bindings.

So, unless the program has imported MediaPipe whole already (then that is used), the two
package levels whose ``__init__`` pulls the extras in (``mediapipe`` and
``mediapipe.python.solutions``) are registered as plain namespace modules pointing at their
real folders, and only the two solution modules are imported from them. Python's import system
then finds everything else below them as usual. mediapipe is pinned (pyproject.toml), and the
tests build faces through this path, so a layout change fails there, not in a user's build.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import types

LEAN_LEVELS = ("mediapipe", "mediapipe.python.solutions")


def face_solutions() -> tuple[types.ModuleType, types.ModuleType]:
    """``(face_detection, face_mesh)`` from ``mediapipe.python.solutions``."""
    if "mediapipe" not in sys.modules:
        spec = importlib.util.find_spec("mediapipe")
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("mediapipe is not installed")
        root = list(spec.submodule_search_locations)[0]
        for name in LEAN_LEVELS:
            module = types.ModuleType(name)
            module.__path__ = [os.path.join(root, *name.split(".")[1:])]
            module.__package__ = name
            sys.modules[name] = module
    detection = importlib.import_module("mediapipe.python.solutions.face_detection")
    mesh = importlib.import_module("mediapipe.python.solutions.face_mesh")
    return detection, mesh
