"""JSON Schemas of the data files, generated from the pydantic models so they cannot drift.

They live in data/schema/, one per data file, and each data file names its schema in its
first line (`# yaml-language-server: $schema=schema/report.schema.json`), so that an editor
with a YAML language server (VS Code's YAML extension, Neovim, Helix...) completes field
names and flags mistakes while the author types. The check refuses a missing or outdated
schema; `python -m explainer schema` writes the schemas and gives a data file that lacks it
its first line.
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

from ..problems.errors import Problem
from .reports import find_reports, report_files
from .schema import FILES, OPTIONAL

SCHEMA_DIR = "data/schema"


def schema_file(kind: str) -> str:
    """Where the schema of a kind of data lives, relative to the project."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def header_line(kind: str, data_file: str | None = None) -> str:
    """The first line of a data file: its schema, for YAML language servers, relative to the
    file's folder (data/, or a further report's data/reports/<id>/)."""
    folder = Path(data_file or FILES[kind][0]).parent
    relative = Path(os.path.relpath(schema_file(kind), folder)).as_posix()
    return f"# yaml-language-server: $schema={relative}"


@functools.cache
def _schema_texts() -> tuple[tuple[str, str], ...]:
    """Generated once a process: the models do not change while it runs (a `serve` reloads
    the engine's modules only by restarting)."""
    texts = {}
    for kind, (path, model) in FILES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "description": f"{path}: {model.__doc__.strip().splitlines()[0] if model.__doc__ else kind}",
                  **model.model_json_schema()}
        texts[schema_file(kind)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return tuple(texts.items())


def schema_texts() -> dict[str, str]:
    """The text of every schema file, by its path relative to the project."""
    return dict(_schema_texts())


def write_schemas(project: Path) -> list[str]:
    """Write (or refresh) the schema files, and name each in its data file's first line;
    return the files that changed."""
    changed = []
    further = [(kind, path) for report_id in find_reports(project)[0] for kind, path in report_files(report_id).items()]
    for kind, path in [(kind, path) for kind, (path, _) in FILES.items()] + further:
        data_file = project / path
        if data_file.is_file():
            text = data_file.read_text(encoding="utf-8")
            if not text.startswith(header_line(kind, path)):
                data_file.write_text(f"{header_line(kind, path)}\n{text}", encoding="utf-8")
                changed.append(path)
    for relative, text in schema_texts().items():
        target = project / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(relative)
    return changed


def check_schemas(project: Path) -> list[Problem]:
    """Problems: a schema file missing or not what the models give."""
    problems = []
    further = [report_files(report_id) for report_id in find_reports(project)[0]]
    for kind, (path, _) in FILES.items():
        relative, text = schema_file(kind), schema_texts()[schema_file(kind)]
        target = project / relative
        used = (project / path).exists() or any((project / files[kind]).exists() for files in further if kind in files)
        if kind in OPTIONAL and not used and not target.exists():
            # A kind the publication does not use needs no schema: an engine that adds an
            # optional kind must not break the publications made before it.
            continue
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            problems.append(Problem(relative, 1, 1, "", "is missing or out of date with explainer/data_in/schema/; "
                                    "run `python -m explainer schema` to write it (never edit it by hand)"))
    return problems
