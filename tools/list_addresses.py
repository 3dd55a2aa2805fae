"""List every published address of a built site: each file a reader may link to, and each
anchor of each page with what it shows, into tests/fixtures/published-addresses.tsv.

Run once before a change that could move pages (issue 25 listed the site of 7 December 2026,
before the collection): `python tools/list_addresses.py site/`. tests/test_addresses.py then
proves, on every build, that each address still lands on the same content. Re-run it only to
add addresses, never to drop one: a published address is a promise.
"""
from __future__ import annotations

import sys
from pathlib import Path

from bs4 import BeautifulSoup

LIST = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "published-addresses.tsv"
TEXT_KEPT = 32
"""Characters of an anchor's text recorded where the text is what the anchor promises."""


def anchor_facts(element) -> tuple[str, str, str]:
    """What an anchor lands on: its element, its kind (first class), and for a heading, a
    paragraph or a sentence of the report (verbatim Arabic, which never changes) the start of
    its text. Notes, claims and entries are recorded by element and kind only: their wording may
    be corrected, and the test must not make a correction look like a moved page."""
    kind = (element.get("class") or [""])[0]
    textual = element.name in {"h1", "h2", "h3", "h4", "h5", "h6"} or kind in {"sentence", "report-paragraph"}
    text = " ".join(element.get_text(" ", strip=True).split())[:TEXT_KEPT] if textual else ""
    return element.name, kind, text


def addresses(site: Path) -> list[tuple[str, ...]]:
    """(path, anchor, element, kind, text) for each anchor; (path, '', '', '', '') for a file."""
    rows = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if not path.is_file() or relative.split("/")[0] in {"assets", "search"}:
            continue  # the theme's files (named by their content) and the search index are not addresses
        rows.append((relative, "", "", "", ""))
        if path.suffix != ".html" or path.name == "404.html":
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for element in soup.select("[id]"):
            if element["id"].startswith("__"):
                continue  # Material's own controls (__drawer, __search), not the publication's anchors
            rows.append((relative, element["id"], *anchor_facts(element)))
    return rows


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    rows = addresses(site)
    LIST.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    print(f"{len(rows)} addresses written to {LIST}")
