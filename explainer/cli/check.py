"""`python -m explainer check`: the state of a publication without building it: every problem
in data/ and content/ (located), and a table of what is translated, written and cited.

Exit status: 0 when the publication can be published; 1 on any problem, or on work left
(texts still TODO, statements without a source) unless `--draft` says that work left is
expected. `--site` also builds the site into a throw-away folder and runs the site gates.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from ..data_in.dataset import load_dataset
from ..data_in.load import read_text
from ..pages_out.labels import LANGUAGES
from ..pages_out.render import render_pages
from ..problems.errors import AuthorErrors
from ..site_built.publish import BuildLock
from .progress import measure


def run_check(project: Path, draft: bool, site: bool) -> int:
    try:
        with BuildLock(project):
            data = load_dataset(project, draft=True)  # work left is counted, not a stop
            render_pages(project, data, "content")
    except AuthorErrors as errors:
        for problem in errors.problems:
            print(problem, file=sys.stderr)
        print(f"{len(errors.problems)} problem(s); fix them and run again", file=sys.stderr)
        return 1
    progress = measure(data, _page_texts(project))
    print(progress.table())
    if not progress.complete and not draft:
        left = [gap.problem() for gap in data.gaps]
        try:
            render_pages(project, dataclasses.replace(data, draft=False), "content")
        except AuthorErrors as errors:  # the todo() calls left in pages, at their lines
            left += errors.problems
        for problem in left:
            print(problem, file=sys.stderr)
        print(f"{len(left)} problem(s): work left (texts still TODO, statements without a source); "
              "fix them and run again, or run `check --draft` while the publication is a draft", file=sys.stderr)
        return 1
    if not site:
        print("data/ and content/ are valid" + (" (a draft: the work left is shown above)" if not progress.complete else ""))
        return 0
    from ..mkdocs_hook import build_and_check  # the site build is MkDocs' part
    status, lines = build_and_check(project, draft)
    if status != 0:
        for line in lines:
            print(line, file=sys.stderr)
        print("the site build failed; fix the problems above and run again", file=sys.stderr)
        return 1
    print("data/, content/ and the built site are valid")
    return 0


def _page_texts(project: Path) -> dict[str, str]:
    texts = {}
    for lang in LANGUAGES:
        for page in sorted((project / "content" / lang).rglob("*.md")):
            text = read_text(project, page.relative_to(project).as_posix())
            if isinstance(text, str):
                texts[f"{lang}/{page.relative_to(project / 'content' / lang).as_posix()}"] = text
    return texts
