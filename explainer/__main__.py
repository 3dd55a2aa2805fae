"""`python -m explainer check`: validate data/ and render content/ into docs/ without MkDocs,
printing every problem; the quick loop for authors and the engine's own command line."""
from __future__ import annotations

import sys
from pathlib import Path

from .pages_out.render import build_docs
from .problems.errors import AuthorErrors


def main(argv: list[str]) -> int:
    if argv[:1] != ["check"]:
        print("usage: python -m explainer check [PROJECT_DIR]", file=sys.stderr)
        return 2
    project = Path(argv[1] if len(argv) > 1 else ".")
    try:
        build_docs(project)
    except AuthorErrors as errors:
        for problem in errors.problems:
            print(problem, file=sys.stderr)
        print(f"{len(errors.problems)} problem(s); fix them and run again", file=sys.stderr)
        return 1
    print("data/ and content/ are valid; docs/ is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
