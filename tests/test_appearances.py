""""Appears in": under each actor, place, term and source, where it appears (pages_out/appearances.py),
grouped by report, in both languages, each link landing on an element with its anchor. On the
real site, entries whose places are known by hand; on the fixture collection, the actor, place and
source that its two reports share list both."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, LANGS, edit, make_project, mkdocs_build, once_per_run, parse, real_data

PAGES = {"actors": "actor-", "places": "place-", "glossary": "term-", "sources": "src-"}


def appears_in(site: Path, page: str, anchor: str):
    """The "Appears in" list of one entry: [(report title, its href, [(label, href)...])...]."""
    soup = parse(site, page)
    entry = soup.find(id=anchor)
    assert entry is not None, f"{page} has no #{anchor}"
    details = entry.find("details", class_="appears-in") if entry.name == "li" else entry.find_next("details")
    # the list belongs to this entry: no next entry's heading comes between them
    assert details is not None and "appears-in" in details["class"]
    heading = entry.find_next(["h3"]) if entry.name != "li" else None
    assert heading is None or heading.sourceline > details.sourceline or heading is entry
    groups = []
    for title in details.find_all("p", class_="appears-report"):
        links = title.find_next_sibling("ul", class_="appears-links").find_all("a")
        groups.append((_text(title), title.a["href"], [(_text(a), a["href"]) for a in links]))
    return details, groups


def _text(element) -> str:
    """An element's text as read: the joiners and no-break spaces that keep pairs together
    (escape.keep_together) are spaces or nothing to a reader."""
    return " ".join(element.get_text().replace("\u2060", "").split())


def lands(site: Path, page: str, href: str) -> bool:
    """Whether a link of `page` leads to an element with its anchor (or to a page, without one)."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if not (site / target).is_file():
        return False
    return not anchor or parse(site, target).find(id=anchor) is not None


REAL = {
    # (page, anchor): the hrefs, in story order, and their labels in English and Arabic
    ("actors", "actor-ibrahim-al-jabawi"): [
        ("report.html#p1-s4", "sentence 1.4", "الجملة 1.4"), ("report.html#p1-s5", "sentence 1.5", "الجملة 1.5")],
    ("places", "place-daraa"): [
        (f"report.html#{s}", f"sentence {s[1]}.{s[-1]}", f"الجملة {s[1]}.{s[-1]}")
        for s in ("p1-s2", "p1-s6", "p2-s1", "p2-s2", "p2-s3", "p5-s8")],
    # named by the sentence's mentions, and by the span of the wording note on it (shown third,
    # after two context notes: its anchor keeps its place in data, n4)
    ("glossary", "term-russian-enemy"): [
        ("report.html#p1-s3", "sentence 1.3", "الجملة 1.3"),
        ("report.html#p1-s3-n4", "note 3 to sentence 1.3", "الملاحظة 3 على الجملة 1.3")],
    # cited by two notes (numbered as shown: the translation note n1 comes last) and, in the
    # ledger, by a claim of sentence 3.2
    ("sources", "src-aljazeera-2018-07-01-rebels-resume-talks"): [
        ("report.html#p1-s2-n2", "note 1 to sentence 1.2", "الملاحظة 1 على الجملة 1.2"),
        ("report.html#p1-s2-n3", "note 2 to sentence 1.2", "الملاحظة 2 على الجملة 1.2"),
        # the claim's phrase, cut at a word after 36 characters, quoted (<q>: the marks are drawn by CSS)
        ("claims.html#ledger-jordan-pressed-factions-to-negotiate", "claim: press the leaders of the southern…",
         "ادعاء: الضغط على قادة الفصائل الجنوبية")],
}


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("entry", list(REAL), ids=lambda entry: entry[1])
def test_an_entry_lists_its_sentences_notes_and_claims(real_site, entry, lang):
    prefix = LANGS[lang][0]
    page = f"{prefix}{entry[0]}.html"
    details, groups = appears_in(real_site, page, entry[1])
    title = "Busra al-Sham, 4 July 2018: an annotated report" if lang == "en" else "بصرى الشام، 4 تموز/يوليو 2018: تقرير مشروح"
    expected = [(href, en if lang == "en" else ar) for href, en, ar in REAL[entry]]
    assert groups[0] == (title, "report.html", [(label, href) for href, label in expected])
    # The second report (Youm7, 6 July) lists the sentences whose mentions name the entry.
    second = real_data().report_data("agreement")
    named = [s.id for p in second.models["report"].paragraphs for s in p.sentences if entry[1].split("-", 1)[1] in s.mentions]
    assert [href for _, href in (groups[1][2] if len(groups) > 1 else [])] == [f"agreement/report.html#{s}" for s in named]
    total = len(expected) + len(named)
    assert details.summary.get_text(" ", strip=True) == ("Appears in " if lang == "en" else "يَرِد في ") + str(total)
    for href, _ in expected:
        assert lands(real_site, page, href), href
    claims = [a for a in details.find_all("a") if "ledger-" in a["href"]]
    assert all(a.q is not None and a.q["lang"] == lang for a in claims)


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_crossing_the_second_report_leaves_unnamed_is_not_listed_as_appearing_in_it(real_site, lang):
    """Youm7 writes of "a border crossing with Jordan" without naming it; only other reports of
    the day say it was Nasib, as the sentence's note explains. Nasib's entry lists the first
    report, which names it, and not the second."""
    prefix = LANGS[lang][0]
    _, groups = appears_in(real_site, f"{prefix}places.html", "place-nasib")
    assert [href for _, href, _ in groups] == ["report.html"]
    assert all(not href.startswith("agreement/") for _, _, links in groups for _, href in links)
    note = parse(real_site, f"{prefix}agreement/report.html").find(id="agreement-p3-s1-n2")
    assert {"en": "The report does not name the crossing.", "ar": "لا يسمّي التقرير المعبر"}[lang] in _text(note)


@pytest.mark.parametrize("lang", list(LANGS))
def test_every_appears_in_link_lands_and_numbers_are_isolated(real_site, lang):
    prefix = LANGS[lang][0]
    counted = 0
    for name, anchor_prefix in PAGES.items():
        page = f"{prefix}{name}.html"
        soup = parse(real_site, page)
        lists = soup.find_all("details", class_="appears-in")
        assert lists, f"{page} shows no 'Appears in'"
        targets = {}
        for link in (a for details in lists for a in details.find_all("a")):
            path, _, anchor = link["href"].partition("#")
            targets.setdefault(path, set()).add(anchor)
            counted += 1
            if anchor and not link.find("q"):  # "sentence 1.2": the place's numbers left to right
                assert link.find_all("bdi", dir="ltr")[-1].get_text().count(".") == 1, link
                # Every number isolated, the note's too («الملاحظة 2 على الجملة 1.4»), not only the place.
                outside = "".join(t for t in link.find_all(string=True) if not t.find_parent("bdi"))
                assert not re.search(r"\d", outside), link
        for path, anchors in targets.items():
            landed = parse(real_site, posixpath.normpath(posixpath.join(posixpath.dirname(page), path)))
            missing = sorted(anchor for anchor in anchors if anchor and landed.find(id=anchor) is None)
            assert not missing, (page, path, missing)
    assert counted > 200
    assert not lands(real_site, f"{prefix}sources.html", "report.html#no-such-sentence")  # the check can fail


# --- the fixture collection: two reports sharing an actor, a place and a source -------------------

@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    """The collection with both reports in the nav, built once for the run (the tests only read it)."""
    def build(folder: Path) -> None:
        project = make_project(folder / "project", FIXTURES / "collection")
        edit(project, "mkdocs.yml", "  - roadmap.md\n", "  - roadmap.md\n  - second/report.md\n  - second/claims.md\n")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "appearances", build) / "project" / "site"


SHARED = {
    ("actors", "actor-delegation"): (["report.html#p1-s1"], ["second/report.html#second-p1-s1", "second/report.html#second-p1-s2"]),
    ("places", "place-town"): (["report.html#p1-s1"], ["second/report.html#second-p1-s1"]),
    ("sources", "src-wire-one"): (["report.html#p1-s1-n1", "claims.html#ledger-no-agreement"],
                                  ["second/claims.html#ledger-second-agreed"]),
}


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("entry", list(SHARED), ids=lambda entry: entry[1])
def test_a_shared_entry_lists_both_reports(collection, entry, lang):
    prefix = LANGS[lang][0]
    page = f"{prefix}{entry[0]}.html"
    _, groups = appears_in(collection, page, entry[1])
    titles = {"en": ["A test event", "A second test event"], "ar": ["حدث تجريبي", "حدث تجريبي ثانٍ"]}[lang]
    assert [(title, href) for title, href, _ in groups] == list(zip(titles, ["report.html", "second/report.html"]))
    assert [[href for _, href in links] for _, _, links in groups] == list(SHARED[entry])
    for _, href, links in groups:
        assert lands(collection, page, href)
        for _, link in links:
            assert lands(collection, page, link), link


def test_serve_shows_a_new_mention_on_the_entry_pages_and_renders_no_more(tmp_path):
    """In serve a page is rendered again only when what it read changed (page_memo.py): the entry
    pages read the index, so a mention taken out of the second report changes the places page at
    once, and the pages of the first report are kept."""
    from explainer.pages_out import page_memo
    from explainer.pages_out.render import validate
    project = make_project(tmp_path / "project", FIXTURES / "collection")
    _, before = validate(project, False, reuse=True)
    assert "second/report.md#second-p1-s1" in before["en/places.md"]
    edit(project, "data/reports/second/report.yaml", "mentions: [delegation, town, ceasefire]", "mentions: [delegation, ceasefire]")
    _, pages = validate(project, False, reuse=True)
    rendered = sorted(set(pages) - {key[1].removeprefix("content/") for key in page_memo.reused})
    assert "second/report.md#second-p1-s1" not in pages["en/places.md"]
    assert "second/report.md#second-p1-s1" in pages["en/actors.md"]
    entry_pages = [f"{lang}/{page}.md" for lang in ("ar", "en") for page in ("actors", "glossary", "places", "sources")]
    assert set(entry_pages) <= set(rendered)
    assert not {f"{lang}/{page}.md" for lang in ("ar", "en") for page in ("report", "claims", "roadmap")} & set(rendered)


def test_the_index_reads_again_only_the_reports_whose_files_or_the_glossary_changed(tmp_path, monkeypatch):
    """Each report's part of the index is kept by the objects of its files' last parse and the
    shared lists it reads: an edit of the second report's claims reads that report alone, and
    the index is what a fresh one gives; an edit of the glossary reads every report again."""
    from explainer.data_in import file_memo
    from explainer.data_in.dataset import load_dataset
    from explainer.pages_out import appearances
    project = make_project(tmp_path / "project", FIXTURES / "collection")
    read = []
    real = appearances._report_appearances
    monkeypatch.setattr(appearances, "_report_appearances", lambda report, *rest: read.append(report.id) or real(report, *rest))
    file_memo.forget()
    load_dataset(project).appearances
    assert sorted(read) == ["first", "second"]
    load_dataset(project).appearances
    assert len(read) == 2  # nothing changed
    edit(project, "data/reports/second/claims.yaml", 'en: "in Testtown"', 'en: "Testtown"')
    data = load_dataset(project)
    assert [a.span for a in data.appearances.entries["sources"]["wire-one"] if a.report == "second"] == [("في البلدة", "Testtown")]
    assert read[2:] == ["second"]
    appearances._by_report.clear()
    assert data.appearances == appearances.build_index(data.reports, data.glossary, {
        "actors": {a.id for a in data.actors.actors}, "places": {p.id for p in data.places.places},
        "terms": {t.id for t in data.glossary.terms}})
    edit(project, "data/glossary.yaml", "en: A halt to fighting.", "en: A halt to the fighting.")
    read.clear()
    load_dataset(project).appearances
    assert sorted(read) == ["first", "second"]
