"""Which of our font files a page's first screen draws, so that the page preloads exactly those.

A face the first screen needs but does not preload is found only when the browser lays the
page out; it then arrives after the first paint and the whole page is laid out again, a long
task on a phone (Lighthouse counts it as blocking time). A face preloaded but not drawn there
competes with the page for the first bytes. Which faces a screen draws depends on its text:
Arabic letters come from the Arabic face, Latin letters and the punctuation the Arabic face
lacks (`/`, `(`) from the Latin one, in the weight of the element (headings and `<strong>` are
bold); characters both faces hold come from the first face of the element's font stack, which
is the Arabic one in Arabic text.

The first screen is estimated, not measured: the header (the site's name in bold, the page's
title) and the first `budget` characters of the page's content, about what a phone shows.
A browser test compares the estimate with the faces Chromium really draws on every page.
"""
from __future__ import annotations

import functools
from html.parser import HTMLParser

BOLD_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "th", "legend"}
UNSEEN_TAGS = {"script", "style", "template", "noscript"}  # text that is never drawn
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Characters of content a 412 x 823 phone shows below the header, by the page's language:
# Arabic is set larger but its joined letters are narrower, so a line holds more of them.
FIRST_SCREEN_CHARACTERS = {"ar": 1000, "other": 850}


class _FirstText(HTMLParser):
    """The text of an HTML fragment as (text, bold, language) runs, up to `budget` characters,
    skipping what is never drawn: scripts, templates, hidden elements and closed <details>."""

    def __init__(self, language: str, budget: int) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, bool, str]] = []
        self.left = budget
        # Per open element: tag, bold, language, unseen, and whether it is a closed <details>.
        self._open: list[tuple[str, bool, str, bool, bool]] = [("", False, language, False, False)]

    def handle_starttag(self, tag, attrs):
        if tag in VOID_TAGS:
            return
        values = dict(attrs)
        _, bold, language, unseen, in_closed_details = self._open[-1]
        self._open.append((tag, bold or tag in BOLD_TAGS, values.get("lang") or language,
                           unseen or tag in UNSEEN_TAGS or "hidden" in values
                           or (in_closed_details and tag != "summary"),  # it draws its summary alone
                           tag == "details" and "open" not in values))

    def handle_endtag(self, tag):
        for depth in range(len(self._open) - 1, 0, -1):  # tolerate unclosed elements (<p>, <li>)
            if self._open[depth][0] == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        _, bold, language, unseen, _ = self._open[-1]
        text = " ".join(data.split())
        if unseen or not text or self.left <= 0:
            return
        self.runs.append((text[:self.left], bold, language))
        self.left -= len(text)


def first_screen_runs(site_name: str, page_title: str, content_html: str, language: str,
                      budget: int | None = None) -> list[tuple[str, bool, str]]:
    """(text, bold, language) of what a phone's first screen shows: the header, then the start
    of the content. Only the first stretch of the content is parsed, however long the page."""
    return list(_first_screen_runs(site_name, page_title, content_html, language, budget))


@functools.lru_cache(maxsize=64)
def _first_screen_runs(site_name: str, page_title: str, content_html: str, language: str,
                       budget: int | None) -> tuple[tuple[str, bool, str], ...]:
    # Kept for the pages of the last few builds: `serve` renders every page's template again at
    # each rebuild, and most pages have not changed (3 ms a page).
    if budget is None:
        budget = FIRST_SCREEN_CHARACTERS["ar" if language == "ar" else "other"]
    parser = _FirstText(language, budget)
    chunk = 8192
    for start in range(0, len(content_html), chunk):  # stop reading once the screen is full
        parser.feed(content_html[start:start + chunk])
        if parser.left <= 0:
            break
    return ((site_name, True, language), (page_title, False, language), *parser.runs)


def faces_drawn(runs, faces: list[dict], stacks: dict[str, list[str]]) -> list[str]:
    """The files of `faces` that draw some character of `runs`, in the order of `faces`.

    faces: {"file", "family", "weight", "ranges": [[first, last], ...]} per file;
    stacks: font families in order for Arabic text ("ar") and for any other ("other")."""
    def covers(face, point):
        return any(first <= point <= last for first, last in face["ranges"])

    by_family = {}
    for face in faces:
        by_family.setdefault((face["family"], face["weight"]), face)
    used = set()
    for text, bold, language in runs:
        stack = stacks["ar" if language.split("-")[0] == "ar" else "other"]
        weight = 700 if bold else 400
        for point in {ord(c) for c in text if not c.isspace()}:
            for family in stack:
                face = by_family.get((family, weight))
                if face is not None and covers(face, point):
                    used.add(face["file"])
                    break
    return [face["file"] for face in faces if face["file"] in used]
