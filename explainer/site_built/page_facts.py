"""What the post-build steps read from each built page: one parse for all of them, kept between
builds by the page's text.

The search index, the stylesheet purge, the sitemap and the site gates each want something from
every built page, and parsing was most of their time (each parsed every page again). Here a page
is parsed once, by lxml's HTML parser (libxml2), which hands each tag and run of text to every
step's listener (parse), and what they found is kept (PageFacts): most rebuilds change few pages, and a build
of an unchanged site changes none. Each page's facts of each kind are one JSON file, named
after the page's text under the cache rule (build_cache.cache_key, which covers the code that
computed them), so a rebuild writes only the changed pages' (one file of every page's facts
was 36 MB to write again at each edit at 50 reports); the folder holds only the pages of the
latest build, so it never grows, and `serve` keeps them in memory too. A cache that cannot be
read or written means parsing again, never a failed build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, TypeVar

from lxml import etree

from ..build_cache import cache_key, keep_only, read_entry, write_atomically

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
    """One build's use of the kept facts of one kind (`folder`/`kind`/, None: compute them all)."""

    def __init__(self, folder: Path | None, kind: str):
        self.folder = folder / kind if folder is not None else None
        self.kind = kind
        self.used: set[str] = set()

    def get(self, html: str, compute: Callable[[str], T], dump: Callable[[T], object],
            load: Callable[[object], T]) -> T:
        """The facts of a page: stored ones when its text is unchanged, else computed. What
        `load` returns is shared with later builds of this process: it must not be changed."""
        name = cache_key(self.kind, html)[:32] + ".json"
        self.used.add(name)
        memory = _in_memory.setdefault(self.kind, {})
        stored = memory.get(name) or self._read(name)
        if stored is None:
            value = compute(html)
            text = json.dumps([dump(value)])  # in a list: a page's facts may be None (search: a no-index page)
            if self.folder is not None:
                write_atomically(self.folder / name, text.encode("utf-8"))
            memory[name] = json.loads(text)  # as a later build reads them from the disk
            return value
        memory[name] = stored
        return load(stored[0])

    def save(self) -> None:
        """Keep only this build's pages: the cache holds one site, not its history."""
        keep_only(self.folder, "*.json", self.used)
        if self.folder is not None:  # the one file of every page's facts of earlier versions
            (self.folder.parent / f"{self.kind}.json").unlink(missing_ok=True)
        memory = _in_memory.get(self.kind, {})
        for name in set(memory) - self.used:
            del memory[name]

    def _read(self, name: str) -> list | None:
        if self.folder is None:
            return None
        try:
            stored = json.loads(read_entry(self.folder / name) or b"null")
        except ValueError:
            return None
        return stored if isinstance(stored, list) and len(stored) == 1 else None


# The facts of the last build's pages in this process, by kind and entry name (a hash of the
# page's text and the engine's version): `serve` takes them from here, not from the disk.
_in_memory: dict[str, dict[str, list]] = {}


def forget() -> None:
    """Read the facts from the disk (or compute them) next time."""
    _in_memory.clear()
