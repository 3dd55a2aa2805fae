"""The report as parallel text: each sentence's Arabic, verbatim, above our English, with a
mark for each of its notes and claim checks, which follow as endnotes (each linking back to
its sentence, and to its place on the web). Sentences and notes are numbered as the site shows
them ("Sentence 2.1", "Note 3": reader.shown_notes), so a reader can go from book to site."""
from __future__ import annotations

from ..pages_out.reader import NOTE_GROUPS, claim_anchor, note_anchor, shown_notes
from .context import Edition, text, verbatim


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
    for p_number, paragraph in enumerate(edition.data.report.paragraphs, start=1):
        tag = "ol" if paragraph.role == "list" else "div"
        item = "li" if paragraph.role == "list" else "div"
        parts.append(f'<{tag} class="paragraph {paragraph.role}" id="{paragraph.id}">')
        for s_number, sentence in enumerate(paragraph.sentences, start=1):
            parts.append(_sentence(edition, sentence, item, f"{p_number}.{s_number}"))
        parts.append(f"</{tag}>")
    parts.append("</section>")
    return "\n".join(parts)


def _sentence(edition: Edition, sentence, item: str, place: str) -> str:
    # One mark for all of a sentence's notes, their numbers apart ("1, 2, 3"), as one isolated run.
    numbers = [_endnote(edition, sentence, place, kind, note) for kind, note in _notes_of(edition, sentence)]
    separator = text(edition.labels["list_separator"])
    refs = f'<sup class="noteref"><bdi>{separator.join(numbers)}</bdi></sup>' if numbers else ""
    arabic_refs, english_refs = (refs, "") if edition.lang == "ar" else ("", refs)
    link = edition.web_link(edition.page("report"), sentence.id, f"#{sentence.id}")
    return (f'<{item} class="sentence" id="{sentence.id}">'
            f'<p class="original" lang="ar" dir="rtl">{verbatim(sentence.ar)}{arabic_refs}</p>'
            f'<p class="translation" lang="en" dir="ltr">{text(sentence.en, "en")}{english_refs}</p>'
            + (f'<p class="sentence-link">{link}</p>' if link else "") + f"</{item}>")


def _notes_of(edition: Edition, sentence):
    """(kind, item) for each note (a reader.ShownNote) and claim check of `sentence`, in the site's order."""
    claims = [claim for claim in edition.data.claims.claims if claim.sentence == sentence.id]
    shown = shown_notes(sentence)
    for kind in NOTE_GROUPS:
        for item in claims if kind == "claim" else [n for n in shown if n.kind == kind]:
            yield kind, item


def _endnote(edition: Edition, sentence, place: str, kind: str, item) -> str:
    """Add the endnote; return its mark's link, for the sentence's mark: a note's number as the
    site shows it, or the word for a claim check (the site does not number those)."""
    counter = len(edition.notes) + 1  # the endnote's ids only, unique in the report's chapter
    labels = edition.labels
    if kind == "claim":
        note = item
        heading = text(f'{labels["claim_of"].format(verdict=labels["verdicts"][note.verdict])} '
                       f'({labels["claim_kinds"][note.kind]})')
        anchor, page = claim_anchor(note.id), edition.page("claims")
        mark = text(edition.words["claim_mark"])
    else:
        note = item.note
        number = f'<bdi dir="ltr">{item.number}</bdi>'
        heading = f'{labels["note_number"].format(number=number)} · {text(labels["our_note"][kind])}'
        anchor, page = note_anchor(sentence.id, item.index), edition.page("report")
        mark = str(item.number)
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
    # Each report's endnotes have ids of their own: the anchors carry its prefix ('agreement-note-3').
    note_id, ref_id = f'{edition.anchor("note")}-{counter}', f'{edition.anchor("ref")}-{counter}'
    # Back to the sentence, named as the site names it ("Sentence 2.1"), not by its id.
    where = labels["sentence_name"].format(place=f'<bdi dir="ltr">{place}</bdi>')
    back = f'<a class="back" href="#{ref_id}" title="{text(edition.words["back"])}">{where}</a>'
    web = edition.web_link(page, anchor, anchor)
    edition.notes.append(
        f'<li id="{note_id}" class="endnote" epub:type="endnote">'
        f'<p>{back} · <strong>{heading}</strong>{" · " + web if web else ""}</p>'
        f"<p>{about}{body}</p>{accounts}</li>")
    return f'<a id="{ref_id}" href="#{note_id}" epub:type="noteref">{mark}</a>'


def notes_section(edition: Edition) -> str:
    """The endnotes, each labelled with its sentence and its number as the site shows them (a
    list without numbers of its own: a count through the report would not be the site's)."""
    return (f'<section id="{edition.anchor("notes")}" class="{edition.section_class("notes")}" epub:type="endnotes">'
            f'<h2>{text(edition.words["notes"])}</h2>'
            f'<ul class="endnotes">{"".join(edition.notes)}</ul></section>')

