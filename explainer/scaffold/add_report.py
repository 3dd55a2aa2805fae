"""Add a report to an existing publication: `python -m explainer new --source FILE.txt --report ID`
(inside it, or with `--into PUB`) writes a draft of the report that the next build shows.

It writes the report's own files in data/reports/<id>/ (the source copied byte for byte and
hashed, the report segmented with ids that start with the report's id, stubs of its claims and
its event), its two pages in each language under content/<lang>/<id>/, and a section for them in
mkdocs.yml's nav. Nothing is written unless all of it can be.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..data_in.dataset import FIRST_REPORT
from ..data_in.reports import REPORTS_DIR
from ..languages import LANGUAGES
from .nav import NavError, with_report
from .project import ScaffoldError, page_text, read_source, write_files
from .stubs import report_data_files

REPORT_PAGES = ["report", "claims"]
NEW_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""An id `new` gives a report: the loader's [a-z0-9-]+, without a hyphen at either end or doubled."""
RESERVED = {FIRST_REPORT, *LANGUAGES, "assets", "data", "search", "editions", "schema", "source", "reports"}
"""Ids that would collide with the first report's name or a folder of the site or of data/."""


def add_report(source: Path, project: Path, report_id: str) -> list[str]:
    """Write the report into the publication at `project`; return the files written, relative to it."""
    if not NEW_ID.fullmatch(report_id):
        raise ScaffoldError(f"--report: '{report_id}' is not a report id; use lowercase letters a-z, digits and "
                            "single hyphens inside (e.g. agreement or daraa-2018-07-06)")
    if report_id in RESERVED:
        raise ScaffoldError(f"--report: '{report_id}' is a name the site already uses; choose another id")
    config = project / "mkdocs.yml"
    for needed in (config, project / "data" / "report.yaml"):
        if not needed.is_file():
            raise ScaffoldError(f"{needed}: not found, so no publication is here; run this inside one, give its "
                                "folder with --into, or start one with new --source FILE --into NEW_FOLDER")
    folder = f"{REPORTS_DIR}/{report_id}"
    for taken in [folder, *(f"content/{lang}/{report_id}" for lang in LANGUAGES)]:
        if (project / taken).exists():
            raise ScaffoldError(f"{project / taken}: a report '{report_id}' already exists here; choose another id "
                                "(nothing is overwritten)")
    raw, segmented = read_source(source)
    source_file = f"{folder}/source/article-ar.txt"  # as the first report's data/source/article-ar.txt
    written: dict[str, str | bytes] = {source_file: raw}
    written.update(report_data_files(segmented, report_id, source_file, hashlib.sha256(raw).hexdigest()))
    for lang in LANGUAGES:
        for page in REPORT_PAGES:
            written[f"content/{lang}/{report_id}/{page}.md"] = page_text(lang, page)
    try:
        written["mkdocs.yml"] = with_report(config.read_text(encoding="utf-8"), report_id, REPORT_PAGES)
    except NavError as error:
        raise ScaffoldError(f"{config}{str(error).removeprefix('mkdocs.yml')}") from None
    except UnicodeDecodeError:
        raise ScaffoldError(f"{config}:1:1: not UTF-8 text; save it as UTF-8") from None
    write_files(project, written)
    return sorted(written)

