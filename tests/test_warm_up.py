"""While the portraits are in work, the build's process loads the kit's MkDocs configuration
and Markdown extensions (kitgen.site.warm_up), so the guide that follows has less to do."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import make_kit

PROBE = """
import json, logging, sys
from pathlib import Path
from kitgen.kitfile.load import load_kit
from kitgen.site import warm_up
wanted = ["pymdownx.tabbed", "pymdownx.superfences", "mkdocs_glightbox.plugin",
          "material.plugins.search.plugin"]
before = [m for m in wanted if m in sys.modules]
logging.getLogger("mkdocs").setLevel(logging.INFO)
warm_up(load_kit(Path({kit!r})))
print(json.dumps({{"before": before, "after": [m for m in wanted if m in sys.modules],
                  "level": logging.getLogger("mkdocs").level}}))
"""


def _probe(kit) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(kit=str(kit))],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_kits_extensions_and_plugins_are_loaded_and_nothing_is_built(tmp_path):
    kit = make_kit(tmp_path / "kit")
    got = _probe(kit)
    assert got["before"] == []
    assert got["after"] == ["pymdownx.tabbed", "pymdownx.superfences",
                            "mkdocs_glightbox.plugin", "material.plugins.search.plugin"]
    assert got["level"] == 20  # MkDocs' own log level is given back
    assert not (kit / "site").exists() and not (kit / ".kitgen").exists()


def test_a_broken_mkdocs_yml_is_left_for_the_build_to_report(tmp_path):
    kit = make_kit(tmp_path / "kit")
    (kit / "mkdocs.yml").write_text("theme: [unclosed\n", encoding="utf-8")
    got = _probe(kit)
    assert got["after"] == [] and got["level"] == 20
