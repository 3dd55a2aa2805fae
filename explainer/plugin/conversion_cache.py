"""Reuse Python-Markdown's conversion of a page whose Markdown has not changed.

Converting the pages is most of MkDocs' own time (1.0 of 1.7 s here), and an edit of data/
changes the Markdown of a few pages only (a glossary entry: the glossary and the pages that use
the term), so `mkdocs serve` would otherwise convert all twenty again for each edit. What the
conversion yields depends on the Markdown, the page's place among the site's files, the Markdown
settings and the library versions alone: that is the key. A conversion that logged a warning is
never kept, so a strict build fails as often as it would without the cache.

This is the one module that relies on MkDocs' private workings: what `Page.render` sets
(PAGE_RESULT, among them the private `_title_from_render`). tests/test_build_cache.py checks
them against the installed MkDocs, so a host that changes them fails the tests loudly; at build
time a page that lacks one is simply converted.
"""
from __future__ import annotations

import functools
import logging
import pickle
from pathlib import Path

from ..build_cache import cache_key, keep_only, read_entry, write_atomically

PAGE_RESULT = ("content", "toc", "_title_from_render", "present_anchor_ids")
"""What Page.render sets from the conversion, besides links_to_anchors (kept by source path)."""


class ConversionCache:
    """One build's use of the kept conversions in `folder` (None: no cache, convert every page)."""

    def __init__(self, folder: Path | None):
        self.folder = folder / "conversions" if folder is not None else None
        self.used: set[str] = set()
        self._settings: tuple[object, str] | None = None

    def wrap(self, page, markdown: str, config, files) -> None:
        """Make page.render reuse the kept conversion of exactly this Markdown, if there is one."""
        if self.folder is None:
            return
        entry = self.folder / f"{self._key(markdown, page, config, files)}.pickle"
        page.render = functools.partial(self._render_or_reuse, page, entry, type(page).render.__get__(page))

    def forget_unused(self) -> None:
        """Keep only the conversions this build used: the cache holds one site, not its history."""
        used, self.used = self.used, set()
        keep_only(self.folder, "*.pickle", used)
        for name in set(_in_memory) - used:
            del _in_memory[name]

    def _key(self, markdown: str, page, config, files) -> str:
        """The cache's one rule (build_cache.cache_key: the engine's and the libraries' versions
        and these inputs): the site's files, the Markdown settings, the page and its Markdown."""
        if self._settings is None or self._settings[0] is not files:
            listing = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
            self._settings = (files, repr((listing, config["markdown_extensions"], sorted(config["mdx_configs"].items()),
                                           config["use_directory_urls"], dict(config["validation"]))))
        return cache_key(self._settings[1], page.file.src_uri, markdown)[:32]

    def _render_or_reuse(self, page, entry: Path, convert, config, files) -> None:
        """Page.render, from the kept conversion when there is one."""
        self.used.add(entry.name)
        try:
            stored = _in_memory.get(entry.name) or read_entry(entry)  # signed by this user's builds (build_cache.py)
            kept = pickle.loads(stored)  # a new copy at each build: MkDocs and the plugins may change a page's parts
            _in_memory[entry.name] = stored
            for name, value in zip(PAGE_RESULT, kept["result"], strict=True):
                setattr(page, name, value)
            page.links_to_anchors = {files.get_file_from_path(src): anchors
                                     for src, anchors in kept["links"].items()} if kept["links"] is not None else None
            return
        except Exception:  # noqa: BLE001 - missing, truncated, or from another version: convert
            pass
        warnings = _WarningCounter()
        logging.getLogger("mkdocs").addHandler(warnings)
        try:
            convert(config, files)
        finally:
            logging.getLogger("mkdocs").removeHandler(warnings)
        if warnings.count or not all(hasattr(page, name) for name in (*PAGE_RESULT, "links_to_anchors")):
            return
        links = page.links_to_anchors
        try:
            kept = pickle.dumps({"result": tuple(getattr(page, name) for name in PAGE_RESULT),
                                 "links": None if links is None else {f.src_uri: anchors for f, anchors in links.items()}},
                                protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - unpicklable: convert again next time
            return
        write_atomically(entry, kept)
        _in_memory[entry.name] = kept


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


# The last build's kept conversions in this process, by their entry's name (a hash of all they
# depend on): `serve` takes them from here, not from the disk (reading and checking the
# signature of some 60 MB at every rebuild at 50 reports).
_in_memory: dict[str, bytes] = {}
