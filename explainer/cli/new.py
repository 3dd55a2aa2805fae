"""`python -m explainer new --source FILE.txt --into DIR`: start a draft publication."""
from __future__ import annotations

import sys
from pathlib import Path

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
