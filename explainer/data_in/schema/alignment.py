"""data/alignment.yaml: the report as an aligned parallel text. Each sentence is divided into
phrase pairs, in the order of the Arabic: an Arabic phrase and the English that renders it.

The Arabic phrases cover the sentence, in order, without overlap (only white space and
punctuation between them); the English pieces are found in the translation, which they need
not cover (a function word may stay unaligned). explainer/data_in/alignment.py checks this.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator, Field, WithJsonSchema

from .base import MAX_TEXT, Id, Line, Model

_LINE_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}

English = Annotated[
    list[Line],
    # One piece is written as a string, several as a list; read both as a list, so that a
    # mistake gives one message (a plain union would give one per alternative).
    BeforeValidator(lambda value: [value] if isinstance(value, str) else value),
    Field(min_length=1),
    WithJsonSchema({"anyOf": [_LINE_SCHEMA, {"type": "array", "items": _LINE_SCHEMA, "minItems": 1}]}),
]


class Pair(Model):
    """One Arabic phrase and the English that renders it."""

    ar: Line = Field(description="The phrase, copied exactly from the sentence's Arabic ('ar:' in "
                     "data/report.yaml); it starts where the previous phrase ends (white space and "
                     "punctuation between them are allowed).")
    en: English = Field(description="Its English, copied exactly from the sentence's translation: one "
                        "piece (\"that targeted the militants\") or, where the translation reorders "
                        "the words, a list of pieces ([\"After the air strikes\", \"had stopped\"]).")
    cut: bool = Field(default=False, description="true where a note's or a claim's phrase starts or ends "
                      "inside this phrase on purpose (otherwise the build refuses the cut).")


class SentenceAlignment(Model):
    """The phrase pairs of one sentence of the report."""

    sentence: Id = Field(description="The sentence's id in data/report.yaml ('p1-s1').")
    pairs: list[Pair] = Field(min_length=1, description="Its phrase pairs, in the order of the Arabic, "
                              "covering the whole Arabic sentence. A sentence not translated yet has one "
                              "pair: the whole sentence and its TODO translation.")


class AlignmentFile(Model):
    """The aligned parallel text: which phrase of the Arabic each phrase of our English renders."""

    sentences: list[SentenceAlignment] = Field(description="The aligned sentences, each at most once; a "
                                               "sentence left out is not aligned.")
