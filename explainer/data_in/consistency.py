"""Checks across texts: every field is in its own language, and every name is spelt the
one way the transliteration table (data/names.yaml) says.

They run on the raw YAML trees, so that each problem keeps its line and column.
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..problems.errors import Problem
from ..problems.locate import format_field, line_and_column, locate
from .gaps import is_todo
from .load import YamlDocument
from .schema.names import Name

ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


def texts(tree: Any, lang: str, prefix: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string stored under a key named `lang` ('en' or 'ar'), with its path."""
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            if key == lang and isinstance(value, str):
                yield (*prefix, key), value
            else:
                yield from texts(value, lang, (*prefix, key))
    elif isinstance(tree, CommentedSeq):
        for index, item in enumerate(tree):
            yield from texts(item, lang, (*prefix, index))


def check_languages(docs: dict[str, YamlDocument]) -> list[Problem]:
    """An 'ar' text with no Arabic letter, or an 'en' text with no Latin letter, was not translated."""
    problems = []
    for doc in docs.values():
        for lang, pattern, name in (("ar", ARABIC_LETTER, "Arabic"), ("en", LATIN_LETTER, "English")):
            for path, value in texts(doc.tree, lang):
                if not pattern.search(value) and not is_todo(value):
                    line, column, _ = locate(doc.tree, path)
                    problems.append(Problem(doc.path, line, column, format_field(path),
                                            f"has no {name} letters ({value[:30]!r}); write the {name} text here"))
    return problems


def avoided_spellings(names: list[Name]) -> list[tuple[re.Pattern, Name, str]]:
    """A whole-word pattern for each spelling the table forbids."""
    return [(re.compile(rf"(?<![\w-]){re.escape(bad)}(?![\w-])"), name, bad) for name in names for bad in name.en_avoid]


def any_avoided_spelling(names: list[Name]) -> re.Pattern:
    """One pattern that finds whether a text holds any forbidden spelling at all: most texts
    hold none, and one search is far cheaper than one per spelling (0.15 s a build here). A
    text it finds something in is then checked spelling by spelling, as before."""
    spellings = sorted({bad for name in names for bad in name.en_avoid}, key=len, reverse=True)
    if not spellings:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, spellings))})(?![\w-])")


def check_data_spellings(docs: dict[str, YamlDocument], names: list[Name]) -> list[Problem]:
    """English texts in data/ use each name's one spelling, never a spelling the table forbids."""
    problems = []
    patterns = avoided_spellings(names)
    anything = any_avoided_spelling(names)
    for kind, doc in docs.items():
        if kind == "names":
            continue
        for path, value in texts(doc.tree, "en"):
            if not anything.search(value):
                continue
            for pattern, name, bad in patterns:
                if pattern.search(value):
                    line, column, _ = locate(doc.tree, path)
                    problems.append(Problem(doc.path, line, column, format_field(path),
                                            f"spells '{bad}'; write '{name.en}' (the spelling in data/names.yaml)"))
    return problems


def check_page_spellings(path: str, text: str, names: list[Name]) -> list[Problem]:
    """The same rule for an English page's own text."""
    problems = []
    if not any_avoided_spelling(names).search(text):
        return problems
    for pattern, name, bad in avoided_spellings(names):
        for match in pattern.finditer(text):
            line, column = line_and_column(text, match.start())
            problems.append(Problem(path, line, column, "", f"spells '{bad}'; write '{name.en}' (the spelling in data/names.yaml)"))
    return problems


def check_report_names(doc: YamlDocument, report, names: list[Name]) -> list[Problem]:
    """Where a sentence's Arabic contains a name of the table, its translation has that name's
    English spelling (or one of its shorter English forms)."""
    problems = []
    for p_index, paragraph in enumerate(report.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            if is_todo(sentence.en):
                continue  # not translated yet: a gap, reported as such
            for name in names:
                arabic_forms = [name.ar, *name.ar_forms]
                english_forms = [name.en, *name.en_forms]
                if any(form in sentence.ar for form in arabic_forms) and not any(form in sentence.en for form in english_forms):
                    path = ["paragraphs", p_index, "sentences", s_index, "en"]
                    line, column, _ = locate(doc.tree, path)
                    wanted = " or ".join(f"'{form}'" for form in english_forms)
                    problems.append(Problem(doc.path, line, column, format_field(path),
                                            f"the Arabic names {name.ar} but the translation lacks {wanted}; "
                                            f"spell the name as data/names.yaml does"))
    return problems
