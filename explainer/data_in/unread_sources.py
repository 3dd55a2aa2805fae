"""A statement rests only on what was read: a source marked `reconstructed: true` (its
`supports` text pieced together from its address, a headline list or a search snippet, not
read on the page) stays on the sources page, but no statement may cite it. A source with no
`supports` at all is already refused by the schema, at the source."""
from __future__ import annotations

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .load import YamlDocument
from .references import source_references


def unread_message(source_id: str, where: str) -> str:
    """What is wrong with citing an unread source, and the two ways out (shared with the macros)."""
    return (f"cites source '{source_id}', whose 'supports' text was not read on its page "
            f"(reconstructed: true, {where}); read the page and quote it in 'supports', then remove "
            "'reconstructed', or cite a source that says it")


def check_unread_sources(docs: dict[str, YamlDocument], sources,
                         further: list[dict[str, YamlDocument]] = ()) -> list[Problem]:
    """A located problem at every citation of a source marked `reconstructed`, in `docs` and
    in each further report's files: the citation is what the author changes, unless they go
    and read the page."""
    sources_doc = docs["sources"]
    unread = {}
    for index, source in enumerate(sources.sources):
        if source.reconstructed:
            line, _, _ = locate(sources_doc.tree, ["sources", index, "reconstructed"])
            unread[source.id] = f"{sources_doc.path} line {line}"
    if not unread:
        return []
    problems = []
    for doc, path, value in (found for group in (docs, *further) for found in source_references(group)):
        if isinstance(value, str) and value in unread:
            line, column, _ = locate(doc.tree, path)
            problems.append(Problem(doc.path, line, column, format_field(path), unread_message(value, unread[value])))
    return problems
