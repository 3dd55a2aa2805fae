"""data/timeline.yaml: dated events before and after the report."""
from __future__ import annotations

import datetime

from pydantic import Field

from .base import CitedText, Id, Model


class TimelineEntry(CitedText):
    """One dated event, told in both languages, with its sources."""

    id: Id = Field(description="Anchor of the entry on the timeline page: #time-<id>.")
    date: datetime.date = Field(description="When it happened, YYYY-MM-DD (the first day).")
    end_date: datetime.date | None = Field(default=None, description="Last day, for spans.")
    is_report_day: bool = Field(default=False, description="True for the day the report covers.")


class TimelineFile(Model):
    """The timeline, in date order."""

    entries: list[TimelineEntry] = Field(description="The entries, oldest first.")
