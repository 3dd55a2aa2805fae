"""After MkDocs has built every language: the steps that finish the site, in one order, over
one read and one parse of each built page.

The order, and why:
1. Each language's 404 page into its folder: it changes which files the site holds, and every
   later step must see the final set (the 404 pages are pages that the purge, the sitemap and
   the gates read). (Material's unused scripts are never copied: plugin/material_fixes.py.)
2. One read of every page: the editions' sizes written into its links (editions/links.py: the
   editions are made beside MkDocs' build, after the pages), then its text, and its facts for
   every step from one parse (or from the page cache when its text is unchanged: page_facts.py).
3. The search index: from the facts; it writes search/<lang>.js, which no page names in a
   <script src>, so the purge's view of the scripts is the same before or after it.
4. The purge of Material's stylesheets: it renames them after their new content and rewrites
   every page's link to them, on the disk and in the texts read in 2; the gates' facts get the
   same renames, so they check the links as published.
5. Our own stylesheets served without their comments: after the purge, which reads the custom
   properties they use (comments included, as it always has).
6. The open data and the citation files, then the sitemap (from the facts): files the archive must hold.
7. The offline archive: it copies every file, so it comes after every step that writes one.
   Under serve it holds the same files, stored without compression (a preview's archive is
   rebuilt at every edit and downloaded by nobody).
8. The gates last, over the site as published (the archive included, since the about page
   links to it); they write nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..editions.links import with_sizes
from ..pages_out.masthead import public_url
from ..problems.errors import Problem
from . import css_purge, gates, search_index, sitemap
from .citation_files import editions, write_citation_files
from .offline_archive import write_offline_archive
from .open_data import write_open_data
from .page_facts import PageFacts, parse

# Each step that reads the pages: a listener for the one parse (None: reads the text only),
# and what it keeps of a page (JSON).
_READERS = {"search": (search_index.Units, search_index.facts), "links": (gates.Links, gates.facts),
            "head": (sitemap.Head, sitemap.facts), "names": (None, css_purge.facts)}


@dataclass
class BuiltSite:
    """What the steps need to know of a finished build."""
    root: Path  # the folder MkDocs wrote (the staging folder of an atomic build)
    project: Path
    cache: Path | None  # .explainer-cache/, or None when nothing may be cached
    site_url: str
    timestamp: int  # SOURCE_DATE_EPOCH
    data: object | None = None  # the Dataset; None: no open data, no offline archive
    names: list[dict] = field(default_factory=list)  # the transliteration table, for the search
    archive: str = ""  # the offline copy's name, without .zip
    not_found: dict[str, str] = field(default_factory=dict)  # language: its 404 page
    folders: dict[str, str] = field(default_factory=dict)  # language: its folder in the site
    serving: bool = False  # a build of `mkdocs serve`: a preview, rebuilt at every edit
    site_names: dict[str, str] = field(default_factory=dict)  # language: its site_name
    masthead: object | None = None  # pages_out.masthead.Masthead: the citations' publisher and date
    edition_sizes: dict[str, int] | None = None  # each edition file's bytes; None: no editions


@dataclass
class Page:
    text: str
    facts: dict


def finish_site(built: BuiltSite) -> list[Problem]:
    """Run the steps in order; the problems the gates found (an empty list: publish)."""
    site = built.root
    for lang, output in built.not_found.items():
        if lang in built.folders and (site / built.folders[lang]).is_dir():
            (site / built.folders[lang] / "404.html").write_text(output, encoding="utf-8")
    pages = read_pages(site, built.cache / "pages" if built.cache else None, built.edition_sizes)
    search_index.write_search_indexes(site, built.names, {path: page.facts["search"] for path, page in pages.items()})
    stylesheets = site / "assets" / "stylesheets"
    _, renames = css_purge.purge_pages(
        site, sorted(stylesheets.glob("main.*.min.css")) + sorted(stylesheets.glob("palette.*.min.css")),
        {path: page.text for path, page in pages.items()}, {path: page.facts["names"] for path, page in pages.items()},
        cache=built.cache / "stylesheets" if built.cache else None)
    css_purge.serve_without_comments([stylesheets / "explainer.css", stylesheets / "print.css"],  # ours: half comments
                                     cache=built.cache / "stylesheets" if built.cache else None)
    if built.data is not None:
        write_open_data(built.data, site)
        write_citation_files(site, built.archive, editions(built.site_names, built.folders, built.site_url),
                             getattr(built.masthead, "publisher", ""), getattr(built.masthead, "first_published", None))
    sitemap.write_sitemap(site, built.site_url, built.timestamp, {path: page.facts["head"] for path, page in pages.items()})
    if built.data is not None:  # under serve: stored, not deflated, and not cached (offline_archive.py)
        write_offline_archive(site, built.archive, built.timestamp,
                              cache=built.cache / "offline" if built.cache and not built.serving else None,
                              online=public_url(built.site_url, f"{built.archive}.zip"), compress=not built.serving)
    links = {path.relative_to(site).as_posix(): _renamed(page.facts["links"], renames) for path, page in pages.items()}
    return gates.check_site(site, built.project, base=urlsplit(built.site_url or "/").path or "/", pages=links)


def read_pages(site: Path, cache: Path | None, edition_sizes: dict[str, int] | None = None) -> dict[Path, Page]:
    """Every built page's text and facts, each page read once and parsed at most once; the
    editions' links completed on the way (and written back when that changed the page)."""
    kept = PageFacts(cache, "facts")
    pages = {}
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        completed = with_sizes(text, edition_sizes)
        if completed != text:
            path.write_text(completed, encoding="utf-8")
            text = completed
        pages[path] = Page(text, kept.get(text, _facts, lambda facts: facts, lambda facts: facts))
    kept.save()
    return pages


def _facts(html: str) -> dict:
    listeners = {name: make() for name, (make, _) in _READERS.items() if make is not None}
    parse(html, *listeners.values())
    return {name: keep(listeners.get(name), html) for name, (_, keep) in _READERS.items()}


def _renamed(links: dict, renames: dict[str, str]) -> dict:
    """A page's links and resources after the purge's renames (as purge_pages rewrote its text)."""
    def rename(url: str) -> str:
        if ".css" not in url:  # the renames are the stylesheets': most links are to pages
            return url
        for old, new in renames.items():
            url = url.replace(old, new)
        return url
    return {**links, "links": [rename(url) for url in links["links"]],
            "resources": [rename(url) for url in links["resources"]]}

