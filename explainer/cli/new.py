"""`python -m explainer new --source FILE.txt --into DIR`: start a draft publication; with
`--report ID`, add a draft report to the publication here (or at `--into PUB`)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..scaffold.add_report import add_report
from ..scaffold.project import ScaffoldError, new_publication


def run_new(source: Path, into: Path) -> int:
    try:
        written = new_publication(source, into)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    for relative in written:
        print(f"wrote {into / relative}")
    print(f"A draft publication is in {into}: `cd {into} && mkdocs build` builds it now; "
          f"`python -m explainer check` shows the work left (see {into / 'README.md'}).")
    return 0


def run_new_report(source: Path, project: Path, report_id: str) -> int:
    """`new --source FILE --report ID [--into PUB]`: add a draft report to a publication."""
    try:
        written = add_report(source, project, report_id)
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    for relative in written:
        print(f"{'updated' if relative == 'mkdocs.yml' else 'wrote'} {project / relative}")
    print(f"Report '{report_id}' is a draft in {project / 'data/reports' / report_id}: `mkdocs build` shows it now "
          f"(its pages: {report_id}/report.html, {report_id}/claims.html); `python -m explainer check --draft` "
          f"counts its work left. Its section in mkdocs.yml's nav is titled '{report_id}': rename it if you like.")
    return 0
