"""The whole publication's citation for reference managers, written into the built site beside
the open data: data/cite.bib (biblatex) and data/cite.json (CSL-JSON), one entry per language,
linked from the about page (pages_out/citation.py). Built from mkdocs.yml (each language's
site_name, site_url) and the masthead's publisher and first edition, when they are set: a field
we do not have is left out, never guessed."""
from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from pathlib import Path

# biblatex's names for the languages of `langid` (babel/polyglossia).
_LANGID = {"en": "english", "ar": "arabic"}
# Characters that mean something to TeX, each as TeX writes the character itself.
_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
        "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


@dataclass(frozen=True)
class Edition:
    """One language's edition of the publication."""
    lang: str
    title: str
    url: str  # the address of its home page


def editions(site_names: dict[str, str], folders: dict[str, str], site_url: str) -> list[Edition]:
    """Each language built, in the order of `folders`, with its title and address."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return [Edition(lang, site_names[lang], base + (f"{folder}/" if folder else ""))
            for lang, folder in folders.items() if lang in site_names]


def write_citation_files(site: Path, key: str, found: list[Edition], publisher: str,
                         published: datetime.date | None) -> None:
    """Write data/cite.bib and data/cite.json (before the gates, which check the links to them)."""
    folder = site / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cite.bib").write_text(bibtex(key, found, publisher, published), encoding="utf-8")
    items = csl_json(key, found, publisher, published)
    (folder / "cite.json").write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _key(key: str, edition: Edition, first: bool) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", key if first else f"{key}-{edition.lang}")


def bibtex(key: str, found: list[Edition], publisher: str, published: datetime.date | None) -> str:
    """One @online entry a language (biblatex; Zotero, JabRef and BibDesk read it)."""
    entries = []
    for index, edition in enumerate(found):
        fields = [("title", "{" + _tex(edition.title) + "}")]  # braces keep its capitals
        if publisher:
            fields.append(("organization", _tex(publisher)))
        if published:
            fields.append(("date", published.isoformat()))
        fields.append(("url", edition.url))
        fields.append(("langid", _LANGID.get(edition.lang, edition.lang)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        entries.append(f"@online{{{_key(key, edition, index == 0)},\n{body}\n}}\n")
    return "\n".join(entries)


def csl_json(key: str, found: list[Edition], publisher: str, published: datetime.date | None) -> list[dict]:
    """One CSL-JSON item a language (the format of Zotero, Pandoc and citeproc)."""
    items = []
    for index, edition in enumerate(found):
        item = {"id": _key(key, edition, index == 0), "type": "webpage", "title": edition.title,
                "URL": edition.url, "language": edition.lang}
        if publisher:
            item["publisher"] = publisher
        if published:
            item["issued"] = {"date-parts": [[published.year, published.month, published.day]]}
        items.append(item)
    return items


def _tex(text: str) -> str:
    return "".join(_TEX.get(character, character) for character in text)
