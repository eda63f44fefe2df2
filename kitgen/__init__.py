"""kitgen: portraits and brand goals in, a branding kit out.

Heavy stages are imported lazily so that ``kitgen --help`` stays instant.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "build", "load_kit"]


def __getattr__(name: str):
    if name == "build":
        from kitgen.build import build

        return build
    if name == "load_kit":
        from kitgen.kitfile.load import load_kit

        return load_kit
    raise AttributeError(name)
