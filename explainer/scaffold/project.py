"""Start a new publication from an Arabic news text: `python -m explainer new --source FILE
--into DIR` writes a complete draft that `mkdocs build` turns into a site at once.

The draft has the source (copied byte for byte, hashed), the report segmented into
paragraphs and sentences, a stub of every data file with each gap marked, the standard pages
in both languages, the JSON Schemas, a mkdocs.yml in draft mode that names the explainer
plugin, and a README for its authors. It holds no copy of the engine or its theme: both come
from the installed package, so upgrading the engine upgrades every publication.
"""
from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from ..data_in.json_schema import write_schemas
from ..languages import LANGUAGES
from .segment import Segmented, SegmentationError, segment
from .stubs import data_files, list_items

SOURCE_FILE = "data/source/article-ar.txt"
PAGES = ["index", "report", "claims", "roadmap", "timeline", "actors", "places", "glossary", "sources", "methods", "about", "corrections"]


class ScaffoldError(Exception):
    """The scaffold cannot start (it says why, and what to do)."""


def new_publication(source: Path, into: Path) -> list[str]:
    """Write the draft publication; return the files written, relative to `into`."""
    if into.exists() and any(into.iterdir()):
        raise ScaffoldError(f"{into} is not empty; give a new folder (nothing is overwritten)")
    raw, segmented = read_source(source)
    written: dict[str, str | bytes] = {SOURCE_FILE: raw}
    written.update(data_files(segmented, SOURCE_FILE, hashlib.sha256(raw).hexdigest()))
    pages = [page for page in PAGES if page != "roadmap" or list_items(segmented)]
    for lang in LANGUAGES:
        for page in pages:
            written[f"content/{lang}/{page}.md"] = page_text(lang, page)
    written["mkdocs.yml"] = _mkdocs_yml(pages)
    written["README.md"] = _readme(source.name)
    written["docs/.gitignore"] = "*\n!.gitignore\n"
    written[".gitignore"] = "site\n.site-builds/\n"
    write_files(into, written)
    write_schemas(into)
    return sorted([*written, "data/schema/"])


def read_source(source: Path) -> tuple[bytes, Segmented]:
    """The source's bytes, and its text segmented; ScaffoldError if it is no Arabic UTF-8 text."""
    try:
        raw = source.read_bytes()
    except OSError as error:
        raise ScaffoldError(f"{source}: cannot be read ({error.strerror}); give the path of a .txt file") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise ScaffoldError(f"{source}:{line}: not UTF-8 text (byte {error.start + 1}); save the file as UTF-8") from None
    if not any("\u0621" <= c <= "\u064a" for c in text):
        raise ScaffoldError(f"{source}: has no Arabic letters; give the Arabic text of the report")
    try:
        segmented = segment(text)
    except SegmentationError as error:
        raise ScaffoldError(f"{source}: {error}") from None
    return raw, segmented


def page_text(lang: str, page: str) -> str:
    """A standard page of the scaffold, in one language."""
    return resources.files(__package__).joinpath(f"pages/{lang}/{page}.md").read_text("utf-8")


def write_files(into: Path, written: dict[str, str | bytes]) -> None:
    for relative, content in written.items():
        target = into / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")


def _mkdocs_yml(pages: list[str]) -> str:
    template = resources.files(__package__).joinpath("mkdocs.yml.txt").read_text("utf-8")
    return template.replace("{nav}", "\n".join(f"  - {page}.md" for page in pages))


def _readme(source_name: str) -> str:
    template = resources.files(__package__).joinpath("README.md.txt").read_text("utf-8")
    return template.replace("{source_name}", source_name)
