"""Reuse a page's finished HTML when nothing it is made from has changed.

MkDocs renders every page through the theme at every build, and the theme draws the whole
navigation into each page: a collection of 50 reports (some 320 pages) spends most of a `serve`
rebuild there, though an edit of one report changes the text of a few pages. So, once every
page's content is final (on_env: after MkDocs has converted them all, before it renders any),
each page gets a key made of everything the theme reads to draw it: the page (its content,
table of contents, title, front matter, address, neighbours and language twins), the whole
navigation, the configuration, mkdocs.yml's text, and what the engine's template functions
return for it (its structured data, the previous and next report, its search label, the
masthead's inputs). The engine's own files and the libraries' versions are in every key
(build_cache.cache_key). A page whose key has a kept HTML is rendered with a template that draws
nothing (REUSE_TEMPLATE), and its kept HTML is written instead; any other page is rendered as
always and its HTML kept. So a build writes exactly what a build without this cache writes
(tests/test_rendered_pages.py compares them after each kind of edit).

Kept on disk (signed, build_cache.py), one site's worth: a `mkdocs build` with nothing changed
reuses them too.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Mapping
from pathlib import Path

from ..build_cache import cache_key, keep_only, read_entry, write_atomically

REUSE_TEMPLATE = "explainer-reused.html"
"""The theme's empty template, which a reused page is rendered with (explainer/theme/)."""


class RenderedPages:
    """One build's (one language's) kept pages in `folder` (None: render every page)."""

    def __init__(self, folder: Path | None):
        self.folder = folder / "pages-html" if folder is not None else None
        self.used: set[str] = set()
        self._keys: dict[int, str] = {}          # id(page): its entry's name, for this language's build
        self._reused: dict[int, tuple[str, object]] = {}  # id(page): its kept HTML, its own template

    def plan(self, pages, nav, config, page_values) -> None:
        """Key every page (`page_values(page)`: what the engine's template functions give it);
        a page with a kept HTML is rendered with REUSE_TEMPLATE."""
        self._keys, self._reused = {}, {}
        if self.folder is None:
            return
        site = _site_signature(nav, config)
        for page in pages:
            name = cache_key(site, _page_signature(page), json.dumps(page_values(page), sort_keys=True))[:32] + ".html.z"
            self._keys[id(page)] = name
            self.used.add(name)
            html = _in_memory.get(name) or _read(self.folder / name)
            if html is None:
                continue
            _in_memory[name] = html
            self._reused[id(page)] = (html, page.meta.get("template", _ABSENT))
            page.meta["template"] = REUSE_TEMPLATE

    def reused(self, page) -> str | None:
        """A reused page's kept HTML (its front matter put back as it was), else None."""
        reused = self._reused.pop(id(page), None)
        if reused is None:
            return None
        html, template = reused
        if template is _ABSENT:
            page.meta.pop("template", None)
        else:
            page.meta["template"] = template
        return html

    def keep(self, page, html: str) -> None:
        """Keep a rendered page's final HTML for the next build."""
        name = self._keys.get(id(page))
        if name is not None and self.folder is not None:
            write_atomically(self.folder / name, zlib.compress(html.encode("utf-8"), 1))
            _in_memory[name] = html

    def forget_unused(self) -> None:
        """Keep only the pages this build used (every language's): one site, not its history."""
        used, self.used = self.used, set()
        keep_only(self.folder, "*.html.z", used)
        for name in set(_in_memory) - used:
            del _in_memory[name]


# The kept pages of the last build in this process, by their entry's name (a hash of all they
# are made from): `serve` takes them from here, not from the disk, where reading, checking and
# inflating some 300 pages took a second of every rebuild at 50 reports.
_in_memory: dict[str, str] = {}


def _read(entry: Path) -> str | None:
    kept = read_entry(entry)
    if kept is None:
        return None
    try:
        return zlib.decompress(kept).decode("utf-8")
    except (zlib.error, UnicodeDecodeError):
        return None


_ABSENT = object()
_NOT_DRAWN = ("plugins", "hooks", "markdown_extensions", "mdx_configs",  # in the content, or in mkdocs.yml's text
              "site_dir")  # the staging folder, new at every build (plugin/atomic_build.py)


def _site_signature(nav, config) -> str:
    """What every page of this language's build draws alike: the navigation (titles, addresses,
    sections, in order), the configuration and mkdocs.yml's text (every plugin's options)."""
    try:
        config_text = Path(config.config_file_path).read_text(encoding="utf-8")
    except (OSError, TypeError):
        config_text = ""
    settings = {name: _plain(value) for name, value in config.items()
                if name not in _NOT_DRAWN}
    settings["theme"] = {"name": config.theme.name, "dirs": list(config.theme.dirs),
                         "options": _plain(dict(config.theme.items())),
                         "static_templates": sorted(config.theme.static_templates)}
    return json.dumps([[_nav_item(item) for item in nav.items], settings, config_text,
                       _own_theme_files(config)], sort_keys=True)


def _own_theme_files(config) -> list:
    """The publication's own theme folders (its custom_dir, in the project), file by file: the
    engine's theme and Material's are in every key already, by the engine's and the libraries'
    versions (build_cache.engine_version)."""
    project = Path(config.config_file_path).parent.resolve()
    found = []
    for folder in config.theme.dirs:
        folder = Path(folder).resolve()
        if folder != project and project not in folder.parents:
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found.append([path.relative_to(folder).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()])
    return found


def _nav_item(item) -> list:
    children = getattr(item, "children", None) or []
    return [type(item).__name__, str(item.title or ""), getattr(item, "url", "") or "",
            [_nav_item(child) for child in children]]


def _page_signature(page) -> str:
    """What the theme reads of the page itself."""
    file = page.file
    alternates = getattr(file, "alternates", None) or {}
    neighbours = [[other.url, str(other.title or "")] if other is not None else None
                  for other in (page.previous_page, page.next_page)]
    ancestors = [str(getattr(ancestor, "title", "") or "") for ancestor in page.ancestors]
    return json.dumps([file.src_uri, file.dest_uri, page.url, page.canonical_url or "", page.edit_url or "",
                       str(page.title or ""), page.content or "", str(page.toc), _plain(page.meta),
                       page.is_homepage, neighbours, ancestors,
                       sorted((lang, getattr(other, "url", str(other))) for lang, other in alternates.items()),
                       str(getattr(file, "locale_alternate_of", "") or ""), str(file.inclusion)], sort_keys=True)


def _plain(value):
    """`value` as JSON: mappings, lists and scalars as they are; any other object by its type and
    its public attributes' plain values where it has them (never a memory address)."""
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    text = repr(value)
    return type(value).__name__ if " at 0x" in text else text
