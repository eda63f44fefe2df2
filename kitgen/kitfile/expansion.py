"""Refuse a brand file whose YAML aliases loop or multiply before anything walks its data.

PyYAML shares an aliased value instead of copying it, so ``*a`` costs nothing to load; but
the checks after loading (repeated keys, the schema, repeated items) visit every use of it.
Nine levels of nine aliases (the "billion laughs") are 387 million visits: the build hung.
An alias used inside its own anchor loops for ever (it was a RecursionError traceback).
"""
from __future__ import annotations

import yaml

# A hand-written brand file has a few hundred values; a 10,000-line one some tens of
# thousands. Aliases may add up to this many values to what the file writes out.
MAX_VALUES = 100_000


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _written(root: yaml.Node) -> int:
    """How many distinct values the file writes out (an aliased one counts once)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    return len(seen)


def expansion_problem(root: yaml.Node | None) -> tuple[int, str] | None:
    """(1-based line, what is wrong) when aliases loop or expand the document to more than
    MAX_VALUES values, else None. Iterative, so no nesting depth can overflow the stack."""
    if root is None:
        return None
    limit = MAX_VALUES + _written(root)
    size: dict[int, int] = {}  # id(node) -> values it stands for, aliases expanded
    path: set[int] = set()  # the nodes being walked: meeting one again is a loop
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            path.discard(key)
            size[key] = 1 + sum(size[id(c)] for c in _children(node))
            if size[key] > limit:
                return (node.start_mark.line + 1,
                        f"aliases repeat this value into more than {MAX_VALUES} values; "
                        "write it out once instead of through aliases (*name)")
            continue
        if key in size:
            continue
        path.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in path:
                return (child.start_mark.line + 1,
                        "this anchor (&name) is used inside itself, so the value never "
                        "ends; remove the alias (*name) inside it")
            if id(child) not in size:
                stack.append((child, False))
    return None
