"""The pages that tie a collection's reports together (issue 25, items 3 and 5), on the fixture
collection of two reports built once: the home page lists both in story order, each report's
pages end with the previous and next report, the timeline links a report's day to it, and
search labels every result from a report's page with that report, in the index and in the
browser. On the real one-report site: one report listed, no previous or next, no labels."""
from __future__ import annotations

import json
import posixpath
import re
import zipfile

import pytest
from conftest import FIXTURES, append, edit, make_project, mkdocs_build, once_per_run, parse, real_data

from explainer.data_in.dataset import load_dataset
from explainer.pages_out.labels import LABELS, format_date

FIRST, SECOND = ("report.html", "claims.html", "roadmap.html"), ("second/report.html", "second/claims.html")
SHARED = ("index.html", "timeline.html", "actors.html", "places.html", "sources.html")
DAYS = {"en": ("Wednesday 4 July 2018", "Friday 6 July 2018"),
        "ar": ("الأربعاء 4 تموز/يوليو 2018", "الجمعة 6 تموز/يوليو 2018")}
LABEL = {"en": "Report of {}", "ar": "تقرير {}"}
NEIGHBOUR = {"en": ("Previous report:", "Next report:"), "ar": ("التقرير السابق:", "التقرير التالي:")}
NEIGHBOUR_CLAIMS = {"en": ("Previous: The claims of the report of", "Next: The claims of the report of"),
                    "ar": ("السابق: ادعاءات تقرير", "التالي: ادعاءات تقرير")}
THIS_DAY = {"en": "The report of ", "ar": "تقرير "}  # then the report's day, written out
PREFIX = {"en": "", "ar": "ar/"}


def _plain(text: str) -> str:
    """Text as read, without the invisible joiners and no-break spaces that keep a date whole."""
    return " ".join(text.replace("\u2060", "").replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture collection, with the home page's list of reports in both languages, both
    reports' pages in the nav, and a timeline entry on the second report's day; built once for
    the run (the tests only read it)."""
    return once_per_run(tmp_path_factory, "collection-pages", _build_collection) / "project" / "site"


def _build_collection(folder) -> None:
    project = make_project(folder / "project", FIXTURES / "collection")
    if "second/report.md" not in (project / "mkdocs.yml").read_text(encoding="utf-8"):
        edit(project, "mkdocs.yml", "  - roadmap.md\n", "  - roadmap.md\n  - second/report.md\n  - second/claims.md\n")
    _with_list_of_reports(project)
    append(project, "data/timeline.yaml", "\n  - id: agreed\n    date: 2018-07-06\n    en: The delegation agrees.\n"
                                          "    ar: الوفد يتفق.\n    cite: [wire-one]\n")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr


def _with_list_of_reports(project) -> None:
    for lang, heading in (("en", "## Key terms { #key-terms }"), ("ar", "## مصطلحات { #key-terms }")):
        edit(project, f"content/{lang}/index.md", heading,
             f"## {'Reports' if lang == 'en' else 'التقارير'} {{ #reports }}\n\n{{{{ block('reports') }}}}\n\n{heading}")


def resolve(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_home_page_lists_both_reports_in_story_order_with_their_ways_in(site, lang):
    home = f"{PREFIX[lang]}index.html"
    items = parse(site, home).select("#reports ~ ol.report-list > li.report-item")
    assert [_plain(item.select_one(".report-item-date").get_text()) for item in items] == list(DAYS[lang])
    links = [[resolve(home, a["href"]) for a in item.select("a")] for item in items]
    assert links == [[f"{PREFIX[lang]}report.html", f"{PREFIX[lang]}claims.html"],
                     [f"{PREFIX[lang]}second/report.html", f"{PREFIX[lang]}second/claims.html"]]
    assert all((site / target).is_file() for item in links for target in item)
    # The second report's one line is shown; the first has none, and its title is not said twice.
    line = {"en": "Two days later, the delegation agreed.", "ar": "بعد يومين، اتفق الوفد."}[lang]
    assert [_plain(p.get_text()) for p in parse(site, home).select(".report-item-line")] == [line]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_report_page_ends_with_the_previous_and_next_report_and_shared_pages_do_not(site, lang):
    for pages, kind, day in ((FIRST, "next", DAYS[lang][1]), (SECOND, "previous", DAYS[lang][0])):
        for name in pages:
            # A claims page leads on to the other report's claims, any other page to its report.
            other = "claims.html" if name.endswith("claims.html") else "report.html"
            page = f"{PREFIX[lang]}{name}"
            soup = parse(site, page)
            nav = soup.select("article nav.report-neighbours")
            assert len(nav) == 1, page
            items = nav[0].select("li")
            assert [li["class"] for li in items] == [[f"report-{kind}"]], page
            # ...and says so: "The next report's claims:" on a claims page.
            words = (NEIGHBOUR_CLAIMS if other == "claims.html" else NEIGHBOUR)[lang][kind == "next"]
            shown = day if other == "report.html" else day.split(" ", 1)[1]  # the claims' title: the date, no weekday
            assert _plain(items[0].get_text()).startswith(f"{words} {shown}"), (page, items[0].get_text())
            target = resolve(page, items[0].a["href"])
            assert target == f"{PREFIX[lang]}{'second/' if kind == 'next' else ''}{other}", page
            assert (site / target).is_file()
            # At the end of the page's text: the article's last element.
            assert nav[0].find_parent("article").find_all(recursive=False)[-1] is nav[0], page
    for name in SHARED:
        assert not parse(site, f"{PREFIX[lang]}{name}").select("nav.report-neighbours"), name


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_timeline_links_each_reports_day_to_that_report(site, lang):
    page = f"{PREFIX[lang]}timeline.html"
    soup = parse(site, page)
    marks = {li["id"]: [resolve(page, a["href"]) for a in li.select("a.time-report")]
             for li in soup.select("ol.timeline > li.time-entry")}
    assert marks == {"time-meeting": [f"{PREFIX[lang]}report.html"], "time-agreed": [f"{PREFIX[lang]}second/report.html"]}
    # Each link names its report's day, so that a list of the page's links tells them apart.
    days = {report.id: getattr(report.models["event"].date_label, lang) for report in load_dataset(site.parent).reports}
    assert [" ".join(a.get_text().replace("\u2060", "").split()) for a in soup.select("a.time-report")] == [
        THIS_DAY[lang] + days["first"], THIS_DAY[lang] + days["second"]]


def open_search(page, query: str) -> list[str]:
    """The hrefs of the results of a query typed into search (as tests/test_search.py does; the
    count may be words alone in Arabic: «نتيجة واحدة», «نتيجتان»)."""
    page.locator(".md-search__input").click()
    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|لا|No|result|نتيج")).wait_for(timeout=15000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


def _index(site, lang: str) -> dict:
    script = (site / "search" / f"{lang}.js").read_text(encoding="utf-8")
    return json.loads(script.split("]=", 1)[1].rstrip().rstrip(";"))


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_search_index_holds_a_sentence_of_each_report_with_its_label(site, lang):
    index = _index(site, lang)
    sentence = {"en": ("The delegation reached the town in the morning.", "The delegation said the return begins tomorrow."),
                "ar": ("وصل الوفد إلى المدينة صباحاً.", "وقال الوفد إن العودة تبدأ غداً.")}[lang]
    for text, day, page in zip(sentence, DAYS[lang], ("report.html", "second/report.html")):
        units = [u for u in index["units"] if text in u[3]]
        assert units, text
        # The sentence's own unit (by its anchor): its page and that page's report label.
        found = {(index["pages"][u[0]][0], tuple(index["pages"][u[0]][2:])) for u in units if u[1]}
        assert (f"{PREFIX[lang]}{page}", (LABEL[lang].format(day),)) in found, found
    shared = [p for p in index["pages"] if p[0].endswith(("index.html", "timeline.html", "glossary.html"))]
    assert shared and all(len(p) == 2 for p in shared)  # a shared page carries no report's label


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_browser_search_finds_a_sentence_of_each_report_labelled(browser, site, lang):
    context = browser.new_context()
    page = context.new_page()
    page.goto((site.resolve() / PREFIX[lang] / "index.html").as_uri())
    queries = {"en": ("morning", "tomorrow"), "ar": ("صباحاً", "غداً")}[lang]
    for query, day, target, anchor in zip(queries, DAYS[lang], ("report.html", "second/report.html"), ("p1-s1", "second-p1-s2")):
        hrefs = open_search(page, query)
        wanted = [i for i, href in enumerate(hrefs) if href.endswith(f"/{PREFIX[lang]}{target}#{anchor}")]
        assert wanted, (query, hrefs)
        item = page.locator(".md-search-result__item").nth(wanted[0])
        assert _plain(item.locator(".explainer-search-report").inner_text()) == LABEL[lang].format(day)
    context.close()


def test_the_offline_copy_holds_the_second_reports_pages(site):
    archive = next(site.glob("*.zip"))
    names = zipfile.ZipFile(archive).namelist()
    for page in SECOND:
        for lang in ("en", "ar"):
            assert any(name.endswith(f"/{PREFIX[lang]}{page}") for name in names), page


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_real_site_lists_its_two_reports_links_them_and_marks_their_days(real_site, lang):
    """This publication: the 4 July report at the root (its addresses unchanged) and Youm7's of
    6 July in agreement/, listed in story order, each report's pages leading to the other, and
    each report's day on the timeline leading to its report."""
    home = f"{PREFIX[lang]}index.html"
    items = parse(real_site, home).select("#reports ~ ol.report-list > li.report-item")
    assert [[resolve(home, a["href"]) for a in item.select("a")] for item in items] == [
        [f"{PREFIX[lang]}report.html", f"{PREFIX[lang]}claims.html"],
        [f"{PREFIX[lang]}agreement/report.html", f"{PREFIX[lang]}agreement/claims.html"]]
    for name, neighbour in [("report.html", "agreement/report.html"), ("claims.html", "agreement/claims.html"),
                            ("roadmap.html", "agreement/report.html"), ("agreement/report.html", "report.html"),
                            ("agreement/claims.html", "claims.html")]:
        page = f"{PREFIX[lang]}{name}"
        links = parse(real_site, page).select("nav.report-neighbours a")
        assert [resolve(page, a["href"]) for a in links] == [f"{PREFIX[lang]}{neighbour}"], name
    for name in SHARED:
        assert not parse(real_site, f"{PREFIX[lang]}{name}").select("nav.report-neighbours"), name
    data = real_data()
    soup = parse(real_site, f"{PREFIX[lang]}timeline.html")
    for report in data.reports:
        day, target = report.models["event"].date, f"{PREFIX[lang]}{report.folder + '/' if report.folder else ''}report.html"
        marked = [li["id"] for li in soup.select("ol.timeline > li.time-entry")
                  if any(resolve(f"{PREFIX[lang]}timeline.html", a["href"]) == target for a in li.select("a.time-report"))]
        assert marked == [f"time-{e.id}" for e in data.timeline.entries if e.date == day], report.id
    assert re.search(THIS_DAY[lang], soup.select_one("a.time-report").get_text())


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_one_report_publication_lists_its_report_and_has_no_neighbours_or_labels(mini_site, lang):
    home = f"{PREFIX[lang]}index.html"
    items = parse(mini_site, home).select("#reports ~ ol.report-list > li.report-item")
    assert len(items) == 1
    assert [resolve(home, a["href"]) for a in items[0].select("a")] == [f"{PREFIX[lang]}report.html", f"{PREFIX[lang]}claims.html"]
    for name in FIRST + SHARED:
        soup = parse(mini_site, f"{PREFIX[lang]}{name}")
        assert not soup.select("nav.report-neighbours") and not soup.find("meta", attrs={"name": "explainer-report"}), name
    assert all(len(p) == 2 for p in _index(mini_site, lang)["pages"])


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    """The one-report fixture with the list of reports on its home page, built once for the run."""
    def build(folder) -> None:
        project = make_project(folder / "project", FIXTURES / "mini")
        for lang in ("en", "ar"):
            append(project, f"content/{lang}/index.md", "\n## Reports { #reports }\n\n{{ block('reports') }}\n")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "one-report", build) / "project" / "site"


def test_serve_renders_the_list_of_reports_again_for_a_change_of_an_event_not_of_a_ledger(tmp_path):
    """The home page reads each report's event, kind by kind (page_memo.py): a new one line of
    the second report renders it again, an edit of that report's ledger does not."""
    from explainer.pages_out import page_memo
    from explainer.pages_out.render import validate
    project = make_project(tmp_path / "project", FIXTURES / "collection")
    _with_list_of_reports(project)

    def rendered_after(relative: str, old: str, new: str) -> set[str]:
        validate(project, False, reuse=True)
        edit(project, relative, old, new)
        _, pages = validate(project, False, reuse=True)
        return {page for page in pages} - {key[1].split("/", 1)[1] for key in page_memo.reused}

    homes = {"en/index.md", "ar/index.md"}
    assert homes <= rendered_after("data/reports/second/event.yaml", "Two days later, the delegation agreed.",
                                   "Two days later, the delegation signed.")
    assert not homes & rendered_after("data/reports/second/claims.yaml", "The wire says the same.", "The wire says so too.")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_real_sites_links_to_the_other_report_say_its_day_once(real_site, lang):
    """A real report's title holds its day ('The Daraa agreement, 6 July 2018: ...'): the link
    to it is its title alone, after the words that say which way it goes."""
    first, second = real_data().reports
    for page, kind, other in (("report.html", "next", second), ("agreement/claims.html", "previous", first)):
        item = parse(real_site, f"{PREFIX[lang]}{page}").select_one(f"nav.report-neighbours li.report-{kind}")
        title = _plain(getattr(other.models["event"].title, lang))
        if page.endswith("claims.html"):  # named as the page it lands on: the other report's claims
            title = _plain(LABELS[lang]["collection"]["claims_title"].format(date=format_date(other.models["event"].date, lang)))
        words = NEIGHBOUR[lang][kind == "next"] if not page.endswith("claims.html") else \
            LABELS[lang]["collection"][f"{kind}_claims"]
        assert _plain(item.get_text()) == f"{words} {title}", page
        assert _plain(item.a.get_text()) == f"{words} {title}", page  # the link's name says where it leads
        assert _plain(item.get_text()).count(format_date(other.models["event"].date, lang)) == 1, page


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_ledger_names_a_claims_sentence_as_readers_count_it(real_site, lang):
    """The ledger's sentence column reads '2.1' (paragraph 2, sentence 1), as the "Appears in"
    lists do, left to right in Arabic too, and links to that sentence; never its id."""
    for report in real_data().reports:
        places = {s.id: f"{p}.{n}" for p, paragraph in enumerate(report.models["report"].paragraphs, start=1)
                  for n, s in enumerate(paragraph.sentences, start=1)}
        page = f"{PREFIX[lang]}{report.folder + '/' if report.folder else ''}claims.html"
        soup = parse(real_site, page)
        for claim in report.models["claims"].claims:
            link = soup.select_one(f"tr#ledger-{claim.id} > td:last-child > a")
            assert link.get_text() == places[claim.sentence] and link.bdi["dir"] == "ltr", (page, claim.id)
            assert link["href"] == f"report.html#{claim.sentence}", (page, claim.id)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_real_home_pages_ways_in_lead_to_both_reports(real_site, lang):
    """Under the title, a button for each report, in story order, and a link to the list of
    both; under "Read on", each report's own pages."""
    home = f"{PREFIX[lang]}index.html"
    soup = parse(real_site, home)
    way_in = soup.select_one("article h1 + .way-in")
    assert [resolve(home, a["href"]) for a in way_in.select("a.way-in-report")] == [
        f"{PREFIX[lang]}report.html", f"{PREFIX[lang]}agreement/report.html"]
    assert [_plain(a.get_text()) for a in way_in.select("a.way-in-report")] == {
        "en": ["Read the 4 July report", "Read the 6 July report"],
        "ar": ["اقرأ تقرير 4 تموز/يوليو", "اقرأ تقرير 6 تموز/يوليو"]}[lang]
    assert "#reports" in [a["href"] for a in way_in.select("a")] and soup.find(id="reports") is not None
    read_on = soup.find(id="read-on").find_next("ul")
    targets = {resolve(home, a["href"]) for a in read_on.select("a")}
    assert {f"{PREFIX[lang]}{page}" for page in ("report.html", "claims.html", "roadmap.html", "agreement/report.html",
                                                 "agreement/claims.html")} <= targets
