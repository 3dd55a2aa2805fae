"""The pages of the last render, each with the parts of the data it read, for `mkdocs serve`.

Serve renders every page again after each edit, though an edit of one data file changes only
the pages that read it (the places page's map alone takes a fifth of the render). So each page
is rendered with a view of the dataset that notes what the page reads (a model, an entry of
`models`, one entry of a lookup of `by_id` such as one source or one sentence, the gaps...), and the next render in the same process reuses the page's
text when the page's sources and every part it read are unchanged, compared by their pickled
bytes (equal bytes, equal data; unequal bytes for equal data only cost a render). Only the
last render is kept, in memory, and only `serve` asks for it (render.build_docs(reuse=True)): a
`mkdocs build` renders once, and a render outside serve renders every page.
"""
from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping

_MAPPINGS = ("models", "by_id")  # read entry by entry: a page reads a few of them
_NESTED = ("by_id",)  # ...and by_id's entries (sources, terms...) entry by entry too: a page
# cites a few sources and marks a few terms, so an edit of one re-renders only the pages that read it
_WHOLE = "*"
_KEYS = "*keys"  # which entries there are, not what they hold (the sections list the models' kinds)
_REPORTS = "reports"  # read report by report, and each report's models kind by kind


class DataReads:
    """The dataset as one page sees it; `reads` collects (part, key) for each part read."""

    def __init__(self, data):
        self._data = data
        self.reads: set[tuple[str, str]] = set()

    def __getattr__(self, name: str):
        value = getattr(self._data, name)
        if name in _MAPPINGS:
            return _MappingReads(value, name, self.reads, nested=name in _NESTED)
        if name == _REPORTS:  # which reports there are, and each one's models kind by kind
            self.reads.add((_REPORTS, _KEYS))
            return [_ReportReads(report, self.reads) for report in value]
        self.reads.add((name, "") if not callable(value) else (_WHOLE, ""))  # a method may read anything
        return value


class _ReportReads:
    """One report of `Dataset.reports` as a page reads it: the home page lists every report's
    event, and an edit of one report's ledger must not render it again."""

    def __init__(self, report, reads: set):
        self.id, self.folder, self.paths = report.id, report.folder, report.paths
        self.models = _MappingReads(report.models, f"{_REPORTS}/{report.id}", reads)


class _MappingReads(Mapping):
    def __init__(self, mapping, name: str, reads: set, nested: bool = False):
        self._mapping, self._name, self._reads, self._nested = mapping, name, reads, nested

    def __getitem__(self, key):
        if self._nested:  # a mapping of mappings: the inner one notes its reads as "by_id/sources"
            self._reads.add((self._name, _KEYS))
            return _MappingReads(self._mapping[key], f"{self._name}/{key}", self._reads)
        self._reads.add((self._name, key))
        return self._mapping[key]

    def __contains__(self, key):
        self._reads.add((self._name, key))
        return key in self._mapping

    def __iter__(self):
        self._reads.add((self._name, _KEYS))
        return iter(self._mapping)

    def __len__(self):
        self._reads.add((self._name, _KEYS))
        return len(self._mapping)

    def items(self):
        self._reads.add((self._name, _WHOLE))
        return self._mapping.items()

    def values(self):
        self._reads.add((self._name, _WHOLE))
        return self._mapping.values()


class Fingerprints:
    """The hash of each part of one dataset, computed once per part per render. `shared`: the
    hashes of the objects themselves, for every report's view of one render: the views of a
    collection share the actors, sources, glossary... and each is hashed once, not once a report."""

    def __init__(self, data, shared: dict | None = None):
        self.data, self.known = data, {}
        self.shared = shared if shared is not None else {}

    def of(self, read: tuple[str, str]) -> str:
        if read not in self.known:
            part, key = read
            if part == _WHOLE:
                value = self.data
            elif part == _REPORTS:
                value = [(report.id, report.folder) for report in self.data.reports]
            elif part.startswith(f"{_REPORTS}/"):
                mapping = self.data.report_data(part.partition("/")[2]).models
                value = {_WHOLE: mapping, _KEYS: list(mapping)}.get(key) if key in (_WHOLE, _KEYS) else mapping.get(key, "absent")
            elif part in _MAPPINGS or "/" in part:
                outer, _, inner = part.partition("/")
                mapping = getattr(self.data, outer)[inner] if inner else getattr(self.data, outer)
                value = {_WHOLE: mapping, _KEYS: list(mapping)}.get(key) if key in (_WHOLE, _KEYS) else mapping.get(key, "absent")
            else:
                value = getattr(self.data, part)
            self.known[read] = self._hash(value)
        return self.known[read]

    def _hash(self, value) -> str:
        # By the object's id, the object kept beside its hash: no other object can take that id
        # while the render lasts.
        kept = self.shared.get(id(value))
        if kept is None or kept[0] is not value:
            kept = (value, hashlib.sha256(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)).hexdigest())
            self.shared[id(value)] = kept
        return kept[1]

    def all(self, reads: set) -> dict:
        return {read: self.of(read) for read in reads}


_last: dict = {}  # the last render's pages in this process: key: (fingerprints of its reads, text)
reused: list = []  # the keys of the pages the last render reused


def has_last() -> bool:
    """Whether a render in this process has kept its pages (serve's first build has not yet)."""
    return bool(_last)


def forget() -> None:
    """Render every page afresh next time."""
    global _last
    _last = {}


class PageMemo:
    """The last render's pages; `get` a page's text if nothing it read has changed, `keep` it."""

    def __init__(self, data, active: bool = True):
        self.data = data
        self.views: dict[str, Fingerprints] = {}  # by report: a page reads its report's view of the data
        self.shared: dict = {}  # the hashes of the objects the views share (Fingerprints)
        self.active = active  # inactive: every page rendered, nothing kept (a build renders once)
        self.pages: dict = {}
        self.reused: list = []

    def fingerprints(self, report_id: str) -> Fingerprints:
        """The hashes of the dataset as the pages of one report see it (dataset.for_report)."""
        if report_id not in self.views:
            self.views[report_id] = Fingerprints(self.data.for_report(report_id), self.shared)
        return self.views[report_id]

    def get(self, key, report_id: str) -> str | None:
        kept = _last.get(key) if self.active else None
        if kept is None:
            return None
        try:
            same = all(self.fingerprints(report_id).of(read) == value for read, value in kept[0].items())
        except Exception:  # noqa: BLE001 - a part gone or unpicklable: render the page
            return None
        if same:
            self.pages[key] = kept
            self.reused.append(key)
            return kept[1]
        return None

    def keep(self, key, reads: set, text: str, report_id: str) -> None:
        if not self.active:
            return
        try:
            self.pages[key] = (self.fingerprints(report_id).all(reads), text)
        except Exception:  # noqa: BLE001 - unpicklable: the page is rendered again next time
            pass

    def done(self) -> None:
        """This render's pages replace the last render's (a failed render keeps the last)."""
        global _last, reused
        if self.active:
            _last, reused = self.pages, self.reused


def sources_key(*parts: str) -> str:
    """One hash of the texts a page's render reads besides the data."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
