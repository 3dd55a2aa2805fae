"""data/actors.yaml: people, parties, forces and institutions the report names or implies."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import CitedText, Id, Model, Text

ActorKind = Literal["person", "armed-group", "government", "military", "state", "organisation", "media"]


class Actor(Model):
    """One actor: who they are in neutral words, and how the report refers to them."""

    id: Id = Field(description="Anchor of the entry on the actors page: #actor-<id>.")
    name: Text = Field(description="The actor's name, spelt as in data/names.yaml.")
    kind: ActorKind = Field(description="What sort of actor this is.")
    description: CitedText = Field(description="Who they are, in neutral words, with sources.")
    in_report: Text = Field(description="How the report refers to them, quoting its words.")


class ActorsFile(Model):
    """The actors, in the order shown on the site."""

    actors: list[Actor] = Field(description="The actors.")
