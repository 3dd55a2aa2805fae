"""Read the YAML data files with ruamel.yaml's round-trip loader, which keeps every node's
line and column, so that later stages can point authors at the exact spot of a mistake."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem


@dataclass
class YamlDocument:
    """One data file: its path as authors see it (relative to the project) and its parsed tree."""

    path: str
    tree: Any


def load_yaml(project: Path, relative_path: str) -> YamlDocument | Problem:
    """Parse one file; a syntax error comes back as a located Problem instead of an exception."""
    file = project / relative_path
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Problem(relative_path, 1, 1, "", "file not found; create it (see README.md, 'Data files')")
    except UnicodeDecodeError as error:
        return Problem(relative_path, 1, 1, "", f"not UTF-8 text ({error.reason}); save it as UTF-8")
    try:
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or error.context or "unreadable"
        context = error.context_mark
        if error.context and context and error.problem:
            what += f" ({error.context} started at line {context.line + 1}, column {context.column + 1})"
        return Problem(relative_path, line, column, "", f"invalid YAML: {what}; fix the syntax here")
    except YAMLError as error:
        return Problem(relative_path, 1, 1, "", f"invalid YAML: {error}; fix the syntax")
    return YamlDocument(relative_path, tree)
