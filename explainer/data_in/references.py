"""Cross-file checks on the raw YAML trees: ids are unique, and every reference resolves.

They run on the trees rather than the models so that each problem keeps its line and column.
"""
from __future__ import annotations

import difflib
from typing import Any, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .load import YamlDocument

# Which lists hold entries with ids, per data kind, and what a reference to each is called.
ID_LISTS = {
    "sources": [("sources", "*")],
    "names": [("names", "*")],
    "glossary": [("terms", "*")],
    "actors": [("actors", "*")],
    "places": [("places", "*")],
    "timeline": [("entries", "*")],
    "roadmap": [("points", "*")],
    "claims": [("claims", "*")],
    "report": [("paragraphs", "*"), ("paragraphs", "*", "sentences", "*")],
}

# References that are not citations: (data kind, path to the value, kind it refers to).
REFERENCES = [
    ("roadmap", ("points", "*", "sentence"), "sentences"),
    ("event", ("place",), "places"),
    ("claims", ("claims", "*", "sentence"), "sentences"),
    ("claims", ("claims", "*", "accounts", "*", "source"), "sources"),
    ("claims", ("coverage", "outlets", "*", "source"), "sources"),
    ("map", ("reference",), "places"),
    ("alignment", ("sentences", "*", "sentence"), "sentences"),
]

CITATION_KEYS = ("cite", "coordinates_cite", "boundaries_cite")


def walk(tree: Any, pattern: tuple, prefix: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Yield (path, node) for every node matching a path pattern where '*' is any list item."""
    if not pattern:
        yield prefix, tree
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*" and isinstance(tree, CommentedSeq):
        for index, item in enumerate(tree):
            yield from walk(item, rest, (*prefix, index))
    elif isinstance(tree, CommentedMap) and head in tree:
        yield from walk(tree[head], rest, (*prefix, head))


def file_ids(kind: str, doc: YamlDocument) -> list[tuple[str, str, tuple, int, int]]:
    """(kind of id, id, path, line, column) of every entry with an id in one file of `kind`:
    what collect_ids reads of the file, which depends on the file alone."""
    found = []
    for pattern in ID_LISTS.get(kind, ()):
        key = "sentences" if pattern[-2:] == ("sentences", "*") else kind
        for path, entry in walk(doc.tree, pattern):
            value = entry.get("id") if isinstance(entry, CommentedMap) else None
            if isinstance(value, str):
                line, column, _ = locate(doc.tree, [*path, "id"])
                found.append((key, value, path, line, column))
    return found


def collect_ids(groups: list[dict[str, YamlDocument]], ids_of=None) -> tuple[list[dict[str, list[str]]], list[Problem]]:
    """Ids per kind ('sentences' for the report's sentences) of each group of files (the first
    report's files with the shared ones, then each further report's own), and a problem per
    duplicate: an id is unique across every report of the publication. `ids_of(group, kind,
    doc)`: file_ids of a file, kept by the caller (data_in/file_memo.py), or found here."""
    ids: list[dict[str, list[str]]] = []
    problems: list[Problem] = []
    seen: dict[str, dict[str, tuple[str, int, int]]] = {}  # by kind of file: id -> where first
    for group, docs in enumerate(groups):
        group_ids: dict[str, list[str]] = {}
        for kind in ID_LISTS:
            doc = docs.get(kind)
            if doc is None:
                continue  # a kind the group does not have (shared, or optional)
            first = seen.setdefault(kind, {})
            for key, value, path, line, column in (ids_of(group, kind, doc) if ids_of else file_ids(kind, doc)):
                if value in first:
                    where, first_line, first_column = first[value]
                    at = f"on line {first_line}" if where == doc.path else f"at {where}:{first_line}:{first_column}"
                    problems.append(Problem(doc.path, line, column, format_field([*path, "id"]),
                        f"duplicate id '{value}' (first used {at}); give each entry its own id"))
                else:
                    first[value] = (doc.path, line, column)
                group_ids.setdefault(key, []).append(value)
        ids.append(group_ids)
    return ids, problems


def check_references(docs: dict[str, YamlDocument], ids: dict[str, list[str]],
                     report_file: str = "data/report.yaml", elsewhere: dict[str, str] | None = None) -> list[Problem]:
    """A problem for every citation or reference whose id does not exist; a sentence is looked
    for in the report of `docs` (`report_file`), whose pages show what refers to it, and one
    of another report (`elsewhere`: its id -> that report's file) is named as such."""
    problems = []
    for doc in docs.values():
        for path, value in _citations(doc.tree):
            problems.extend(_unknown(doc, path, value, ids.get("sources", []), "source", "data/sources.yaml"))
    for kind, pattern, target in REFERENCES:
        if kind not in docs:
            continue  # an optional kind left out
        doc = docs[kind]
        for path, value in walk(doc.tree, pattern):
            where = report_file if target == "sentences" else f"data/{target}.yaml"
            if target == "sentences" and value in (elsewhere or {}):
                problems.append(doc.problem(path, f"sentence '{value}' is in another report ({elsewhere[value]}); "
                                            f"refer to a sentence of this file's report, {report_file}"))
                continue
            problems.extend(_unknown(doc, path, value, ids.get(target, []), target.rstrip("s"), where))
    return problems


def check_mentions(doc: YamlDocument, ids: dict[str, list[str]]) -> list[Problem]:
    """A sentence mentions actors, places and glossary terms: each id must be one of them."""
    known = [*ids.get("actors", []), *ids.get("places", []), *ids.get("glossary", [])]
    problems = []
    for path, value in walk(doc.tree, ("paragraphs", "*", "sentences", "*", "mentions", "*")):
        if isinstance(value, str) and value not in known:
            line, column, _ = locate(doc.tree, path)
            problems.append(Problem(doc.path, line, column, format_field(path),
                                    f"unknown id '{value}'{did_you_mean(value, known)}; mention the id of an actor "
                                    "(data/actors.yaml), a place (data/places.yaml) or a term (data/glossary.yaml)"))
    return problems


def source_references(docs: dict[str, YamlDocument]) -> Iterator[tuple[YamlDocument, tuple, Any]]:
    """(file, path, id) for every place a statement rests on a source: the citation lists
    anywhere in data/, and the ledger's accounts and outlets."""
    for doc in docs.values():
        for path, value in _citations(doc.tree):
            yield doc, path, value
    for kind, pattern, target in REFERENCES:
        if target == "sources" and kind in docs:
            for path, value in walk(docs[kind].tree, pattern):
                yield docs[kind], path, value


def _citations(tree: Any, prefix: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every item of every citation list, wherever it sits in the tree."""
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            if key in CITATION_KEYS and isinstance(value, CommentedSeq):
                for index, item in enumerate(value):
                    yield (*prefix, key, index), item
            else:
                yield from _citations(value, (*prefix, key))
    elif isinstance(tree, CommentedSeq):
        for index, item in enumerate(tree):
            yield from _citations(item, (*prefix, index))


def _unknown(doc: YamlDocument, path: tuple, value: Any, known: list[str], what: str, where: str) -> list[Problem]:
    if not isinstance(value, str) or value in known:
        return []
    line, column, _ = locate(doc.tree, path)
    return [Problem(doc.path, line, column, format_field(path),
                    f"unknown {what} '{value}'{did_you_mean(value, known)}; correct the id, or add the {what} to {where}")]


def did_you_mean(value: str, known: list[str]) -> str:
    """A hint naming the closest known id, if one is close."""
    close = difflib.get_close_matches(value, known, n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""
