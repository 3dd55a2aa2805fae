"""The macros authors call in content/**/*.md: links to data entries, citations, quotations,
and whole data sections (the report, the glossary...) rendered from templates.

Every macro renders in the page's own language and links within that language's site. An
unknown id does not stop rendering at once: it is recorded with the template line, so an
author sees every bad id in one build.
"""
from __future__ import annotations

import datetime
import posixpath
import re
import sys
from typing import Callable

from jinja2 import Environment
from markupsafe import Markup

from ..data_in.alignment import place
from ..data_in.corrections import KINDS, resolve
from ..data_in.dataset import FIRST_REPORT, REPORT_ENTRY_KINDS, Dataset
from ..data_in.references import did_you_mean
from ..data_in.unread_sources import unread_message
from ..editions.links import edition_links
from ..problems.errors import Problem
from . import appearances, citation, collection, escape, reader
from ..languages import LANGUAGES
from .labels import LABELS, counted, format_date, format_span, report_words
from .locator_map import from_reference, locator_map
from .masthead import NO_CORRECTIONS, PLACEHOLDER, date_html

MANY_CITATIONS = 4
"""A cluster of more numbers than this may wrap between them (see cite)."""


def archive_name(event) -> str:
    """The offline archive's name, from data/event.yaml: the place's id and the date
    ('a-town-2018-07-04'); 'publication' while a draft has neither."""
    parts = [str(part) for part in (getattr(event, "place", None), getattr(event, "date", None)) if part]
    return re.sub(r"[^a-z0-9-]+", "-", "-".join(parts).lower()).strip("-") or "publication"


# The page each kind of entry lives on, and the anchor prefix of its entries.
TARGETS = {
    "terms": ("glossary.md", "term-"),
    "actors": ("actors.md", "actor-"),
    "places": ("places.md", "place-"),
    "points": ("roadmap.md", "point-"),
    "sources": ("sources.md", "src-"),
    "timeline": ("timeline.md", "time-"),
    "sentences": ("report.md", ""),
    "claims": ("claims.md", "ledger-"),
    "corrections": ("corrections.md", "correction-"),
}

MACRO_KIND = {"term": "terms", "actor": "actors", "place": "places", "point": "points",
              "cite": "sources", "sentence": "sentences"}


class PageMacros:
    """The macros for one page: they know its language, its path and where to report problems."""

    def __init__(self, data: Dataset, lang: str, page: str, source_path: str,
                 blocks: Environment, problems: list[Problem], source_text: str = "", accepts_todo: bool = True,
                 report_id: str = FIRST_REPORT, folders: dict[str, str] | None = None):
        self.data, self.lang, self.page = data, lang, page
        # The report this page belongs to, and each report's page folder ('' for the first).
        self.report_id, self.folders = report_id, folders or {}
        self.accepts_todo = data.draft and accepts_todo  # a draft build shows todo(), a normal one refuses it
        self.source_path, self.blocks, self.problems = source_path, blocks, problems
        self.source_lines = source_text.splitlines()
        self.labels = LABELS[lang]
        self.source_numbers = {source_id: index + 1 for index, source_id in enumerate(data.by_id["sources"])}

    def globals(self) -> dict[str, Callable]:
        """What a content page can call."""
        return {
            "term": self.term, "actor": self.actor, "place": self.place, "point": self.point,
            "cite": self.cite, "sentence": self.sentence, "block": self.block,
            "data": self.data, "lang": self.lang, "date": self.date, "todo": self.todo,
            "offline_copy": self.offline_copy, "masthead": self.masthead, "citation": self.citation,
            "editions": self.editions,
        }

    def offline_copy(self, text: str | None = None) -> Markup:
        """A Markdown link to the offline archive of the whole site (written at the site's root,
        beside the first language's pages), named as the build names it from data/event.yaml;
        its words are the file's name unless `text` is given."""
        name = f"{archive_name(self.data.models.get('event'))}.zip"
        depth = self.page.count("/") + (self.lang != LANGUAGES[0])
        words = escape.for_text(text, self.lang) if text is not None else Markup(f'<code dir="ltr">{name}</code>')
        return Markup(f'[{words}]({"../" * depth}{name}){{: type="application/zip" .offline-copy }}')

    def editions(self, intro: bool | str = True) -> Markup:
        """Links to the PDF and EPUB editions in both languages, with their sizes (written in
        once they are built: editions/links.py; taken out if the publication turns them off),
        after a few words saying what they are unless not `intro`. A sentence given as `intro`
        goes out with the links: written before the macro, it would end on a colon and nothing."""
        depth = self.page.count("/") + (self.lang != LANGUAGES[0])
        return Markup(edition_links(archive_name(self.data.models.get("event")), self.lang, "../" * depth,
                                    intro=intro if isinstance(intro, str) else bool(intro)))

    def masthead(self) -> Markup:
        """Where the publication's masthead goes on this page (the build fills it in from
        mkdocs.yml, as in every page's footer: pages_out/masthead.py)."""
        return Markup(f"\n\n{PLACEHOLDER}\n\n")

    def citation(self) -> Markup:
        """Where the about page gives the whole publication's citation (the build fills it in
        from mkdocs.yml and the masthead: pages_out/citation.py)."""
        return Markup(f"\n\n{citation.PLACEHOLDER}\n\n")

    def cite_this(self, anchor: str, label: str) -> Markup:
        """An item's "copy citation" control (pages_out/citation.py): its anchor on this page
        and its label in this page's language."""
        return citation.cite_button(self.lang, anchor, label)

    def cite_label(self, item: str, **fields) -> str:
        """The label of a sentence's, a note's or a claim's citation ('sentence', 'note',
        'claim'); on a report's page of a collection it names the report, whose items would
        otherwise read alike in every report ("Report, sentence 1.1")."""
        words = self.labels["cite"]
        if "place" in fields:  # a sentence as the site names it, "sentence 1.3", the number isolated
            fields["place"] = f"{escape.FSI}{fields['place']}{escape.PDI}"
        report = collection.in_collection(self.data, self.page)
        if report is None:
            return words[item].format(**fields)
        return words[f"{item}_in"].format(report=collection.citation_name(report, self.lang), **fields)

    def cite_isolated(self, text: str, text_lang: str) -> str:
        """`text` as a run of a label, isolated when its language is not the page's (citation.py)."""
        return citation.isolated(text, self.lang, text_lang)

    # --- links to entries -------------------------------------------------------------
    def href(self, kind: str, entry_id: str) -> Markup:
        """Relative Markdown link target from this page to an entry, checked by MkDocs.
        Ids are validated to [a-z0-9-], so the link needs no escaping."""
        prefix = TARGETS[kind][1]
        if kind == "places" and "map" in self.data.models and self.data.by_id["places"][entry_id].on_map:
            prefix = "map-"  # a place named in a text links to its marker on the locator map
        return Markup(f"{collection.relative(self.page_of(kind, entry_id), self.page)}#{prefix}{entry_id}")

    def page_of(self, kind: str, entry_id: str) -> str:
        """The page (under content/<lang>/) that holds an entry: a sentence, claim or point is on
        the page of the report that has it ('agreement/report.md'); an anchor on a report's page
        that is no entry of its own (a claim's note, `claim-...`) is on this page's report's."""
        target = TARGETS[kind][0]
        if kind not in REPORT_ENTRY_KINDS:
            return target
        return posixpath.join(self.folders.get(self.data.report_of[kind].get(entry_id, self.report_id), ""), target)

    def _lookup(self, macro: str, entry_id: object):
        kind = MACRO_KIND[macro]
        entries = self.data.by_id[kind]
        if not isinstance(entry_id, str) and not (macro == "point" and isinstance(entry_id, int)):
            wanted = "a number or an id" if macro == "point" else "an id in quotes"
            self._problem(macro, entry_id, f"expects {wanted}, found {type(entry_id).__name__} "
                          f"{entry_id!r}; write {macro}('an-id') with an id from {self._data_file(kind)}")
            return None
        if isinstance(entry_id, int) and macro == "point":
            entry_id = next((p.id for p in entries.values() if p.number == entry_id), str(entry_id))
        if entry_id in entries:
            return entries[entry_id]
        self._problem(macro, entry_id, f"unknown id '{entry_id}'{did_you_mean(str(entry_id), list(entries))}; "
                      f"use an id from {self._data_file(kind)}")
        return None

    def _link(self, kind: str, entry_id: str, label: str, css: str, preview: str | None = None) -> Markup:
        extra = f' data-preview="{escape.for_attribute(escape.isolate_plain(preview, self.lang))}"' if preview else ""
        return Markup(f"[{escape.for_text(label, self.lang)}]({self.href(kind, entry_id)}){{ .{css}{extra} }}")

    def _named_link(self, macro: str, entry_id: str, label: str | None, name_field: str) -> Markup:
        """A link to an entry, labelled with its name in the page's language, with a short
        preview of the entry that the reader script shows on hover, focus or tap."""
        entry = self._lookup(macro, entry_id)
        if entry is None:
            return Markup("")
        name = label or getattr(getattr(entry, name_field), self.lang)
        return self._link(MACRO_KIND[macro], entry.id, name, macro, self.preview(entry))

    def preview(self, entry) -> str:
        """The short text shown in place for a term, an actor or a place."""
        if getattr(entry, "loaded", None) is not None:
            return self.loaded_preview(entry)
        text = getattr(entry, "definition", None) or getattr(entry, "description")
        return reader.short(getattr(text, self.lang))

    def loaded_preview(self, term) -> str:
        """For a loaded word: that it is loaded, whose word it is, and the neutral word."""
        return (f"{self.labels['loaded_word']}. {self.labels['used_by']}: {reader.short(getattr(term.loaded.used_by, self.lang))} "
                f"{self.labels['neutral']}: {getattr(term.loaded.neutral, self.lang)}.")

    def loaded_link(self, term, text: str | Markup) -> Markup:
        """A loaded word of the report's text, linked to its glossary entry (for reader.marked_text);
        `text` is already markup where the word holds aligned phrases."""
        label = text if isinstance(text, Markup) else escape.for_text(text)
        return Markup(f"[{label}]({self.href('terms', term.id)})"
                      f'{{ .loaded-term data-preview="{escape.for_attribute(escape.isolate_plain(self.loaded_preview(term), self.lang))}" }}')

    def marked(self, sentence, lang: str, notes: bool = True, aligned: bool = False) -> Markup:
        """A sentence of the report in `lang`, with its loaded words marked, the phrases its
        notes are about (on the page that shows the notes), and its aligned phrases (in the reader)."""
        entry = self.data.by_id.get("alignment", {}).get(sentence.id) if aligned else None
        pieces = getattr(place(sentence, entry.pairs), lang) if entry is not None else ()
        return reader.marked_text(sentence, lang, self.data.loaded_words, self.loaded_link, notes,
                                  self.claims_of(sentence.id), self.verdict_label, pieces)

    def aligned_pairs(self, sentence_id: str) -> int:
        """How many phrase pairs data/alignment.yaml gives the sentence (0: not aligned)."""
        entry = self.data.by_id.get("alignment", {}).get(sentence_id)
        return len(entry.pairs) if entry is not None else 0

    def sentence_place(self, sentence_id: str) -> str:
        """A sentence of this page's report as readers count it, '2.1' (paragraph 2, sentence 1),
        as the "Appears in" lists write it: its id ('second-p2-s1') is an anchor, not a name."""
        return self.data.sentence_places.get(sentence_id, sentence_id)

    def sentence_spoken(self, sentence_id: str) -> str:
        """The name of a link that shows only '2.1': 'Paragraph 2, sentence 1 (2.1)', in the
        page's language (a screen reader would say "two point one")."""
        place = self.sentence_place(sentence_id)
        paragraph, _, sentence = place.partition(".")
        return self.labels["sentence_spoken"].format(paragraph=paragraph, sentence=sentence, place=place)

    def note_number(self, number: int) -> Markup:
        """'Note 3', as the note's copied citation and the "Appears in" lists number it (its place
        among its sentence's notes as shown: reader.shown_notes), the number isolated left to right."""
        return Markup(self.labels["note_number"].format(number=f'<bdi dir="ltr">{int(number)}</bdi>'))

    def claims_of(self, sentence_id: str) -> list:
        """The ledger's claims about a sentence, in the order of data/claims.yaml."""
        return [claim for claim in self.data.claims.claims if claim.sentence == sentence_id]

    def verdict_label(self, claim) -> str:
        """'Claim check: Disputed', in the page's language."""
        return self.labels["claim_of"].format(verdict=self.labels["verdicts"][claim.verdict])

    def term(self, term_id: str, label: str | None = None) -> Markup:
        """A glossary term, linked to its entry: {{ term('heavy-weapons') }}."""
        return self._named_link("term", term_id, label, "term")

    def actor(self, actor_id: str, label: str | None = None) -> Markup:
        """An actor, linked to its entry on the actors page."""
        return self._named_link("actor", actor_id, label, "name")

    def place(self, place_id: str, label: str | None = None) -> Markup:
        """A place, linked to its entry (with coordinates) on the places page."""
        return self._named_link("place", place_id, label, "name")

    def point(self, point: int | str, label: str | None = None) -> Markup:
        """A roadmap point, by number or id: {{ point(3) }}."""
        entry = self._lookup("point", point)
        if entry is None:
            return Markup("")
        text = label or f"{self.labels['point'].format(number=entry.number)}: {getattr(entry.title, self.lang)}"
        return self._link("points", entry.id, text, "point")

    def cite(self, *source_ids: str) -> Markup:
        """Numbered citations linking to the sources page: {{ cite('reuters-2018-07-06') }}.
        Sources are numbered by their order in data/sources.yaml, the same on every page. Each
        link carries its source's URL (`data-url`), which the print stylesheet writes out: on
        paper a link to the sources page leads nowhere."""
        if not source_ids:
            return self._citation_needed()
        links = []
        numbers = self.source_numbers
        for source_id in source_ids:
            source = self._lookup("cite", source_id)
            if source is None:
                continue
            if source.reconstructed:  # listed, but nothing read in it can back this statement
                self._problem("cite", source_id, unread_message(source.id, "data/sources.yaml"))
                continue
            number = numbers[source.id]
            label = self.source_label(source)
            title, title_lang = source.shown_title(self.lang)
            preview = f"{label}. {citation.isolated(title, self.lang, title_lang)}"
            attributes = (f'aria-label="{escape.for_attribute(label)}" data-preview="{escape.for_attribute(preview)}" '
                          f'data-url="{escape.for_attribute(escape.url_for_reading(source.url))}"')
            links.append((number, f'[{number}]({self.href("sources", source.id)}){{ {attributes} }}'))
        if not links:
            return Markup("")
        # In number order, as readers expect of a citation cluster ("3 12", not "12 3"). A long
        # cluster may wrap between its numbers (class "many"): kept on one line, eight numbers in
        # their 24px tap targets ran past a 320px phone's edge.
        ordered = sorted(set(links))
        kind = "cite many" if len(ordered) > MANY_CITATIONS else "cite"
        return Markup(f'<sup class="{kind}">' + " ".join(link for _, link in ordered) + "</sup>")

    def source_label(self, source) -> str:
        """'Source 3: Example Wire, 5 July 2018' in the page's language, as plain text (a citation's
        name and preview): its publisher and its date as the sources page gives them, an undated
        source 'undated; read on <day>' (the day we read it is not its date). Plain text has no
        <bdi>: on an Arabic page the publisher is isolated with FSI/PDI, or "Airwars، 25 ..."
        reads "Airwars, 25"; our note about the publisher follows it, in the page's language,
        its other-script runs isolated too (escape.isolate_plain)."""
        lang = self.lang
        when = (format_date(source.date, lang) if source.date
                else f"{self.labels['accessed']} {format_date(source.accessed, lang)}")
        publisher = citation.isolated(source.publisher, lang, "")
        if source.publisher_note is not None:
            publisher += f" ({getattr(source.publisher_note, lang)})"
        return escape.isolate_plain(self.labels["source"].format(number=self.source_numbers[source.id], publisher=publisher, date=when), lang)

    def _citation_needed(self) -> Markup:
        """A statement without a source: shown in a draft, an error in a page of a publication."""
        if self.data.draft:
            return Markup(f'<sup class="gap">{escape.for_text(self.labels["citation_needed"])}</sup>')
        self._problem("cite", "", "names no source; write cite('a-source-id') with ids from data/sources.yaml")
        return Markup("")

    def todo(self, what: object = "") -> Markup:
        """Work left in a page, {{ todo('write the introduction') }}: marked in a draft build,
        refused by a normal one."""
        if self.accepts_todo:
            return escape.for_text(f"TODO: {what}" if what else "TODO", self.lang)
        self._problem("todo", what, "is work left in this page; do it and remove the todo() (only a draft build accepts it)")
        return Markup("")

    def sentence(self, sentence_id: str) -> Markup:
        """A sentence of the report, verbatim, with its translation on English pages."""
        entry = self._lookup("sentence", sentence_id)
        if entry is None:
            return Markup("")
        return self._section("_quote", sentence=entry)

    def date(self, day, end=None) -> str:
        """A date written out in the page's language: {{ date(data.event.date) }}."""
        if day is None:
            if self.data.draft:
                return escape.for_text("TODO: date", self.lang)
            self._problem("date", None, "is given no date (null in data/); write the date there, YYYY-MM-DD")
            return ""
        for value in (day, end):
            if value is not None and not isinstance(value, datetime.date):
                self._problem("date", value, f"expects a date from data (like data.event.date), "
                              f"found {type(value).__name__} {value!r}; a date in a page is written out as text")
                return ""
        return format_span(day, end, self.lang)

    def site_file(self, path: str) -> Markup:
        """A link from this page to a file at the root of the built site (the open data), which
        holds the default language's pages; other languages live one folder down."""
        depth = self.page.count("/") + (self.lang != LANGUAGES[0])
        return Markup("../" * depth + path)

    # --- corrections ----------------------------------------------------------------------
    def corrections(self) -> list:
        """The corrections log, newest first: a reader comes to see what changed lately, and an
        author appends to data/corrections.yaml, which is oldest first."""
        log = self.data.models.get("corrections")
        return list(reversed(log.corrections)) if log is not None else []

    def no_corrections(self) -> Markup:
        """Where the corrections page says there are none (the build dates it from mkdocs.yml's
        first edition, which the data do not hold: masthead.py)."""
        return Markup(f"\n\n{NO_CORRECTIONS}\n\n")

    def corrected(self, kind: str, entry_id: str, inline: bool = False) -> Markup:
        """A dated mark for each correction of an entry ('sentence', 'p1-s2'), linking to it on
        the corrections page, in a paragraph of its own (`inline`: bare, for a table cell or a
        list item); nothing when there is none."""
        log = self.data.models.get("corrections")
        if log is None:
            return Markup("")
        marks = []
        for correction in log.corrections:
            if correction.target == entry_id and resolve(correction, self.data.by_id) == kind:
                marks.append(f"[{self.corrected_on(correction.date)}]({self.href('corrections', correction.id)}){{ .corrected-mark }}")
        if not marks or inline:
            return Markup(" ".join(marks))
        # A blank line first: after a heading, Markdown needs one to start the paragraph.
        return Markup('\n<p class="corrected" markdown="1">' + " ".join(marks) + "</p>\n")

    def corrected_on(self, day: datetime.date) -> Markup:
        """'Corrected 7 December 2026', the date written as the masthead writes it."""
        return Markup(self.labels["corrected"].format(date=date_html(day, self.lang)))

    def correction_place(self, correction) -> Markup:
        """The link from a correction to the place it concerns: the kind of page and the entry's
        name ('The report, sentence 1.2'), in the page's language."""
        kind = resolve(correction, self.data.by_id)
        entry = self.data.by_id[KINDS[kind][0]][correction.target]
        lang = self.lang
        if kind == "sentence":  # as readers count it ('2.1', as the ledgers write it), not its id
            name = f'<bdi dir="ltr">{escape.for_text(self.sentence_place(entry.id))}</bdi>'
        elif kind == "claim":
            name = f'<q>{escape.for_text(getattr(entry.span, lang), lang)}</q>'
        elif kind == "point":
            name = escape.for_text(f"{self.labels['point'].format(number=entry.number)}: {getattr(entry.title, lang)}", lang)
        elif kind == "timeline":
            name = escape.for_text(format_span(entry.date, entry.end_date, lang), lang)
        elif kind == "source":
            name = self.source_named(entry)
        else:
            named = {"actor": "name", "place": "name", "term": "term"}[kind]
            name = escape.for_text(getattr(getattr(entry, named), lang), lang)
        words = self.labels["corrections"]["places"][kind].format(name=name)
        report = self.report_named(KINDS[kind][0], correction.target)
        if report is not None:
            words = self.labels["corrections"]["places_in"][kind].format(report=escape.for_text(report, lang), name=name)
        prefix = TARGETS[KINDS[kind][0]][1]  # the entry itself, not a place's marker on the map
        relative = collection.relative(self.page_of(KINDS[kind][0], correction.target), self.page)
        return Markup(f"[{words}]({relative}#{prefix}{correction.target})")

    def report_named(self, kind: str, entry_id: str) -> str | None:
        """The day of the report that holds an entry of a report's own ('sentences', 'claims',
        'points'), in a publication of several reports; None when there is one report to name."""
        reports = self.data.reports
        if kind not in REPORT_ENTRY_KINDS or len(reports) < 2:
            return None
        report_id = self.data.report_of[kind].get(entry_id, self.report_id)
        return collection.report_day(next(r for r in reports if r.id == report_id), self.lang)

    def source_named(self, source) -> Markup:
        """A source as one label, as the sources page heads it: 'Source 3: Example Wire, <its title>'
        (markup: the other script in <bdi>, a title in another language isolated whole)."""
        lang = self.lang
        publisher = escape.for_text(source.publisher, lang)
        if source.publisher_note is not None:
            publisher += Markup(" (") + escape.for_text(getattr(source.publisher_note, lang), lang) + Markup(")")
        title, title_lang = source.shown_title(lang)
        if title_lang == lang:
            shown = escape.for_text(title, lang)
        else:
            direction = "rtl" if title_lang == "ar" else "ltr"
            shown = Markup(f'<bdi lang="{escape.for_attribute(title_lang)}" dir="{direction}">{escape.for_text(title)}</bdi>')
        return Markup(self.labels["corrections"]["source"].format(
            number=self.source_numbers[source.id], publisher=publisher, title=shown))

    # --- whole sections -----------------------------------------------------------------
    def block(self, name: str, **context) -> Markup:
        """A whole data section rendered from explainer/pages_out/templates/<name>.md."""
        if name not in self.block_names():
            self._problem("block", name, f"unknown section {name!r}{did_you_mean(str(name), self.block_names())}; "
                          f"use one of {', '.join(self.block_names())}")
            return Markup("")
        return self._section(name, **context)

    def _section(self, name: str, **context) -> Markup:
        template = self.blocks.get_template(f"{name}.md")
        helpers = {"labels": self.labels, "report_words": report_words, "counted": counted, "m": self, "note_anchor": reader.note_anchor, "shown_notes": reader.shown_notes, "note_groups": reader.NOTE_GROUPS, "claim_anchor": reader.claim_anchor, "for_text": escape.for_text, "for_url": escape.for_url,
                   "for_attribute": escape.for_attribute, "lang": self.lang, "data": self.data,
                   "localized": lambda value: getattr(value, self.lang),
                   # A further report may have no numbered points (no roadmap.yaml).
                   "points_by_sentence": {p.sentence: p for p in self.data.roadmap.points} if "roadmap" in self.data.models else {},
                   "open_data_kinds": list(self.data.models),
                   "locator_map": lambda: locator_map(self.data, self.lang, self.labels),
                   "from_reference": lambda place: from_reference(self.data, place, self.lang, self.labels),
                   "short": reader.short,
                   "reports": lambda: collection.listing(self.data, self.lang, self.page),
                   "reports_on": lambda day: collection.on_day(self.data, day),
                   "report_day": lambda report: collection.report_label(report, self.lang),
                   "page_link": lambda report, name="report.md": Markup(collection.relative(collection.page_of(report, name), self.page)),
                   "appears_in": lambda kind, entry_id: appearances.groups(self.data.appearances, kind, entry_id, self.lang, self.page)}
        return Markup(template.render(**helpers, **context))

    def block_names(self) -> list[str]:
        """The sections a page may include with block(): one template each."""
        return sorted(name.removesuffix(".md") for name in self.blocks.list_templates() if not name.startswith("_"))

    # --- problems -----------------------------------------------------------------------
    def _problem(self, macro: str, entry_id: object, message: str) -> None:
        line, column = self._call_site(repr(entry_id) if not isinstance(entry_id, int) else str(entry_id))
        shown = repr(entry_id) if len(repr(entry_id)) <= 40 else repr(entry_id)[:37] + "..."
        self.problems.append(Problem(self.source_path, line, column, f"{macro}({shown})", message))

    def _call_site(self, needle: str) -> tuple[int, int]:
        """Line and column of the macro call in the author's file, from Jinja's frame."""
        frame = sys._getframe()
        while frame is not None:
            template = frame.f_globals.get("__jinja_template__")
            if template is not None and template.filename and template.filename.endswith(self.source_path):
                line = template.get_corresponding_lineno(frame.f_lineno)
                text = self.source_lines[line - 1] if 0 < line <= len(self.source_lines) else ""
                for quote in ("'", '"'):
                    found = text.find(needle.strip("'").join(quote * 2))
                    if found >= 0:
                        return line, found + 1
                return line, 1
            frame = frame.f_back
        return 1, 1

    @staticmethod
    def _data_file(kind: str) -> str:
        return {"terms": "data/glossary.yaml", "actors": "data/actors.yaml", "places": "data/places.yaml",
                "points": "data/roadmap.yaml", "sources": "data/sources.yaml",
                "sentences": "data/report.yaml"}[kind]
