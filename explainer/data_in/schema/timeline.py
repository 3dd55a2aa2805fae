"""data/timeline.yaml: dated events before and after the report."""
from __future__ import annotations

import datetime

from pydantic import Field, model_validator

from .base import CitedText, Id, Model


class TimelineEntry(CitedText):
    """One dated event, told in both languages, with its sources."""

    id: Id = Field(description="Anchor of the entry on the timeline page: #time-<id>.")
    date: datetime.date = Field(description="When it happened, YYYY-MM-DD (the first day).")
    end_date: datetime.date | None = Field(default=None, description="Last day, for spans.")
    is_report_day: bool = Field(default=False, description="True for the day the report covers.")
    dates_differ: bool = Field(default=False, description="True when sources disagree on the date: the entry "
                               "then runs from 'date' to 'end_date', the range of the dates they give, and says so.")

    @model_validator(mode="after")
    def _range(self):
        if self.dates_differ and self.end_date is None:
            raise ValueError("says the sources' dates differ: give their range, from 'date' to 'end_date'")
        if self.end_date is not None and self.end_date < self.date:
            raise ValueError("ends before it starts: 'end_date' comes after 'date'")
        return self


class TimelineFile(Model):
    """The timeline, in date order."""

    entries: list[TimelineEntry] = Field(description="The entries, oldest first.")
