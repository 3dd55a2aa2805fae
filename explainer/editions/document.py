"""One XHTML document per language, from the data: the title page (title, date, masthead,
summary), a table of contents, the report as parallel text, its notes and claim checks as
endnotes, and the reference sections. The PDF and the EPUB are both made from it."""
from __future__ import annotations

from ..languages import DIRECTION
from ..pages_out.masthead import Masthead, masthead_html
from . import reference
from .context import Edition, attribute, text
from .report import notes_section, report_section


def edition_document(edition: Edition, masthead: Masthead, stylesheet: str, modified: str) -> str:
    """The whole edition as an XHTML (HTML5 as XML) document, linking `stylesheet` (none: '');
    `modified`, the build's date (ISO 8601), dates it (the PDF's metadata reads it)."""
    event = edition.data.event
    body = [report_section(edition)]  # first: it numbers the endnotes
    body.append(notes_section(edition))
    body.extend(section(edition) for section in reference.SECTIONS)
    lang = edition.lang
    title = attribute(getattr(event.title, lang))  # <title> holds text only: no <bdi>
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


def _title_page(edition: Edition, masthead: Masthead) -> str:
    event = edition.data.event
    home = edition.web("index")
    address = (f'<p class="home"><a class="web" href="{home}"><bdi dir="ltr">{text(home)}</bdi></a></p>'
               if home else "")
    return (f'<section id="title-page" class="title-page" epub:type="titlepage">'
            f'<h1>{edition.localized(event.title)}</h1>'
            f'<p class="subtitle">{text(edition.titles["index"])}</p>'
            f'<p class="date">{edition.localized(event.date_label)}</p>'
            f'{masthead_html(masthead, edition.lang)}{address}'
            f'<p class="summary">{edition.localized(event.summary)}{edition.cite(event.summary.cite)}</p></section>')


def toc_entries(edition: Edition) -> list[tuple[str, str]]:
    """(anchor, title) of each section, in order: the contents, the PDF's outline, the EPUB's nav."""
    pages = ["report"] + [section.__name__ for section in reference.SECTIONS]
    entries = [(page, edition.titles[page]) for page in pages]
    entries.insert(1, ("notes", edition.words["notes"]))
    return entries


def contents(edition: Edition, target: str, epub_nav: bool = False) -> str:
    """The table of contents, linking to `target`#anchor (the document itself: ''); in the
    EPUB's navigation document, the `toc` nav."""
    items = "".join(f'<li><a href="{target}#{anchor}">{text(title)}</a></li>'
                    for anchor, title in toc_entries(edition))
    kind = ' epub:type="toc"' if epub_nav else ""
    return (f'<nav id="contents" class="contents"{kind}><h2>{text(edition.words["contents"])}</h2>'
            f"<ol>{items}</ol></nav>")
