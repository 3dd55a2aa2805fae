"""Read the YAML data files into trees that keep every node's line and column, so that later
stages can point authors at the exact spot of a mistake; any bytes at all give either a tree
or one located Problem, never an exception.

The text is parsed into events by libyaml (through PyYAML, which MkDocs already installs; its
pure-Python parser where libyaml is missing): an iterative parser, so no nesting depth can
exhaust Python's stack, and about forty times faster than ruamel.yaml's round-trip loader on
our files. The tree is built here from those events, as ruamel.yaml's position-carrying
`CommentedMap`/`CommentedSeq`, with the YAML 1.2 core schema (`yes` stays text). What data
files never need is refused with a located message instead of half-supported: tags (`!!int`),
anchors and aliases (`&a`, `*a`, and so alias bombs), several documents, complex keys.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..problems.errors import Problem
from ..problems.locate import format_field, line_and_column, locate

Parser = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

# The largest data file today is 90 KB; the benchmark's scale series grows the data 50x (4.2 MB).
MAX_BYTES = 16_000_000
MAX_DEPTH = 16  # the deepest data file today (report.yaml) nests 8 levels

# Characters YAML forbids in a stream (and HTML in a page): C0/C1 controls but tab, line feed
# and carriage return (and NEL), lone surrogates, and the two non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_INT = re.compile(r"^[-+]?[0-9]{1,30}$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}


@dataclass
class YamlDocument:
    """One data file: its path as authors see it (relative to the project) and its parsed tree."""

    path: str
    tree: Any

    def problem(self, field_path, message: str) -> Problem:
        """A problem at a field of this file ('claims', 3, 'span'), located at its line and column."""
        line, column, _ = locate(self.tree, field_path)
        return Problem(self.path, line, column, format_field(field_path), message)


class _Refused(Exception):
    """Something the file says that data files do not use, at a position."""

    def __init__(self, mark, message: str):
        super().__init__(message)
        self.line, self.column, self.message = mark.line + 1, mark.column + 1, message


def load_yaml(project: Path, relative_path: str, data: bytes | None = None) -> YamlDocument | Problem:
    """Parse one file (or `data`, its bytes already read); every mistake comes back as a
    located Problem instead of an exception."""
    text = read_text(project, relative_path) if data is None else decode_text(relative_path, data)
    if isinstance(text, Problem):
        return text
    try:
        return YamlDocument(relative_path, _build(yaml.parse(text, Loader=Parser)))
    except _Refused as refused:
        return Problem(relative_path, refused.line, refused.column, "", refused.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "unreadable"
        if error.context and error.context_mark and error.problem:
            what += (f" ({error.context} started at line {error.context_mark.line + 1}, "
                     f"column {error.context_mark.column + 1})")
        return Problem(relative_path, line, column, "", f"invalid YAML: {what}; fix the syntax here")
    except yaml.YAMLError as error:
        return Problem(relative_path, 1, 1, "", f"invalid YAML: {error}; fix the syntax")


def read_text(project: Path, relative_path: str) -> str | Problem:
    """An author's text file as a string (a leading byte-order mark dropped), or a located
    Problem: missing, too large, not UTF-8, or holding a character no text file should."""
    data = read_bytes(project, relative_path)
    return data if isinstance(data, Problem) else decode_text(relative_path, data)


def read_bytes(project: Path, relative_path: str) -> bytes | Problem:
    """An author's file as bytes, or a located Problem: missing, unreadable or too large."""
    file = project / relative_path
    try:
        if file.stat().st_size > MAX_BYTES:
            return Problem(relative_path, 1, 1, "", f"is larger than {MAX_BYTES // 1_000_000} MB; "
                           "split it or remove what was pasted by mistake")
        data = file.read_bytes()
    except FileNotFoundError:
        return Problem(relative_path, 1, 1, "", "file not found; create it (see README.md, 'What authors edit')")
    except OSError as error:
        return Problem(relative_path, 1, 1, "", f"cannot be read ({error.strerror}); make it a readable file")
    return data


def decode_text(relative_path: str, data: bytes) -> str | Problem:
    """A file's bytes as text (see read_text), or a located Problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1:error.start].decode("utf-8", "replace")) + 1
        return Problem(relative_path, line, column, "",
                       f"not UTF-8 text (byte 0x{data[error.start]:02X} here); save the file as UTF-8")
    text = text.removeprefix("\ufeff")
    bad = _FORBIDDEN.search(text)
    if bad:
        line, column = line_and_column(text, bad.start())
        return Problem(relative_path, line, column, "", f"contains the invisible control character "
                       f"U+{ord(bad.group()):04X}; delete it")
    return text


def _build(events) -> Any:
    """The document's tree from parser events, with no recursion (see the module docstring)."""
    root: list[Any] = []
    stack: list[list[Any]] = []  # open collections: [node, pending key (mappings), key mark]
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Refused(event.start_mark, "a second YAML document ('---'); keep one document a file")
            continue
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            continue
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, f"alias '*{event.anchor}': data files do not use anchors "
                           "and aliases; write the value out")
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            node = stack.pop()[0]
            _attach(stack, root, node)
            continue
        _refuse_extras(event)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(stack) >= MAX_DEPTH:
                raise _Refused(event.start_mark, f"nested more than {MAX_DEPTH} levels deep; "
                               "data files need far fewer, check the indentation")
            node = CommentedMap() if isinstance(event, yaml.MappingStartEvent) else CommentedSeq()
            node.lc.line, node.lc.col = event.start_mark.line, event.start_mark.column
            if stack and isinstance(stack[-1][0], CommentedMap) and stack[-1][1] is None:
                raise _Refused(event.start_mark, "a key that is a list or a block; keys are plain words")
            _place(stack, node, event.start_mark)
            stack.append([node, None, None])
        elif isinstance(event, yaml.ScalarEvent):
            frame = stack[-1] if stack else None
            if frame is not None and isinstance(frame[0], CommentedMap) and frame[1] is None:
                if event.value in frame[0]:
                    first = frame[0].lc.key(event.value)[0] + 1
                    raise _Refused(event.start_mark, f"duplicate key '{event.value}' (first on line "
                                   f"{first}); remove one of them")
                frame[1], frame[2] = event.value, event.start_mark
                continue
            value = _scalar(event)
            _place(stack, value, event.start_mark)
            _attach(stack, root, value)
    return root[0] if root else None


def _refuse_extras(event) -> None:
    if getattr(event, "anchor", None):
        raise _Refused(event.start_mark, f"anchor '&{event.anchor}': data files do not use anchors "
                       "and aliases; write the value out")
    if event.tag is not None:  # only ever set by an explicit tag in the text
        raise _Refused(event.start_mark, f"tag '{event.tag}': data files do not use YAML tags; "
                       "remove it (quote a value to make it text)")


def _place(stack: list[list[Any]], value: Any, mark) -> None:
    """Record where `value` starts in the collection that is receiving it."""
    if not stack:
        return
    parent, key, key_mark = stack[-1]
    if isinstance(parent, CommentedMap):
        parent.lc.add_kv_line_col(key, [key_mark.line, key_mark.column, mark.line, mark.column])
    else:
        parent.lc.add_kv_line_col(len(parent), [mark.line, mark.column])


def _attach(stack: list[list[Any]], root: list[Any], value: Any) -> None:
    """Put a finished value into its parent (or make it the document)."""
    if not stack:
        root.append(value)
        return
    frame = stack[-1]
    if isinstance(frame[0], CommentedMap):
        frame[0][frame[1]] = value
        frame[1] = frame[2] = None
    else:
        frame[0].append(value)


def _scalar(event) -> Any:
    """The YAML 1.2 core schema, as ruamel.yaml reads it: quoted or block text stays text."""
    value = event.value
    if event.style:  # quoted ('...', "...") or a block (|, >)
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    date = _DATE.match(value)
    if date:
        try:
            return datetime.date(*(int(part) for part in date.groups()))
        except ValueError as error:
            raise _Refused(event.start_mark, f"'{value}' is not a date ({error}); "
                           "write a real day as YYYY-MM-DD") from None
    return value
