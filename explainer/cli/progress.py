"""The state of a publication at a glance: what is translated, written and cited, per language.

Counted from the validated data and its gaps (explainer/data_in/gaps.py), so the table and
the build agree on what counts as work left.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..data_in.alignment import coverage
from ..data_in.dataset import Dataset, ReportData
from ..data_in.gaps import is_todo, marked_fields
from ..data_in.schema import PER_REPORT
from ..data_in.schema.report import Sentence, Span
from ..languages import LANGUAGES


@dataclass
class Count:
    done: int = 0
    total: int = 0

    def add(self, done: bool) -> None:
        self.done += done
        self.total += 1

    def __str__(self) -> str:
        if not self.total:
            return "-"
        return f"{self.done}/{self.total} {100 * self.done // self.total:>3}%"


@dataclass
class ReportProgress:
    """The work done and left in one report's own files (data/ or data/reports/<id>/)."""

    id: str
    where: str
    """The folder of its data files, as authors know it."""
    sentences_en: Count
    aligned: Count
    notes: Count
    """Notes on its sentences whose texts are written in both languages, of all its notes."""
    claims: Count
    """Claims of its ledger with no gap left (texts written, sources cited), of all its claims."""
    texts_en: Count
    texts_ar: Count

    def row(self) -> tuple[str, ...]:
        return (self.id, self.where, str(self.sentences_en), str(self.aligned), str(self.notes), str(self.claims),
                str(self.texts_en), str(self.texts_ar))


@dataclass
class Progress:
    sentences_en: Count
    texts_en: Count
    texts_ar: Count
    cited: Count
    values: Count
    page_todos: dict[str, int]
    aligned: Count
    """Sentences aligned in more than one phrase pair (data/alignment.yaml), of all sentences."""
    reports: list[ReportProgress] = field(default_factory=list)
    """One a report, in story order; the counts above are the whole publication's."""

    @property
    def complete(self) -> bool:
        counts = (self.sentences_en, self.texts_en, self.texts_ar, self.cited, self.values)
        return all(c.done == c.total for c in counts) and not any(self.page_todos.values())

    def table(self) -> str:
        """Small plain-text tables for a terminal or a CI log: a row per report, then the
        whole publication's counts."""
        rows = [("", "English", "Arabic"),
                ("report sentences", f"{self.sentences_en} translated", f"{self.sentences_en.total} (the source)"),
                ("sentences aligned in pairs", f"{self.aligned} aligned", "(the same sentences)"),
                ("our texts in data/", f"{self.texts_en} written", f"{self.texts_ar} written"),
                ("statements with sources", f"{self.cited} cited", "(the same statements)"),
                ("values (a date, a place)", f"{self.values} set", "(the same values)"),
                ("todo() left in content/", str(self.page_todos.get("en", 0)), str(self.page_todos.get("ar", 0)))]
        per_report = [("report", "its data", "sentences translated", "aligned in pairs", "notes written",
                       "claims checked", "its texts (en)", "its texts (ar)"), *(r.row() for r in self.reports)]
        if not self.reports:
            return _aligned(rows)
        return f"{_aligned(per_report)}\n\n{_aligned(rows)}"


def _aligned(rows: list[tuple[str, ...]]) -> str:
    """Rows as columns padded to their widest cell, a rule under the heading row."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def measure(data: Dataset, page_texts: dict[str, str]) -> Progress:
    """Count the work done and left; `page_texts` are the content/ pages by 'lang/page'."""
    reports = [_measure_report(data, report) for report in data.reports]
    models = _all_models(data)
    texts_en, texts_ar = Count(), Count()
    for model in models:
        for text in _bilingual_texts(model):
            texts_en.add(not is_todo(text.en))
            texts_ar.add(not is_todo(text.ar))
    uncited = sum(gap.kind == "uncited" for gap in data.gaps)
    statements = _needing_sources(models)
    values = Count()
    for model in models:
        for _, marks, value in marked_fields(model):
            if marks.get("needs_value"):
                values.add(value is not None)
    todos = {lang: sum(text.count("todo(") for key, text in page_texts.items() if key.startswith(f"{lang}/"))
             for lang in LANGUAGES}
    total = lambda name: Count(sum(getattr(r, name).done for r in reports),  # noqa: E731
                               sum(getattr(r, name).total for r in reports))
    return Progress(total("sentences_en"), texts_en, texts_ar, Count(statements - uncited, statements), values, todos,
                    total("aligned"), reports)


def _all_models(data: Dataset) -> list:
    """The shared models and every report's own (data.models holds only the first report's)."""
    shared = [model for kind, model in data.models.items() if kind not in PER_REPORT]
    return shared + [model for report in data.reports for model in report.models.values()]


def _measure_report(data: Dataset, report: ReportData) -> ReportProgress:
    models = report.models
    sentences = [sentence for paragraph in models["report"].paragraphs for sentence in paragraph.sentences]
    sentences_en, notes, texts_en, texts_ar = Count(), Count(), Count(), Count()
    for sentence in sentences:
        sentences_en.add(not is_todo(sentence.en))
        for note in sentence.notes:
            notes.add(not is_todo(note.en) and not is_todo(note.ar))
    for model in models.values():
        for text in _bilingual_texts(model):
            texts_en.add(not is_todo(text.en))
            texts_ar.add(not is_todo(text.ar))
    by_id = {sentence.id: sentence for sentence in sentences}
    aligned = Count(coverage(models["alignment"], by_id) if "alignment" in models else 0, len(sentences))
    claims_path = report.paths.get("claims")
    with_gaps = {gap.field.split("]", 1)[0] for gap in data.gaps if gap.path == claims_path}
    claims = Count()
    for index, _ in enumerate(models["claims"].claims):
        claims.add(f"claims[{index}" not in with_gaps)
    where = str(Path(report.paths.get("report", "data/report.yaml")).parent) + "/"
    return ReportProgress(report.id, where, sentences_en, aligned, notes, claims, texts_en, texts_ar)


def _bilingual_texts(value):
    """Every text of ours in both languages (a sentence's Arabic is the source, not ours)."""
    if isinstance(value, BaseModel):
        if not isinstance(value, (Sentence, Span)) and isinstance(getattr(value, "en", None), str) \
                and isinstance(getattr(value, "ar", None), str):
            yield value
        for name in type(value).model_fields:
            yield from _bilingual_texts(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _bilingual_texts(item)


def _needing_sources(models) -> int:
    """How many fields of the data must cite a source."""
    return sum(bool(marks.get("needs_source")) for model in models for _, marks, _ in marked_fields(model))
