"""Published addresses never change (issue 25, item 4): every file and anchor of the site as it
was before the collection (tests/fixtures/published-addresses.tsv, written by
tools/list_addresses.py) still lands on the same content, directly or through a redirect page
that keeps the fragment."""
from __future__ import annotations

import posixpath
import re
import shutil
import sys
from pathlib import Path

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from list_addresses import LIST, anchor_facts  # noqa: E402

REFRESH = re.compile(r"^\s*\d+\s*;\s*url=(?P<target>.+)$", re.I)


def published() -> list[list[str]]:
    return [line.split("\t") for line in LIST.read_text(encoding="utf-8").splitlines()]


def landing(site: Path, path: str, pages: dict) -> tuple[str, BeautifulSoup | None]:
    """The page an address lands on: itself, or where its redirect page sends the reader."""
    for _ in range(3):  # a moved page leads on at most a few times
        if path not in pages:
            file = site / path
            pages[path] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.is_file() else None
        soup = pages[path]
        refresh = soup and soup.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
        if not refresh:
            return path, soup
        target = REFRESH.match(refresh["content"])["target"].split("#")[0]
        path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
    return path, None


def unkept(site: Path, rows: list[list[str]]) -> list[str]:
    """Each published address that no longer lands on what it showed, and why."""
    pages: dict[str, BeautifulSoup | None] = {}
    lost = []
    for path, anchor, element, kind, text in rows:
        if not anchor:
            if not (site / path).is_file():
                lost.append(f"{path}: the file is gone")
            continue
        where, soup = landing(site, path, pages)
        found = soup.find(id=anchor) if soup else None
        if found is None:
            lost.append(f"{path}#{anchor}: no such anchor at {where}")
        elif anchor_facts(found) != (element, kind, text):
            lost.append(f"{path}#{anchor}: was {(element, kind, text)}, now {anchor_facts(found)}")
    return lost


def test_every_published_address_lands_on_the_same_content(real_site):
    rows = published()
    assert len(rows) > 1000  # the list of 7 December 2026: every page, file and anchor
    assert unkept(real_site, rows) == []


def test_a_lost_anchor_a_moved_page_and_a_changed_sentence_are_caught(real_site, tmp_path):
    """The check itself can fail: on a copy of the site, an anchor renamed, a page moved away
    without a redirect, and a sentence's text altered are each reported; a page moved with a
    redirect page that keeps the fragment is not."""
    site = tmp_path / "site"
    damaged = ("glossary.html", "ar/places.html", "report.html", "timeline.html")
    for page in damaged:  # the pages damaged below, and nothing else to read again
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(real_site / page, site / page)
    html = (site / "glossary.html").read_text(encoding="utf-8")
    (site / "glossary.html").write_text(html.replace('id="term-heavy-weapons"', 'id="term-heavy-arms"'), encoding="utf-8")
    (site / "ar" / "places.html").unlink()
    report = (site / "report.html").read_text(encoding="utf-8")
    (site / "report.html").write_text(report.replace("بعد أن توقّفت", "بعد ان توقفت", 1), encoding="utf-8")
    (site / "moved").mkdir()
    (site / "timeline.html").rename(site / "moved" / "timeline.html")
    (site / "timeline.html").write_text(
        '<!doctype html><meta http-equiv="refresh" content="0; url=moved/timeline.html">', encoding="utf-8")

    lost = unkept(site, [row for row in published() if row[0] in damaged])
    assert any(line.startswith("glossary.html#term-heavy-weapons: no such anchor") for line in lost)
    assert any(line.startswith("ar/places.html: the file is gone") for line in lost)
    assert any(line.startswith("report.html#p1-s1: was ('div', 'sentence', 'بعد أن توقّفت") for line in lost)
    assert not any(line.startswith("timeline.html") for line in lost)
