"""What the post-build steps read from each built page, kept between builds by the page's text.

The search index and the site gates each parse every page (0.8 and 0.6 s of a build); most
rebuilds change few pages, and a build of an unchanged site changes none. Each kind of fact
lives in one JSON file, keyed by a hash of the page's text and stamped with the code that
computed it, and holds only the pages of the latest build, so it never grows. A cache that
cannot be read or written means parsing again, never a failed build."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Callable, TypeVar

from ..build_cache import read_entry, write_atomically

T = TypeVar("T")


class PageFacts:
    def __init__(self, folder: Path | None, kind: str, code: Path):
        self.file = folder / f"{kind}.json" if folder is not None else None
        self.stamp = hashlib.sha256(code.read_bytes()).hexdigest()
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
        key = hashlib.sha256(html.encode("utf-8")).hexdigest()
        if key in self.old:
            self.new[key] = self.old[key]
            return load(self.old[key])
        value = compute(html)
        self.new[key] = dump(value)
        return value

    def save(self) -> None:
        if self.file is not None:
            write_atomically(self.file, json.dumps({"stamp": self.stamp, "pages": self.new}).encode("utf-8"))
