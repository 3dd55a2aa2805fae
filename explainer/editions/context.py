"""What every part of an edition needs: its language and words, the source numbers, the web
address of each page, and the endnotes collected as a report is written out. A publication of
several reports gives each its own view (`for_report`): its models, its pages' folder on the web,
its sections' anchors and its own endnotes.

Every value from data/ reaches the document through `text` (escaped, the other script's runs
isolated, as on the site: pages_out/escape.py) or `url` (only http(s) addresses from data).
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from html import escape as html_escape
from pathlib import Path

from ..data_in.dataset import Dataset, ReportData
from ..pages_out import escape
from ..pages_out.labels import LABELS, format_date
from ..pages_out.masthead import public_url
from ..languages import DEFAULT

PAGES = ("report", "claims", "roadmap", "timeline", "actors", "places", "glossary", "sources", "about", "index")
REPORT_PAGES = ("report", "claims", "roadmap")  # a further report's own pages, in its folder


@dataclass
class Edition:
    data: Dataset
    lang: str
    titles: dict[str, str]  # page name: its heading in content/<lang>/<page>.md
    site_url: str = ""  # the published site's address ('' for a placeholder: no links back)
    notes: list[str] = field(default_factory=list)  # the endnotes' <li>s, in order
    folder: str = ""  # the report's pages' folder ('' for the first report, and the shared sections)

    def for_report(self, report: ReportData) -> Edition:
        """The view a report's chapters are written with: its models, its folder, its own endnotes."""
        return dataclasses.replace(self, data=self.data.for_report(report.id), notes=[], folder=report.folder)

    @property
    def collection(self) -> bool:
        return len(self.data.reports) > 1

    def page(self, name: str) -> str:
        """The web page `name` of this report ('agreement/claims' for a further report's claims)."""
        return f"{self.folder}/{name}" if self.folder else name

    def section_class(self, kind: str) -> str:
        """A report's section's classes: in a collection, marked as part of its report's chapter
        (the PDF's outline puts it under the report's title)."""
        return f"{kind} in-report" if self.collection else kind

    def anchor(self, name: str) -> str:
        """This report's anchor for its section `name`: the first report keeps the plain name
        ('notes'), a further one its id before it ('agreement-notes'), unique in the document."""
        return f"{self.folder}-{name}" if self.folder else name

    @property
    def labels(self) -> dict:
        return LABELS[self.lang]

    @property
    def words(self) -> dict:
        return LABELS[self.lang]["editions"]

    def web(self, page: str, anchor: str = "") -> str:
        """The published address of `page` (and `#anchor`) in this language, or ''."""
        folder = "" if self.lang == DEFAULT else f"{self.lang}/"
        address = public_url(self.site_url, f"{folder}{page}.html")
        return f"{address}#{anchor}" if address and anchor else address

    def web_link(self, page: str, anchor: str, shown: str) -> str:
        """A link back to the web page, showing `shown` (an id, kept left to right)."""
        address = self.web(page, anchor)
        if not address:
            return ""
        return f'<a class="web" href="{attribute(address)}"><bdi dir="ltr">{text(shown)}</bdi></a>'

    def cite(self, source_ids) -> str:
        """Numbered citations linking to the sources section, as the site numbers them."""
        numbers = sorted({self.source_number(source_id) for source_id in source_ids})
        if not numbers:
            return ""
        sources = self.data.sources.sources
        links = [f'<a href="#src-{sources[n - 1].id}">{n}</a>' for n in numbers]
        # The page's own comma ("،" in Arabic), in the page's direction, as the site writes lists.
        separator = LABELS[self.lang]["list_separator"]
        direction = "rtl" if self.lang == "ar" else "ltr"
        return f'<sup class="cite"><bdi dir="{direction}">[{separator.join(links)}]</bdi></sup>'

    def source_number(self, source_id: str) -> int:
        return list(self.data.by_id["sources"]).index(source_id) + 1

    def localized(self, bilingual) -> str:
        """A model's text in this language (a `Text`: .en and .ar)."""
        return text(getattr(bilingual, self.lang), self.lang)

    def date(self, day) -> str:
        return f'<time datetime="{day.isoformat()}">{text(format_date(day, self.lang))}</time>'


def text(value: object, lang: str | None = None) -> str:
    """Data text for XHTML: escaped (numeric references are XML too), runs of the other script
    isolated in `lang`."""
    return str(escape.for_text(value, lang))


def verbatim(value: str) -> str:
    """The report's own text, character for character: escaped, nothing added."""
    return html_escape(value, quote=False)


def attribute(value: object) -> str:
    return html_escape(str(value), quote=True)


def url(value: str) -> str:
    """A link target from data: http(s) only (pages_out/escape.for_url refuses anything else)."""
    return str(escape.for_url(value))  # its punctuation as numeric references: XML too


_HEADING = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


def page_titles(project: Path, lang: str, folders=()) -> dict[str, str]:
    """Each page's heading as the site shows it (content/<lang>/<page>.md, and a further report's
    content/<lang>/<folder>/<page>.md under '<folder>/<page>'), so the edition's sections keep the
    site's words."""
    pages = [*PAGES, *(f"{folder}/{page}" for folder in folders for page in REPORT_PAGES)]
    titles = {}
    for page in pages:
        path = project / "content" / lang / f"{page}.md"
        found = _HEADING.search(path.read_text(encoding="utf-8")) if path.is_file() else None
        if found and "{{" not in found.group(1) and "{%" not in found.group(1):
            titles[page] = found.group(1).strip()
        elif page in ("index",):  # a heading the page computes ({{ ... }}): the book is titled by the site's name
            titles[page] = None
        else:
            titles[page] = titles.get(page.rsplit("/", 1)[-1], page)
    return titles
