"""Phrases that data marks in the report's text must be there: a note's span is a substring of
its sentence (Arabic, and English where given), and each form of a glossary term that the
report is said to use occurs in the report. Otherwise the mark would silently vanish."""
from __future__ import annotations

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .gaps import is_todo
from .load import YamlDocument


def check_spans(report_doc: YamlDocument, report, glossary_doc: YamlDocument, glossary) -> list[Problem]:
    """A located problem for every span or term form that is not found where it should be."""
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
                        line, column, _ = locate(report_doc.tree, [*path, lang])
                        problems.append(Problem(report_doc.path, line, column, format_field([*path, lang]),
                                                not_in_sentence(phrase, sentence.id, lang)))
    whole = "\n".join(s.ar for p in report.paragraphs for s in p.sentences)
    for t_index, term in enumerate(glossary.terms):
        for f_index, form in enumerate(term.ar_forms):
            if form not in whole:
                path = ["terms", t_index, "ar_forms", f_index]
                line, column, _ = locate(glossary_doc.tree, path)
                problems.append(Problem(glossary_doc.path, line, column, format_field(path),
                                        f"'{_short(form)}' does not occur in the report; copy the form exactly "
                                        "as the report writes it, or remove it"))
    return problems


def not_in_sentence(phrase: str, sentence_id: str, lang: str) -> str:
    """The message for a marked phrase (a note's or a claim's) that its sentence lacks."""
    return (f"'{_short(phrase)}' is not in sentence {sentence_id}'s {lang} text; "
            f"copy the phrase exactly from its '{lang}:' line")


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
