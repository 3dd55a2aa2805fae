"""data/report.yaml: the report itself, sentence by sentence, with translation and notes.

The Arabic of every sentence is the source's text, character for character; joined with
the separators recorded here, the sentences must give back the source file byte for byte.
"""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from .base import MAX_TEXT, NEEDS_SOURCE, Id, Line, Model, Text


class Span(Model):
    """The phrase of the sentence that a note is about, marked in the text where it stands."""

    ar: Line = Field(description="The phrase in the sentence's Arabic, copied exactly (a substring of 'ar:').")
    en: Line | None = Field(
        default=None,
        description="The same phrase in our English translation, copied exactly (a substring of 'en:'), "
        "where the translation has one.",
    )


class SourcedNote(Model):
    """Our annotation on a sentence: context, or a loaded word. It is our voice, so it cites
    sources. (The report's claims, checked against other sources, are in data/claims.yaml.)"""

    kind: Literal["context", "wording"] = Field(
        description="context: background; wording: a loaded word and a neutral alternative. A claim of "
        "the report checked against other sources goes in data/claims.yaml."
    )
    en: Line = Field(description="The note in English.")
    ar: Line = Field(description="The note in Arabic.")
    cite: list[Id] = Field(description="Ids in data/sources.yaml; at least one.", json_schema_extra=NEEDS_SOURCE)
    span: Span | None = Field(default=None, description="The phrase the note is about, if it is about one.")


class TranslationNote(Model):
    """A note on how we translated a sentence: about our own work, so it needs no source."""

    kind: Literal["translation"] = Field(description="Always 'translation'.")
    en: Line = Field(description="The note in English.")
    ar: Line = Field(description="The note in Arabic.")
    span: Span | None = Field(default=None, description="The phrase the note is about, if it is about one.")


Note = Annotated[Union[SourcedNote, TranslationNote], Field(discriminator="kind")]


class Sentence(Model):
    """One sentence of the report (or one point of a list)."""

    id: Id = Field(description="Stable anchor (#<id>) shared by both languages.")
    ar: str = Field(min_length=1, max_length=MAX_TEXT, description="The Arabic, exactly as in the source file.")
    en: Line = Field(description="Our faithful English translation.")
    followed_by: str = Field(max_length=20,
        default=" ",
        description="The exact characters between this sentence and the next one in the same "
        "paragraph (usually one space; '' where the source has none).",
    )
    notes: list[Note] = Field(default_factory=list, description="Our annotations.")
    mentions: list[Id] = Field(default_factory=list, description="Ids of the actors, places and glossary terms the "
                               "sentence names, or refers to in words the report itself ties to the entry (“the "
                               "crossing” after a point that names it): each entry's page lists the sentences that "
                               "mention it. Not an entry that only other sources identify: a note says that instead.")


class Paragraph(Model):
    """A paragraph of the report, or a list (the roadmap points, one a line)."""

    id: Id = Field(description="Stable anchor of the paragraph.")
    role: Literal["body", "list-intro", "list"] = Field(
        description="body: reporting; list-intro: the line introducing a list; list: one item a line."
    )
    followed_by: str = Field(max_length=20,
        default="\n\n", description="The exact characters between this paragraph and the next."
    )
    sentences: list[Sentence] = Field(min_length=1, description="Its sentences, in order.")


class Report(Model):
    """The report, its provenance as far as it is known, and its text."""

    file: Annotated[str, Field(max_length=200, pattern=r"^data/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.txt$")] = Field(
        description="The copy of the source text, a .txt file under data/ ('data/source/article-ar.txt')."
    )
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of that file; the build fails if the file changes."
    )
    provenance: Text = Field(description="What is known of who published it, and what is not.")
    paragraphs: list[Paragraph] = Field(min_length=1, description="The text, paragraph by paragraph.")
    ends_with: str = Field(default="", max_length=20,
        description="The exact characters after the last sentence of the source file (often one line "
        "break, '\\n'; '' where the file ends with the text).")
