"""The sitemap (Google's format: every page with its alternates in the other languages) and the
robots.txt that names it, written from the built pages themselves: each page that declares a
canonical URL is listed with the `hreflang` alternates its head declares, so the sitemap can
never disagree with the pages. Pages without a canonical URL (the 404 pages, a build without
site_url) are not listed.
"""
from __future__ import annotations

import datetime
import gzip
from pathlib import Path
from html import escape as _escape

from .page_facts import parse


class Head:
    """The canonical URL and the hreflang alternates in one page's <head>: a listener of the
    one parse of a page (page_facts.parse)."""

    def __init__(self) -> None:
        self.canonical: str | None = None
        self.alternates: list[tuple[str, str]] = []
        self._past_head = False

    def handle_endtag(self, tag):
        self._past_head = self._past_head or tag == "head"

    def handle_starttag(self, tag, attrs):
        if tag != "link" or self._past_head:
            return
        values = dict(attrs)
        rels = (values.get("rel") or "").lower().split()
        if "canonical" in rels and values.get("href") and self.canonical is None:
            self.canonical = values["href"]
        elif "alternate" in rels and values.get("hreflang") and values.get("href"):
            self.alternates.append((values["hreflang"], values["href"]))


def facts(head: Head, html: str = "") -> list:
    """What the sitemap keeps of a page once parsed (JSON, for the page cache)."""
    return [head.canonical, [list(pair) for pair in head.alternates]]


def sitemap_entries(site: Path, pages: dict[Path, list] | None = None) -> list[tuple[str, list[tuple[str, str]]]]:
    """(canonical URL, [(hreflang, URL), ...]) of every page of `site` that declares one.
    `pages`: each page's facts, already parsed (site_built/pipeline.py); else the pages are read."""
    if pages is None:
        pages = {}
        for file in site.rglob("*.html"):
            head = Head()
            parse(file.read_text(encoding="utf-8", errors="replace").partition("</head>")[0], head)
            pages[file] = facts(head)
    entries = []
    # Folder by folder, each folder's index.html first (the home page heads the list).
    for file in sorted(pages, key=lambda path: (path.parent, path.name != "index.html", path.name)):
        canonical, alternates = pages[file]
        if canonical:
            entries.append((canonical, [tuple(pair) for pair in alternates]))
    return entries


def write_sitemap(site: Path, site_url: str, timestamp: int = 0, pages: dict[Path, list] | None = None) -> None:
    """site/sitemap.xml (and its .gz, which MkDocs also writes) and site/robots.txt allowing
    everything and naming the sitemap. Pages are dated by `timestamp` (SOURCE_DATE_EPOCH, the
    last commit's time: the site's last change), so two builds of a commit give the same bytes."""
    lastmod = (f"\n        <lastmod>{datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date()}</lastmod>"
               if timestamp > 0 else "")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for url, alternates in sitemap_entries(site, pages):
        lines.append(f"    <url>\n        <loc>{_escape(url, quote=False)}</loc>{lastmod}")
        lines.extend(f'        <xhtml:link rel="alternate" hreflang="{_escape(lang)}" href="{_escape(href)}"/>'
                     for lang, href in alternates)
        lines.append("    </url>")
    lines.append("</urlset>\n")
    text = "\n".join(lines)
    (site / "sitemap.xml").write_text(text, encoding="utf-8")
    with open(site / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=timestamp) as zipped:
        zipped.write(text.encode("utf-8"))
    robots = "User-agent: *\nAllow: /\n"
    if site_url.startswith(("http://", "https://")):
        robots += f"\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"
    (site / "robots.txt").write_text(robots, encoding="utf-8")
