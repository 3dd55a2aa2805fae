"""Make the four editions (PDF and EPUB, each language) from the data, in memory: what the
process started by editions/build.py runs."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..data_in.dataset import Dataset
from ..languages import LANGUAGES
from ..pages_out.masthead import Masthead
from .context import Edition, page_titles
from .document import book_title, contents, edition_document
from .epub import navigation, render_epub
from .pdf import FONTS, render_pdf


@dataclass(frozen=True)
class Job:
    """Everything an edition is made from (it crosses to another process: picklable)."""
    project: Path
    data: Dataset
    masthead: Masthead
    site_url: str
    timestamp: int  # the build's date (SOURCE_DATE_EPOCH)
    name: str  # the files' stem: <name>-<lang>.pdf


def file_names(name: str) -> list[str]:
    return [f"{name}-{lang}.{kind}" for lang in LANGUAGES for kind in ("pdf", "epub")]


def make_editions(job: Job, languages=LANGUAGES) -> dict[str, bytes]:
    """The editions of `languages` (by default every one): each file's name and bytes."""
    modified = datetime.datetime.fromtimestamp(job.timestamp, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    fonts = {path.name: path.read_bytes() for path in sorted(FONTS.glob("*.woff2"))}
    made = {}
    for lang in languages:
        titles = page_titles(job.project, lang, [report.folder for report in job.data.reports if report.folder])
        title = book_title(Edition(job.data, lang, titles))
        made[f"{job.name}-{lang}.pdf"] = render_pdf(
            edition_document(Edition(job.data, lang, titles, job.site_url), job.masthead, "", modified))
        edition = Edition(job.data, lang, titles, job.site_url)
        content = edition_document(edition, job.masthead, "edition.css", modified)
        nav = navigation(contents(edition, "content.xhtml", epub_nav=True), lang, title)
        made[f"{job.name}-{lang}.epub"] = render_epub(content, nav, lang, title, f"{job.site_url}#{job.name}-{lang}",
                                                      job.timestamp, fonts)
    return made
