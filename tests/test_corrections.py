"""The corrections log (issue 26, item 1): from a fixture correction, the corrections page and
the dated marks at the places it concerns, linked both ways, in both languages; the page that
says there are none; the masthead's last update and its link; located errors for a target that
names nothing (or two things), an id used twice, the order of the log and its dates."""
from __future__ import annotations

import posixpath

import pytest
import yaml
from conftest import (
    FIXTURES,
    LANGS,
    ROOT,
    edit,
    error_lines,
    make_project,
    mkdocs_build,
    once_per_run,
    pages_of,
    parse,
    problems_of,
)

CORRECTIONS = "data/corrections.yaml"

# The mini fixture: sentence p1-s1 and its claim 'no-agreement'; 'ceasefire' is both a glossary
# term and a roadmap point. Oldest first, as authors write the log.
LOG = """\
# yaml-language-server: $schema=schema/corrections.schema.json
corrections:
- id: morning-not-evening
  date: 2026-01-02
  target: p1-s1
  wrong:
    en: The translation said that the delegation reached the town in the evening.
    ar: قالت الترجمة إن الوفد وصل إلى المدينة مساءً.
  now:
    en: It says in the morning, as the Arabic does.
    ar: تقول صباحاً، كما يقول النص العربي.
  why:
    en: A reader pointed out the mistranslation.
    ar: نبّهنا قارئ إلى خطأ الترجمة.
- id: ceasefire-definition
  date: 2026-01-05
  target: ceasefire
  kind: term
  wrong: {en: The definition named the wrong parties., ar: سمّى التعريف أطرافاً غير صحيحة.}
  now: {en: It names the parties the wire names., ar: يسمّي الأطراف التي تسمّيها الوكالة.}
  why: {en: The wire's report., ar: تقرير الوكالة.}
"""


def logged(project, text: str = LOG):
    (project / CORRECTIONS).write_text(text, encoding="utf-8")
    return project


def target(site, page: str, href: str):
    """The element a link from `page` lands on: its file parsed, the element with the fragment's id."""
    path, _, fragment = href.partition("#")
    landed = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return parse(site, landed).find(id=fragment), landed


@pytest.fixture(scope="module")
def corrected_site(tmp_path_factory):
    """The mini fixture with its corrections log, built once for the run (the tests only read it)."""
    def build(folder) -> None:
        result = mkdocs_build(logged(make_project(folder / "mini", FIXTURES / "mini")))
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "corrected", build) / "mini" / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_and_the_marks_link_to_each_other(corrected_site, lang):
    prefix = LANGS[lang][0]
    # The sentence is named as readers count it (1.1, isolated), as the ledgers name it: not by its id.
    words = {"en": ("Corrected 2\u00a0January 2026", "The report, sentence 1.1", "A reader pointed out the mistranslation."),
             "ar": ("صُحِّح في 2\u00a0كانون الثاني/\u2060يناير 2026", "التقرير، الجملة 1.1", "نبّهنا قارئ إلى خطأ الترجمة.")}[lang]
    page = f"{prefix}corrections.html"
    log = parse(corrected_site, page)
    entries = log.select("article .correction")
    # Newest first, each at its anchor, dated as the masthead dates.
    assert [e["id"] for e in entries] == ["correction-ceasefire-definition", "correction-morning-not-evening"]
    entry = entries[1]
    assert entry.select_one(".correction-date").get_text() == words[0]
    assert entry.select_one(".correction-date time")["datetime"] == "2026-01-02"
    assert words[2] in entry.get_text()
    # The entry links to the sentence; the sentence carries the mark, which links back.
    place = entry.select_one("dd a")
    assert place.get_text() == words[1]
    assert place.select_one('bdi[dir="ltr"]').get_text() == "1.1"
    sentence, report = target(corrected_site, page, place["href"])
    assert report == f"{prefix}report.html" and sentence["class"] == ["sentence"]
    mark = sentence.select_one("a.corrected-mark")
    assert mark.get_text() == words[0]
    back, landed = target(corrected_site, report, mark["href"])
    assert landed == page and back["id"] == "correction-morning-not-evening"
    # The term, named by its kind (a roadmap point shares its id), is marked; the point is not.
    term_link = entries[0].select_one("dd a")
    term, glossary = target(corrected_site, page, term_link["href"])
    assert glossary == f"{prefix}glossary.html" and term["id"] == "term-ceasefire"
    assert term.find_next_sibling("p", class_="corrected").select_one("a.corrected-mark")["href"] == \
        "corrections.html#correction-ceasefire-definition"
    assert not parse(corrected_site, f"{prefix}roadmap.html").select("a.corrected-mark")
    # The masthead: last updated on the newest correction's day, with a link to the log.
    masthead = parse(corrected_site, f"{prefix}report.html").select_one("footer .masthead")
    assert masthead.select_one("time")["datetime"] == "2026-01-05"
    assert masthead.select_one("a.corrections-link")["href"] == "corrections.html"


def test_the_page_says_plainly_that_there_are_none(mini, monkeypatch):
    monkeypatch.setenv("EXPLAINER_FIRST_PUBLISHED", "2018-07-06")
    result = mkdocs_build(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    expected = {"en": "There have been no corrections since the first edition, published 6\u00a0July 2018.",
                "ar": "لم يُجرَ أي تصحيح منذ الطبعة الأولى، المنشورة في 6\u00a0تموز/\u2060يوليو 2018."}
    for lang, (prefix, _) in LANGS.items():
        log = parse(mini / "site", f"{prefix}corrections.html")
        assert log.select_one("article .no-corrections").get_text() == expected[lang]
        assert not log.select("article .correction")
        for name in pages_of(mini):
            page = parse(mini / "site", f"{prefix}{name}")
            assert not page.select("a.corrected-mark") and not page.select("footer a.corrections-link"), name


def test_without_a_first_edition_date_it_says_so_undated(mini):
    result = mkdocs_build(logged(mini, "corrections: []\n"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert parse(mini / "site", "corrections.html").select_one(".no-corrections").get_text() == \
        "There have been no corrections since the first edition."


def test_a_target_that_names_nothing_is_located_with_a_guess(mini):
    assert problems_of(logged(mini, LOG.replace("target: p1-s1", "target: p1-s11"))) == [
        "data/corrections.yaml:5:11: corrections[0].target: 'p1-s11' names nothing in the publication (did you mean "
        "'p1-s1'?); give the id of the sentence, claim, roadmap point, timeline entry, actor, place, glossary term or "
        "source the correction concerns"]


def test_an_id_of_two_kinds_needs_its_kind(mini):
    assert problems_of(logged(mini, LOG.replace("  kind: term\n", ""))) == [
        "data/corrections.yaml:17:11: corrections[1].target: 'ceasefire' is the id of a roadmap point and a glossary "
        "term; add 'kind: point' or 'kind: term' to say which the correction concerns"]


def test_duplicate_ids_and_the_order_of_the_log(mini):
    text = LOG.replace("- id: ceasefire-definition\n  date: 2026-01-05", "- id: morning-not-evening\n  date: 2025-12-30")
    assert problems_of(logged(mini, text)) == [
        "data/corrections.yaml:15:7: corrections[1].id: duplicate id 'morning-not-evening' (first used by "
        "corrections[0]); give each correction its own id, and never reuse one",
        "data/corrections.yaml:16:9: corrections[1].date: 2025-12-30 comes after 2026-01-02 ('morning-not-evening'); "
        "move the correction up, the log is oldest first"]


def test_a_correction_after_today_is_refused(mini):
    problems = problems_of(logged(mini, LOG.replace("date: 2026-01-05", "date: 2999-01-05")))
    assert len(problems) == 1 and problems[0].startswith(
        "data/corrections.yaml:16:9: corrections[1].date: 2999-01-05 is after today (")


def test_a_correction_before_the_first_edition_is_refused_by_the_build(mini, monkeypatch):
    monkeypatch.setenv("EXPLAINER_FIRST_PUBLISHED", "2026-01-03")
    result = mkdocs_build(logged(mini))
    assert result.returncode != 0
    assert error_lines(result.stdout + result.stderr)[0] == (
        "data/corrections.yaml:4:9: corrections[0].date: 2026-01-02 is before the first edition (2026-01-03, "
        "plugins.explainer.masthead.first_published in mkdocs.yml); a correction is a change after first "
        "publication: give the day it was published, or remove it")
    assert "Traceback" not in result.stdout + result.stderr


def test_the_real_publication_has_no_invented_correction():
    path = ROOT / CORRECTIONS
    if path.exists():  # none since the first edition: the file is absent, or its list empty
        assert not (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("corrections")


def test_corrections_without_their_page_are_refused(mini):
    for lang in LANGS:
        (mini / f"content/{lang}/corrections.md").unlink()
    assert problems_of(logged(mini)) == [
        "data/corrections.yaml:1:1: the publication has corrections but no corrections page; create "
        "content/en/corrections.md and content/ar/corrections.md holding {{ block('corrections') }}, and add "
        "corrections.md to the nav in mkdocs.yml"]


# Two reports of the fixture collection, each with a sentence 1.1 and a claim, and a source.
COLLECTION_LOG = """\
corrections:
- id: first-sentence
  date: 2026-01-02
  target: p1-s1
  wrong: {en: It said one thing., ar: قال شيئاً.}
  now: {en: It says another., ar: يقول شيئاً آخر.}
  why: {en: A reader wrote., ar: كتب قارئ.}
- id: second-sentence
  date: 2026-01-03
  target: second-p1-s1
  wrong: {en: It said one thing., ar: قال شيئاً.}
  now: {en: It says another., ar: يقول شيئاً آخر.}
  why: {en: A reader wrote., ar: كتب قارئ.}
- id: first-claim
  date: 2026-01-04
  target: no-agreement
  kind: claim
  wrong: {en: It said one thing., ar: قال شيئاً.}
  now: {en: It says another., ar: يقول شيئاً آخر.}
  why: {en: A reader wrote., ar: كتب قارئ.}
- id: second-claim
  date: 2026-01-05
  target: second-agreed
  kind: claim
  wrong: {en: It said one thing., ar: قال شيئاً.}
  now: {en: It says another., ar: يقول شيئاً آخر.}
  why: {en: A reader wrote., ar: كتب قارئ.}
- id: a-source
  date: 2026-01-06
  target: wire-one
  kind: source
  wrong: {en: It said one thing., ar: قال شيئاً.}
  now: {en: It says another., ar: يقول شيئاً آخر.}
  why: {en: A reader wrote., ar: كتب قارئ.}
"""


@pytest.fixture(scope="module")
def corrected_collection(tmp_path_factory):
    """The fixture collection (two reports) with a correction to each report's sentence 1.1 and
    claim, and one to a source; built once for the run."""
    def build(folder) -> None:
        project = logged(make_project(folder / "project", FIXTURES / "collection"), COLLECTION_LOG)
        edit(project, "mkdocs.yml", "  - roadmap.md\n", "  - roadmap.md\n  - second/report.md\n  - second/claims.md\n")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "corrected-collection", build) / "project" / "site"


@pytest.mark.parametrize("lang", LANGS)
def test_in_a_collection_each_correction_names_its_report(corrected_collection, lang):
    """Both reports have a sentence 1.1 and a claims ledger: "The report, sentence 1.1" said of
    both named neither. Each names its report as the site's headings do ("The 4 July report"),
    and a source reads as one label ("Source 1: Example Wire, A test headline"), not "Sources:
    Source 1: …, undated; read on …"."""
    page = f"{LANGS[lang][0]}corrections.html"
    places = {e["id"].removeprefix("correction-"): " ".join(e.select_one("dd a").get_text().replace("\u2060", "").replace("\u00a0", " ").split())
              for e in parse(corrected_collection, page).select("article .correction")}
    claim = {"en": "The claims ledger: ", "ar": "سجل الادعاءات: "}[lang]
    expected = {"en": {"first-sentence": "The 4 July report, sentence 1.1", "second-sentence": "The 6 July report, sentence 1.1",
                       "first-claim": "The 4 July report’s claims ledger: ", "second-claim": "The 6 July report’s claims ledger: ",
                       "a-source": "Source 1: Example Wire, A test headline"},
                "ar": {"first-sentence": "تقرير 4 تموز/يوليو، الجملة 1.1", "second-sentence": "تقرير 6 تموز/يوليو، الجملة 1.1",
                       "first-claim": "سجل ادعاءات تقرير 4 تموز/يوليو: ", "second-claim": "سجل ادعاءات تقرير 6 تموز/يوليو: ",
                       "a-source": "المصدر 1: Example Wire، A test headline"}}[lang]
    for key, words in expected.items():
        if key.endswith("claim"):
            assert places[key].startswith(words) and not places[key].startswith(claim), (key, places[key])
        else:
            assert places[key] == words, (key, places[key])
    # Where a correction's place is named, the other script is isolated once, in <bdi>, not in FSI/PDI too.
    assert "\u2068" not in parse(corrected_collection, page).select_one("#correction-a-source dd a").get_text()
