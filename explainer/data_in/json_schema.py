"""JSON Schemas of the data files, generated from the pydantic models so they cannot drift.

They live in data/schema/, one per data file, and each data file names its schema in its
first line (`# yaml-language-server: $schema=schema/report.schema.json`), so that an editor
with a YAML language server (VS Code's YAML extension, Neovim, Helix...) completes field
names and flags mistakes while the author types. The check refuses a missing or outdated
schema and a data file that does not name its own.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..problems.errors import Problem
from .schema import FILES

SCHEMA_DIR = "data/schema"


def schema_file(kind: str) -> str:
    """Where the schema of a kind of data lives, relative to the project."""
    return f"{SCHEMA_DIR}/{kind}.schema.json"


def header_line(kind: str) -> str:
    """The first line of a data file: its schema, for YAML language servers (relative to data/)."""
    relative = Path(schema_file(kind)).relative_to(Path(FILES[kind][0]).parent).as_posix()
    return f"# yaml-language-server: $schema={relative}"


def schema_texts() -> dict[str, str]:
    """The text of every schema file, by its path relative to the project."""
    texts = {}
    for kind, (path, model) in FILES.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                  "description": f"{path}: {model.__doc__.strip().splitlines()[0] if model.__doc__ else kind}",
                  **model.model_json_schema()}
        texts[schema_file(kind)] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return texts


def write_schemas(project: Path) -> list[str]:
    """Write (or refresh) the schema files; return those that changed."""
    changed = []
    for relative, text in schema_texts().items():
        target = project / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            changed.append(relative)
    return changed


def check_schemas(project: Path, first_lines: dict[str, str]) -> list[Problem]:
    """Problems: a schema file missing or not what the models give, a data file whose first
    line does not name its schema. `first_lines` holds each data file's first line, by kind."""
    problems = []
    for relative, text in schema_texts().items():
        target = project / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            problems.append(Problem(relative, 1, 1, "", "is missing or out of date with explainer/data_in/schema/; "
                                    "run `python -m explainer schema` to write it (never edit it by hand)"))
    for kind, line in first_lines.items():
        if line.strip() != header_line(kind):
            problems.append(Problem(FILES[kind][0], 1, 1, "", f"does not name its JSON Schema; make its first line "
                                    f"'{header_line(kind)}' (editors then check the file as you type)"))
    return problems
