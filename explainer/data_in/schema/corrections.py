"""data/corrections.yaml: the corrections log. Every change of substance made after the first
edition (the date `masthead.first_published` gives) is recorded here, in both languages, and the
site shows it: a corrections page, a dated mark at the place it concerns, the last-updated date.

Only real corrections belong here: a first edition has none, and the page says so.
"""
from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

from .base import Id, Model, Text


class Correction(Model):
    """One correction: what was wrong, what the publication says now, and why."""

    id: Id = Field(description="Anchor of the entry on the corrections page: #correction-<id>. "
                   "Never reused, never changed once published.")
    date: datetime.date = Field(description="The day the correction was published, YYYY-MM-DD.")
    target: Id = Field(description="The id of what it corrects: a sentence of the report ('p1-s2'), "
                       "a claim, a roadmap point, a timeline entry, an actor, a place, a glossary term "
                       "or a source.")
    kind: Literal["sentence", "claim", "point", "timeline", "actor", "place", "term", "source"] | None = Field(
        default=None, description="What kind of entry `target` names. Needed only when the id names "
        "entries of two kinds (an actor and a glossary term both called 'tansiqiyat'); the build says when.")
    wrong: Text = Field(description="What the publication said that was wrong, plainly (not "
                        "'clarified': say what was wrong).")
    now: Text = Field(description="What it says now.")
    why: Text = Field(description="Why it changed: the source or the reader's report that showed it.")


class CorrectionsFile(Model):
    """The corrections log, oldest first."""

    corrections: list[Correction] = Field(default_factory=list,
                                          description="The corrections, oldest first; empty until the "
                                          "first one.")
