"""What the post-build steps read from each built page: one parse for all of them, kept between
builds by the page's text.

The search index, the stylesheet purge, the sitemap and the site gates each want something from
every built page, and parsing was most of their time (each parsed every page again). Here a page
is parsed once, by lxml's HTML parser (libxml2), which hands each tag and run of text to every
step's listener (parse), and what they found is kept (PageFacts): most rebuilds change few pages, and a build
of an unchanged site changes none. Each kind of fact lives in one JSON file, keyed by the
page's text under the cache rule (build_cache.cache_key, which covers the code that computed
it), and holds only the pages of the latest build, so it never grows. A cache that cannot be
read or written means parsing again, never a failed build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TypeVar

from lxml import etree

from ..build_cache import cache_key, read_entry, write_atomically

T = TypeVar("T")


class _Fanout:
    """One pass over a page, each event handed to every listener that has a handler for it
    (the listeners are plain objects with html.parser's handler names and arguments: a start
    tag's attributes as (name, value) pairs). lxml's parser calls this target's methods; it
    tokenizes in C, four times as fast as html.parser on our pages (the pure-Python tokenizer
    was half of a cold build's post-build steps), with the same events on every built page."""

    def __init__(self, listeners) -> None:
        self._starts = [listener.handle_starttag for listener in listeners if hasattr(listener, "handle_starttag")]
        self._ends = [listener.handle_endtag for listener in listeners if hasattr(listener, "handle_endtag")]
        self._data = [listener.handle_data for listener in listeners if hasattr(listener, "handle_data")]
        self._text: list[str] = []  # lxml splits a run of text at each character reference

    def start(self, tag, attrib):
        self._flush()
        attrs = list(attrib.items())
        for handle in self._starts:
            handle(tag, attrs)

    def end(self, tag):
        self._flush()
        for handle in self._ends:
            handle(tag)

    def data(self, data):
        self._text.append(data)

    def close(self) -> None:
        self._flush()

    def _flush(self) -> None:
        """Hand on the run of text so far as one piece, as html.parser does (convert_charrefs)."""
        if self._text:
            text, self._text = "".join(self._text), []
            for handle in self._data:
                handle(text)


def parse(html: str, *listeners) -> None:
    """Parse `html` once, handing its tags and text to each of `listeners` in document order."""
    parser = etree.HTMLParser(target=_Fanout(listeners), no_network=True)
    parser.feed(html)
    parser.close()


class PageFacts:
    def __init__(self, folder: Path | None, kind: str):
        self.file = folder / f"{kind}.json" if folder is not None else None
        self.stamp = cache_key(kind)  # the engine's version: new code computes afresh
        self.old: dict[str, object] = {}
        self.new: dict[str, object] = {}
        if self.file is not None:
            try:
                stored = json.loads(read_entry(self.file) or b"{}")
                if stored.get("stamp") == self.stamp:
                    self.old = stored["pages"]
            except (OSError, ValueError, KeyError, AttributeError):
                pass

    def get(self, html: str, compute: Callable[[str], T], dump: Callable[[T], object],
            load: Callable[[object], T]) -> T:
        """The facts of a page: stored ones when its text is unchanged, else computed."""
        key = cache_key(html)
        if key in self.old:
            self.new[key] = self.old[key]
            return load(self.old[key])
        value = compute(html)
        self.new[key] = dump(value)
        return value

    def save(self) -> None:
        if self.file is not None:
            write_atomically(self.file, json.dumps({"stamp": self.stamp, "pages": self.new}).encode("utf-8"))
