"""`python -m explainer check`: the state of a publication without publishing it: every problem
the build would refuse (located), and a table of what is translated, written and cited.

`check` runs the build's own stages with the build's own rules, so that it finds exactly what
the build refuses: first the data and the pages (`validate`, the build's first stage, in the
same mode), then, when those pass, the real site build into a throw-away folder with every gate
over the built HTML (links, anchors, other hosts).

Exit status: 0 when the publication can be published; 1 on any problem. Without `--draft` the
mode is a normal build's, which refuses work left (texts still TODO, statements without a
source, todo() in pages); `--draft` checks as a draft build does, which accepts it. `--quick`
stops after the data and the pages (it says that the built site was not checked).
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..data_in.dataset import Dataset, load_dataset
from ..data_in.load import read_text
from ..languages import LANGUAGES
from ..pages_out.render import validate
from ..problems.errors import AuthorErrors, Problem
from ..site_built.publish import BuildLock
from .progress import Progress, measure


def run_check(project: Path, draft: bool, quick: bool) -> int:
    with BuildLock(project):
        data, problems = data_and_page_problems(project, draft)
        progress = _progress(project, data, draft)
    if progress is not None:
        print(progress.table())
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        advice = "fix them and run again"
        if not draft and progress is not None and not progress.complete:
            advice = ("some are work left (texts still TODO, statements without a source); fix them and run "
                      "again, or run `check --draft` while the publication is a draft")
        print(f"{len(problems)} problem(s); {advice}", file=sys.stderr)
        return 1
    state = " (a draft: the work left is shown above)" if progress is not None and not progress.complete else ""
    if quick:
        print(f"data/ and content/ are valid{state}; the built site was not checked (run without --quick)")
        return 0
    from .site_build import build_and_check
    status, lines = build_and_check(project, draft)
    if status != 0:
        for line in lines:
            print(line, file=sys.stderr)
        print("the site build failed; fix them and run again", file=sys.stderr)
        return 1
    print(f"data/, content/ and the built site are valid{state}")
    return 0


def data_and_page_problems(project: Path, draft: bool) -> tuple[Dataset | None, list[Problem]]:
    """The problems the build's first stage refuses: the build's own function, in its mode."""
    try:
        data, _ = validate(project, draft)
    except AuthorErrors as errors:
        return None, list(errors.problems)
    return data, []


def _progress(project: Path, data: Dataset | None, draft: bool) -> Progress | None:
    """The table of work done and left. A normal build stops at the work left, so the table is
    then counted from a draft's reading of the data; none when even that has problems."""
    if data is None and not draft:
        try:
            data = load_dataset(project, draft=True)
        except AuthorErrors:
            return None
    return None if data is None else measure(data, _page_texts(project))


def _page_texts(project: Path) -> dict[str, str]:
    texts = {}
    for lang in LANGUAGES:
        for page in sorted((project / "content" / lang).rglob("*.md")):
            text = read_text(project, page.relative_to(project).as_posix())
            if isinstance(text, str):
                texts[f"{lang}/{page.relative_to(project / 'content' / lang).as_posix()}"] = text
    return texts
