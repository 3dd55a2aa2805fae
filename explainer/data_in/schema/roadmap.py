"""data/roadmap.yaml: the points of the factions' proposal, each tied to its sentence."""
from __future__ import annotations

from pydantic import Field

from .base import CitedText, Id, Model, Text


class Point(Model):
    """One point of the roadmap, explained."""

    id: Id = Field(description="Anchor on the roadmap page: #point-<id>.")
    number: int = Field(ge=1, description="Its number, in the report's order (1, 2, 3...).")
    sentence: Id = Field(description="Id of the point's sentence in data/report.yaml.")
    title: Text = Field(description="A short title for the point.")
    explanation: CitedText | None = Field(default=None, description="What the point meant.")
    outcome: CitedText | None = Field(default=None, description="What became of it.")


class RoadmapFile(Model):
    """The roadmap: what it is called and its points."""

    title: Text = Field(description="What the document is called, in each language.")
    points: list[Point] = Field(description="The points, in order (none, for a report without a list).")
