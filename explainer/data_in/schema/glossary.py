"""data/glossary.yaml: political and military terms, and the report's loaded words."""
from __future__ import annotations

from pydantic import Field

from .base import CitedText, Id, Line, Model, Text


class Definition(Text):
    """What a word means. A definition of a word needs no source; one that states a fact
    (a date, a number, who did what) must cite one."""

    cite: list[Id] = Field(default_factory=list, description="Ids in data/sources.yaml, if it states facts.")


class LoadedUsage(Model):
    """For a loaded word: whose vocabulary it is (a claim, so it is sourced), and what a
    neutral text says instead."""

    used_by: CitedText = Field(description="Whose usage the word is (which side, which media), with sources.")
    neutral: Text = Field(description="The neutral alternative that our own text uses.")


class Term(Model):
    """One glossary entry."""

    id: Id = Field(description="Anchor of the entry on the glossary page: #term-<id>.")
    term: Text = Field(description="The term as it appears in each language.")
    ar_forms: list[Line] = Field(
        default_factory=list,
        description="The forms of the term that the report uses, exactly as written.",
    )
    en_forms: list[Line] = Field(
        default_factory=list,
        description="The words our English translation uses for the term where they are not its English "
        "form above (a single word where that form is a longer phrase), exactly as written; a loaded "
        "word is marked by them only in a sentence whose Arabic holds one of its ar_forms.",
    )
    ar_except: list[Line] = Field(
        default_factory=list,
        description="Phrases of the reports that hold one of the ar_forms without being this word (a "
        "loaded word's form inside a neutral phrase), exactly as written: a form inside one is not marked.",
    )
    definition: Definition = Field(description="A neutral definition.")
    loaded: LoadedUsage | None = Field(
        default=None, description="Present only for loaded words: whose usage, neutral alternative."
    )


class GlossaryFile(Model):
    """The glossary, in the order shown on the site."""

    terms: list[Term] = Field(description="The glossary entries.")
