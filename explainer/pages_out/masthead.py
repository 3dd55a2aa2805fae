"""The masthead: who publishes the site, when it was first published and last updated, where
to send a correction, and the offline copy; in the footer of every page (printed too, with the
page's own address) and on the page whose content calls `{{ masthead() }}` (the about page).

Who publishes and how to reach them come from the publication's configuration (mkdocs.yml,
the explainer plugin's `masthead:` option), like `site_url`: a build never invents them. A field left empty is left
out of the page, not filled with a guess; the last update is the last commit's date, which the
build already uses for reproducible files (SOURCE_DATE_EPOCH), or the newest correction's
(data/corrections.yaml) if that is later; a publication with corrections links to their page.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from ..problems.errors import AuthorErrors, Problem
from .escape import keep_together
from .labels import LABELS, format_date

FIELDS = ("publisher", "first_published", "contact")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLACEHOLDER = "<!-- explainer:masthead -->"  # where a content page asks for it (macros.py)
NO_CORRECTIONS = "<!-- explainer:no-corrections -->"  # an empty corrections log (templates/corrections.md)


@dataclass(frozen=True)
class Masthead:
    publisher: str = ""
    first_published: datetime.date | None = None
    contact: str = ""
    """An https:// address (a form, the repository's issues) or a mailto: one."""
    last_updated: datetime.date | None = None
    corrections: int = 0
    """How many corrections data/corrections.yaml records."""


def read_masthead(given: dict, config_file: Path, timestamp: int) -> Masthead:
    """The plugin's `masthead` option (MkDocs has checked the names and types), its values
    checked; AuthorErrors naming the line of each wrong one in mkdocs.yml."""
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    problems = []

    def problem(field: str, message: str) -> None:
        match = re.search(rf"^([ \t]*){field}\s*:", text, re.MULTILINE)
        line = text.count("\n", 0, match.start()) + 1 if match else 1
        column = len(match.group(1)) + 1 if match else 1
        problems.append(Problem(config_file.name, line, column, f"plugins.explainer.masthead.{field}", message))

    publisher = str(given.get("publisher") or "").strip()
    published_text = str(given.get("first_published") or "").strip()
    first_published = None
    if published_text:
        try:
            if not _DATE.fullmatch(published_text):
                raise ValueError
            first_published = datetime.date.fromisoformat(published_text)
        except ValueError:
            problem("first_published", f"expected the date of the first edition as YYYY-MM-DD, found "
                                       f"{published_text!r}; write it like 2018-07-04, or leave it empty")
    contact = str(given.get("contact") or "").strip()
    try:
        address = urlsplit(contact)
    except ValueError:  # a malformed address ('https://[x'): refused below, not a traceback
        address = urlsplit("")
    if contact and not (re.fullmatch(r"mailto:[^\s@<>\"]+@[^\s@<>\"]+", contact)
                        or (address.scheme == "https" and address.netloc and not re.search(r"[\s<>\"]", contact))):
        problem("contact", f"expected an https:// address or a mailto: address, found {contact!r}; "
                           "give where readers send corrections, or leave it empty")
    if problems:
        raise AuthorErrors(problems)
    updated = datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date() if timestamp else None
    return Masthead(publisher, first_published, contact, updated)


def with_corrections(masthead: Masthead, log) -> Masthead:
    """The masthead of a publication with this corrections log (None: no data/corrections.yaml):
    last updated no earlier than the newest correction, which may be newer than the last commit
    (a correction written, built, not yet committed)."""
    if log is None or not log.corrections:
        return masthead
    newest = max(correction.date for correction in log.corrections)
    updated = max(masthead.last_updated, newest) if masthead.last_updated else newest
    return replace(masthead, last_updated=updated, corrections=len(log.corrections))


def no_corrections_html(masthead: Masthead, lang: str) -> Markup:
    """What the corrections page says while the log is empty: that there have been none since
    the first edition, dated when mkdocs.yml gives its date."""
    words = LABELS[lang]["corrections"]
    text = (words["none_since"].format(date=date_html(masthead.first_published, lang)) if masthead.first_published
            else words["none"])
    return Markup(f'<p class="no-corrections" id="no-corrections">{text}</p>')


def masthead_html(masthead: Masthead, lang: str, offline_href: str = "", page_url: str = "",
                  corrections_href: str = "", editions: str = "") -> Markup:
    """The masthead as one paragraph in `lang`: each field given, the corrections page's link
    when there are corrections, the offline copy's link, the editions' links (`editions`, HTML:
    editions/links.py), and (shown in print only) this page's
    address."""
    words = LABELS[lang]["masthead"]
    parts = []
    if masthead.publisher:
        parts.append(words["publisher"].format(publisher=f'<bdi>{escape(masthead.publisher)}</bdi>'))
    if masthead.first_published:
        parts.append(words["first_published"].format(date=date_html(masthead.first_published, lang)))
    if masthead.last_updated:
        parts.append(words["last_updated"].format(date=date_html(masthead.last_updated, lang)))
    if masthead.corrections and corrections_href:
        parts.append(f'<a href="{escape(corrections_href)}" class="corrections-link">{words["corrections"]}</a>')
    if masthead.contact:
        parts.append(f'<a href="{escape(masthead.contact)}">{words["contact"]}</a>')
    if offline_href:
        parts.append(f'<a href="{escape(offline_href)}" type="application/zip" class="offline-copy">{words["offline"]}</a>')
    if editions:
        parts.append(editions)
    address = (f'<span class="print-only"> {words["this_page"]} <bdi dir="ltr">{escape(page_url)}</bdi></span>'
               if page_url else "")
    # Each part its own element: the stylesheet puts a dot between them, and drops the offline
    # copy's when it is not a link (in the copy itself).
    return Markup('<p class="masthead">' + "".join(f"<span>{part}</span>" for part in parts) + f"{address}</p>")


def date_html(day: datetime.date, lang: str) -> str:
    """A date as the masthead writes it: written out, kept on one line, machine-readable."""
    return f'<time datetime="{day.isoformat()}">{escape(keep_together(format_date(day, lang)))}</time>'


def public_url(site_url: str, page_url: str) -> str:
    """The page's address on the published site, or '' when the site's address is a placeholder
    (a host under .invalid, which never resolves)."""
    host = urlsplit(site_url or "").hostname or ""
    if not host or host == "invalid" or host.endswith(".invalid"):
        return ""
    return site_url.rstrip("/") + "/" + page_url.lstrip("/")
