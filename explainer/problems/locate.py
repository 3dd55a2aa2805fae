"""Map a path inside a YAML tree (like pydantic's error `loc`) back to a line and column.

ruamel.yaml records positions on every mapping and sequence (`.lc`); we walk the path and
keep the deepest position we can reach. A field that is missing has no position of its
own, so the error points at the mapping that should contain it.
"""
from __future__ import annotations

from typing import Any, Iterable

from ruamel.yaml.comments import CommentedMap, CommentedSeq


def format_field(path: Iterable[Any]) -> str:
    """`('points', 3, 'en')` becomes `points[3].en`, the form authors see in messages."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def locate(tree: Any, path: Iterable[Any]) -> tuple[int, int, list[Any]]:
    """Return the 1-based (line, column) of the deepest node on `path`, and the part of the
    path that exists in the tree (pydantic adds union tags and the like that do not)."""
    line, column = 1, 1
    if isinstance(tree, (CommentedMap, CommentedSeq)):
        line, column = tree.lc.line + 1, tree.lc.col + 1
    node = tree
    found: list[Any] = []
    for part in path:
        if isinstance(node, CommentedMap) and not isinstance(part, int) and part in node:
            line, column = _value_position(node, part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            item_line, item_column = node.lc.item(part)
            line, column = item_line + 1, item_column + 1
            node = node[part]
        else:
            continue
        found.append(part)
    return line, column, found


def _value_position(mapping: CommentedMap, key: Any) -> tuple[int, int]:
    """Scalars point at their value; nested blocks at their key, which is where eyes land."""
    value = mapping[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value:
        key_line, key_column = mapping.lc.key(key)
        return key_line + 1, key_column + 1
    value_line, value_column = mapping.lc.value(key)
    return value_line + 1, value_column + 1


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in a plain text (a source file, a page)."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1
