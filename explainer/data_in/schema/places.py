"""data/places.yaml: every place named, with coordinates and where they come from."""
from __future__ import annotations

from pydantic import Field

from .base import NEEDS_SOURCE, CitedText, Id, Model, Text


class Place(Model):
    """One place on the map."""

    id: Id = Field(description="Anchor of the entry on the places page: #place-<id>.")
    name: Text = Field(description="The place's name, spelt as in data/names.yaml.")
    latitude: float = Field(ge=-90, le=90, description="Decimal degrees, north positive.")
    longitude: float = Field(ge=-180, le=180, description="Decimal degrees, east positive.")
    coordinates_cite: list[Id] = Field(
        description="Sources of the coordinates (ids in data/sources.yaml); at least one.",
        json_schema_extra=NEEDS_SOURCE,
    )
    on_map: bool = Field(default=True, description="False for a place far outside the map's frame (it is "
                         "then listed under the map with its distance and direction instead).")
    position: CitedText = Field(
        description="Where it lies relative to the main place of the story, with sources."
    )
    description: CitedText = Field(description="What the place is and why it matters here.")


class PlacesFile(Model):
    """The places, in the order shown on the site."""

    places: list[Place] = Field(description="The places.")
