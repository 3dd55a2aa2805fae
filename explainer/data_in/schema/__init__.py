"""The data model: one pydantic model a file, each field documented for authors.

`FILES` says which YAML file holds which model, so that the loader, the validator and the
README agree on one list.
"""
from .actors import ActorsFile
from .alignment import AlignmentFile
from .claims import ClaimsFile
from .corrections import CorrectionsFile
from .event import Event
from .glossary import GlossaryFile
from .map import MapFile
from .names import NamesFile
from .places import PlacesFile
from .report import Report
from .roadmap import RoadmapFile
from .sources import SourcesFile
from .timeline import TimelineFile

FILES = {
    "event": ("data/event.yaml", Event),
    "report": ("data/report.yaml", Report),
    "roadmap": ("data/roadmap.yaml", RoadmapFile),
    "glossary": ("data/glossary.yaml", GlossaryFile),
    "actors": ("data/actors.yaml", ActorsFile),
    "places": ("data/places.yaml", PlacesFile),
    "timeline": ("data/timeline.yaml", TimelineFile),
    "sources": ("data/sources.yaml", SourcesFile),
    "names": ("data/names.yaml", NamesFile),
    "claims": ("data/claims.yaml", ClaimsFile),
    "map": ("data/map.yaml", MapFile),
    "alignment": ("data/alignment.yaml", AlignmentFile),
    "corrections": ("data/corrections.yaml", CorrectionsFile),
}

OPTIONAL = {"map", "alignment", "corrections"}
"""Kinds a publication may leave out (a report with no places to map has no data/map.yaml; one
not aligned yet has no data/alignment.yaml; one never corrected needs no data/corrections.yaml)."""

PER_REPORT = ("report", "claims", "event", "roadmap", "alignment")
"""Kinds that belong to one report of a collection; the others (actors, places, sources...) are
shared by every report. The first report's live in data/, each further report's in
data/reports/<id>/ (see dataset.ReportData)."""
