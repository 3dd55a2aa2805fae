"""The methods page (issue 26, item 4), built in both languages: its sections, the verdict scale
defined in the order of the schema with a real claim of each verdict as its example, the neutral
terms from the glossary; and the links to it from the ledger, the key to the report's marks, the
about page and every page's footer, each to the page of its own language."""
from __future__ import annotations

import posixpath
from typing import get_args

import pytest
from conftest import LANGS, PAGES, parse, real_data

from explainer.data_in.schema.claims import Verdict
from explainer.pages_out.labels import LABELS
from explainer.scaffold.project import new_publication

SECTIONS = ["sources", "verdicts", "loaded-wording", "translation", "what-we-cannot-know", "corrections"]
VERDICTS = list(get_args(Verdict))


def target(prefix: str, page: str, href: str) -> tuple[str, str]:
    """The site path and fragment a relative link on `prefix + page` points to."""
    path, _, fragment = href.partition("#")
    return posixpath.normpath(posixpath.join(posixpath.dirname(prefix + page), path)), fragment


def section(heading) -> list:
    """The elements after a heading, up to the next heading of the same or a higher level."""
    level, found = int(heading.name[1]), []
    for element in heading.find_next_siblings():
        if element.name in {"h1", "h2", "h3"} and int(element.name[1]) <= level:
            break
        found.append(element)
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_has_every_section_and_the_scale_in_order(real_site, lang):
    prefix, direction = LANGS[lang]
    soup = parse(real_site, f"{prefix}methods.html")
    assert soup.html["lang"] == lang and soup.html["dir"] == direction
    article = soup.select_one("article")
    assert [h["id"] for h in article.select("h2")] == SECTIONS
    scale = [h for h in article.select("h3") if h.get("id", "").startswith("verdict-")]
    assert [h["id"] for h in scale] == [f"verdict-{v}" for v in VERDICTS]
    ledger = parse(real_site, f"{prefix}claims.html")
    for heading, verdict in zip(scale, VERDICTS):
        # Each verdict is named as the ledger names it, defined, and shown by a claim of that verdict.
        assert heading.get_text(strip=True) == LABELS[lang]["verdicts"][verdict]
        body = section(heading)
        assert sum(len(p.get_text(strip=True)) for p in body if p.name == "p") > 150, verdict
        examples = [a["href"] for p in body for a in p.select('a[href*="claims.html#"]')]
        assert examples, f"{verdict}: no example claim"
        for href in examples:
            path, fragment = target(prefix, "methods.html", href)
            assert path == f"{prefix}claims.html", href
            row = ledger.find(id=fragment)
            assert row is not None and row.name == "tr", f"{href} is no claim of the ledger"
            assert row["data-verdict"] == verdict, f"{href} is {row['data-verdict']}, shown as {verdict}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_neutral_terms_are_the_glossarys(real_site, lang):
    prefix, _ = LANGS[lang]
    table = parse(real_site, f"{prefix}methods.html").find(id="loaded-wording").find_next("table")
    rows = [(tr.select_one("a")["href"], tr.select("td")[1].get_text(strip=True)) for tr in table.select("tbody tr")]
    loaded = [t for t in real_data().glossary.terms if t.loaded]
    assert rows == [(f"glossary.html#term-{t.id}", getattr(t.loaded.neutral, lang)) for t in loaded]


@pytest.mark.parametrize("lang", LANGS)
def test_linked_from_the_ledger_the_key_and_the_about_page(real_site, lang):
    prefix, _ = LANGS[lang]
    words = LABELS[lang]["methods"]["verdicts"]
    ledger = parse(real_site, f"{prefix}claims.html")
    link = ledger.select_one(".ledger-method a")
    assert link is not None and link.get_text() == words
    # Beside the verdict legend: right under the counts by verdict.
    assert link.find_parent("p").find_previous_sibling("ul")["class"] == ["ledger-counts"]
    assert target(prefix, "claims.html", link["href"]) == (f"{prefix}methods.html", "verdicts")
    key = parse(real_site, f"{prefix}report.html").select_one("details.marks-legend .marks-method a")
    assert key is not None and key.get_text() == words
    assert target(prefix, "report.html", key["href"]) == (f"{prefix}methods.html", "verdicts")
    about = parse(real_site, f"{prefix}about.html")
    links = {target(prefix, "about.html", a["href"]) for a in about.select("article a[href]")}
    assert {(f"{prefix}methods.html", ""), (f"{prefix}methods.html", "corrections")} <= links


@pytest.mark.parametrize("lang", LANGS)
def test_every_footer_links_to_the_page_in_its_language(real_site, lang):
    prefix, _ = LANGS[lang]
    for page in [*PAGES, "404.html"]:
        links = parse(real_site, f"{prefix}{page}").select(".md-copyright a.methods-link")
        assert len(links) == 1, f"{prefix}{page}"
        assert links[0].get_text() == LABELS[lang]["methods"]["footer"]
        if page == "404.html":  # served at any depth, so its links start from the site's root
            assert links[0]["href"] == f"/{prefix}methods.html"
        else:
            assert target(prefix, page, links[0]["href"]) == (f"{prefix}methods.html", ""), f"{prefix}{page}"


def test_a_new_publication_has_a_methods_stub_with_the_same_sections(tmp_path):
    source = tmp_path / "report.txt"
    source.write_text("قال المتحدث إن الاجتماع انتهى.\n", encoding="utf-8")
    written = new_publication(source, tmp_path / "new")
    for lang in LANGS:
        assert f"content/{lang}/methods.md" in written
        text = (tmp_path / "new" / "content" / lang / "methods.md").read_text(encoding="utf-8")
        assert [line.rsplit("{ #", 1)[1].rstrip(" }") for line in text.splitlines() if line.startswith("## ")] == SECTIONS
        assert "todo(" in text
    assert "  - methods.md\n  - about.md" in (tmp_path / "new" / "mkdocs.yml").read_text(encoding="utf-8")
