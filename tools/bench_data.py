"""Grow a project's data N times for the benchmark's scale series, keeping it valid.

Every entry of the lists that grow with a publication (glossary, actors, places, timeline,
sources, claims, and the report's paragraphs) is copied N-1 times with fresh ids, and each
copy's references point at the same copy of what they referred to, so the check passes and
the build does the work a publication N times larger would do. The report grows with its
source text: the copies' sentences, joined by explainer/data_in/verbatim.py, are
written as the new source file (the path `file:` names in data/report.yaml) with its SHA-256.
The engine's own tables of references (explainer/data_in/references.py) say which fields hold
ids, so a new kind of reference is followed without changing this file.
"""
from __future__ import annotations

import copy
import hashlib
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from explainer.data_in.references import CITATION_KEYS, REFERENCES  # noqa: E402
from explainer.data_in.schema.report import Report  # noqa: E402
from explainer.data_in.verbatim import joined_text  # noqa: E402

# The lists that grow: data kind -> key of its list. Roadmap points, names, the event and the
# map stay as they are (a report has one roadmap, one event; names are shared by the copies).
GROWN = {"glossary": "terms", "actors": "actors", "places": "places", "timeline": "entries",
         "sources": "sources", "claims": "claims"}
# The kinds of id that get a copy's suffix in a reference (the others keep pointing at the original).
GROWN_TARGETS = {*GROWN, "sentences"}


def grow(project: Path, factor: int) -> None:
    """Rewrite project/data so that its lists hold `factor` times their entries."""
    data = project / "data"
    docs = {path.stem: _read(path) for path in sorted(data.glob("*.yaml"))}
    copies = range(2, factor + 1)
    for kind, key in GROWN.items():
        head, tree = docs[kind]
        entries = tree[key]
        grown = []
        for entry in entries:
            grown.append(entry)
            grown.extend(_copy(kind, entry, k) for k in copies)  # next to the original: keeps date order
        tree[key] = grown
        _write(data / f"{kind}.yaml", head, tree)
    head, report = docs["report"]
    originals = report["paragraphs"]
    grown = list(originals)
    for k in copies:
        grown.extend(_copy("report", paragraph, k) for paragraph in originals)
    for index in range(len(originals) - 1, len(grown) - 1, len(originals)):
        grown[index]["followed_by"] = "\n\n"  # the last paragraph of one copy, before the next copy
    report["paragraphs"] = grown
    text = source_text(report).encode("utf-8")
    (project / report["file"]).write_bytes(text)
    report["sha256"] = hashlib.sha256(text).hexdigest()
    _write(data / "report.yaml", head, report)


def data_bytes(project: Path) -> int:
    """The size of what authors write: every data file and the source text."""
    return sum(p.stat().st_size for p in (project / "data").rglob("*") if p.suffix in (".yaml", ".txt"))


def source_text(report: dict) -> str:
    """The source the sentences reproduce: the engine's own joining (verbatim.py), so that
    the verbatim check holds by construction."""
    return "".join(text for text, _, _ in joined_text(Report.model_validate(report)))


def _copy(kind: str, entry: dict, k: int) -> dict:
    """Copy k of an entry: its ids and every id it refers to get the suffix of copy k."""
    new = copy.deepcopy(entry)
    suffix = f"-x{k}"
    new["id"] = new["id"] + suffix
    if kind == "report":
        for sentence in new["sentences"]:
            sentence["id"] += suffix
    if kind == "sources":
        new["url"] = _distinct_url(new["url"], k)
    if kind == "places":
        new["on_map"] = False  # N markers on one spot cannot all get a label; listed instead
    if kind == "timeline":
        new.pop("is_report_day", None)  # the report has one day
    for ref_kind, pattern, target in REFERENCES:
        if ref_kind == kind and pattern[:2] == (GROWN.get(kind), "*") and target in GROWN_TARGETS:
            _suffix_at(new, pattern[2:], suffix)
    _suffix_citations(new, suffix)
    return new


def _suffix_at(node, pattern: tuple, suffix: str) -> None:
    """Add the suffix to the id at a references.py path ('*' is any list item)."""
    head, rest = pattern[0], pattern[1:]
    items = list(enumerate(node)) if head == "*" and isinstance(node, list) else (
        [(head, node[head])] if isinstance(node, dict) and head in node else [])
    for key, value in items:
        if rest:
            _suffix_at(value, rest, suffix)
        elif isinstance(value, str):
            node[key] = value + suffix


def _suffix_citations(node, suffix: str) -> None:
    """Every citation list in the entry cites the same copy of its sources."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in CITATION_KEYS and isinstance(value, list):
                node[key] = [v + suffix if isinstance(v, str) else v for v in value]
            else:
                _suffix_citations(value, suffix)
    elif isinstance(node, list):
        for item in node:
            _suffix_citations(item, suffix)


def _distinct_url(url: str, k: int) -> str:
    """Another address for copy k (two sources may not share a page)."""
    parts = urlsplit(url)
    query = f"{parts.query}&bench-copy={k}" if parts.query else f"bench-copy={k}"
    return urlunsplit(parts._replace(query=query))


def _read(path: Path) -> tuple[str, dict]:
    """The file's leading comment lines (its schema line) and its data."""
    text = path.read_text(encoding="utf-8")
    head = "".join(line for line in text.splitlines(keepends=True)[:5] if line.startswith("# yaml-language-server"))
    return head, yaml.safe_load(text)


def _write(path: Path, head: str, tree: dict) -> None:
    """The data as plain block YAML (no tags, anchors or aliases, which the engine refuses)."""
    body = yaml.dump(tree, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(head + body, encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # a value used twice is written twice, never as &a/*a
        return True
