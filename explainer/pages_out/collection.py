"""The pages that tie a collection's reports together: the home page's list of reports, the
previous and next report at the end of each report's pages, the timeline's mark on a report's
day, and the report a page belongs to (which labels its search results).

A report's own pages are its report, claims and roadmap pages, in its folder ('' for the first
report, whose pages stay at the site's root); every other page is shared by all the reports.
Links are relative to the page, between pages of one language's folder.
"""
from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from . import escape
from .labels import LABELS, format_date

REPORT_PAGES = ("report.md", "claims.md", "roadmap.md")
"""The pages each report has of its own (the roadmap only when it has one)."""


@dataclass
class Listed:
    """A report as the home page lists it, in one language: links are relative to that page."""

    date_label: str
    title: str
    one_line: str
    report: str
    claims: str


def page_of(report, name: str = "report.md") -> str:
    """One of a report's pages, under content/<lang>/ ('agreement/report.md'; the first report's
    folder is '', so its pages stay at the root)."""
    return posixpath.join(report.folder, name)


def relative(target: str, page: str) -> str:
    """The link from `page` to `target`, both under one language's folder."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def report_of_page(data, page: str):
    """The report whose own page `page` is ('claims.md', 'agreement/report.md'), or None for a
    shared page (the home, the timeline, the glossary...). Found among `data.reports` by its
    folder, as Dataset.report_for_page does, and not by calling it: a page's render notes what
    it reads of the data (page_memo.py), and a method call counts as reading all of it, which
    would render a report's pages again under serve for an edit of any other report."""
    if posixpath.basename(page) not in REPORT_PAGES:
        return None
    folder = page.split("/", 1)[0] if "/" in page else ""
    reports = data.reports
    return next((report for report in reports if report.folder == folder),
                next(report for report in reports if report.folder == ""))


def in_collection(data, page: str):
    """The report whose own page `page` is, in a publication of several reports; else None
    (a shared page, one report, or no data yet: PageParts holds none before the data is loaded)."""
    report = report_of_page(data, page) if data is not None else None
    return report if report is not None and len(data.reports) > 1 else None


def report_label(report, lang: str) -> str:
    """How readers know a report: its event's day, written out ('Wednesday 4 July 2018')."""
    return getattr(report.models["event"].date_label, lang)


def report_day(report, lang: str) -> str:
    """A report's day as the headings name it ("The 4 July report", «تقرير 4 تموز/يوليو»): day
    and month; a draft with no date yet gives its day as written out."""
    day = report.models["event"].date
    if day is None:
        return getattr(report.models["event"].date_label, lang)
    return format_date(day, lang).rsplit(" ", 1)[0]


def citation_name(report, lang: str) -> str:
    """How a copied citation names a report of a collection: its day, and its outlet when known
    ('6 July 2018 (The Daily Example)'); a draft with no date yet gives its day as written out."""
    event, words = report.models["event"], LABELS[lang]["cite"]
    date = format_date(event.date, lang) if event.date is not None else getattr(event.date_label, lang)
    if event.outlet is None:
        return words["report"].format(date=date)
    return words["report_outlet"].format(date=date, outlet=getattr(event.outlet, lang))


def listing(data, lang: str, page: str) -> list[Listed]:
    """Every report in story order, for the home page: its day, title and one line (its title
    when it has none), with links from `page` to its report and claims pages."""
    listed = []
    for report in data.reports:
        event = report.models["event"]
        title = getattr(event.title, lang)
        one_line = getattr(event.one_line, lang) if event.one_line is not None else title
        # Paths made of report ids ([a-z0-9-]): Markdown link targets as they are.
        listed.append(Listed(report_label(report, lang), title, one_line,
                             Markup(relative(page_of(report), page)), Markup(relative(page_of(report, "claims.md"), page))))
    return listed


def on_day(data, day: datetime.date) -> list:
    """The reports whose event took place on `day` (the timeline marks them)."""
    return [report for report in data.reports if report.models["event"].date == day]


def neighbours(data, report_id: str) -> tuple:
    """The reports before and after one in story order (None where there is none)."""
    ids = [report.id for report in data.reports]
    at = ids.index(report_id)
    return (data.reports[at - 1] if at > 0 else None,
            data.reports[at + 1] if at + 1 < len(ids) else None)


def neighbours_html(data, lang: str, page: str) -> Markup:
    """At the end of a report's page, where a reader who has finished it looks: links to the
    previous and the next report in the story, each named by its title, and by its day where
    the title does not say it (a title such as 'The agreement, 6 July 2018' would
    otherwise read its date twice); nothing on a shared page or in a publication of one
    report. A claims page leads to the other report's claims, every report having a ledger;
    the other pages to its report. `page` is under content/<lang>/."""
    report = in_collection(data, page)
    if report is None:
        return Markup("")
    words = LABELS[lang]["collection"]
    before, after = neighbours(data, report.id)
    items = []
    claims = posixpath.basename(page) == "claims.md"
    for kind, other in (("previous", before), ("next", after)):
        if other is None:
            continue
        target = page_of(other, "claims.md" if claims else "report.md")
        href = relative(target, page).removesuffix(".md") + ".html"
        event = other.models["event"]
        title = getattr(event.title, lang)
        if claims and event.date is not None:  # named as the page it lands on: that report's claims
            title = words["claims_title"].format(date=format_date(event.date, lang))
        day = "" if event.date is not None and format_date(event.date, lang) in title else (
            f'<span class="report-neighbour-date">{escape.for_text(report_label(other, lang), lang)}</span> ')
        # The words that say where it leads are inside the link: its name differs from the
        # report page's link to the same report, as its target does.
        items.append(f'<li class="report-{kind}"><a href="{escape.for_attribute(href)}" rel="{"prev" if kind == "previous" else "next"}">'
                     f'<span class="report-neighbour-kind">{escape.for_text(words[f"{kind}_claims" if claims else kind], lang)}</span> '
                     f'{day}<span class="report-neighbour-title">{escape.for_text(title, lang)}</span></a></li>')
    # The theme writes it after the page's rendered text: its dates kept on one line as there.
    return Markup(escape.keep_together(f'<nav class="report-neighbours" aria-label="{escape.for_attribute(words["neighbours"])}">'
                                       f'<ul>{"".join(items)}</ul></nav>'))


def search_label(data, lang: str, page: str) -> str:
    """What labels a search result from this page: its report's day, on a report's own page of
    a publication of several reports; '' elsewhere."""
    report = in_collection(data, page)
    if report is None:
        return ""
    return LABELS[lang]["collection"]["search_label"].format(date=report_label(report, lang))
