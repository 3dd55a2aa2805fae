"""data/glossary.yaml: political and military terms, and the report's loaded words."""
from __future__ import annotations

from pydantic import Field

from .base import CitedText, Id, Line, Model, Text


class LoadedUsage(Model):
    """For a loaded word: whose vocabulary it is, and what a neutral text says instead."""

    used_by: Text = Field(description="Whose usage the word is (which side, which media).")
    neutral: Text = Field(description="The neutral alternative that our own text uses.")


class Term(Model):
    """One glossary entry."""

    id: Id = Field(description="Anchor of the entry on the glossary page: #term-<id>.")
    term: Text = Field(description="The term as it appears in each language.")
    ar_forms: list[Line] = Field(
        default_factory=list,
        description="The forms of the term that the report uses, exactly as written.",
    )
    definition: CitedText = Field(description="A neutral definition, with its sources.")
    loaded: LoadedUsage | None = Field(
        default=None, description="Present only for loaded words: whose usage, neutral alternative."
    )


class GlossaryFile(Model):
    """The glossary, in the order shown on the site."""

    terms: list[Term] = Field(description="The glossary entries.")
