"""The build's date, reproducible: two builds of the same commit give identical files."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

_ours: str | None = None  # the value set_source_date last put in the environment, if any


def set_source_date(project: Path, newest_in_data: int) -> None:
    """MkDocs dates the sitemap by the clock unless SOURCE_DATE_EPOCH is set: set it to the
    last commit's time (or, outside git, the newest date in the data). A value the caller set
    is kept; one this process set for an earlier build is worked out again, since the variable
    stays in the environment: `serve` would otherwise date every rebuild by the commit it
    started on, and a process that builds several projects each by the first one's date."""
    global _ours
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given and given != _ours:
        return
    try:
        stamp = subprocess.run(["git", "-C", str(project), "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    _ours = os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else str(newest_in_data)


def source_date() -> int:
    """The build's date (SOURCE_DATE_EPOCH, as set_source_date leaves it), in seconds."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)
