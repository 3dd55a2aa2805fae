"""Add a report's pages to the `nav:` of a publication's mkdocs.yml, editing its text.

The file is the authors' own, with their comments and MkDocs' tags (`!ENV`), which a YAML
load and dump would lose or rewrite: so the section is inserted as lines, and the result is
read back with MkDocs' own loader to prove that it still loads and holds the pages.
"""
from __future__ import annotations

import json
import re

from ruamel.yaml import YAML

REPORT_PAGE = re.compile(r"(?:^|[\s:/])(?:report|claims|roadmap)\.md\b")
"""A nav item that holds a report's pages: the new report's section goes after the last one."""


class NavError(Exception):
    """The nav could not be edited safely (the message says what to add by hand)."""


def with_report(text: str, report_id: str, pages: list[str]) -> str:
    """mkdocs.yml's text with a section titled by the report's id, listing its pages, added after
    the last report's pages in `nav:`; unchanged when there is no `nav:` (MkDocs then lists
    every page by itself)."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"nav:\s*(#.*)?$", line)), None)
    if start is None:
        return text
    end = start + 1  # the block: every line up to the next top-level key
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#"):
        end += 1
    items = [i for i in range(start + 1, end) if re.match(r"\s+- ", lines[i])]
    if not items:
        raise NavError(_by_hand("its nav: lists no page", report_id, pages))
    indent = re.match(r"\s*", lines[items[0]]).group(0)
    items = [i for i in items if re.match(rf"{indent}- ", lines[i])]  # top-level items only
    spans = [(first, _trimmed(lines, first, next_ or end)) for first, next_ in zip(items, [*items[1:], None])]
    after = next((last for first, last in reversed(spans) if REPORT_PAGE.search("".join(lines[first:last]))),
                 spans[-1][1])
    if after and not lines[after - 1].endswith("\n"):
        lines[after - 1] += "\n"
    section = [f"{indent}- {json.dumps(report_id)}:\n", *(f"{indent}    - {report_id}/{page}.md\n" for page in pages)]
    edited = "".join([*lines[:after], *section, *lines[after:]])
    try:
        nav = _load(edited).get("nav")
    except Exception as error:  # noqa: BLE001 - whatever the YAML says, the file must not be written
        raise NavError(_by_hand(f"it would not load after the edit ({error})", report_id, pages)) from None
    if {report_id: [f"{report_id}/{page}.md" for page in pages]} not in nav:
        raise NavError(_by_hand("the edit did not land in its nav:", report_id, pages))
    return edited


def _trimmed(lines: list[str], first: int, end: int) -> int:
    """The end of an item without the blank and comment lines below it (they introduce the next)."""
    while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    return end


def _by_hand(why: str, report_id: str, pages: list[str]) -> str:
    listed = ", ".join(f"{report_id}/{page}.md" for page in pages)
    return f"mkdocs.yml:1:1: nav: {why}; add a section '{report_id}' listing {listed} by hand"


def _load(text: str):
    """mkdocs.yml as YAML, its tags (!ENV, !relative) kept as tagged values: only the adapter
    may import MkDocs, and the nav needs no tag resolved."""
    return YAML(typ="rt").load(text) or {}
