"""A page's front matter: the `---` lines at the top of a content page, which MkDocs reads as
the page's metadata. We read one field, `description:`, the page's own summary for search
engines and link previews (`<meta name="description">`, Open Graph); without it every page
would carry the same site description.

The front matter is checked here, with the engine's YAML reader (so a tag, an alias or a typo
gives a located line, where MkDocs would silently drop the whole block), and kept out of
Jinja: its lines are blanked in the text Jinja renders, so that every line number of the page
stays the file's own, and the block is put back, as written, above the rendered page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..data_in.gaps import is_todo
# The YAML tree builder of data files (positions kept, tags and aliases refused).
from ..data_in.load import Parser, _build, _Refused
from ..problems.errors import Problem

# MkDocs' own pattern (mkdocs/utils/meta.py): what it reads as front matter, we check.
_BLOCK = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
FIELDS = ("description",)


@dataclass(frozen=True)
class FrontMatter:
    block: str = ""
    """The front matter as written, from the first '---' to the closing one; '' when none."""
    description: str | None = None
    declared: bool = False
    """Whether the block has a `description:` field (right or wrong: a wrong one is reported where it is)."""

    def blanked(self, text: str) -> str:
        """The page with its front matter lines emptied, for Jinja."""
        return "\n" * self.block.count("\n") + text[len(self.block):]

    def restored(self, rendered: str) -> str:
        """The rendered page without the blank lines `blanked` left at its top."""
        blank = "\n" * self.block.count("\n")
        return rendered[len(blank):] if blank and rendered.startswith(blank) else rendered


def read_front_matter(text: str, path: str, draft: bool = False) -> tuple[FrontMatter, list[Problem]]:
    """The front matter of one page and its problems (a page without any has none here:
    `check_descriptions` decides whether it needs one)."""
    match = _BLOCK.match(text)
    if not match:
        if text.startswith("---"):
            return FrontMatter(), [Problem(path, 1, 1, "", "front matter without its closing '---' line; "
                                           "end the block with a line of three hyphens")]
        return FrontMatter(), []
    front = FrontMatter(block=match.group(0), declared=True)  # until read: its problem is reported instead
    try:
        tree = _build(yaml.parse(match.group(1), Loader=Parser))
    except _Refused as refused:
        return front, [Problem(path, refused.line + 1, refused.column, "", refused.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        return front, [Problem(path, line, (mark.column + 1) if mark else 1, "",
                               f"invalid YAML in the front matter: {error.problem or error.context}; fix the syntax here")]
    if not isinstance(tree, dict):
        return front, [Problem(path, 2, 1, "", "front matter is not a list of fields; "
                               "write 'description: one or two sentences about this page'")]
    problems = []
    for key in tree:
        if key not in FIELDS:
            line, column = tree.lc.key(key)
            problems.append(Problem(path, line + 2, column + 1, str(key), "unknown field in the front matter; "
                                    f"a page's front matter holds only {', '.join(FIELDS)}"))
    description = tree.get("description")
    if "description" in tree:
        line, column = tree.lc.value("description")
        where = (path, line + 2, column + 1, "description")
        if not isinstance(description, str) or not description.strip():
            problems.append(Problem(*where, "expected a sentence or two about this page, found "
                                    f"{'nothing' if description in (None, '') else type(description).__name__}; "
                                    "write the page's summary (quote it if it holds a colon)"))
            description = None
        elif is_todo(description) and not draft:
            problems.append(Problem(*where, "is still TODO; write the page's summary (only a draft build accepts TODO)"))
    return FrontMatter(front.block, description.strip() if isinstance(description, str) else None,
                       "description" in tree), problems


def check_descriptions(fronts: dict[str, FrontMatter], content_dir: str) -> list[Problem]:
    """Once one page of the publication has a description, every page needs one: a page
    without would fall back to the site's description, the same on every page. (A publication
    with none at all, such as a new draft, gets the site description everywhere.)"""
    if not any(front.description for front in fronts.values()):
        return []
    return [Problem(f"{content_dir}/{key}", 1, 1, "description",
                    "this page has no description; start the file with three lines: '---', "
                    "'description: one or two sentences about this page', '---'")
            for key, front in sorted(fronts.items()) if not front.declared]
