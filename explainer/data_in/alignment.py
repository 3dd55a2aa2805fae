"""The rules of data/alignment.yaml that a schema cannot say, and where its phrases stand.

`place` finds each pair's Arabic phrase and English pieces in the sentence, by the rules of
the contract (issue 27): the Arabic phrases one after the other, from the start; the English
pieces in pair order, each at its first occurrence not taken by an earlier piece. The check,
the reader's render and the open data all place phrases with it, so that they agree.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from ..problems.errors import Problem
from .gaps import is_todo
from .load import YamlDocument


@dataclass
class Piece:
    """Where a phrase stands in its sentence: [start, end) in characters (code points)."""

    start: int
    end: int
    pair: int  # the pair's 1-based index in the sentence (K of the reader's data-al="K")


@dataclass
class Placed:
    """A sentence's alignment placed in its texts, and what could not be placed."""

    ar: list[Piece] = field(default_factory=list)
    en: list[Piece] = field(default_factory=list)  # sorted by start
    problems: list[tuple[tuple, str]] = field(default_factory=list)  # (path in the entry, message)


def is_filler(text: str) -> bool:
    """White space and punctuation only (no letter, digit or mark): what may stand between phrases."""
    return not any(unicodedata.category(c)[0] in "LNM" for c in text)


def place(sentence, pairs) -> Placed:
    """Place each pair of one sentence; a problem for each phrase that is not where it should be."""
    placed = Placed()
    text, position, lost = sentence.ar, 0, False
    for index, pair in enumerate(pairs):
        start = text.find(pair.ar, position)
        if start < 0:
            where = "in" if position == 0 else f"after the previous phrase ('{_short(pairs[index - 1].ar)}') in"
            placed.problems.append(((index, "ar"), f"'{_short(pair.ar)}' is not {where} sentence {sentence.id}'s "
                                    "Arabic; copy the phrase exactly, and list the phrases in the order of the Arabic"))
            lost = True
            continue
        if not lost and not is_filler(text[position:start]):
            before = "before this phrase" if position == 0 else "between the previous phrase and this one"
            placed.problems.append(((index, "ar"), f"the Arabic {before}, '{_short(text[position:start].strip())}', "
                                    "is in no phrase; add it to a phrase (only white space and punctuation may "
                                    "stand between phrases)"))
        placed.ar.append(Piece(start, start + len(pair.ar), index + 1))
        position, lost = start + len(pair.ar), False
    if not lost and not is_filler(text[position:]):
        placed.problems.append(((), f"the end of sentence {sentence.id}, '{_short(text[position:].strip())}', "
                                "is in no phrase; add it to the last phrase or to a new pair"))
    _place_english(sentence, pairs, placed)
    return placed


def _place_english(sentence, pairs, placed: Placed) -> None:
    text, taken = sentence.en, []
    for index, pair in enumerate(pairs):
        for p_index, piece in enumerate(pair.en):
            if is_todo(piece):
                continue  # not translated yet: work left, which the gap check reports
            start = text.find(piece)
            while start >= 0 and any(start < end and begin < start + len(piece) for begin, end in taken):
                start = text.find(piece, start + 1)
            if start < 0:
                path = (index, "en", p_index) if len(pair.en) > 1 else (index, "en")
                why = "is not in" if piece not in text else "has no occurrence left (earlier pieces took it) in"
                placed.problems.append((path, f"'{_short(piece)}' {why} sentence {sentence.id}'s English; copy "
                                        "the piece exactly from its 'en:' line in data/report.yaml"))
                continue
            taken.append((start, start + len(piece)))
            placed.en.append(Piece(start, start + len(piece), index + 1))
    placed.en.sort(key=lambda piece: piece.start)


def marked_spans(sentence, claims) -> list[tuple[int, int, str]]:
    """The Arabic phrases of the sentence that notes and claims are about: (start, end, what)."""
    spans = []
    for index, note in enumerate(sentence.notes):
        if note.span is not None and note.span.ar in sentence.ar:
            start = sentence.ar.find(note.span.ar)
            spans.append((start, start + len(note.span.ar), f"note {index + 1}"))
    for claim in claims:
        if claim.span.ar in sentence.ar:
            start = sentence.ar.find(claim.span.ar)
            spans.append((start, start + len(claim.span.ar), f"claim '{claim.id}'"))
    return spans


def check_alignment(doc: YamlDocument, alignment, sentences: dict, claims) -> list[Problem]:
    """A located problem for every sentence aligned twice, every phrase not where it should be,
    and every note's or claim's phrase that cuts a phrase without the pair saying so."""
    problems = []

    def problem(path: tuple, message: str) -> None:
        problems.append(doc.problem(path, message))

    seen: dict[str, int] = {}
    for s_index, entry in enumerate(alignment.sentences):
        sentence = sentences.get(entry.sentence)
        if sentence is None:
            continue  # an unknown sentence is reported by the reference check
        if entry.sentence in seen:
            problem(("sentences", s_index, "sentence"), f"sentence {entry.sentence} is aligned twice (first in "
                    f"sentences[{seen[entry.sentence]}]); keep one alignment a sentence")
            continue
        seen[entry.sentence] = s_index
        placed = place(sentence, entry.pairs)
        for path, message in placed.problems:
            problem(("sentences", s_index, "pairs", *path), message)
        ar_pieces = {piece.pair: piece for piece in placed.ar}
        sentence_claims = [claim for claim in claims.claims if claim.sentence == sentence.id]
        for start, end, what in marked_spans(sentence, sentence_claims):
            for k, piece in ar_pieces.items():
                edges = [edge for edge in (start, end) if piece.start < edge < piece.end]
                if edges and not entry.pairs[k - 1].cut:
                    which = "starts" if edges[0] == start else "ends"
                    problem(("sentences", s_index, "pairs", k - 1, "ar"),
                            f"the phrase of {what} ('{_short(sentence.ar[start:end])}') {which} inside this phrase; "
                            "split the phrase where it does, or add 'cut: true' to the pair if it is meant")
    return problems


def coverage(alignment, sentences: dict) -> int:
    """How many sentences are aligned in more than one pair (one pair is the scaffold's start)."""
    return sum(1 for entry in alignment.sentences if entry.sentence in sentences and len(entry.pairs) > 1)


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."
