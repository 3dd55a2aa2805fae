"""data/event.yaml: the event the report is about, in a few fields for the home page."""
from __future__ import annotations

import datetime

from pydantic import Field

from .base import NEEDS_VALUE, CitedText, Id, Model, Text


class Event(Model):
    """The event: the headline facts a reader gets in thirty seconds."""

    title: Text = Field(description="The publication's title.")
    date: datetime.date | None = Field(description="The day of the event, YYYY-MM-DD (null only in a draft).",
                                       json_schema_extra=NEEDS_VALUE)
    date_label: Text = Field(description="The day written out for readers ('Wednesday 4 July 2018').")
    place: Id | None = Field(description="Id of the place in data/places.yaml where it happened (null only in a draft).",
                             json_schema_extra=NEEDS_VALUE)
    summary: CitedText = Field(description="One paragraph: what happened, with sources.")
    one_line: Text | None = Field(default=None, description="One sentence saying what this report tells, for the "
                                  "list of reports on a collection's home page (the title stands in without it).")
    outlet: Text | None = Field(default=None, description="Who published the report, as a citation names it "
                                "(its name in each language); in a collection, a copied citation names each report "
                                "by its day and this. Leave it out when the outlet is not known.")
