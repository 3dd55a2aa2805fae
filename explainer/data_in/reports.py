"""Where a collection's further reports live: one folder each, data/reports/<id>/, holding that
report's own files (report, claims and event; roadmap and alignment when it has them). The first
report's files are data/ itself, as in a one-report publication, which needs no such folder."""
from __future__ import annotations

import re
from pathlib import Path

from ..problems.errors import Problem
from .schema import OPTIONAL, PER_REPORT

REPORTS_DIR = "data/reports"
REPORT_ID = re.compile(r"[a-z0-9-]+")
"""A further report's id, which is its folder's name and its pages' folder in the site."""


def report_files(report_id: str) -> dict[str, str]:
    """A further report's data files by kind, relative to the project (those it may have)."""
    return {kind: f"{REPORTS_DIR}/{report_id}/{kind}.yaml" for kind in PER_REPORT}


def is_optional(kind: str) -> bool:
    """A report's file it may leave out: as for the first report, and the roadmap too (not
    every report lists numbered points)."""
    return kind in OPTIONAL or kind == "roadmap"


def find_reports(project: Path) -> tuple[list[str], list[Problem]]:
    """The further reports' ids, by folder name, and a problem for each folder whose name is no
    report id (a typo there would silently leave a report out)."""
    folder = project / REPORTS_DIR
    if not folder.is_dir():
        return [], []
    ids, problems = [], []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue  # editors' and systems' files (.DS_Store): no report
        if REPORT_ID.fullmatch(entry.name):
            ids.append(entry.name)
        else:
            problems.append(Problem(f"{REPORTS_DIR}/{entry.name}", 1, 1, "",
                                    f"'{entry.name}' is not a report id (lowercase letters a-z, digits and '-'); "
                                    "rename the folder, e.g. to the report's id in lowercase"))
    return ids, problems


def existing_files(project: Path, report_id: str) -> dict[str, str]:
    """The report's files to read: every required one (a missing one is then a located problem),
    and the optional ones it has."""
    return {kind: path for kind, path in report_files(report_id).items()
            if not is_optional(kind) or (project / path).exists()}

