"""Prove that the report's Arabic, as recorded sentence by sentence, is the source text.

Two checks: the copy of the source still has its recorded SHA-256 (so nobody edits it), and
the sentences joined with their recorded separators equal that copy byte for byte (so no
character was changed, added or dropped in data/report.yaml).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..problems.errors import Problem
from ..problems.locate import format_field, line_and_column, locate
from .schema.report import Report


def joined_text(report: Report) -> list[tuple[str, tuple, str]]:
    """The report as (text, path in report.yaml, field) pieces, in source order."""
    pieces: list[tuple[str, tuple, str]] = []
    for p_index, paragraph in enumerate(report.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            path = ("paragraphs", p_index, "sentences", s_index)
            pieces.append((sentence.ar, path, "ar"))
            if s_index < len(paragraph.sentences) - 1:
                pieces.append((sentence.followed_by, path, "followed_by"))
        if p_index < len(report.paragraphs) - 1:
            pieces.append((paragraph.followed_by, ("paragraphs", p_index), "followed_by"))
    pieces.append((report.ends_with, (), "ends_with"))
    return pieces


def check_source(project: Path, report: Report, tree, yaml_path: str) -> list[Problem]:
    """Return the problems with the source copy and with the sentences recorded for it."""
    source_file = project / report.file
    try:
        data = source_file.read_bytes()
    except OSError:
        line, column, _ = locate(tree, ["file"])
        return [Problem(yaml_path, line, column, "file", f"{report.file} cannot be read; restore the copy of the source text")]
    problems = []
    digest = hashlib.sha256(data).hexdigest()
    if digest != report.sha256:
        line, column, _ = locate(tree, ["sha256"])
        problems.append(Problem(
            yaml_path, line, column, "sha256",
            f"{report.file} has changed (its SHA-256 is now {digest}); the source must stay as received: "
            f"restore it from the original, do not update this hash",
        ))
    source = data.decode("utf-8", errors="replace")
    mismatch = _first_mismatch(source, joined_text(report))
    if mismatch:
        problems.append(_mismatch_problem(report, tree, yaml_path, source, *mismatch))
    return problems


def _first_mismatch(source: str, pieces):
    """Find the first piece whose text differs from the source at its offset."""
    offset = 0
    for text, path, field in pieces:
        expected = source[offset:offset + len(text)]
        if expected != text:
            differ = next((i for i, (a, b) in enumerate(zip(text, expected, strict=False)) if a != b), min(len(text), len(expected)))
            return offset + differ, text, differ, path, field
        offset += len(text)
    if offset != len(source):
        return offset, "", 0, pieces[-1][1], pieces[-1][2]
    return None


def _mismatch_problem(report, tree, yaml_path, source, at, text, differ, path, field) -> Problem:
    line, column, _ = locate(tree, [*path, field])
    source_line, source_column = line_and_column(source, at)
    has = text[max(0, differ - 12):differ + 12]
    wanted = source[max(0, at - 12):at + 12]
    return Problem(
        yaml_path, line, column, format_field([*path, field]),
        f"differs from {report.file} at its line {source_line}, column {source_column}: "
        f"the source has {wanted!r} where this has {has!r}; copy the text from the source exactly",
    )
