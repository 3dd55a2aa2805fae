"""data/map.yaml: the locator map: its frame, the reference place for distances, the
boundary data (drawn from a registry package by tools/build_map_data.py) and the areas named."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .base import NEEDS_SOURCE, Id, Line, Model, Text


class Frame(Model):
    """The map's edges in decimal degrees; every place with `on_map: true` must lie inside."""

    west: float = Field(ge=-180, le=180, description="Western edge (longitude).")
    east: float = Field(ge=-180, le=180, description="Eastern edge (longitude).")
    south: float = Field(ge=-90, le=90, description="Southern edge (latitude).")
    north: float = Field(ge=-90, le=90, description="Northern edge (latitude).")

    @model_validator(mode="after")
    def _ordered(self):
        if not (self.west < self.east and self.south < self.north):
            raise ValueError("needs west < east and south < north")
        return self


class Area(Model):
    """A label for an area of the boundary data: one province (`feature`, its Natural Earth
    name) or a whole country (`country`, its three-letter code)."""

    feature: Line | None = Field(default=None, description="The province's name in the boundary data.")
    country: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] | None = Field(default=None, description="A country code.")
    name: Text = Field(description="The label, in each language.")

    @model_validator(mode="after")
    def _one_target(self):
        if (self.feature is None) == (self.country is None):
            raise ValueError("names one area: give either 'feature:' or 'country:'")
        return self


class MapFile(Model):
    """The locator map."""

    title: Text = Field(description="The map's title (its accessible name).")
    description: Text = Field(description="What the map shows, for readers who cannot see it.")
    frame: Frame = Field(description="The edges of the map.")
    reference: Id = Field(description="The place (data/places.yaml) distances and directions are measured from.")
    countries: list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]] = Field(
        description="The countries whose provinces tools/build_map_data.py takes from the boundary data.")
    boundaries: Annotated[str, Field(pattern=r"^data/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+\.json$")] = Field(
        description="The boundary file tools/build_map_data.py writes (data/map/boundaries.json).")
    boundaries_cite: list[Id] = Field(description="The source of the boundary data.", json_schema_extra=NEEDS_SOURCE)
    areas: list[Area] = Field(default_factory=list, description="The areas labelled on the map.")
