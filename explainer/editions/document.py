"""One XHTML document per language, from the data: the title page (title, date, masthead,
summary), a table of contents, each report in story order as parallel text with its notes and
claim checks as endnotes (and its roadmap when it has one), then the reference sections shared by
every report. The PDF and the EPUB are both made from it."""
from __future__ import annotations

from ..languages import DIRECTION
from ..pages_out.masthead import Masthead, masthead_html
from . import reference
from .context import Edition, attribute, text
from .report import notes_section, report_section


def edition_document(edition: Edition, masthead: Masthead, stylesheet: str, modified: str) -> str:
    """The whole edition as an XHTML (HTML5 as XML) document, linking `stylesheet` (none: '');
    `modified`, the build's date (ISO 8601), dates it (the PDF's metadata reads it)."""
    body = []
    for report in edition.data.reports:
        chapter = edition.for_report(report)
        body.append(report_section(chapter))  # first: it numbers the endnotes
        body.append(notes_section(chapter))
        body.extend(section(chapter) for section in reference.REPORT_SECTIONS)
    body.extend(section(edition) for section in reference.SECTIONS)
    body = [part for part in body if part]  # a report without a roadmap
    lang = edition.lang
    title = attribute(book_title(edition))  # <title> holds text only: no <bdi>
    meta = (f'<meta name="dcterms.created" content="{modified}"/><meta name="dcterms.modified" content="{modified}"/>'
            + (f'<meta name="author" content="{attribute(masthead.publisher)}"/>' if masthead.publisher else ""))
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{lang}" xml:lang="{lang}" dir="{DIRECTION[lang]}">\n'
            f'<head><meta charset="utf-8"/><title>{title}</title>{meta}'
            + (f'<link rel="stylesheet" type="text/css" href="{stylesheet}"/>' if stylesheet else "")
            + "</head>\n<body>\n"
            + _title_page(edition, masthead) + "\n" + contents(edition, "") + "\n" + "\n".join(body)
            + "\n</body>\n</html>\n")


def book_title(edition: Edition) -> str:
    """The edition's title, as text: its report's event's title; a collection's, the home page's
    heading (the first report's title where that heading is computed by the page)."""
    if edition.collection and edition.titles.get("index"):
        return edition.titles["index"]
    return getattr(edition.data.event.title, edition.lang)


def _title_page(edition: Edition, masthead: Masthead) -> str:
    if edition.collection:
        return _collection_title_page(edition, masthead)
    event = edition.data.event
    return (f'<section id="title-page" class="title-page" epub:type="titlepage">'
            f'<h1>{edition.localized(event.title)}</h1>'
            # The home page's heading, under the report's title (none where the page computes it).
            + (f'<p class="subtitle">{text(edition.titles["index"])}</p>' if edition.titles.get("index") else "")
            + f'<p class="date">{edition.localized(event.date_label)}</p>'
            f'{masthead_html(masthead, edition.lang)}{_address(edition)}'
            f'<p class="summary">{edition.localized(event.summary)}{edition.cite(event.summary.cite)}</p></section>')


def _address(edition: Edition) -> str:
    home = edition.web("index")
    return (f'<p class="home"><a class="web" href="{home}"><bdi dir="ltr">{text(home)}</bdi></a></p>'
            if home else "")


def _collection_title_page(edition: Edition, masthead: Masthead) -> str:
    """A collection's title page: the home page's title, then each report's title and date (each
    report's summary opens its chapter)."""
    reports = "".join(f'<li><span class="report-title">{edition.localized(event.title)}</span> '
                      f'<span class="date">{edition.localized(event.date_label)}</span></li>'
                      for event in (report.models["event"] for report in edition.data.reports))
    return (f'<section id="title-page" class="title-page" epub:type="titlepage">'
            f'<h1>{text(book_title(edition))}</h1><ol class="reports">{reports}</ol>'
            f'{masthead_html(masthead, edition.lang)}{_address(edition)}</section>')


def toc_entries(edition: Edition) -> list[tuple[str, str, list]]:
    """(anchor, title, entries under it) of each section, in order: the contents, the PDF's
    outline, the EPUB's nav. One report: its sections side by side with the shared ones; a
    collection: each report's title, its notes and roadmap under it."""
    entries = []
    for report in edition.data.reports:
        chapter = edition.for_report(report)
        own = [(chapter.anchor("notes"), edition.words["notes"], [])]
        if chapter.data.models.get("roadmap") is not None:
            own.append((chapter.anchor("roadmap"), chapter.titles[chapter.page("roadmap")], []))
        if edition.collection:
            entries.append((chapter.anchor("report"), getattr(report.models["event"].title, edition.lang), own))
        else:
            entries += [("report", edition.titles["report"], []), *own]
    entries += [(section.__name__, edition.titles[section.__name__], []) for section in reference.SECTIONS]
    return entries


def contents(edition: Edition, target: str, epub_nav: bool = False) -> str:
    """The table of contents, linking to `target`#anchor (the document itself: ''); in the
    EPUB's navigation document, the `toc` nav."""
    def items(entries) -> str:
        return "".join(f'<li><a href="{target}#{anchor}">{text(title)}</a>'
                       + (f"<ol>{items(under)}</ol>" if under else "") + "</li>"
                       for anchor, title, under in entries)
    kind = ' epub:type="toc"' if epub_nav else ""
    return (f'<nav id="contents" class="contents"{kind}><h2>{text(edition.words["contents"])}</h2>'
            f"<ol>{items(toc_entries(edition))}</ol></nav>")
