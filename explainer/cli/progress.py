"""The state of a publication at a glance: what is translated, written and cited, per language.

Counted from the validated data and its gaps (explainer/data_in/gaps.py), so the table and
the build agree on what counts as work left.
"""
from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from ..data_in.alignment import coverage
from ..data_in.dataset import Dataset
from ..data_in.gaps import is_todo, marked_fields
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
class Progress:
    sentences_en: Count
    texts_en: Count
    texts_ar: Count
    cited: Count
    values: Count
    page_todos: dict[str, int]
    aligned: Count
    """Sentences aligned in more than one phrase pair (data/alignment.yaml), of all sentences."""

    @property
    def complete(self) -> bool:
        counts = (self.sentences_en, self.texts_en, self.texts_ar, self.cited, self.values)
        return all(c.done == c.total for c in counts) and not any(self.page_todos.values())

    def table(self) -> str:
        """A small plain-text table for a terminal or a CI log."""
        rows = [("", "English", "Arabic"),
                ("report sentences", f"{self.sentences_en} translated", f"{self.sentences_en.total} (the source)"),
                ("sentences aligned in pairs", f"{self.aligned} aligned", "(the same sentences)"),
                ("our texts in data/", f"{self.texts_en} written", f"{self.texts_ar} written"),
                ("statements with sources", f"{self.cited} cited", "(the same statements)"),
                ("values (a date, a place)", f"{self.values} set", "(the same values)"),
                ("todo() left in content/", str(self.page_todos.get("en", 0)), str(self.page_todos.get("ar", 0)))]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(lines)


def measure(data: Dataset, page_texts: dict[str, str]) -> Progress:
    """Count the work done and left; `page_texts` are the content/ pages by 'lang/page'."""
    sentences_en, texts_en, texts_ar = Count(), Count(), Count()
    for paragraph in data.report.paragraphs:
        for sentence in paragraph.sentences:
            sentences_en.add(not is_todo(sentence.en))
    for model in data.models.values():
        for text in _bilingual_texts(model):
            texts_en.add(not is_todo(text.en))
            texts_ar.add(not is_todo(text.ar))
    uncited = sum(gap.kind == "uncited" for gap in data.gaps)
    statements = _needing_sources(data.models.values())
    values = Count()
    for model in data.models.values():
        for _, marks, value in marked_fields(model):
            if marks.get("needs_value"):
                values.add(value is not None)
    todos = {lang: sum(text.count("todo(") for key, text in page_texts.items() if key.startswith(f"{lang}/"))
             for lang in LANGUAGES}
    sentences = data.by_id["sentences"]
    aligned = Count(coverage(data.alignment, sentences) if "alignment" in data.models else 0, len(sentences))
    return Progress(sentences_en, texts_en, texts_ar, Count(statements - uncited, statements), values, todos, aligned)


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
