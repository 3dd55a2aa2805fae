"""Check that both languages of a page have the same sections, with the same anchors.

Every heading below the title carries an explicit id (`## What happened {#what-happened}`):
the id is shared by both languages, which is what lets the language switch land on the same
section, and what tells us a section was forgotten in one language.
"""
from __future__ import annotations

import re

from ..problems.errors import Problem
from ..languages import LANGUAGES

HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
EXPLICIT_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}\s*$")


def headings(text: str) -> list[tuple[int, str | None]]:
    """(line, id) of each section heading outside fenced code; id is None when it has none."""
    found, fenced = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        match = HEADING.match(line)
        if match and not fenced:
            anchor = EXPLICIT_ID.search(match.group(2))
            found.append((number, anchor.group(1) if anchor else None))
    return found


def check_sections(pages: dict[str, str], content_dir: str) -> list[Problem]:
    """A problem for each heading without an id, and each section missing from a twin.
    `pages` holds the authors' own text ('en/about.md' -> Markdown), before rendering."""
    problems = []
    first, second = LANGUAGES
    for key in sorted(pages):
        lang, page = key.split("/", 1)
        for line, anchor in headings(pages[key]):
            if anchor is None:
                problems.append(Problem(f"{content_dir}/{key}", line, 1, "",
                                        "section heading without an id; end it with {#an-id} shared by both languages"))
        if lang != first or f"{second}/{page}" not in pages:
            continue
        ids = {lng: {a: n for n, a in headings(pages[f"{lng}/{page}"]) if a} for lng in LANGUAGES}
        for lng, other in ((first, second), (second, first)):
            for anchor, line in ids[lng].items():
                if anchor not in ids[other]:
                    problems.append(Problem(f"{content_dir}/{other}/{page}", 1, 1, "",
                                            f"section '#{anchor}' ({content_dir}/{lng}/{page}:{line}) is missing here; "
                                            f"add it, translated, with the same id"))
    return problems
