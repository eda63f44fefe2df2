"""Turn pydantic's and PyYAML's errors into one line each: path, what was expected, a fix."""
from __future__ import annotations

import re
import difflib
from typing import Any, get_args

import yaml
from pydantic import BaseModel, ValidationError


def dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """A did-you-mean, compared without case: 'IMG_01.JPG' listed for 'img_01.jpg' (a kit
    moved from a disk that ignores case) was told of no file, with no suggestion (QA pass 4)."""
    lowered = {c.lower(): c for c in reversed(list(choices))}  # the first of look-alikes
    close = difflib.get_close_matches(str(word).lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[close[0]]}'?)" if close else ""


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that owns the last element of ``loc``."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return None
        ann = field.annotation
        for candidate in (ann, *getattr(ann, "__args__", ())):
            inner = getattr(candidate, "__args__", (candidate,))
            for c in (candidate, *inner):
                if isinstance(c, type) and issubclass(c, BaseModel):
                    current = c
                    break
    return current if isinstance(current, type) else None


def _short(value: Any) -> str:
    """The value as brand.yml spells it: true, null, 2024-01-01 (a YAML date), not Python's
    True, None or datetime.date(2024, 1, 1)."""
    import datetime

    if isinstance(value, bool) or value is None:
        text = {True: "true", False: "false", None: "null"}[value]
    elif isinstance(value, (datetime.date, datetime.datetime)):
        text = f"{value.isoformat()} (a date)"
    else:
        text = repr(value)
    return text[:60] + "..." if len(text) > 60 else text


def _slug(text: str) -> str:
    from kitgen.ids import slug

    return slug(text)


def describe(model: type[BaseModel], err: ValidationError) -> list[tuple[tuple, str]]:
    """(location, message) for every error, in document order."""
    out = []
    for e in err.errors(include_url=False):
        loc = tuple(e["loc"])
        kind = e["type"]
        got = e.get("input")
        if kind == "extra_forbidden":
            owner = _model_at(model, loc)
            known = list(getattr(owner, "model_fields", {}))
            msg = (f"unknown key '{loc[-1]}'{suggest(loc[-1], known)}; "
                   f"known keys: {', '.join(known)}")
        elif kind == "literal_error":
            expected = e["ctx"]["expected"].replace("'", "")
            choices = [c.strip() for c in expected.replace(" or ", ", ").split(",")]
            msg = f"expected one of {', '.join(choices)}, got {got!r}{suggest(got, choices)}"
        elif kind == "missing":
            msg = "is required but missing"
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            owner = _model_at(model, (*loc, None))
            known = ", ".join(getattr(owner, "model_fields", {}))
            msg = f"expected a mapping of keys ({known}), got {_short(got)}"
        elif kind == "string_pattern_mismatch" and loc[-1] == "id" and isinstance(got, str):
            # the pattern's own length limit: 41 for a preset's id, 61 for a portrait's
            most = int(re.search(r"\{0,(\d+)\}", e["ctx"]["pattern"]).group(1)) + 1
            msg = (f"use only lower-case letters, digits and hyphens, at most {most}, got "
                   f"{_short(got)} (did you mean '{_slug(got)[:most].rstrip('-')}'?)")
        elif got is None and kind.endswith("_type"):  # 'audience:' with nothing after it
            msg = "has no value; write one after the colon, or remove the line"
        elif kind == "too_short" and got == []:
            msg = "is empty; list at least one" + _choices(model, loc)
        else:
            msg = e["msg"][0].lower() + e["msg"][1:]
            if got is not None and not isinstance(got, (dict, list)):
                # pydantic may say what it got already ("got a number with a fractional part")
                msg += f" ({_short(got)})" if ", got " in msg else f", got {_short(got)}"
        out.append((loc, msg))
    return out


def _choices(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """': a, b, c' when the list at ``loc`` takes fixed values (goals), else ''."""
    owner = _model_at(model, loc)
    field = getattr(owner, "model_fields", {}).get(loc[-1])
    item = get_args(field.annotation) if field else ()
    values = get_args(item[0]) if item else ()
    return f": {', '.join(values)}" if values and all(isinstance(v, str) for v in values) else ""


def yaml_problem(path: str, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    where = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
    problem = getattr(exc, "problem", None) or str(exc)
    return f"{path}{where}: invalid YAML: {problem}; fix the syntax at that line"


def line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Line (1-based) of the YAML node at ``loc``, or of its nearest existing parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if getattr(k, "value", None) == part),
                        None)
            if pair is None:
                return line
            # the key's line: a block value starts on the next line ("persn:\n  nme: Bob")
            line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
