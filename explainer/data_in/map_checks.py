"""The locator map's data: the boundary file is readable and names the areas labelled, and
every place meant for the map lies inside its frame."""
from __future__ import annotations

import json
from pathlib import Path

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .load import YamlDocument


def load_boundaries(project: Path, map_doc: YamlDocument, map_model) -> tuple[dict | None, list[Problem]]:
    """The boundary data (features with rings of [longitude, latitude]), or a located problem."""
    line, column, _ = locate(map_doc.tree, ["boundaries"])
    try:
        data = json.loads((project / map_model.boundaries).read_text(encoding="utf-8"))
        features = data["features"]
        for feature in features:
            assert isinstance(feature["name"], str) and isinstance(feature["country"], str)
            for ring in feature["rings"]:
                assert all(len(point) == 2 and all(isinstance(v, (int, float)) for v in point) for point in ring)
    except (OSError, ValueError, KeyError, TypeError, AssertionError, RecursionError):  # nested past Python's stack
        return None, [Problem(map_doc.path, line, column, "boundaries", f"{map_model.boundaries} is missing or not "
                              "boundary data; run `.venv/bin/python tools/build_map_data.py` to write it")]
    return data, []


def check_map(map_doc: YamlDocument, map_model, places_doc: YamlDocument, places, boundaries: dict) -> list[Problem]:
    """A place outside the frame, or an area the boundary data does not have."""
    problems = []
    frame = map_model.frame
    for index, place in enumerate(places.places):
        if not place.on_map:
            continue
        for field, value, low, high in (("latitude", place.latitude, frame.south, frame.north),
                                        ("longitude", place.longitude, frame.west, frame.east)):
            if not low <= value <= high:
                line, column, _ = locate(places_doc.tree, ["places", index, field])
                problems.append(Problem(places_doc.path, line, column, format_field(["places", index, field]),
                                        f"{value} is outside the map's frame ({low} to {high}, data/map.yaml); "
                                        "check the coordinates, widen the frame, or set 'on_map: false'"))
    names = {f["name"] for f in boundaries["features"]}
    countries = {f["country"] for f in boundaries["features"]}
    for index, area in enumerate(map_model.areas):
        if area.feature is not None and area.feature not in names:
            line, column, _ = locate(map_doc.tree, ["areas", index, "feature"])
            problems.append(Problem(map_doc.path, line, column, format_field(["areas", index, "feature"]),
                                    f"'{area.feature}' is not in {map_model.boundaries}; use one of its names"))
        if area.country is not None and area.country not in countries:
            line, column, _ = locate(map_doc.tree, ["areas", index, "country"])
            problems.append(Problem(map_doc.path, line, column, format_field(["areas", index, "country"]),
                                    f"'{area.country}' is not in {map_model.boundaries}; add it to 'countries:' "
                                    "and run tools/build_map_data.py"))
    return problems
