"""The report's text with the phrases that data picks out marked where they stand: the span a
note is about, and the report's loaded words (glossary terms with a `loaded:` entry, found by
their `ar_forms` in the Arabic and their English term, or its `en_forms`, in the translation).

The text itself is never changed: marks are elements around escaped runs of it, so the
sentence's text content stays the verbatim Arabic. Overlapping marks merge into one. Where
data/alignment.yaml aligns the sentence, each phrase is wrapped `<span class="al" data-al="K">`
inside the marks (split where a mark's edge crosses it), for the reader's script to pair.
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
    term: object | None = None  # the loaded glossary term found here (loaded-word ranges)
    claims: list = field(default_factory=list)  # the claims of the ledger about this phrase


def short(text: str, limit: int = 220) -> str:
    """The first sentence of a text, cut at a word if still long: a preview, not the entry."""
    first = re.split(r"(?<=[.!?؟])\s", text.strip(), maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


def _pattern(phrase: str, lang: str) -> re.Pattern:
    """How a phrase is found in a text: the Arabic exactly as written, the English as whole
    words in any case (a term is never found inside a longer word)."""
    if lang == "ar":
        return re.compile(re.escape(phrase))
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)


def _term_pattern(form: str, lang: str) -> re.Pattern:
    """A glossary term in a sentence: as _pattern, and in English with its possessive
    ("militants’ positions"): the flag drawn after a loaded word would otherwise split the word
    from its ’."""
    if lang == "ar":
        return _pattern(form, lang)
    return re.compile(rf"(?<!\w){re.escape(form)}(?:[’']s?)?(?!\w)", re.IGNORECASE)


def _find(text: str, phrase: str, lang: str) -> re.Match | None:
    """The first place of a note's span: by the language's rule, else anywhere (the build
    checks only that the span is a substring of its sentence)."""
    return _pattern(phrase, lang).search(text) or re.search(re.escape(phrase), text,
                                                              re.IGNORECASE if lang == "en" else 0)


def _merged(found: list[_Range]) -> list[_Range]:
    merged: list[_Range] = []
    for item in sorted(found, key=lambda r: (r.start, -r.end)):
        if merged and item.start < merged[-1].end:
            last = merged[-1]
            last.end = max(last.end, item.end)
            last.notes += [n for n in item.notes if n not in last.notes]
            last.claims += [c for c in item.claims if c not in last.claims]
            last.term = last.term or item.term
        else:
            merged.append(item)
    return merged


def ranges(sentence, lang: str, glossary, claims=()) -> tuple[list[_Range], list[_Range]]:
    """The marked ranges of the sentence's text in `lang` ('ar' the original, 'en' ours): the
    phrases notes and claims are about, and the loaded words, each list sorted and without overlaps."""
    text = getattr(sentence, lang)
    spans: list[_Range] = []
    for claim in claims:
        match = _find(text, getattr(claim.span, lang), lang)
        if match:
            spans.append(_Range(match.start(), match.end(), notes=[claim_anchor(claim.id)], claims=[claim]))
    for index, note in enumerate(sentence.notes):
        phrase = getattr(note.span, lang) if note.span is not None else None
        match = _find(text, phrase, lang) if phrase else None
        if match:
            spans.append(_Range(match.start(), match.end(), notes=[note_anchor(sentence.id, index)]))
    words: list[_Range] = []
    for term in glossary.terms:
        if term.loaded is None:
            continue
        forms = term.ar_forms if lang == "ar" else [term.term.en.strip("“”\""), *_english_forms(term, sentence)]
        excepted = _excepted(term, text) if lang == "ar" else []
        for form in forms:
            for match in _term_pattern(form, lang).finditer(text):
                if not any(start <= match.start() and match.end() <= end for start, end in excepted):
                    words.append(_Range(match.start(), match.end(), term=term))
    return _merged(spans), _merged(words)


def holds_term(term, text: str) -> bool:
    """Whether an Arabic `text` holds one of the term's forms outside its ar_except phrases."""
    excepted = _excepted(term, text)
    return any(not any(start <= found.start() and found.end() <= end for start, end in excepted)
               for form in term.ar_forms for found in re.finditer(re.escape(form), text))


def _excepted(term, text: str) -> list[tuple[int, int]]:
    """Where `text` holds the term's ar_except phrases: a form inside one is not the loaded word."""
    return [(match.start(), match.end()) for phrase in getattr(term, "ar_except", ())
            for match in re.finditer(re.escape(phrase), text)]


def _english_forms(term, sentence) -> list[str]:
    """The term's words in our translation (en_forms), where the sentence's Arabic holds the
    term: the English mark stands where the Arabic one does, not wherever the word occurs."""
    return list(term.en_forms) if any(form in sentence.ar for form in term.ar_forms) else []


def claim_anchor(claim_id: str) -> str:
    """The anchor of a claim, the same on the report page and the ledger: claim-<id>."""
    return f"claim-{claim_id}"


def note_anchor(sentence_id: str, index: int) -> str:
    """The anchor of a note: p1-s1-n3 from its place in data (a published address: never from
    the number shown, which changes when a note of another kind is added before it)."""
    return f"{sentence_id}-n{index + 1}"


NOTE_GROUPS = ("context", "claim", "wording", "translation")
"""The kinds of a sentence's notes, in the order the reader and the editions show their groups
('claim': the ledger's claim checks, which are not numbered notes)."""


@dataclass(frozen=True)
class ShownNote:
    """A note as the reader shows it: `index` its place in data (its anchor), `number` the one
    readers see, counted down the screen ("Note 1", "Note 2"...), which its copied citation, the
    "Appears in" lists and the editions repeat."""

    index: int
    number: int
    note: object

    @property
    def kind(self) -> str:
        return self.note.kind


def shown_notes(sentence) -> list[ShownNote]:
    """The sentence's notes in the order they are shown: grouped by kind in NOTE_GROUPS' order,
    each group in data order, numbered from 1 in that order."""
    order = sorted(range(len(sentence.notes)), key=lambda i: (NOTE_GROUPS.index(sentence.notes[i].kind), i))
    return [ShownNote(index, number, sentence.notes[index]) for number, index in enumerate(order, start=1)]


def aligned_runs(text: str, start: int, end: int, pieces=()) -> str:
    """`text[start:end]`, escaped, with each aligned piece in it (`Piece`s of
    data_in/alignment.py) wrapped `<span class="al" data-al="K">`: only the part inside this
    run, so that a piece that a mark's edge crosses becomes two spans with one K, well nested."""
    parts, position = [], start
    for piece in pieces:
        begin, finish = max(piece.start, start), min(piece.end, end)
        if begin >= finish:
            continue
        if position < begin:
            parts.append(escape.for_text(text[position:begin]))
        parts.append(f'<span class="al" data-al="{int(piece.pair)}">{escape.for_text(text[begin:finish])}</span>')
        position = finish
    if position < end:
        parts.append(escape.for_text(text[position:end]))
    return "".join(parts)


def marked_text(sentence, lang: str, glossary, term_link, with_notes: bool = True, claims=(),
                verdict_label=None, pieces=()) -> Markup:
    """The sentence's text in `lang`, escaped, with its marks: a note's or a claim's phrase is an
    outer mark, a loaded word an inner one (a loaded word that straddles a phrase's edge is left
    unmarked). A claim's mark carries its verdict as a class (the colour) and as an accessible
    label (`verdict_label(claim)`, drawn as an icon by CSS, outside the text). `term_link(term,
    text)` makes the link of a loaded word to its glossary entry. `pieces` are the sentence's
    aligned phrases in `lang`, sorted (none: the text exactly as without an alignment)."""
    text = getattr(sentence, lang)
    spans, words = ranges(sentence, lang, glossary, claims if with_notes else ())
    spans = spans if with_notes else []

    def plain(start: int, end: int) -> str:
        parts, position = [], start
        for word in words:
            if word.start >= start and word.end <= end:
                parts.append(aligned_runs(text, position, word.start, pieces))
                # An aligned piece goes inside the word's link, the innermost element.
                label = (Markup(aligned_runs(text, word.start, word.end, pieces)) if pieces
                         else text[word.start:word.end])
                parts.append(f'<mark class="span loaded">{term_link(word.term, label)}</mark>')
                position = word.end
        parts.append(aligned_runs(text, position, end, pieces))
        return "".join(parts)

    parts, position = [], 0
    for span in spans:
        parts.append(plain(position, span.start))
        notes = escape.for_attribute(" ".join(span.notes))
        verdicts = "".join(f" claim verdict-{claim.verdict}" for claim in span.claims[:1])
        label = (f' data-verdict="{escape.for_attribute(" · ".join(verdict_label(c) for c in span.claims))}"'
                 if span.claims and verdict_label else "")
        parts.append(f'<mark class="span has-notes{verdicts}" data-notes="{notes}"{label}>{plain(span.start, span.end)}</mark>')
        position = span.end
    parts.append(plain(position, len(text)))
    return Markup("".join(parts))
