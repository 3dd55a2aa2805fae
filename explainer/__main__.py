"""`python -m explainer check`: every check of data/, content/ and the built site, printing
every problem; the loop for authors and CI. `--quick` skips the site build (data and pages
only, in about a second)."""
from __future__ import annotations

import sys
from pathlib import Path

from .pages_out.render import build_docs
from .problems.errors import AuthorErrors
from .site_built.publish import BuildLock

USAGE = "usage: python -m explainer check [--quick] [PROJECT_DIR]"


def main(argv: list[str]) -> int:
    if argv[:1] != ["check"]:
        print(USAGE, file=sys.stderr)
        return 2
    options = [a for a in argv[1:] if a.startswith("-")]
    folders = [a for a in argv[1:] if not a.startswith("-")]
    if set(options) - {"--quick"} or len(folders) > 1:
        print(USAGE, file=sys.stderr)
        return 2
    project = Path(folders[0] if folders else ".")
    try:
        with BuildLock(project):
            build_docs(project)
    except AuthorErrors as errors:
        for problem in errors.problems:
            print(problem, file=sys.stderr)
        print(f"{len(errors.problems)} problem(s); fix them and run again", file=sys.stderr)
        return 1
    if "--quick" in options:
        print("data/ and content/ are valid; docs/ is up to date (site not built: --quick)")
        return 0
    from .mkdocs_hook import build_and_check  # the site build is MkDocs' part
    status, lines = build_and_check(project)
    if status != 0:
        for line in lines:
            print(line, file=sys.stderr)
        print("the site build failed; fix the problems above and run again", file=sys.stderr)
        return 1
    print("data/, content/ and the built site are valid; docs/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
