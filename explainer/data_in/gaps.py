"""The work left in a publication: texts not written yet and statements without a source.

A new publication starts as a draft full of gaps (the scaffold writes them): a text whose
value starts with `TODO` is not written or translated yet, and an empty `cite: []` (or
`coordinates_cite: []`, where the model marks a source as needed) is a statement without a
source. A draft build shows each gap in the
page where it stands, so that authors see the work left; a normal build refuses to publish
any of them, each at its line and column.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from ..languages import LANGUAGES
from .load import YamlDocument

TODO = "TODO"
"""How a text that is still to be written starts: `en: "TODO: translate"`."""


def is_todo(value: object) -> bool:
    """A text that is a placeholder, not content."""
    return isinstance(value, str) and value.lstrip().startswith(TODO)


@dataclass(frozen=True)
class Gap:
    """One piece of work left: where it is and what it is ('untranslated', 'unwritten', 'uncited')."""

    path: str
    line: int
    column: int
    field: str
    kind: str
    lang: str | None = None

    def problem(self) -> Problem:
        """The gap as the located problem a normal build reports."""
        if self.kind == "uncited":
            message = ("is empty; cite at least one id from data/sources.yaml (a draft build shows it "
                       "as 'citation needed')")
        else:
            language = {"en": "English", "ar": "Arabic"}.get(self.lang or "", "")
            message = (f"is still a placeholder (TODO or null); write the {language + ' ' if language else ''}value here "
                       "(only a draft build accepts it)")
        return Problem(self.path, self.line, self.column, self.field, message)


def find_gaps(docs: dict[str, YamlDocument], models: dict[str, BaseModel]) -> list[Gap]:
    """Every gap in the validated data files: placeholders, and empty lists of citations
    where the model says a source is needed (a glossary definition may rightly cite none)."""
    gaps = []
    for kind, doc in docs.items():
        for path, key, value in _leaves(doc.tree):
            if is_todo(value):
                kind_of_gap = "untranslated" if key in LANGUAGES else "unwritten"
                gaps.append(_gap(doc, path, kind_of_gap, key if key in LANGUAGES else None))
        gaps.extend(_gap(doc, path, kind_of_gap) for path, kind_of_gap in _missing(models[kind], ()))
    return sorted(gaps, key=gap_order)


def gap_order(gap: Gap) -> tuple:
    """Gaps are listed by file, then line and column."""
    return gap.path, gap.line, gap.column


def marked_fields(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, dict, Any]]:
    """(path, marks, value) of every field the models mark NEEDS_SOURCE or NEEDS_VALUE, in the
    validated data; the gaps and the progress table both count from this one walk."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            field_value = getattr(value, name)
            marks = info.json_schema_extra or {}
            if marks.get("needs_source") or marks.get("needs_value"):
                yield (*path, name), marks, field_value
            else:
                yield from marked_fields(field_value, (*path, name))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from marked_fields(item, (*path, index))


def _missing(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Paths of the empty citation lists the models mark NEEDS_SOURCE ('uncited') and of the
    null values they mark NEEDS_VALUE ('unwritten')."""
    for field_path, marks, field_value in marked_fields(value, path):
        if marks.get("needs_source") and not field_value:
            yield field_path, "uncited"
        elif marks.get("needs_value") and field_value is None:
            yield field_path, "unwritten"


def _gap(doc: YamlDocument, path: tuple, kind: str, lang: str | None = None) -> Gap:
    line, column, _ = locate(doc.tree, path)
    return Gap(doc.path, line, column, format_field(path), kind, lang)


def _leaves(tree: Any, prefix: tuple = ()) -> Iterator[tuple[tuple, Any, Any]]:
    """(path, key, value) for every string under a key, depth first."""
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            if isinstance(value, str):
                yield (*prefix, key), key, value
            else:
                yield from _leaves(value, (*prefix, key))
    elif isinstance(tree, CommentedSeq):
        for index, item in enumerate(tree):
            yield from _leaves(item, (*prefix, index))
