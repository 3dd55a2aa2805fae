"""Building blocks shared by every model: strict models, ids, and bilingual texts.

Every model forbids unknown fields, so a misspelt key is an error rather than silently lost.
"""
from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


class Model(BaseModel):
    """Base of every data model: unknown fields are errors, values are immutable once read."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty; write the text")
    return value


Line = Annotated[str, AfterValidator(_not_blank)]
"""Text that must say something: empty or white-space-only strings are refused."""

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable identifier: lower-case ASCII letters, digits and single hyphens ('busra-al-sham').
Ids become URL anchors, so they never change once published."""


class Text(Model):
    """A text in both languages. Neither may be left out: the site has every page in both."""

    en: Line = Field(description="The English text.")
    ar: Line = Field(description="The Arabic text, in Modern Standard Arabic.")


class CitedText(Text):
    """A statement of ours that goes beyond the report, so it must name its sources."""

    cite: list[Id] = Field(
        min_length=1,
        description="Ids from data/sources.yaml that support this statement; at least one.",
    )
