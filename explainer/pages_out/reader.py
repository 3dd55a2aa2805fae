"""The report's text with the phrases that data picks out marked where they stand: the span a
note is about, and the report's loaded words (glossary terms with a `loaded:` entry, found by
their `ar_forms` in the Arabic and their English term in the translation).

The text itself is never changed: marks are elements around escaped runs of it, so the
sentence's text content stays the verbatim Arabic. Overlapping marks merge into one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from . import escape


@dataclass
class _Range:
    start: int
    end: int
    notes: list[str] = field(default_factory=list)  # anchors of the notes about this phrase
    term: object | None = None  # the loaded glossary term found here


def short(text: str, limit: int = 220) -> str:
    """The first sentence of a text, cut at a word if still long: a preview, not the entry."""
    first = re.split(r"(?<=[.!?؟])\s", text.strip(), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _find(text: str, phrase: str, whole_words: bool) -> re.Match | None:
    if whole_words:
        found = re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE)
        if found:
            return found
    return re.search(re.escape(phrase), text, re.IGNORECASE if whole_words else 0)


def ranges(sentence, lang: str, glossary) -> list[_Range]:
    """The marked ranges of the sentence's text in `lang` ('ar' the original, 'en' ours)."""
    text = getattr(sentence, lang)
    found: list[_Range] = []
    for index, note in enumerate(sentence.notes):
        phrase = getattr(note.span, lang) if note.span is not None else None
        match = _find(text, phrase, lang == "en") if phrase else None
        if match:
            found.append(_Range(match.start(), match.end(), notes=[note_anchor(sentence.id, index)]))
    for term in glossary.terms:
        if term.loaded is None:
            continue
        forms = term.ar_forms if lang == "ar" else [term.term.en.strip("“”\"")]
        for form in forms:
            pattern = re.escape(form) if lang == "ar" else rf"(?<!\w){re.escape(form)}(?!\w)"
            for match in re.finditer(pattern, text, 0 if lang == "ar" else re.IGNORECASE):
                found.append(_Range(match.start(), match.end(), term=term))
    merged: list[_Range] = []
    for item in sorted(found, key=lambda r: (r.start, -r.end)):
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, item.end)
            last.notes += [n for n in item.notes if n not in last.notes]
            last.term = last.term or item.term
        else:
            merged.append(item)
    return merged


def note_anchor(sentence_id: str, index: int) -> str:
    """The anchor of a note: p1-s1-n3 (stable while notes keep their order)."""
    return f"{sentence_id}-n{index + 1}"


def marked_text(sentence, lang: str, page_lang: str, glossary, term_link) -> Markup:
    """The sentence's text in `lang`, escaped, with its marks. `term_link(term, text)` makes
    the link of a loaded word to its glossary entry (the page's macro, for the right path)."""
    text = getattr(sentence, lang)
    parts, position = [], 0
    for item in ranges(sentence, lang, glossary):
        parts.append(escape.for_text(text[position:item.start]) if position < item.start else "")
        inner = text[item.start:item.end]
        body = term_link(item.term, inner) if item.term is not None else escape.for_text(inner)
        classes = "span" + (" loaded" if item.term is not None else "") + (" has-notes" if item.notes else "")
        notes = f' data-notes="{escape.for_attribute(" ".join(item.notes))}"' if item.notes else ""
        parts.append(f'<mark class="{classes}"{notes}>{body}</mark>')
        position = item.end
    parts.append(escape.for_text(text[position:]))
    return Markup("".join(parts))
