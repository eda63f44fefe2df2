"""site/kit.json, the kit manifest: a public contract. Add fields; never rename them."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kitgen import __version__
from kitgen.exports import export_index
from kitgen.kitfile.load import Kit
from kitgen.reading.explain import explain, kit_platforms
from kitgen.records import Portrait, Problem, Swatch

MANIFEST_VERSION = 1


def manifest(kit: Kit, portraits: list[Portrait], palette: tuple[Swatch, ...],
             failed: list[Problem]) -> dict[str, Any]:
    brand = kit.brand
    explained = explain(list(brand.goals), brand.person.identity, portraits,
                        kit_platforms(kit.presets))
    return {
        "manifest_version": MANIFEST_VERSION,
        "kitgen": __version__,
        "person": brand.person.model_dump(mode="json"),
        "goals": list(brand.goals),
        "audience": brand.audience,
        "palette": [s.to_dict() for s in palette],
        "presets": [p.to_dict() for p in kit.presets],
        "portraits": [p.to_dict() | explained["portraits"][p.id] for p in portraits],
        "skipped": [p.to_dict() for p in kit.skipped],
        "failed": [p.to_dict() for p in failed],
        "exports": export_index(),
        "recommendations": explained["recommendations"],
        "gaps": explained["gaps"],
    }


def manifest_schema() -> dict[str, Any]:
    """The JSON Schema kit.json follows (shipped as kitgen/kit.schema.json)."""
    return json.loads((Path(__file__).parent / "kit.schema.json").read_text(encoding="utf-8"))


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
