"""Building blocks shared by every model: strict models, ids, and bilingual texts.

Every model forbids unknown fields, so a misspelt key is an error rather than silently lost.
"""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


class Model(BaseModel):
    """Base of every data model: unknown fields are errors, values are immutable once read."""

    # defer_build: each model's validator is made when data is first validated, not at import;
    # a build with nothing changed reuses the last dataset (pages_out/unchanged.py) and validates
    # nothing, so it no longer pays a tenth of a second to make them.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


MAX_TEXT = 5000
"""The longest text one field may hold (the longest note today is about 1,300 characters): a
longer value is a paste gone wrong, and would make a page unreadable."""

MAX_ID = 64

# C0/C1 control characters (tab, line feed and carriage return aside), which no text needs and
# which an HTML page may not contain; and bidi controls that could reorder what readers see.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty; write the text")
    control = _CONTROL.search(value)
    if control:
        raise ValueError(f"contains the invisible control character U+{ord(control.group()):04X} "
                         f"at character {control.start() + 1}; delete it")
    return value


Line = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_not_blank)]
"""Text that must say something: empty or white-space-only strings, invisible control
characters and texts longer than MAX_TEXT characters are refused."""

Id = Annotated[str, StringConstraints(max_length=MAX_ID, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable identifier: lower-case ASCII letters, digits and single hyphens ('busra-al-sham'),
at most MAX_ID characters. Ids become URL anchors, so they never change once published."""

# The characters of a URL (RFC 3986) after an http(s) scheme and a host name.
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?"
                       r"(?:[/?#][A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*)?$")


def is_safe_url(value: str) -> bool:
    """An http(s) URL with a host, made of URL characters only: the only links data may make."""
    return len(value) <= 2000 and bool(_SAFE_URL.match(value))


def _http_url(value: str) -> str:
    # Only http(s) may become a link: a 'javascript:' URL in data must never reach a page, and
    # characters outside a URL's alphabet (quotes, spaces, angle brackets) are refused outright.
    if not is_safe_url(value):
        raise ValueError("must be an http(s) URL made of URL characters only (no spaces, quotes "
                         "or angle brackets; percent-encode them); copy the address of the page")
    return value


Url = Annotated[str, AfterValidator(_http_url)]
"""An http(s) address, as a browser's address bar shows it."""


NEEDS_SOURCE = {"needs_source": True}
"""Marks a list of citations that may not stay empty in a publication (explainer/data_in/gaps.py):
the schema admits `[]` so that a draft builds; the gap check refuses it in a normal build."""


NEEDS_VALUE = {"needs_value": True}
"""Marks a field that may be null in a draft only (the day of the event, before anyone checked it)."""


class Text(Model):
    """A text in both languages. Neither may be left out: the site has every page in both."""

    en: Line = Field(description="The English text.")
    ar: Line = Field(description="The Arabic text, in Modern Standard Arabic.")


class CitedText(Text):
    """A statement of ours that goes beyond the report, so it must name its sources."""

    cite: list[Id] = Field(
        description="Ids from data/sources.yaml that support this statement; at least one "
        "(an empty list is a gap that only a draft build accepts).",
        json_schema_extra=NEEDS_SOURCE,
    )
