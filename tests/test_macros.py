"""The macros render the right text, in the page's language, linking to the right anchor;
and nothing from data can inject HTML, script or Markdown into a page."""
from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import append, edit, mkdocs_build


def page(project, path):
    return BeautifulSoup((project / "site" / path).read_text(encoding="utf-8"), "html.parser")


def test_macros_link_in_the_page_language(mini):
    assert mkdocs_build(mini).returncode == 0
    for path, lang in (("index.html", "en"), ("ar/index.html", "ar")):
        soup = page(mini, path)
        term = soup.select_one("a.term")
        actor = soup.select_one("a.actor")
        place = soup.select_one("a.place")
        point = soup.select_one("a.point")
        assert (term["href"], actor["href"], place["href"], point["href"]) == (
            "glossary.html#term-ceasefire", "actors.html#actor-delegation", "places.html#place-town",
            "roadmap.html#point-ceasefire")
        expected = {"en": ("ceasefire", "The delegation", "Testtown", "Point\u00a01: Ceasefire"),  # the number kept with its word
                    "ar": ("وقف إطلاق النار", "الوفد", "البلدة", "البند\u00a01: وقف إطلاق النار")}[lang]
        assert (term.get_text(), actor.get_text(), place.get_text(), point.get_text()) == expected
        cite = soup.select_one("sup.cite a")
        assert cite["href"] == "sources.html#src-wire-one" and cite.get_text() == "1"
        assert cite["aria-label"] == {"en": "Source 1: Example Wire, 5\u00a0July 2018",
                                      # held together; the Latin name isolated (FSI/PDI) in Arabic
                                      "ar": "المصدر 1: \u2068Example Wire\u2069، 5\u00a0تموز/\u2060يوليو 2018"}[lang]
        quote = soup.select_one("figure.report-quote")
        assert quote.select_one("blockquote.original p").get_text() == "وصل الوفد إلى المدينة صباحاً."
        assert quote.select_one("blockquote.original")["lang"] == "ar"
        assert quote.select_one("figcaption a")["href"] == "report.html#p1-s1"
        if lang == "en":
            assert quote.select_one(".translation").get_text() == "The delegation reached the town in the morning."


def test_data_cannot_inject_markup(mini):
    edit(mini, "data/sources.yaml", "title: A test headline", 'title: "<script>alert(1)</script> *x*"')
    edit(mini, "data/actors.yaml", "en: A negotiating team.", 'en: "<img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** {: #x }"')
    edit(mini, "data/report.yaml", "en: The meeting ended without agreement.", 'en: "</p><script>alert(2)</script>"')
    assert mkdocs_build(mini).returncode == 0
    sources = page(mini, "sources.html")
    assert not sources.select("article script")
    assert "<script>alert(1)</script> *x*" in sources.select_one("#src-wire-one cite").get_text()
    actors = page(mini, "actors.html")
    article = actors.select_one("article")
    assert not article.select("img") and not article.select('a[href^="javascript"]')
    assert "bold" not in [strong.get_text() for strong in article.select("strong")]
    assert "<img src=x onerror=alert(1)> [link](javascript:alert(1)) **bold** {: #x }" in article.get_text()
    report = page(mini, "report.html")
    assert not report.select("article script")
    assert report.select_one("#p1-s2 .translation").get_text() == "</p><script>alert(2)</script>"


def test_runs_of_the_other_script_are_isolated(mini):
    edit(mini, "data/report.yaml", "en: The town is small.", "en: The town (البلدة الصغيرة) is small.")
    edit(mini, "data/report.yaml", "ar: البلدة صغيرة.", "ar: البلدة صغيرة بحسب Example Wire (EW).")
    assert mkdocs_build(mini).returncode == 0
    english = page(mini, "report.html").select_one("#p1-s1 .note")
    english.select_one(".note-label").decompose()  # "Note 1 · Context": its number is isolated too
    isolated = english.select("bdi")
    assert [(b.get("lang"), b.get("dir"), b.get_text()) for b in isolated] == [("ar", "rtl", "البلدة الصغيرة")]
    assert "The town (البلدة الصغيرة) is small." in english.get_text()
    arabic = page(mini, "ar/report.html").select_one("#p1-s1 .note")
    arabic.select_one(".note-label").decompose()
    # A Latin name with its bracketed abbreviation is one left-to-right unit: split at the
    # brackets, an Arabic line would draw them the other way round.
    assert [(b.get("dir"), b.get_text()) for b in arabic.select("bdi")] == [("ltr", "Example Wire (EW)")]


def test_citation_clusters_are_in_number_order(mini):
    append(mini, "data/sources.yaml", "  - id: wire-two\n    publisher: Example Wire\n    title: Second\n    date: 2018-07-06\n"
                                      "    url: https://example.org/two\n    language: ar\n    supports: A note.\n")
    edit(mini, "content/en/about.md", "We translate.", "We translate.{{ cite('wire-two', 'wire-one', 'wire-two') }}")
    assert mkdocs_build(mini).returncode == 0
    links = page(mini, "about.html").select("sup.cite a")
    assert [(a.get_text(), a["href"]) for a in links] == [("1", "sources.html#src-wire-one"), ("2", "sources.html#src-wire-two")]


def test_a_citation_carries_its_url_for_print_with_arabic_paths_readable(mini):
    # The print stylesheet writes `data-url` out. Percent-encoded UTF-8 letters and punctuation
    # are shown as the letters (as an address bar shows them); what would change the address
    # (%2F, %3F, a space) or how it reads (a bidi control), and bytes that are not UTF-8, stay.
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one",
         "url: https://example.org/%D8%AF%D8%B1%D8%B9%D8%A7%D8%9F/a%2Fb%20c%3F/%E2%80%AEx/%D8?q=1&r=%D8%A8")
    assert mkdocs_build(mini).returncode == 0
    for path in ("index.html", "ar/index.html"):
        cite = page(mini, path).select_one("sup.cite a")
        assert cite["data-url"] == "https://example.org/درعا؟/a%2Fb%20c%3F/%E2%80%AEx/%D8?q=1&r=ب"
        assert cite["href"] == "sources.html#src-wire-one"
