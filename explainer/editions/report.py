"""The report as parallel text: each sentence's Arabic, verbatim, above our English, with a
number for each of its notes and claim checks, which follow as endnotes (each linking back to
its sentence, and to its place on the web)."""
from __future__ import annotations

from ..pages_out.reader import claim_anchor, note_anchor
from .context import Edition, text, verbatim

_KINDS = ("context", "claim", "wording", "translation")  # the site's order of the note groups


def report_section(edition: Edition) -> str:
    """The report's section: its provenance, then every paragraph, sentence by sentence. In a
    collection it is titled by its event and opens with the event's summary (the title page,
    shared by every report, holds none)."""
    if edition.collection:
        event = edition.data.event
        heading = edition.localized(event.title)
        opening = f'<p class="summary">{edition.localized(event.summary)}{edition.cite(event.summary.cite)}</p>'
    else:
        heading, opening = text(edition.titles["report"]), ""
    parts = [f'<section id="{edition.anchor("report")}" class="report"><h2>{heading}</h2>{opening}',
             f'<p class="provenance">{edition.localized(edition.data.report.provenance)}</p>']
    for paragraph in edition.data.report.paragraphs:
        tag = "ol" if paragraph.role == "list" else "div"
        item = "li" if paragraph.role == "list" else "div"
        parts.append(f'<{tag} class="paragraph {paragraph.role}" id="{paragraph.id}">')
        for sentence in paragraph.sentences:
            parts.append(_sentence(edition, sentence, item))
        parts.append(f"</{tag}>")
    parts.append("</section>")
    return "\n".join(parts)


def _sentence(edition: Edition, sentence, item: str) -> str:
    # One mark for all of a sentence's notes, their numbers apart ("3, 4, 5"), as one isolated run.
    numbers = [_endnote(edition, sentence, kind, note) for kind, note in _notes_of(edition, sentence)]
    separator = text(edition.labels["list_separator"])
    refs = f'<sup class="noteref"><bdi>{separator.join(numbers)}</bdi></sup>' if numbers else ""
    arabic_refs, english_refs = (refs, "") if edition.lang == "ar" else ("", refs)
    link = edition.web_link(edition.page("report"), sentence.id, f"#{sentence.id}")
    return (f'<{item} class="sentence" id="{sentence.id}">'
            f'<p class="original" lang="ar" dir="rtl">{verbatim(sentence.ar)}{arabic_refs}</p>'
            f'<p class="translation" lang="en" dir="ltr">{text(sentence.en, "en")}{english_refs}</p>'
            + (f'<p class="sentence-link">{link}</p>' if link else "") + f"</{item}>")


def _notes_of(edition: Edition, sentence):
    """(kind, note) for each note and claim check of `sentence`, in the site's order."""
    claims = [claim for claim in edition.data.claims.claims if claim.sentence == sentence.id]
    for kind in _KINDS:
        for note in claims if kind == "claim" else [n for n in sentence.notes if n.kind == kind]:
            yield kind, note


def _endnote(edition: Edition, sentence, kind: str, note) -> str:
    """Add the endnote; return its number's link, for the sentence's mark."""
    number = len(edition.notes) + 1
    labels = edition.labels
    if kind == "claim":
        heading = labels["claim_of"].format(verdict=labels["verdicts"][note.verdict])
        heading += f' ({labels["claim_kinds"][note.kind]})'
        anchor, page = claim_anchor(note.id), edition.page("claims")
    else:
        heading = labels["our_note"][kind]
        anchor, page = note_anchor(sentence.id, sentence.notes.index(note)), edition.page("report")
    about = ""
    if note.span is not None:
        english = f' / <q lang="en" dir="ltr">{text(note.span.en, "en")}</q>' if note.span.en else ""
        about = (f'<span class="about">{text(labels["about_phrase"])} <q lang="ar" dir="rtl">'
                 f'{verbatim(note.span.ar)}</q>{english}:</span> ')
    body = edition.localized(note) + edition.cite(getattr(note, "cite", []))
    accounts = ""
    if kind == "claim" and note.accounts:
        items = "".join(f"<li>{edition.localized(a)}{edition.cite([a.source])}</li>" for a in note.accounts)
        accounts = f'<p class="accounts-title">{text(labels["other_accounts"])}</p><ul class="accounts">{items}</ul>'
    # Each report numbers its notes from 1: the anchors carry its prefix ('agreement-note-3').
    note_id, ref_id = f'{edition.anchor("note")}-{number}', f'{edition.anchor("ref")}-{number}'
    back = (f'<a class="back" href="#{ref_id}" title="{text(edition.words["back"])}">'
            f'<bdi dir="ltr">{sentence.id}</bdi></a>')
    web = edition.web_link(page, anchor, anchor)
    edition.notes.append(
        f'<li id="{note_id}" class="endnote" epub:type="endnote">'
        f'<p><strong>{text(heading)}</strong> {back}{" · " + web if web else ""}</p>'
        f"<p>{about}{body}</p>{accounts}</li>")
    return f'<a id="{ref_id}" href="#{note_id}" epub:type="noteref">{number}</a>'


def notes_section(edition: Edition) -> str:
    """The endnotes, numbered as their marks in the report."""
    return (f'<section id="{edition.anchor("notes")}" class="{edition.section_class("notes")}" epub:type="endnotes">'
            f'<h2>{text(edition.words["notes"])}</h2>'
            f'<ol class="endnotes">{"".join(edition.notes)}</ol></section>')

