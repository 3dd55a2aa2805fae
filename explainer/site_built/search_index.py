"""The search index, one per language, written from the built pages into search/<lang>.js.

Why our own and not Material's: Material's lunr index holds both languages in one file fetched
on every page load, matches Arabic by whole words only (no diacritics, alef or particle
folding) and points every result at a page, not at the sentence. Here each language gets a
script of its own, loaded only when a reader opens search (a script, not a fetch, so it works
from file:// too), whose results are the units a reader wants to land on: a section under
its heading, or an element the templates mark `data-search-target` (a sentence of the report,
a timeline entry, a source, a row of the claims ledger). Matching and Arabic normalisation
happen in the browser (overrides/assets/javascripts/search.js), in one place.

The index also carries the transliteration table (data/names.yaml): the script attaches a
name's other spellings, in both scripts, to every unit that contains the name, so a reader
who types a spelling we never use, or the Latin name on an Arabic page, still finds it.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .page_facts import parse

INDEX_FOLDER = "search"
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIPPED_TAGS = {"script", "style", "svg", "button", "template", "form", "fieldset", "nav", "noscript", "summary"}
# Markup that only labels or decorates: its text is noise in a snippet (controls, the toggles
# of closed notes, citation numbers, the heading permalink, the sentence's own tools line).
# The site's boilerplate is no result either: the home page's way-in buttons and download
# link, the editions' download line and the masthead.
_SKIPPED_CLASSES = {"headerlink", "cite", "sentence-tools", "visually-hidden", "appears-in",  # appears-in: links, not text
                    "way-in", "editions", "masthead"}
# A sentence of the report is shown as a pair, the Arabic original and our English: each
# language's index holds its own half, which the result's excerpt shows without the other run
# into it (a reader searching the other language has that language's index and pages).
_PAIRED_CLASSES = {"original", "translation"}
_BLOCKS = {"p", "div", "li", "td", "th", "tr", "dd", "dt", "br", "blockquote", "section", "figcaption",
           "ol", "ul", "dl", "table", "details", "summary"} | _HEADINGS


@dataclass
class Unit:
    """One search result: where it links to (#anchor, or the page top), its heading, its text."""
    anchor: str
    title: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class Units:
    """The units of one page's article, in document order: a listener of the one parse of a
    page (page_facts.parse)."""

    def __init__(self) -> None:
        self.lang = ""
        self.report = ""  # on a report's page of a collection: its label (the theme's meta tag)
        self.units: list[Unit] = []
        self.page_title = ""
        self._stack: list[tuple[str, str]] = []  # (tag, role): role is 'article', 'skip', 'target', 'heading' or ''
        # How many open elements have each tag and each role: asked on every tag and every run
        # of text, which a scan of the stack made a third of a cold build's index time.
        self._open_tags: Counter[str] = Counter()
        self._open_roles: Counter[str] = Counter()
        self._section: Unit | None = None
        self._targets: list[Unit] = []
        self._heading: Unit | None = None

    def _inside(self, role: str) -> bool:
        return self._open_roles[role] > 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag == "meta" and values.get("name") == "explainer-report":
            self.report = values.get("content") or ""
        if tag in _VOID:
            if tag == "br":
                self.handle_data(" ")
            return
        role = ""
        if tag == "article" and not self._inside("article"):
            role = "article"
        elif not self._inside("article"):
            role = ""
        elif (tag in _SKIPPED_TAGS or not _SKIPPED_CLASSES.isdisjoint((values.get("class") or "").split())
              or values.get("aria-hidden") == "true" or self._other_half(values)):
            role = "skip"
        elif "data-search-target" in values and values.get("id"):
            role = "target"
            self._targets.append(Unit(values["id"], self._section.title if self._section else self.page_title))
        elif tag in _HEADINGS and not self._targets:
            role = "heading"
            self._heading = Unit(values.get("id") or "", "")
        if tag in _BLOCKS:
            self.handle_data(" ")
        self._stack.append((tag, role))
        self._open_tags[tag] += 1
        self._open_roles[role] += 1

    def _other_half(self, values: dict) -> bool:
        """The half of a sentence's pair (original, translation) in another language than the page's."""
        return (values.get("lang") not in (None, "", self.lang)
                and not _PAIRED_CLASSES.isdisjoint((values.get("class") or "").split()))

    def handle_endtag(self, tag):
        if tag in _VOID or not self._open_tags[tag]:
            return
        while self._stack:
            open_tag, role = self._stack.pop()
            self._open_tags[open_tag] -= 1
            self._open_roles[role] -= 1
            self._close(role)
            if open_tag == tag:
                break
        if tag in _BLOCKS:
            self.handle_data(" ")

    def _close(self, role: str) -> None:
        if role == "target":
            self.units.append(self._targets.pop())
        elif role == "heading" and self._heading is not None:
            heading, self._heading = self._heading, None
            title = heading.text
            if not self.page_title:
                self.page_title, heading.anchor = title, ""  # the h1: results link to the page top
            self._section = Unit(heading.anchor, title)
            self.units.append(self._section)

    def handle_data(self, data):
        if not self._inside("article") or self._inside("skip"):
            return
        if self._heading is not None:
            self._heading.parts.append(data)
        elif self._targets:
            self._targets[-1].parts.append(data)
        elif self._section is not None:
            self._section.parts.append(data)


def page_units(html: str) -> tuple[str, str, list[Unit]]:
    """The page's language, its title and its search units (empty ones left out)."""
    parser = Units()
    parse(html, parser)
    return _found(parser)


def _found(parser: Units) -> tuple[str, str, list[Unit]]:
    return parser.lang, parser.page_title, [u for u in parser.units if u.text or u.title]


def facts(parser: Units, html: str) -> list | None:
    """What the index keeps of a page once parsed (JSON, for the page cache): its language,
    title, units and report label ('' on a shared page), or None for a page that asks not to
    be indexed."""
    if re.search(r'<meta name="robots" content="[^"]*noindex', html):
        return None
    lang, title, units = _found(parser)
    return [lang, title, [[u.anchor, u.title, u.text] for u in units], parser.report]


def build_indexes(site: Path, names: list[dict], pages: dict[Path, list | None]) -> dict[str, dict]:
    """One index per language found in the built pages' <html lang>: its pages (URL from the
    site root, title, and on a report's page of a collection the report's label, which its
    results show), its units, and the names table. `pages`: each built page's facts."""
    indexes: dict[str, dict] = {}
    for path in sorted(pages):
        relative = path.relative_to(site).as_posix()
        if path.name == "404.html" or relative.startswith(f"{INDEX_FOLDER}/") or pages[path] is None:
            continue
        lang, title, units, report = pages[path]
        if not lang or not units:
            continue
        index = indexes.setdefault(lang, {"lang": lang, "pages": [], "units": [], "names": names})
        number = len(index["pages"])
        index["pages"].append([relative, title, report] if report else [relative, title])
        for anchor, heading, text in units:
            index["units"].append([number, anchor, heading if heading != title or anchor else "", text])
    return indexes


def write_search_indexes(site: Path, names: list[dict], pages: dict[Path, list | None]) -> list[Path]:
    """Write search/<lang>.js for each language; the script assigns the index to
    window.explainerSearchData[lang], so that a <script> tag can load it from file://."""
    folder = site / INDEX_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, index in build_indexes(site, names, pages).items():
        payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        target = folder / f"{lang}.js"
        target.write_text("(window.explainerSearchData=window.explainerSearchData||{})"
                          f"[{json.dumps(lang)}]={payload};\n", encoding="utf-8")
        written.append(target)
    return written


def name_variants(names) -> list[dict]:
    """From the transliteration table: each name's Arabic forms, its English spelling (and
    short forms) and the spellings readers may type instead (en_avoid), for the browser to
    attach to the units that contain the name."""
    return [{"ar": [n.ar, *n.ar_forms], "en": [n.en, *n.en_forms, *n.en_avoid]} for n in names]
