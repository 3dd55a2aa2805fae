"""Where each actor, place, glossary term and source appears in the reports: one index a build.

The index is computed from the data alone, once for the whole collection (never by scanning the
pages), and each entry's page shows its part of it ("Appears in"). It holds only what the data
says explicitly:
- a sentence names an actor, a place or a term when its `mentions` lists the id;
- a note is about a term when the phrase it is about (its span) holds one of the term's
  `ar_forms`, the forms the report is recorded to use;
- a note cites a source in its `cite`; a claim of the ledger rests on a source in its `cite`
  or in one of its `accounts`.
A claim links to its row of its report's ledger (claims.md#ledger-<id>), not to its note in the
reader: the row is in view without script (the note sits in a closed <details>), and it holds
the verdict, the check and the sources together, with a link on to the sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from . import escape, reader
from .collection import page_of, relative
from .labels import LABELS

KINDS = ("actors", "places", "terms", "sources")
MENTIONED = ("actors", "places", "terms")  # the kinds a sentence's `mentions` may name
CLAIM_LABEL = 36  # characters of a claim's phrase shown in its link; the ledger row has it all


@dataclass(frozen=True)
class Appearance:
    """One place an entry appears: a sentence, a note or a claim of one report."""

    report: str
    where: str  # "sentence", "note" or "claim"
    page: str  # the page of the report that holds it: "report.md" or "claims.md"
    anchor: str  # its element's id on that page
    paragraph: int  # the sentence's place in its report, as readers count: paragraph 1...
    sentence: int  # ...sentence 1 of that paragraph
    note: int = 0  # a note's number as the reader shows it (reader.shown_notes), not its anchor's -n<k>
    span: tuple[str, str] = ("", "")  # a claim's phrase, (ar, en)


@dataclass(frozen=True)
class Report:
    """What an entry's page shows of a report beside its appearances: its title and its folder."""

    id: str
    folder: str  # its pages' folder ('' for the first report)
    title: tuple[str, str]  # (ar, en)


@dataclass
class Index:
    """Every report, in story order, and for each kind ('actors', 'places', 'terms', 'sources'),
    each entry's appearances in story order. It is all an entry's page reads of the data, so
    serve renders a page again only when what it shows changed (page_memo.py fingerprints it):
    the wording of a claim's check changes no list."""

    reports: list[Report]
    entries: dict[str, dict[str, list[Appearance]]]


_last: tuple[object, Index] | None = None  # the last build's reports and their index


def index(data) -> Index:
    """The collection's index (Dataset.appearances), computed once a build: the pages of one
    build share one list of reports (Dataset.for_report's views too), so it is kept for that list."""
    global _last
    if _last is not None and _last[0] is data.reports:
        return _last[1]
    named = {"actors": {a.id for a in data.actors.actors}, "places": {p.id for p in data.places.places},
             "terms": {t.id for t in data.glossary.terms}}
    built = build_index(data.reports, data.glossary, named)
    if _last is not None and _last[1] == built:
        # The same lists: the same object, whose fingerprint (page_memo.py, a hash of its pickle)
        # is then the same too; a new one made partly of kept objects pickles to other bytes.
        built = _last[1]
    _last = (data.reports, built)
    return built


def build_index(reports, glossary, named: dict[str, set[str]]) -> Index:
    """Every report's sentences, notes and claims, in story order, under the entries they name;
    `named`: the ids of each kind a sentence's `mentions` may list (an id may be of two kinds:
    'tansiqiyat' is an actor and a term)."""
    found: dict[str, dict[str, list[Appearance]]] = {kind: {} for kind in KINDS}
    kept = {}
    for report in reports:
        inputs = (report.models["report"], report.models["claims"], glossary)
        last = _by_report.get(report.id)
        if last is not None and all(a is b for a, b in zip(last[0], inputs)) and last[1] == named:
            listed = last[2]
        else:
            listed = _report_appearances(report, glossary, named)
        kept[report.id] = (inputs, named, listed)
        for kind, entry_id, appearance in listed:
            found[kind].setdefault(entry_id, []).append(appearance)
    _by_report.clear()
    _by_report.update(kept)
    heads = [Report(report.id, report.folder, (report.models["event"].title.ar, report.models["event"].title.en))
             for report in reports]
    return Index(heads, found)


# Each report's appearances in the last index of this process, by its id: (the models they were
# found in, `named`, the appearances). A report's models are the objects of its files' last
# parse (data_in/file_memo.py), never changed after it, so an unchanged report is not read again.
_by_report: dict[str, tuple[tuple, dict, list]] = {}


def _report_appearances(report, glossary, named: dict[str, set[str]]) -> list[tuple[str, str, Appearance]]:
    """(kind, entry id, appearance) for one report, in its order, each once."""
    found: list[tuple[str, str, Appearance]] = []
    seen: set[tuple[str, str, Appearance]] = set()  # a source cited in every report: no list scans

    def add(kind: str, entry_id: str, appearance: Appearance) -> None:
        if (kind, entry_id, appearance) not in seen:  # an id listed twice, a source cited twice by one claim
            seen.add((kind, entry_id, appearance))
            found.append((kind, entry_id, appearance))

    claims_of: dict[str, list] = {}  # each sentence's claims, in the ledger's order
    for claim in report.models["claims"].claims:
        claims_of.setdefault(claim.sentence, []).append(claim)
    for p_number, paragraph in enumerate(report.models["report"].paragraphs, start=1):
        for s_number, sentence in enumerate(paragraph.sentences, start=1):
            here = dict(report=report.id, paragraph=p_number, sentence=s_number)
            for entry_id in sentence.mentions:
                for kind in (kind for kind in MENTIONED if entry_id in named[kind]):
                    add(kind, entry_id, Appearance(where="sentence", page="report.md", anchor=sentence.id, **here))
            for shown in reader.shown_notes(sentence):
                note = shown.note
                appearance = Appearance(where="note", page="report.md", anchor=reader.note_anchor(sentence.id, shown.index),
                                        note=shown.number, **here)
                for source_id in getattr(note, "cite", ()):
                    add("sources", source_id, appearance)
                if note.span is not None:
                    for term in glossary.terms:
                        if reader.holds_term(term, note.span.ar):
                            add("terms", term.id, appearance)
            for claim in claims_of.get(sentence.id, ()):
                appearance = Appearance(where="claim", page="claims.md", anchor=f"ledger-{claim.id}",
                                        span=(claim.span.ar, claim.span.en), **here)
                for source_id in [*claim.cite, *(account.source for account in claim.accounts)]:
                    add("sources", source_id, appearance)
    return found


@dataclass
class Group:
    """An entry's appearances in one report, as its page shows them."""

    title: Markup  # the report's title in the page's language
    href: Markup  # its report page, relative to the entry's page
    links: list[tuple[Markup, Markup]]  # (label, href) for each appearance


def groups(found: Index, kind: str, entry_id: str, lang: str, page: str) -> list[Group]:
    """An entry's appearances for its page (`page`: its path under content/<lang>/), grouped by
    report in story order, each with its label in `lang` and its link relative to the page."""
    appearances = found.entries[kind].get(entry_id, [])
    shown = []
    for report in found.reports:
        mine = [a for a in appearances if a.report == report.id]
        if not mine:
            continue
        title = report.title[0] if lang == "ar" else report.title[1]
        # Folders and anchors are ids ([a-z0-9-]): the link targets need no escaping.
        links = [(label(a, lang), Markup(f"{relative(page_of(report, a.page), page)}#{a.anchor}")) for a in mine]
        shown.append(Group(escape.for_text(title, lang), Markup(relative(page_of(report), page)), links))
    return shown


def label(appearance: Appearance, lang: str) -> Markup:
    """'sentence 1.2', 'note 4 to sentence 1.2', 'claim: “…”' in `lang`; the numbers isolated
    left to right (in Arabic, "1.2" beside Arabic words must not be reordered)."""
    words = LABELS[lang]["appears_in"]  # our own words: trusted, and free of Markdown syntax
    place = f'<bdi dir="ltr">{appearance.paragraph}.{appearance.sentence}</bdi>'
    if appearance.where == "sentence":
        return Markup(words["sentence"].format(place=place))
    if appearance.where == "note":
        return Markup(words["note"].format(place=place, number=f'<bdi dir="ltr">{int(appearance.note)}</bdi>'))
    phrase = appearance.span[0] if lang == "ar" else appearance.span[1]
    if len(phrase) > CLAIM_LABEL:
        phrase = phrase[:CLAIM_LABEL].rsplit(" ", 1)[0] + "…"
    direction = "rtl" if lang == "ar" else "ltr"
    return Markup(words["claim"].format(span=f'<q lang="{lang}" dir="{direction}">{escape.for_text(phrase, lang)}</q>'))
