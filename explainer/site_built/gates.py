"""Checks over the built site, the last gate before it is published: every internal link and
anchor resolves (both languages, every page, macro links, the language switch, the sitemap),
and no page loads anything from another host (links out to sources are fine).

It reads the HTML that readers get, so it catches what checks of the Markdown cannot: links
made by data templates or raw HTML, and the theme's own. Each problem is located at the
content/ file (and line, where the link is written there) of the page that holds it.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..data_in.load import read_text
from ..languages import DEFAULT, LANGUAGES
from ..problems.errors import Problem
from ..problems.locate import line_and_column
from .page_facts import PageFacts, parse

# Elements whose URL the browser loads by itself (as opposed to a link a reader follows).
_RESOURCE_ATTRIBUTES = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                        ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"),
                        ("input", "src"), ("track", "src"), ("video", "poster")}
# The same by tag, each tag's attributes in one order (asked for every tag of every page).
_RESOURCES_BY_TAG: dict[str, list[str]] = {}
for _element, _attribute in sorted(_RESOURCE_ATTRIBUTES):
    _RESOURCES_BY_TAG.setdefault(_element, []).append(_attribute)
_LOADED_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest",
                     "apple-touch-icon", "shortcut"}
_CSS_URL = re.compile(r"""url\(\s*['"]?(?!data:)([^'")\s]+)""")


class Links:
    """Ids, links and loaded resources of one HTML page: a listener of the one parse of a page
    (page_facts.parse)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("id", "name" if tag == "a" else ""):
            if values.get(name):
                self.ids.add(values[name])
        if tag in ("a", "area") and values.get("href") is not None:
            self.links.append(values["href"])
        if tag == "link" and values.get("href"):
            rels = set((values.get("rel") or "").lower().split())
            (self.resources if rels & _LOADED_LINK_RELS else self.links).append(values["href"])
        for attribute in _RESOURCES_BY_TAG.get(tag, ()):
            if values.get(attribute):
                self.resources.append(values[attribute])
        if values.get("srcset"):
            self.resources.extend(part.split()[0] for part in values["srcset"].split(",") if part.split())
        if values.get("style"):
            self.resources.extend(_CSS_URL.findall(values["style"]))


def facts(parsed: Links, html: str = "") -> dict:
    """What the gates keep of a page once parsed (JSON, for the page cache)."""
    return {"ids": sorted(parsed.ids), "links": parsed.links, "resources": parsed.resources}


def _parse(html: str) -> dict:
    parsed = Links()
    parse(html, parsed)
    return facts(parsed)


def check_site(site: Path, project: Path, content_dir: str = "content",
               languages: tuple[str, ...] = LANGUAGES, default: str = DEFAULT, base: str = "/",
               cache: Path | None = None, pages: dict[str, dict] | None = None) -> list[Problem]:
    """Every problem of the built site under `site`, located in the authors' files. `base` is
    the path of site_url on its host ('/', or '/repo/' for a GitHub project page): the 404
    pages' links and the sitemap's URLs start with it. `pages`: the facts of the built pages
    already parsed (site_built/pipeline.py), by their path from the site's root; a page not
    among them is parsed here, its facts kept in `cache` (a folder) between builds."""
    files = {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}
    found: dict[str, dict] = {}
    kept = None
    for page in sorted((name for name in files if name.endswith(".html")), key=lambda name: name.split("/")):
        if pages is not None and page in pages:
            found[page] = pages[page]
            continue
        kept = kept or PageFacts(cache, "gates")
        html = (site / page).read_text(encoding="utf-8", errors="replace")
        found[page] = kept.get(html, _parse, lambda facts: facts, lambda facts: facts)
    if kept is not None:
        kept.save()
    anchors = _Anchors(found)
    site_key = (base, _digest(sorted(files)))
    problems, checked = [], {}
    # Every page links to every page of the navigation, so most links recur, from pages of one
    # folder: each is resolved once from that folder (a link to an anchor alone, from its page;
    # a 404 page's links, from the site's root).
    resolved: dict[tuple[str, str, bool], tuple[str | None, str | None]] = {}
    for page, parsed in found.items():
        read = (site_key, parsed["links"], parsed["resources"])
        kept = _last_clean.get(page)
        if kept is not None and kept[0] == read and all(anchors.key(target) == key for target, key in kept[1].items()):
            checked[page] = kept
            continue
        where = _source_of(page, languages, default, content_dir)
        page_problems, targets = [], set()
        for url in parsed["resources"]:
            if _is_external(url):
                page_problems.append(_located(project, where, page, url, f"loads {url} from another host; ship "
                                              "the file with the site (readers offline, privacy)"))
        folder, not_found = posixpath.dirname(page), posixpath.basename(page) == "404.html"
        for url in parsed["links"]:
            seen_from = (folder if url.strip()[:1] not in ("", "#", "?") else page, url, not_found)
            if seen_from not in resolved:
                resolved[seen_from] = _broken(files, page, url, anchors, base)
            broken, target = resolved[seen_from]
            if target is not None:
                targets.add(target)
            if broken:
                page_problems.append(_located(project, where, page, url, broken))
        problems.extend(page_problems)
        if not page_problems:  # a page with problems is checked again: they are located in its source
            checked[page] = (read, {target: anchors.key(target) for target in targets})
    _last_clean.clear()
    _last_clean.update(checked)
    problems.extend(_sitemap_problems(site, base, files))
    return problems


# The pages of the last check in this process that had no problem, by their path: (what their
# check read of the site and of the page: `base`, the site's files, the page's links and
# resources), and for each page whose anchors it read, their key. Under `serve`, an unchanged
# page whose targets kept their anchors is not checked again: an edit changes a few pages of hundreds.
_last_clean: dict[str, tuple[tuple, dict[str, str]]] = {}


class _Anchors:
    """Each page's anchors (ids and <a name>), as a set and as one key, made when first asked."""

    def __init__(self, found: dict[str, dict]):
        self.found, self.sets, self.keys = found, {}, {}

    def __contains__(self, page: str) -> bool:
        return page in self.found

    def __getitem__(self, page: str) -> set[str]:
        if page not in self.sets:
            self.sets[page] = set(self.found[page]["ids"])
        return self.sets[page]

    def key(self, page: str) -> str:
        if page not in self.keys:
            self.keys[page] = _digest(self.found[page]["ids"]) if page in self.found else ""
        return self.keys[page]


def _digest(names: list[str]) -> str:
    # No file name holds a NUL, and the HTML parser leaves none in an id.
    return hashlib.sha256("\0".join(names).encode("utf-8", "surrogatepass")).hexdigest()


def _is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data", "blob")


def _broken(files: set[str], page: str, url: str, ids, base: str = "/") -> tuple[str | None, str | None]:
    """Why an internal link does not resolve, or None (external links are not checked here), and
    the page whose anchors that answer read, if any. `files`: every file of the built site, by
    its path from the site's root; `ids`: each page's anchors, by its path."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc:
        return (None if parts.scheme in ("http", "https", "mailto") else f"links to '{url}', which is not a web address"), None
    path = unquote(parts.path)
    if path.startswith(base) and posixpath.basename(page) == "404.html":
        # The host serves the 404 page at any depth, so its links start at the site's root.
        path, page = path[len(base):].lstrip("/") or "index.html", "404.html"
    target = page if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.startswith("/") or target.startswith(".."):
        return f"links to '{url}', outside the site; use a relative link to a page of the site", None
    if target not in files and posixpath.join(target, "index.html") in files:
        target = posixpath.join(target, "index.html")  # a folder: its index page
    if target not in files:
        return f"links to '{url}', but there is no {target} in the built site; correct the link or add the page", None
    fragment = unquote(parts.fragment)
    if fragment and target in ids:
        if fragment not in ids[target]:
            return f"links to '{url}', but {target} has no anchor '#{fragment}'; correct the anchor or add the id", target
        return None, target
    return None, None


def _sitemap_problems(site: Path, base: str, files: set[str]) -> list[Problem]:
    problems = []
    for sitemap in sorted(site / name for name in files if posixpath.basename(name) == "sitemap.xml"):
        text = sitemap.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"<loc>([^<]*)</loc>|href=\"([^\"]*)\"", text):
            url = match.group(1) or match.group(2)
            path = urlsplit(url).path if urlsplit(url).netloc else url
            path = "/" + path[len(base):] if path.startswith(base) else path
            relative = posixpath.normpath(path.lstrip("/")) if path.strip("/") else "index.html"
            if relative not in files and posixpath.join(relative, "index.html") not in files:
                line, column = line_and_column(text, match.start())
                problems.append(Problem(f"site/{sitemap.relative_to(site).as_posix()}", line, column, "",
                                        f"lists {url}, which is not in the built site; check site_url and the nav"))
    return problems


def _source_of(page: str, languages, default: str, content_dir: str) -> str:
    """The author's file behind a built page: ar/report.html comes from content/ar/report.md."""
    first, _, rest = page.partition("/")
    lang, path = (first, rest) if rest and first in languages else (default, page)
    return f"{content_dir}/{lang}/{path.removesuffix('.html')}.md"


def _located(project: Path, source: str, page: str, url: str, message: str) -> Problem:
    """At the link's place in the author's page when it is written there, else at the page
    (the link then comes from a macro, a data template or the theme)."""
    text = read_text(project, source)
    if isinstance(text, str):
        fragment = urlsplit(url).fragment
        page = urlsplit(url).path.removesuffix(".html")
        for needle in (url, f"{page}.md#{fragment}" if fragment else f"{page}.md", fragment):
            found = text.find(needle) if needle else -1
            if found >= 0:
                line, column = line_and_column(text, found)
                return Problem(source, line, column, "", message)
        return Problem(source, 1, 1, "", message + " (the link is made by a macro, a data template or the theme)")
    return Problem(f"site/{page}", 1, 1, "", message + " (a page of the theme, not of content/)")
