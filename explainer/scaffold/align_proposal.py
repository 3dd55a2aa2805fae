"""A first alignment of a sentence, for its author to correct (`explainer align --propose`).

The Arabic is divided at its punctuation and at the edges of the phrases its notes and claims
are about; each such phrase is paired with its English (the note's or claim's `span.en`). The
rest between two of them is paired piece by piece when the English there has as many pieces
at its punctuation, else as one pair. Whatever it proposes passes the build's checks: a
proposal that would not falls back to one pair, the whole sentence.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..data_in.alignment import is_filler, marked_spans, place
from ..data_in.schema.alignment import Pair
from .stubs import q

# Where a text divides: after a run of closing punctuation followed by a space, and at a space
# before an opening quotation mark or bracket.
_AR_CUT = re.compile(r"(?<=[،,.:؛;!؟?»”)\]])\s+|\s+(?=[«“(\[])")
_EN_CUT = re.compile(r"(?<=[,.:;!?”)\]])\s+|\s+(?=[“(\[])")


@dataclass
class _Proposed:
    start: int  # the Arabic phrase, [start, end) in the sentence
    end: int
    en: list[tuple[int, int]] = field(default_factory=list)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The range without white space and punctuation at its edges; None if nothing is left."""
    while start < end and is_filler(text[start]):
        start += 1
    while end > start and is_filler(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def _pieces(text: str, start: int, end: int, cut: re.Pattern, edges=()) -> list[tuple[int, int]]:
    """`text[start:end]` divided at `cut` and at `edges`, each piece trimmed."""
    points = sorted({start, end, *(e for e in edges if start < e < end),
                     *(start + m.end() for m in cut.finditer(text[start:end]))})
    return [piece for a, b in itertools.pairwise(points) if (piece := _trimmed(text, a, b))]


def propose(sentence, claims) -> list[Pair]:
    """The proposed pairs of one sentence (its claims: the ledger's claims about it)."""
    spans = _phrases_with_english(sentence, claims)
    edges = [edge for start, end, _ in marked_spans(sentence, claims) for edge in (start, end)]
    proposed: list[_Proposed] = []
    ar_at, en_at = 0, 0
    for span in [*spans, None]:
        ar_end, en_end = (span[0], span[2]) if span else (len(sentence.ar), len(sentence.en))
        _pair_the_rest(sentence, (ar_at, ar_end), (en_at, en_end), edges, proposed)
        if span:
            proposed.append(_Proposed(span[0], span[1], [(span[2], span[3])]))
            ar_at, en_at = span[1], span[3]
    pairs = [Pair(ar=sentence.ar[p.start:p.end], en=[sentence.en[a:b] for a, b in p.en],
                  cut=any(p.start < edge < p.end for edge in edges)) for p in _joined(proposed)]
    if not pairs or place(sentence, pairs).problems:
        whole = _trimmed(sentence.ar, 0, len(sentence.ar)) or (0, len(sentence.ar))
        pairs = [Pair(ar=sentence.ar[whole[0]:whole[1]], en=[sentence.en.strip()],
                      cut=any(whole[0] < edge < whole[1] for edge in edges))]
    return pairs


def _joined(proposed: list[_Proposed]) -> list[_Proposed]:
    """A phrase without English (at the sentence's start) joins the phrase after it."""
    joined, carried = [], None
    for phrase in proposed:
        if carried is not None:
            phrase.start, carried = carried, None
        if not phrase.en:
            carried = phrase.start
            continue
        joined.append(phrase)
    return joined if carried is None else []


def _phrases_with_english(sentence, claims) -> list[tuple[int, int, int, int]]:
    """The notes' and claims' phrases found in both texts, in the same order in both and
    without overlap: (ar start, ar end, en start, en end)."""
    found = []
    spans = [note.span for note in sentence.notes if note.span is not None] + [claim.span for claim in claims]
    for span in spans:
        ar, en = sentence.ar.find(span.ar), sentence.en.find(span.en) if span.en else -1
        if ar >= 0 and en >= 0:
            found.append((ar, ar + len(span.ar), en, en + len(span.en)))
    kept: list[tuple[int, int, int, int]] = []
    for phrase in sorted(found):
        if not kept or (phrase[0] >= kept[-1][1] and phrase[2] >= kept[-1][3]):
            kept.append(phrase)
    return kept


def _pair_the_rest(sentence, ar_range, en_range, edges, proposed: list[_Proposed]) -> None:
    """Pair the Arabic and the English between two marked phrases (or a sentence's edge)."""
    ar_pieces = _pieces(sentence.ar, *ar_range, _AR_CUT, edges)
    if not ar_pieces:
        return
    en_pieces = _pieces(sentence.en, *en_range, _EN_CUT)
    if len(ar_pieces) == len(en_pieces):
        proposed.extend(_Proposed(a, b, [english]) for (a, b), english in zip(ar_pieces, en_pieces))
        return
    english = _trimmed(sentence.en, *en_range)
    start, end = ar_pieces[0][0], ar_pieces[-1][1]
    if english:
        proposed.append(_Proposed(start, end, [english]))
    elif proposed:  # no English here: the Arabic joins the phrase before it
        proposed[-1].end = end
    else:  # ... or, at the sentence's start, the phrase after it (see _joined)
        proposed.append(_Proposed(start, end))


def as_yaml(sentence_id: str, pairs: list[Pair]) -> str:
    """The sentence's entry of data/alignment.yaml."""
    lines = [f"- sentence: {sentence_id}", "  pairs:"]
    for pair in pairs:
        english = q(pair.en[0]) if len(pair.en) == 1 else "[" + ", ".join(q(piece) for piece in pair.en) + "]"
        lines += [f"  - ar: {q(pair.ar)}", f"    en: {english}"] + (["    cut: true"] if pair.cut else [])
    return "\n".join(lines) + "\n"
