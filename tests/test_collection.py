"""A collection: a publication of two reports (tests/fixtures/collection: the mini fixture's
report, and a second one in data/reports/second/ sharing its actor, place and source). Both
build, in both languages, each report's pages show its own sentences and link to them; the
mistakes only a collection can make are located problems, which `check` finds as the build does;
and a one-report publication builds as before."""
from __future__ import annotations

import json
import posixpath
import shutil
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, LANGS, edit, make_project, mkdocs_build, once_per_run, parse

from explainer.__main__ import main as explainer_main
from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors

SECOND = "data/reports/second/report.yaml"


def collection_project(target: Path) -> Path:
    """The fixture collection as a project, with both reports' pages in the nav."""
    project = make_project(target, FIXTURES / "collection")
    edit(project, "mkdocs.yml", "  - roadmap.md\n", "  - roadmap.md\n  - second/report.md\n  - second/claims.md\n")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The collection built once for the run (the tests only read it)."""
    def build(folder: Path) -> None:
        result = mkdocs_build(collection_project(folder / "project"))
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "collection", build) / "project" / "site"


@pytest.fixture
def project(tmp_path) -> Path:
    return collection_project(tmp_path / "project")


def check_lines(project: Path, capsys) -> list[str]:
    """The problems `python -m explainer check --quick` prints; they must be the build's own."""
    status = explainer_main(["check", "--quick", str(project)])
    lines = [line for line in capsys.readouterr().err.splitlines()  # not the closing count and its advice
             if not line.endswith("fix them and run again") and not re.match(r"\d+ problems?\b", line)]
    try:
        build_docs(project, draft=False)
        built = []
    except AuthorErrors as errors:
        built = [str(problem) for problem in errors.problems]
    assert status != 0 and lines == built, (lines, built)
    return lines


def test_both_reports_have_their_pages_in_both_languages(site):
    for page in ("report.html", "claims.html", "second/report.html", "second/claims.html"):
        for lang, (prefix, direction) in LANGS.items():
            html = parse(site, prefix + page).html
            assert (html["lang"], html["dir"]) == (lang, direction), prefix + page


@pytest.mark.parametrize("lang", list(LANGS))
def test_each_report_page_shows_its_own_sentences_verbatim(site, lang):
    prefix = LANGS[lang][0]
    second, first = parse(site, f"{prefix}second/report.html"), parse(site, f"{prefix}report.html")
    text = second.find(id="second-p1-s1").find(class_="original").get_text()
    assert text == "اتفق الوفد في البلدة على الهدنة."
    assert second.find(id="p1-s1") is None and first.find(id="second-p1-s1") is None
    assert first.find(id="p1-s1").find(class_="original").get_text() == "وصل الوفد إلى المدينة صباحاً."


def land(site: Path, page: str, href: str):
    """The page and element a link of `page` leads to (None if the anchor is not there)."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return target, parse(site, target).find(id=anchor)


@pytest.mark.parametrize("lang", list(LANGS))
def test_links_to_a_sentence_land_on_the_page_of_its_report(site, lang):
    prefix = LANGS[lang][0]
    claims = f"{prefix}second/claims.html"
    row = parse(site, claims).find(id="ledger-second-agreed")
    sentence_link = row.find("a", string="1.1")  # the ledger names second-p1-s1 as readers count it
    assert land(site, claims, sentence_link["href"])[0] == f"{prefix}second/report.html"
    assert land(site, claims, sentence_link["href"])[1]["class"] == ["sentence"]
    target, claim_note = land(site, claims, row.find("q").parent["href"])
    assert target == f"{prefix}second/report.html" and claim_note is not None
    # A sentence of the first report quoted on the second's page, and the second's on the home page.
    quote = parse(site, claims).find("figure")
    assert land(site, claims, quote.find("figcaption").find("a")["href"])[0] == f"{prefix}report.html"
    home = f"{prefix}index.html"
    links = [a["href"] for a in parse(site, home).find_all("a", href=True) if a["href"].endswith("#second-p1-s1")]
    assert links and all(land(site, home, href) == (f"{prefix}second/report.html", land(site, home, href)[1])
                         and land(site, home, href)[1] is not None for href in links)


def test_open_and_structured_data_cover_both_reports(site):
    document = json.loads((site / "data/publication.json").read_text(encoding="utf-8"))
    assert document["report"]["paragraphs"][0]["id"] == "p1"
    assert document["reports"]["second"]["claims"]["claims"][0]["id"] == "second-agreed"
    corpus = json.loads((site / "data/alignment.json").read_text(encoding="utf-8"))
    assert [sentence["id"] for sentence in corpus["sentences"]] == ["second-p1-s2"]  # the first has no alignment
    assert corpus["sentences"][0]["pairs"][1] == {"ar": {"text": "الوفد", "start": 5, "end": 10}, "cut": False,
                                                  "en": [{"text": "The delegation", "start": 0, "end": 14}]}
    assert parse(site, "second/report.html").find(id="second-p1-s2")["data-aligned"] == "4"
    graph = json.loads(parse(site, "second/claims.html").find("script", type="application/ld+json").string)["@graph"]
    reviews = [node for node in graph if node["@type"] == "ClaimReview"]
    assert [review["itemReviewed"]["appearance"]["url"] for review in reviews] == [
        "https://explainer.invalid/second/report.html#second-p1-s1"]


def test_a_sentence_id_of_one_report_repeated_in_another_is_a_located_error(project, capsys):
    edit(project, SECOND, "      - id: second-p1-s2\n", "      - id: p1-s2\n")
    edit(project, "data/reports/second/alignment.yaml", "- sentence: second-p1-s2", "- sentence: p1-s2")
    assert check_lines(project, capsys) == [
        f"{SECOND}:15:13: paragraphs[0].sentences[1].id: duplicate id 'p1-s2' (first used at "
        "data/report.yaml:19:13); give each entry its own id"]


def test_a_mention_of_an_unknown_id_is_a_located_error(project, capsys):
    edit(project, SECOND, "        mentions: [delegation]\n", "        mentions: [delegaton]\n")
    assert check_lines(project, capsys) == [
        f"{SECOND}:18:20: paragraphs[0].sentences[1].mentions[0]: unknown id 'delegaton' (did you mean "
        "'delegation'?); mention the id of an actor (data/actors.yaml), a place (data/places.yaml) or a term "
        "(data/glossary.yaml)"]


def test_a_claim_of_one_report_on_a_sentence_of_another_is_a_located_error(project, capsys):
    edit(project, "data/reports/second/claims.yaml", "    sentence: second-p1-s1\n", "    sentence: p1-s1\n")
    assert check_lines(project, capsys) == [
        "data/reports/second/claims.yaml:4:15: claims[0].sentence: sentence 'p1-s1' is in another report "
        "(data/report.yaml); refer to a sentence of this file's report, data/reports/second/report.yaml"]


def test_a_folder_under_data_reports_that_is_no_report_id_is_a_located_error(project, capsys):
    shutil.copytree(project / "data/reports/second", project / "data/reports/Third_Report")
    assert check_lines(project, capsys) == [
        "data/reports/Third_Report:1:1: 'Third_Report' is not a report id (lowercase letters a-z, digits and '-'); "
        "rename the folder, e.g. to the report's id in lowercase"]


def test_a_report_whose_verbatim_proof_fails_is_a_located_error(project, capsys):
    edit(project, SECOND, "ar: اتفق الوفد في البلدة على الهدنة.", "ar: واتفق الوفد في البلدة على الهدنة.")
    assert check_lines(project, capsys) == [
        f"{SECOND}:12:13: paragraphs[0].sentences[0].ar: differs from {SECOND[:-len('report.yaml')]}source/text.txt "
        "at its line 1, column 1: the source has 'اتفق الوفد ف' where this has 'واتفق الوفد '; copy the text from "
        "the source exactly"]


def test_a_term_form_counts_as_used_when_one_report_of_the_collection_has_it(project, capsys):
    """The glossary is shared: 'وقف القتال' is in the first report only and 'الهدنة' in the second
    only, and neither is a problem; a form in neither is one."""
    edit(project, "data/glossary.yaml", "[وقف القتال, الهدنة]", "[وقف القتال, الهدنة, الهدنات]")
    assert check_lines(project, capsys) == [
        "data/glossary.yaml:6:36: terms[0].ar_forms[2]: 'الهدنات' does not occur in any report; copy the form "
        "exactly as the report writes it, or remove it"]


def test_a_one_report_publication_builds_as_before(mini):
    project = mini
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    content = sorted(p.relative_to(project / "content/en").with_suffix(".html").as_posix()
                     for p in (project / "content/en").rglob("*.md"))
    assert pages == sorted(content + [f"ar/{page}" for page in content])
    document = json.loads((site / "data/publication.json").read_text(encoding="utf-8"))
    assert "reports" not in document and set(document) == {"event", "report", "roadmap", "glossary", "actors",
                                                            "places", "timeline", "sources", "names", "claims"}
    assert [link["href"] for link in parse(site, "claims.html").find(id="ledger-no-agreement").find_all("a")
            if link.get_text() == "1.1"] == ["report.html#p1-s1"]


def test_work_left_in_a_further_report_is_located_in_its_file(project, capsys):
    edit(project, "data/reports/second/event.yaml", "  en: Two days later, the delegation agreed.", '  en: "TODO: write"')
    assert check_lines(project, capsys) == [
        "data/reports/second/event.yaml:15:7: one_line.en: is still a placeholder (TODO or null); write the English "
        "value here (only a draft build accepts it)"]


def test_the_schema_command_names_the_schema_from_a_report_folder(project):
    report = project / SECOND
    report.write_text(report.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    assert explainer_main(["schema", str(project)]) == 0
    assert report.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/report.schema.json\nfile: ")


def test_serve_renders_again_only_the_pages_of_the_report_edited(project):
    """A page reads its report's view of the data (dataset.for_report): an edit of the second
    report's ledger renders that report's pages again, and no page of the first."""
    from explainer.pages_out import page_memo
    from explainer.pages_out.render import validate
    validate(project, False, reuse=True)
    edit(project, "data/reports/second/claims.yaml", "The wire says the same.", "The wire says so too.")
    _, pages = validate(project, False, reuse=True)
    rendered = sorted(set(f"content/{page}" for page in pages) - {key[1] for key in page_memo.reused})
    assert rendered == [f"content/{lang}/second/{page}.md" for lang in ("ar", "en") for page in ("claims", "report")]
    assert "says so too" in pages["en/second/claims.md"]
