"""data/sources.yaml: the public sources that our own statements cite."""
from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from .base import Id, Line, Model, Text, Url


class Source(Model):
    """One public source: enough for a reader to find it and judge it."""

    id: Id = Field(description="How statements cite it: `cite: [this-id]`.")
    publisher: Line = Field(
        description="Who published it (agency, outlet, UN office), named as it names itself; its name in "
        "Arabic script may follow in brackets: 'Example TV (تلفزيون المثال)'. Our notes about it go in "
        "`publisher_note` (data_in/source_urls.py refuses them here).")
    publisher_note: Text | None = Field(
        default=None,
        description="Our note about the publisher, shown in brackets after its name: the agency whose report "
        "it carries, whom it quotes, its edition or country ('quoting a news agency'). Our own words, in both "
        "languages, without brackets.")
    title: Line | None = Field(
        default=None,
        description="The title or headline, as published, in its own language. When it was not recorded, "
        "leave it out and write `untitled:` instead.")
    untitled: Text | None = Field(
        default=None,
        description="In place of `title`, when the source's own title was not recorded: what the page is, in "
        "our own words, in both languages, without brackets (the site shows it in brackets, so that no "
        "reader takes it for a headline).")
    date: datetime.date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    accessed: datetime.date | None = Field(
        default=None,
        description="For an undated reference page (an encyclopedia, a gazetteer): the day we read it.",
    )
    url: Url = Field(description="Where to read it: the publisher's own page, or an archive of it.")
    via: Text | None = Field(
        default=None,
        description="When the URL is a copy on another site (an aggregator, a mirror of an encyclopedia): "
        "the site we read it on, so that readers know they are not at the publisher's own page. Our own "
        "words, in both languages (`en:` and `ar:`); the site's name as it writes it.",
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = Field(
        description="Two-letter code of the source's language: en, ar, fr, ru..."
    )
    supports: Line | None = Field(
        default=None,
        description="A short quotation from the source, read on the page itself, verbatim. When what we read "
        "is not words to quote (a data record, a map layer), leave it out and write `supports_note:` instead. "
        "One of the two is required: a source with nothing read in it cannot back a statement.")
    supports_note: Text | None = Field(
        default=None,
        description="In place of `supports`, when what we read is not words to quote: what the source holds "
        "that backs our statements, in our own words, in both languages.")
    reconstructed: bool = Field(
        default=False,
        description="`true` when the `supports` text was not read on the page itself but pieced together "
        "from elsewhere (the page's web address, a headline in a list, a search snippet). Such a source "
        "stays on the sources page, but the build refuses every citation of it: read the page and quote "
        "it in `supports` (then remove this line), or cite a source that says it.",
    )

    @model_validator(mode="after")
    def _dated_and_titled(self):
        # Readers judge a source by its date: an undated page at least says when we read it.
        if self.date is None and self.accessed is None:
            raise ValueError("has no date; add 'date:' (when it was published) or, for an undated "
                             "reference page, 'accessed:' (when we read it)")
        # Our description of an untitled page is in the reader's language; a title is the source's.
        if self.title is None and self.untitled is None:
            raise ValueError("has no title; add 'title:' (the headline as published) or, when it was not "
                             "recorded, 'untitled:' (what the page is, in our words, on an 'en:' and an 'ar:' line)")
        if self.title is not None and self.untitled is not None:
            raise ValueError("has both 'title:' and 'untitled:'; keep 'title:' when the headline is known, "
                             "else 'untitled:'")
        # A quotation stays in the source's language; a note of ours is in the reader's.
        if self.supports is None and self.supports_note is None:
            raise ValueError("has no 'supports:'; quote what we read on the page, or, when it is not words to "
                             "quote (a data record), write 'supports_note:' on an 'en:' and an 'ar:' line")
        if self.supports is not None and self.supports_note is not None:
            raise ValueError("has both 'supports:' and 'supports_note:'; keep 'supports:' for a quotation "
                             "read on the page, else 'supports_note:'")
        return self

    @field_validator("title")
    @classmethod
    def _not_bracketed(cls, title: str | None) -> str | None:
        # Brackets were how a title said it was our words; those words now need both languages.
        if title is not None and title.startswith("[") and title.endswith("]"):
            raise ValueError("is in brackets, so it is our words, not the headline; write it under "
                             "'untitled:' instead, without the brackets, on an 'en:' and an 'ar:' line")
        return title

    def shown_supports(self, lang: str) -> tuple[str, str]:
        """What we read in the source on a page in `lang`, and its language: the quotation as
        published, or our note in the page's language."""
        if self.supports_note is not None:
            return getattr(self.supports_note, lang), lang
        return self.supports, self.language

    def shown_title(self, lang: str) -> tuple[str, str]:
        """What stands for the source's title on a page in `lang`, and its language: the title as
        published, or our description of the page in the page's language, in brackets."""
        if self.untitled is not None:
            return f"[{getattr(self.untitled, lang)}]", lang
        return self.title, self.language


class Site(Model):
    """A publisher's own web site, or an archive of other sites' pages. A source read anywhere
    else is a copy, and says so with `via:`; the build checks it (data_in/source_urls.py)."""

    host: Annotated[str, Field(pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")] = Field(
        description="The host name, lower case, without www.; its subdomains belong to it too "
        "(example.org covers english.example.org).")
    publisher: Line | None = Field(
        default=None,
        description="Whose site it is, as the `publisher` of its sources begins: 'Example TV' "
        "covers 'Example TV (تلفزيون المثال)'. Leave it out for an archive.")
    archive: bool = Field(default=False, description="An archive of other sites' pages (web.archive.org): "
                          "a page of any publisher may be read there.")

    @model_validator(mode="after")
    def _whose(self):
        if self.host.startswith("www."):
            raise ValueError("write the host without 'www.' (it covers www. and every other subdomain)")
        if (self.publisher is None) != self.archive:
            raise ValueError("name the site's publisher, or mark it 'archive: true' (one of the two)")
        return self


class SourcesFile(Model):
    """The list of sources, in the order they are numbered on the site."""

    sites: list[Site] = Field(
        default_factory=list,
        description="The publishers' own sites and the archives that source URLs may point to; "
        "a URL on any other host is a copy, and its source needs `via:`.")
    sources: list[Source] = Field(description="Every source the publication cites.")

