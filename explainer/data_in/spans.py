"""Phrases that data marks in the report's text must be there: a note's span is a substring of
its sentence (Arabic, and English where given), and each form of a glossary term that the
report is said to use occurs in the report (in one of them, in a collection). Otherwise the mark
would silently vanish."""
from __future__ import annotations

import re

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .gaps import is_todo
from .load import YamlDocument


def check_spans(report_doc: YamlDocument, report) -> list[Problem]:
    """A located problem for every note's span that is not in its sentence."""
    problems = []
    for p_index, paragraph in enumerate(report.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            for n_index, note in enumerate(sentence.notes):
                if note.span is None:
                    continue
                path = ["paragraphs", p_index, "sentences", s_index, "notes", n_index, "span"]
                for lang, text in (("ar", sentence.ar), ("en", sentence.en)):
                    phrase = getattr(note.span, lang)
                    if phrase is not None and phrase not in text and not is_todo(text):
                        problems.append(_located(report_doc, [*path, lang], not_in_sentence(phrase, sentence.id, lang)))
    return problems


def check_term_forms(glossary_doc: YamlDocument, glossary, reports: list) -> list[Problem]:
    """A located problem for every form of a glossary term that no report of the publication
    uses (the glossary is shared: a form may be in one report only)."""
    problems = []
    whole = _arabic_of(reports)
    where = "the report" if len(reports) == 1 else "any report"
    for t_index, term in enumerate(glossary.terms):
        for f_index, form in enumerate(term.ar_forms):
            if form not in whole:
                problems.append(_located(glossary_doc, ["terms", t_index, "ar_forms", f_index],
                                         f"'{_short(form)}' does not occur in {where}; copy the form exactly "
                                         "as the report writes it, or remove it"))
    return problems


def check_exceptions(glossary_doc: YamlDocument, glossary, reports: list) -> list[Problem]:
    """A located problem for every ar_except phrase that no report uses, or that holds none of
    the term's ar_forms: it would except nothing."""
    problems = []
    whole = _arabic_of(reports)
    for t_index, term in enumerate(glossary.terms):
        for e_index, phrase in enumerate(term.ar_except):
            if phrase in whole and any(form in phrase for form in term.ar_forms):
                continue
            why = ("does not occur in any report; copy the phrase exactly as a report writes it, or remove it"
                   if phrase not in whole else "holds none of the term's ar_forms; it would except nothing: remove it")
            problems.append(_located(glossary_doc, ["terms", t_index, "ar_except", e_index], f"'{_short(phrase)}' {why}"))
    return problems


def check_english_forms(glossary_doc: YamlDocument, glossary, reports: list) -> list[Problem]:
    """A located problem for every English form of a glossary term that no sentence holding
    the term's Arabic translates with (as a whole word, in any case): its mark would never show."""
    problems = []
    for t_index, term in enumerate(glossary.terms):
        translations = "\n".join(s.en for report in reports for p in report.paragraphs for s in p.sentences
                                  if any(form in s.ar for form in term.ar_forms))
        for f_index, form in enumerate(term.en_forms):
            if not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", translations, re.IGNORECASE):
                problems.append(_located(glossary_doc, ["terms", t_index, "en_forms", f_index],
                                         f"'{_short(form)}' is in no translation of a sentence whose Arabic holds one of "
                                         "the term's ar_forms; copy the word exactly from such a sentence's 'en:' line, or remove it"))
    return problems


def _arabic_of(reports: list) -> str:
    """Every report's Arabic text, sentence by sentence, for the glossary's checks."""
    return "\n".join(s.ar for report in reports for p in report.paragraphs for s in p.sentences)


def _located(document: YamlDocument, path: list, message: str) -> Problem:
    """A problem at the field `path` of `document`."""
    line, column, _ = locate(document.tree, path)
    return Problem(document.path, line, column, format_field(path), message)


def not_in_sentence(phrase: str, sentence_id: str, lang: str) -> str:
    """The message for a marked phrase (a note's or a claim's) that its sentence lacks."""
    return (f"'{_short(phrase)}' is not in sentence {sentence_id}'s {lang} text; "
            f"copy the phrase exactly from its '{lang}:' line")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
