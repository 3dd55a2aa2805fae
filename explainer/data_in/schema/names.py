"""data/names.yaml: the one transliteration table, so a name is spelt one way everywhere."""
from __future__ import annotations

from pydantic import Field

from .base import Id, Line, Model


class Name(Model):
    """One proper name (person, place, body) and its single English spelling."""

    id: Id = Field(description="Identifier of the name.")
    ar: Line = Field(description="The name as Arabic sources write it.")
    en: Line = Field(description="The one English spelling used everywhere on the site.")
    ar_forms: list[Line] = Field(
        default_factory=list,
        description="Other Arabic forms the report uses (e.g. a surname alone), exactly as written.",
    )
    en_forms: list[Line] = Field(
        default_factory=list,
        description="Shorter English forms that stand for a short Arabic form (e.g. a surname used alone).",
    )
    en_avoid: list[Line] = Field(
        default_factory=list,
        description="Other English spellings that must not appear in our English text.",
    )


class NamesFile(Model):
    """The transliteration table."""

    names: list[Name] = Field(description="Every proper name in the report and in our text.")
