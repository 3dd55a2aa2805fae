"""Structured data: what a page says about itself to search engines and fact-check readers
(schema.org in JSON-LD), in the page's language and drawn from what the page shows.

- The home page is the `WebSite`; every other page an `Article`, not a `NewsArticle`: we did
  not report the news, we publish an annotated analysis of someone else's report.
- The page that holds the claims ledger carries one `ClaimReview` a claim whose row it shows,
  its verdict named exactly as the row names it.
- The page that links the open data carries the `Dataset`.
- A correction (data/corrections.yaml) is a `CorrectionComment` of the page that shows the
  entry it corrects.

Nothing is filled in that the publication does not say: no publisher, first publication date
or address of the source report unless the masthead or the data give one. The Arabic report's
own address is unknown (the about page says why), so there is no `isBasedOn`, and a claim's
`appearance` is its sentence as reproduced on our report page.
"""
from __future__ import annotations

import json
import posixpath
import re
from dataclasses import dataclass

from markupsafe import Markup

from ..data_in.corrections import KINDS, resolve
from ..data_in.schema.claims import VERDICTS_NEEDING_SOURCES
from ..languages import DEFAULT
from .labels import LABELS
from .macros import TARGETS
from .masthead import Masthead
from .reader import claim_anchor

# A verdict that rests on sources is a finding, with a place on a scale: its position in the
# ledger's published order, best first (corroborated 3, with differences 2, disputed 1).
# "unverified" (no finding either way) and "opinion" (not checkable) are not positions on a
# scale of truth: their rating is their name alone.
SCALE = VERDICTS_NEEDING_SOURCES


@dataclass(frozen=True)
class PageInfo:
    """What the structured data needs to know of one built page."""
    lang: str
    path: str  # the page's source inside its language folder: 'index.md', 'claims.md'
    title: str  # as the page shows it, tags stripped
    description: str
    site_name: str
    site_description: str
    site_url: str  # the site's root address, ending in '/' ('' when it has none)
    content: str  # the page's HTML (its main content), to see what it shows
    image: dict | None = None  # the share image: url, width, height, alt

    @property
    def home_url(self) -> str:
        """The language's home page, absolute ('' without a site_url)."""
        return self.site_url and self.site_url + ("" if self.lang == DEFAULT else f"{self.lang}/")


def page_graph(data, masthead: Masthead, info: PageInfo) -> dict:
    """The page's JSON-LD document: a @graph of the nodes above."""
    site_id = f"{info.home_url}#website" if info.home_url else ""
    nodes = []
    if info.path == "index.md":
        nodes.append(_clean({"@type": "WebSite", "@id": site_id or None, "url": info.home_url or None,
                             "name": info.site_name, "description": info.site_description,
                             "inLanguage": info.lang, "publisher": _publisher(masthead)}))
    else:
        nodes.append(_article(data, masthead, info, site_id))
    nodes.extend(_claim_reviews(data, masthead, info))
    if 'data/publication.json"' in info.content:
        nodes.append(_dataset(data, masthead, info, site_id))
    return {"@context": "https://schema.org", "@graph": nodes}


def json_ld(document: dict) -> Markup:
    """The document as a <script type="application/ld+json">: data, never run (the page's
    content policy does not govern it). `</` is written `<\\/` and `<!--` escaped, so that no
    text of the data can end the element or change how the HTML parser reads it."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("</", "<\\/").replace("<!--", "\\u003c!--")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _article(data, masthead: Masthead, info: PageInfo, site_id: str) -> dict:
    url = _url(info, info.path)
    return _clean({
        "@type": "Article", "@id": f"{url}#article" if url else None, "url": url or None,
        "mainEntityOfPage": url or None, "headline": info.title, "description": info.description or None,
        "inLanguage": info.lang, "isPartOf": {"@id": site_id} if site_id else None,
        "datePublished": _day(masthead.first_published), "dateModified": _day(masthead.last_updated),
        "publisher": _publisher(masthead), "image": (info.image or {}).get("url"),
        "correction": _corrections(data, info) or None,
    })


_LEDGER_ROW = re.compile(r'id="ledger-([a-z0-9-]+)"')


def _claim_reviews(data, masthead: Masthead, info: PageInfo) -> list[dict]:
    """One ClaimReview for each claim whose ledger row (#ledger-<id>) this page shows."""
    words = LABELS[info.lang]
    reviews = []
    # The page's rows found in one pass: a search of the page for each claim of every report
    # made a collection's build grow with the square of its reports.
    shown = set(_LEDGER_ROW.findall(info.content)) if 'id="ledger-' in info.content else set()
    if not shown:  # most pages: no ledger, and no claim of any report to go through
        return reviews
    ledger = _ledger(data.reports)
    for _, report, claim in sorted(ledger[claim_id] for claim_id in shown if claim_id in ledger):
        page_url = _url(info, info.path)
        rating = {"@type": "Rating", "alternateName": words["verdicts"][claim.verdict]}
        if claim.verdict in SCALE:
            rating |= {"ratingValue": len(SCALE) - SCALE.index(claim.verdict),
                       "bestRating": len(SCALE), "worstRating": 1}
        report_url = _url(info, posixpath.join(report.folder, TARGETS["sentences"][0]))
        reviews.append(_clean({
            "@type": "ClaimReview", "url": f"{page_url}#ledger-{claim.id}" if page_url else None,
            "claimReviewed": getattr(claim.span, info.lang), "inLanguage": info.lang,
            "itemReviewed": _clean({"@type": "Claim", "appearance": _clean({
                "@type": "CreativeWork", "inLanguage": "ar",
                "url": f"{report_url}#{claim.sentence}" if report_url else None})}),
            "reviewRating": rating, "author": _publisher(masthead),
            "datePublished": _day(masthead.first_published),
        }))
    return reviews


_last_ledger: tuple[object, dict] | None = None  # the last build's reports, and their claims by id


def _ledger(reports) -> dict:
    """Every report's claims by id: (its place in the reports' and their ledgers' order, its
    report, the claim). Made once a build (its pages share one list of reports), not once a page."""
    global _last_ledger
    if _last_ledger is None or _last_ledger[0] is not reports:
        claims = (claim_of for report in reports for claim_of in ((report, claim) for claim in report.models["claims"].claims))
        _last_ledger = (reports, {claim.id: (order, report, claim) for order, (report, claim) in enumerate(claims)})
    return _last_ledger[1]


def _dataset(data, masthead: Masthead, info: PageInfo, site_id: str) -> dict:
    """The open data (site_built/open_data.py): one JSON file, the aligned corpus, the schemas."""
    words = LABELS[info.lang]
    files = [("data/publication.json", "application/json")]
    if any("alignment" in report.models for report in data.reports):
        files.append(("data/alignment.json", "application/json"))
    base = info.site_url
    return _clean({
        "@type": "Dataset", "name": words["structured"]["dataset"].format(title=info.site_name),
        "description": words["open_data_intro"].rstrip(": ") + ".", "inLanguage": ["en", "ar"],
        "isPartOf": {"@id": site_id} if site_id else None, "url": _url(info, info.path) or None,
        "publisher": _publisher(masthead), "creator": _publisher(masthead),
        "dateModified": _day(masthead.last_updated),
        "distribution": [{"@type": "DataDownload", "encodingFormat": kind, "contentUrl": base + path}
                         for path, kind in files] if base else None,
    })


def _corrections(data, info: PageInfo) -> list[dict]:
    """The corrections of what this page shows: the entry, sentence or claim it names has its
    anchor here."""
    log = data.models.get("corrections")
    words = LABELS[info.lang]["structured"]["correction"]
    found = []
    for correction in log.corrections if log else ():
        if any(f'id="{anchor}"' in info.content for anchor in _anchors(correction, data)):
            found.append({"@type": "CorrectionComment", "datePublished": correction.date.isoformat(),
                          "text": words.format(wrong=getattr(correction.wrong, info.lang),
                                               now=getattr(correction.now, info.lang),
                                               why=getattr(correction.why, info.lang))})
    return found


def _anchors(correction, data) -> list[str]:
    """The anchors of the entry a correction concerns, found as the checks and the marks find
    it (data_in/corrections.resolve): an id two kinds share names one of them, not both; a
    claim is both its ledger row and its note under the sentence."""
    kind = resolve(correction, data.by_id)
    if kind is None:
        return []
    anchor = TARGETS[KINDS[kind][0]][1] + correction.target
    return [anchor, claim_anchor(correction.target)] if kind == "claim" else [anchor]


def _publisher(masthead: Masthead) -> dict | None:
    # The masthead names who publishes "as readers should know it": a newsroom, so an Organization.
    return {"@type": "Organization", "name": masthead.publisher} if masthead.publisher else None


def _url(info: PageInfo, source: str) -> str:
    """A page's absolute address in this language (pages end in .html: use_directory_urls is off)."""
    if not info.home_url:
        return ""
    return info.home_url + ("" if source == "index.md" else source[:-len(".md")] + ".html")


def _day(day) -> str | None:
    return day.isoformat() if day else None


def _clean(node: dict) -> dict:
    """The node without the properties left unknown (None): never an empty value."""
    return {key: value for key, value in node.items() if value is not None}
