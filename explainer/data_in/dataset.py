"""Load, validate and cross-check every data file, once, into one `Dataset`.

Stages run in order and each collects all its problems before stopping: syntax, then
shape (pydantic), then ids and references, then the verbatim proof of the source.
"""
from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..build_cache import cache_key
from ..problems.errors import Problem, ProblemCollector, WorkLeft
from ..problems.locate import format_field, locate
from ..problems.messages import describe
from .alignment import check_alignment
from . import file_memo
from .gaps import Gap, find_gaps, gap_order
from .json_schema import check_schemas
from .map_checks import check_map, load_boundaries
from .claims import check_claims
from .consistency import check_data_spellings, check_languages, check_report_names
from .corrections import check_corrections
from .load import YamlDocument
from .references import check_mentions, check_references, collect_ids, file_ids
from .reports import existing_files, find_reports
from .schema import FILES, OPTIONAL, PER_REPORT
from .source_urls import check_source_urls
from .spans import check_english_forms, check_exceptions, check_spans, check_term_forms
from .unread_sources import check_unread_sources
from .verbatim import check_source


FIRST_REPORT = "first"
"""The id of the report whose files are data/ itself: every publication has it, and a one-report
publication has nothing else. Readers never see it (they see its event's title and date)."""

REPORT_ENTRY_KINDS = ("sentences", "claims", "points")
"""Lookups whose entries belong to one report (and live on that report's pages)."""


@dataclass
class ReportData:
    """One report of the publication: its own models (report, claims, event, and roadmap and
    alignment when it has them) and where their files are."""

    id: str
    folder: str
    """Its pages' folder under content/<lang>/ and in the site: '' for the first report."""
    models: dict[str, Any]
    paths: dict[str, str] = field(default_factory=dict)
    """Its data files by kind, relative to the project (for located problems)."""


@dataclass
class Dataset:
    """Every validated model, by kind ('event', 'report', ...), with lookups by id."""

    models: dict[str, Any]
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    draft: bool = False
    """A draft build: the gaps below are shown in the pages instead of failing the build."""
    gaps: list[Gap] = field(default_factory=list)
    boundaries: dict | None = None
    """The locator map's boundary data (data/map/boundaries.json)."""
    reports: list[ReportData] = field(default_factory=list)
    """Every report, in story order (by its event's date); `models` holds the first one's."""
    report_of: dict[str, dict[str, str]] = field(default_factory=dict)
    """For sentences, claims and points: the id of the report that holds each entry."""

    @property
    def appearances(self):
        """Where each actor, place, term and source appears in the reports, computed once a build
        (pages_out/appearances.py): a property, so that a page's reads of it are noted as one part
        of the data, whose fingerprint changes only when the lists do (page_memo.py)."""
        from ..pages_out.appearances import index  # the pages' index, of this data
        return index(self)

    @property
    def loaded_words(self):
        """The glossary as the reports' text is marked with it (pages_out/reader.py): its loaded
        terms, without their definitions, which the marks do not show. A property, so that a page
        that marks the text reads this part of the data alone, and an edit of a definition renders
        again the pages that show it, not every page of the reports (page_memo.py)."""
        glossary = self.models["glossary"]
        return _derived("loaded_words", glossary, lambda: glossary.model_copy(update={
            "terms": [term.model_copy(update={"definition": None}) for term in glossary.terms if term.loaded is not None]}))

    @property
    def sentence_places(self) -> dict[str, str]:
        """Every report's sentences as readers count them, by id: {'p2-s1': '2.1'}. A property, so
        that a page that numbers sentences (the ledger) reads the numbers alone, and an edit of a
        sentence's text or notes does not render it again (page_memo.py)."""
        return _derived("sentence_places", self.reports, lambda: {
            sentence.id: f"{p_number}.{s_number}"
            for report in self.reports
            for p_number, paragraph in enumerate(report.models["report"].paragraphs, start=1)
            for s_number, sentence in enumerate(paragraph.sentences, start=1)})

    def report_data(self, report_id: str) -> ReportData:
        return next(report for report in self.reports if report.id == report_id)

    def for_report(self, report_id: str) -> "Dataset":
        """This dataset as a page of one report sees it: that report's models in place of the
        first report's, the shared ones and every lookup unchanged."""
        if report_id == FIRST_REPORT:
            return self
        view = copy.copy(self)
        shared = {kind: model for kind, model in self.models.items() if kind not in PER_REPORT}
        view.models = {**shared, **self.report_data(report_id).models}
        return view

    def report_for_page(self, page: str) -> str:
        """The report a page belongs to: a page in a report's folder ('agreement/report.md')
        belongs to it, any other to the first report."""
        folder = page.split("/", 1)[0] if "/" in page else ""
        return next((report.id for report in self.reports if report.folder == folder), FIRST_REPORT)

    def newest_timestamp(self) -> int:
        """The newest day the data mentions (a source's date or the day we read it), as a Unix
        time: a date for the build that depends on the data alone."""
        days = [day for s in self.models["sources"].sources for day in (s.date, s.accessed) if day]
        newest = max(days, default=datetime.date(2000, 1, 1))
        return int(datetime.datetime(newest.year, newest.month, newest.day, tzinfo=datetime.timezone.utc).timestamp())

    def __getattr__(self, kind: str) -> Any:
        models = self.__dict__.get("models")  # absent while pickle rebuilds the object
        if models is None or kind not in models:
            raise AttributeError(kind)
        return models[kind]


_last_derived: dict[str, tuple[object, Any]] = {}  # a property's name: (what it was made from, its value)


def _derived(name: str, source: object, make) -> Any:
    """A property's value made once for `source` (the glossary model, the list of reports), not
    once for each report's view of the dataset (for_report): the pages' fingerprints (page_memo.py)
    then hash one object, not one a report. `source` is never changed after the load."""
    kept = _last_derived.get(name)
    if kept is None or kept[0] is not source:
        kept = _last_derived[name] = (source, make())
    return kept[1]


def load_dataset(project: Path, draft: bool = False) -> Dataset:
    """Read `data/` under `project`; raise AuthorErrors listing every problem found. In a
    draft, the work left (texts still TODO, statements without a source) is no problem: it
    is returned as `Dataset.gaps`, for the pages to show. Outside a draft, data whose only
    problems are work left raises WorkLeft.

    The files come in groups, one a report: the first report's with the shared ones (data/),
    then each further report's own (data/reports/<id>/). Each check runs on each report, and
    ids and references across all of them."""
    problems = ProblemCollector()
    report_ids, folder_problems = find_reports(project)
    problems.extend(folder_problems)
    paths = [{kind: path for kind, (path, _) in FILES.items() if kind not in OPTIONAL or (project / path).exists()},
             *(existing_files(project, report_id) for report_id in report_ids)]
    docs: list[dict[str, YamlDocument]] = [{} for _ in paths]
    entries: list[dict[str, file_memo.FileEntry]] = [{} for _ in paths]  # what each file alone decides, kept by its bytes
    for group, group_paths in enumerate(paths):
        for kind, path in group_paths.items():
            entries[group][kind] = file_memo.read(project, path)
            if isinstance(entries[group][kind].loaded, Problem):
                problems.extend([entries[group][kind].loaded])
            else:
                docs[group][kind] = entries[group][kind].loaded
    problems.extend(check_schemas(project))
    problems.raise_if_any()

    models: list[dict[str, Any]] = [{} for _ in paths]
    for group, group_docs in enumerate(docs):
        for kind, doc in group_docs.items():
            validated, shape_problems = entries[group][kind].once("model", lambda: _validated(doc, FILES[kind][1]))
            if shape_problems:
                problems.extend(shape_problems)
            else:
                models[group][kind] = validated
    # Gaps in the files that validated are reported with the shape problems of the others.
    gaps = sorted((gap for group, group_models in enumerate(models) for kind in group_models
                   for gap in entries[group][kind].once(
                       "gaps", lambda: find_gaps({kind: docs[group][kind]}, {kind: group_models[kind]}))), key=gap_order)
    if not draft:
        if gaps and not problems.problems:
            raise WorkLeft([gap.problem() for gap in gaps])
        problems.extend(gap.problem() for gap in gaps)
    problems.raise_if_any()

    shared_docs, shared = docs[0], models[0]
    ids, duplicate_problems = collect_ids(
        docs, lambda group, kind, doc: entries[group][kind].once("ids", lambda: file_ids(kind, doc)))
    problems.extend(duplicate_problems)
    sentence_files = {sentence: group_docs["report"].path for group_docs, group_ids in zip(docs, ids)
                      for sentence in group_ids.get("sentences", [])}
    # Each report's checks read its files, the shared base and which sentences the others hold:
    # kept by those (file_memo.across), so that an edit of one report checks that report again.
    base = tuple((kind, entry.key) for kind, entry in entries[0].items() if kind not in PER_REPORT)
    elsewhere_key = cache_key(*(part for item in sentence_files.items() for part in item))
    for group, (group_docs, group_models) in enumerate(zip(docs, models)):
        def checks(group=group, group_docs=group_docs, group_models=group_models) -> list[Problem]:
            # A report's claims, points and alignment refer to its own sentences, shown on its pages.
            own = ids[group].get("sentences", [])
            mine = set(own)
            found = check_references(group_docs, {**ids[0], "sentences": own}, group_docs["report"].path,
                                     {sentence: path for sentence, path in sentence_files.items() if sentence not in mine})
            return found + _report_problems(project, group_docs, group_models, shared, ids[0])
        inputs = (base, tuple((kind, entry.key) for kind, entry in entries[group].items()), elsewhere_key,
                  _source_key(project, group_models["report"]))
        problems.extend(file_memo.across(("report checks", paths[group]["report"]), inputs, checks))
    problems.extend(_chronology_problems(shared_docs["timeline"], shared["timeline"]))
    problems.extend(check_term_forms(shared_docs["glossary"], shared["glossary"], [group["report"] for group in models]))
    problems.extend(check_english_forms(shared_docs["glossary"], shared["glossary"], [group["report"] for group in models]))
    problems.extend(check_exceptions(shared_docs["glossary"], shared["glossary"], [group["report"] for group in models]))
    lookups = _lookups(shared, models[1:])
    boundaries = None
    if "map" in shared:
        boundaries, boundary_problems = load_boundaries(project, shared_docs["map"], shared["map"])
        problems.extend(boundary_problems)
        if boundaries is not None:
            problems.extend(check_map(shared_docs["map"], shared["map"], shared_docs["places"], shared["places"], boundaries))
    if "corrections" in shared:
        problems.extend(check_corrections(shared_docs["corrections"], shared["corrections"], lookups))
    problems.extend(check_source_urls(shared_docs["sources"], shared["sources"]))
    problems.extend(check_unread_sources(shared_docs, shared["sources"], docs[1:]))
    for group, group_docs in enumerate(docs):
        for kind, doc in group_docs.items():
            problems.extend(entries[group][kind].once("languages", lambda: check_languages({kind: doc})))
    names = shared["names"].names
    for group, group_docs in enumerate(docs):
        for kind, doc in group_docs.items():  # the spellings depend on names.yaml too
            problems.extend(entries[group][kind].once(("spellings", entries[0]["names"].key),
                                                      lambda: check_data_spellings({kind: doc}, names)))
    problems.raise_if_any()
    reports = [ReportData(report_id, "" if report_id == FIRST_REPORT else report_id,
                          {kind: model for kind, model in group_models.items() if kind in PER_REPORT},
                          {kind: path for kind, path in group_paths.items() if kind in PER_REPORT})
               for report_id, group_models, group_paths in zip([FIRST_REPORT, *report_ids], models, paths)]
    reports.sort(key=_story_order)
    report_of = {kind: {entry_id: report.id for report in reports for entry_id in _entries(report.models, kind)}
                 for kind in REPORT_ENTRY_KINDS}
    return Dataset(shared, lookups, draft, gaps, boundaries, reports, report_of)


def _report_problems(project: Path, docs: dict[str, YamlDocument], models: dict[str, Any], shared: dict[str, Any],
                     ids: dict[str, list[str]]) -> list[Problem]:
    """The checks of one report's own files: its points' numbering, the verbatim proof of its
    source, its spans, claims, alignment and names, and what its sentences mention."""
    problems = check_mentions(docs["report"], ids)
    if "roadmap" in models:
        problems.extend(_numbering_problems(docs["roadmap"], models["roadmap"]))
    problems.extend(check_source(project, models["report"], docs["report"].tree, docs["report"].path))
    problems.extend(check_spans(docs["report"], models["report"]))
    sentences = _entries(models, "sentences")
    problems.extend(check_claims(docs["claims"], models["claims"], sentences))
    if "alignment" in models:
        problems.extend(check_alignment(docs["alignment"], models["alignment"], sentences, models["claims"]))
    problems.extend(check_report_names(docs["report"], models["report"], shared["names"].names))
    return problems


def _source_key(project: Path, report) -> str:
    """The key of the report's copy of its source text (check_source reads it), or '' unread."""
    try:
        return cache_key((project / report.file).read_bytes())
    except OSError:
        return ""


def _story_order(report: ReportData) -> tuple:
    """Reports in the order of their events (a draft's undated event last), then by id."""
    day = report.models["event"].date
    return day is None, day or datetime.date.min, report.id


def _entries(models: dict[str, Any], kind: str) -> dict[str, Any]:
    """One report's sentences, claims, points or alignment entries by id."""
    if kind == "sentences":
        return {s.id: s for p in models["report"].paragraphs for s in p.sentences}
    if kind == "claims":
        return {c.id: c for c in models["claims"].claims}
    if kind == "points":
        return {p.id: p for p in models["roadmap"].points} if "roadmap" in models else {}
    return {a.sentence: a for a in models["alignment"].sentences} if "alignment" in models else {}


def _validated(doc: YamlDocument, model) -> tuple[Any, list[Problem]]:
    """The file's model, or no model and the file's shape problems."""
    try:
        return model.model_validate(doc.tree), []
    except ValidationError as error:
        return None, _shape_problems(doc, error)


def _shape_problems(doc: YamlDocument, error: ValidationError) -> list[Problem]:
    """One problem per pydantic error, placed on the line the author has to change."""
    problems = []
    for item in error.errors():
        line, column, found = locate(doc.tree, item["loc"])
        path = found if item["type"] != "missing" else [*found, item["loc"][-1]]
        name = str(path[-1]) if path else ""
        problems.append(Problem(doc.path, line, column, format_field(path), describe(item, name)))
    return problems


def _numbering_problems(doc: YamlDocument, roadmap) -> list[Problem]:
    """Points are numbered 1, 2, 3... in file order, as readers will cite them."""
    problems = []
    for index, point in enumerate(roadmap.points):
        if point.number != index + 1:
            line, column, _ = locate(doc.tree, ["points", index, "number"])
            problems.append(Problem(doc.path, line, column, format_field(["points", index, "number"]),
                                    f"is {point.number}, expected {index + 1}; number the points 1, 2, 3... in order"))
    return problems


def _chronology_problems(doc: YamlDocument, timeline) -> list[Problem]:
    """The timeline reads oldest first: an entry dated before the one above it is misplaced."""
    problems = []
    for index, (before, entry) in enumerate(zip(timeline.entries, timeline.entries[1:]), start=1):
        if entry.date < before.date:
            line, column, _ = locate(doc.tree, ["entries", index, "date"])
            problems.append(Problem(doc.path, line, column, format_field(["entries", index, "date"]),
                                    f"{entry.date} comes after {before.date} ('{before.id}'); move the entry up, "
                                    "the timeline is in date order"))
    return problems


def _lookups(models: dict[str, Any], further: list[dict[str, Any]] = ()) -> dict[str, dict[str, Any]]:
    """Entries by id, per kind, for the macros; a report's own kinds (sentences, claims, points,
    alignment) hold every report's entries, the first report's first (ids are unique)."""
    return {
        "sources": {s.id: s for s in models["sources"].sources},
        "names": {n.id: n for n in models["names"].names},
        "terms": {t.id: t for t in models["glossary"].terms},
        "actors": {a.id: a for a in models["actors"].actors},
        "places": {p.id: p for p in models["places"].places},
        "timeline": {e.id: e for e in models["timeline"].entries},
        **{kind: {entry_id: entry for group in (models, *further) for entry_id, entry in _entries(group, kind).items()}
           for kind in ("points", "sentences", "claims", "alignment")},
        "corrections": {c.id: c for c in models["corrections"].corrections} if "corrections" in models else {},
    }
