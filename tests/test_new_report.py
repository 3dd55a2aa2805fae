"""Adding a report to a publication: `python -m explainer new --source FILE.txt --report ID`
writes its data, its pages and its nav section, the publication builds as a draft at once with
both reports in both languages, and every refusal is one located line."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, once_per_run

from explainer.scaffold.nav import with_report

FIXTURE_TEXT = ROOT / "tests" / "fixtures" / "second-report-ar.txt"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0"})


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    """A new publication, then a second report added from inside it, then built as a draft;
    once for the run (the tests only read it)."""
    return once_per_run(tmp_path_factory, "new-report", _make_collection) / "pub"


def _make_collection(folder: Path) -> None:
    project = folder / "pub"
    made = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--into", str(project)], ROOT)
    assert made.returncode == 0, made.stderr
    added = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--report", "agreement"], project)
    assert added.returncode == 0, added.stderr
    assert f"updated {Path('mkdocs.yml')}" in added.stdout
    built = run(["mkdocs", "build"], project)
    assert built.returncode == 0, built.stdout + built.stderr


def test_the_report_is_written_in_its_own_folder_with_its_own_ids(collection):
    folder = collection / "data/reports/agreement"
    assert (folder / "source/article-ar.txt").read_bytes() == FIXTURE_TEXT.read_bytes()
    report = yaml.safe_load((folder / "report.yaml").read_text(encoding="utf-8"))
    assert report["file"] == "data/reports/agreement/source/article-ar.txt"
    assert report["sha256"] == hashlib.sha256(FIXTURE_TEXT.read_bytes()).hexdigest()
    assert report["provenance"]["en"].startswith("TODO")
    assert report["paragraphs"][0]["id"] == "agreement-p1"
    assert [s["id"] for s in report["paragraphs"][0]["sentences"]][:2] == ["agreement-p1-s1", "agreement-p1-s2"]
    for kind in ("report", "claims", "event"):
        assert (folder / f"{kind}.yaml").read_text(encoding="utf-8").startswith(
            f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n")
    assert yaml.safe_load((folder / "claims.yaml").read_text(encoding="utf-8")) == {"claims": []}
    # The first report is untouched: its ids keep no prefix.
    first = yaml.safe_load((collection / "data/report.yaml").read_text(encoding="utf-8"))
    assert first["paragraphs"][0]["sentences"][0]["id"] == "p1-s1"


def test_the_nav_gets_a_section_after_the_first_reports_pages(collection):
    nav = yaml.safe_load((collection / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))["nav"]
    assert nav[nav.index("roadmap.md") + 1] == {"agreement": ["agreement/report.md", "agreement/claims.md"]}


def test_both_reports_build_as_a_draft_in_both_languages(collection):
    site = collection / "site"
    for lang, prefix in (("en", ""), ("ar", "ar/")):
        for folder, sentence in (("", "p1-s1"), ("agreement/", "agreement-p1-s1")):
            for page in ("report", "claims"):
                html = BeautifulSoup((site / f"{prefix}{folder}{page}.html").read_text(encoding="utf-8"), "html.parser")
                assert html.html["lang"] == lang and html.select_one(".draft-banner"), f"{prefix}{folder}{page}"
            report = BeautifulSoup((site / f"{prefix}{folder}report.html").read_text(encoding="utf-8"), "html.parser")
            assert report.find(id=sentence), f"{prefix}{folder}report.html lacks {sentence}"
    # Each report page shows its own report, not the first one's.
    assert not BeautifulSoup((site / "agreement/report.html").read_text(encoding="utf-8"), "html.parser").find(id="p1-s1")


def test_the_real_mkdocs_yml_keeps_its_comments_and_tags_and_still_loads(tmp_path):
    from mkdocs.config import load_config
    original = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    edited = with_report(original, "ceasefire", ["report", "claims"])
    assert [line for line in edited.splitlines() if "ceasefire" not in line] == original.splitlines()
    assert edited.count("!ENV") == original.count("!ENV") > 0
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(edited, encoding="utf-8")
    nav = load_config(str(tmp_path / "mkdocs.yml"))["nav"]
    # After the last report's pages (this publication's second report, agreement/), before the shared pages.
    last = max(i for i, item in enumerate(nav) if "agreement/" in str(item))
    assert nav[last + 1] == {"ceasefire": ["ceasefire/report.md", "ceasefire/claims.md"]}
    assert nav[last + 2] == "timeline.md"


def test_a_second_further_report_goes_after_the_first_further_one():
    text = "nav:\n  - index.md\n  - report.md\n  - \"a\":\n      - a/report.md\n  # shared pages\n  - about.md\n"
    assert with_report(text, "b", ["report"]) == (
        "nav:\n  - index.md\n  - report.md\n  - \"a\":\n      - a/report.md\n  - \"b\":\n      - b/report.md\n"
        "  # shared pages\n  - about.md\n")


@pytest.fixture
def publication(tmp_path) -> Path:
    project = tmp_path / "pub"
    made = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--into", str(project)], ROOT)
    assert made.returncode == 0, made.stderr
    return project


def test_refusals_are_one_located_line_and_write_nothing(publication, tmp_path):
    config = (publication / "mkdocs.yml").read_text(encoding="utf-8")
    not_utf8 = tmp_path / "latin1.txt"
    not_utf8.write_bytes("بيان\n".encode("utf-8") + b"\xe9t\xe9\n")
    cases = [
        (["--report", "Agreement"], publication,
         "--report: 'Agreement' is not a report id; use lowercase letters a-z, digits and single hyphens inside "
         "(e.g. agreement or daraa-2018-07-06)"),
        (["--report", "ar"], publication, "--report: 'ar' is a name the site already uses; choose another id"),
        (["--report", "second", "--source", str(not_utf8)], publication,
         f"{not_utf8}:2: not UTF-8 text (byte 10); save the file as UTF-8"),
        (["--report", "second", "--into", str(tmp_path)], ROOT,
         f"{tmp_path / 'mkdocs.yml'}: not found, so no publication is here; run this inside one, give its folder "
         "with --into, or start one with new --source FILE --into NEW_FOLDER"),
    ]
    for args, cwd, message in cases:
        if "--source" not in args:
            args = [*args, "--source", str(FIXTURE_TEXT)]
        result = run(["explainer", "new", *args], cwd)
        assert result.returncode == 1 and result.stderr == message + "\n", (args, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (publication / "data/reports").exists() and not (publication / "content/en/second").exists()
    assert (publication / "mkdocs.yml").read_text(encoding="utf-8") == config
    added = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--report", "second"], publication)
    assert added.returncode == 0, added.stderr
    again = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--report", "second"], publication)
    assert again.returncode == 1
    assert again.stderr == (f"{Path('data/reports/second')}: a report 'second' already exists here; choose another id "
                            "(nothing is overwritten)\n")


def test_new_without_report_or_into_says_what_is_missing(tmp_path):
    result = run(["explainer", "new", "--source", str(FIXTURE_TEXT)], tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr == ("new: --into: missing; give a new folder for the publication, or --report ID to add a "
                             "report to the publication here\n")


# --- check's progress: a row per report ----------------------------------------------------------------
def test_check_counts_the_work_left_per_report(tmp_path, capsys):
    from conftest import FIXTURES, edit, make_project

    from explainer.__main__ import main as explainer_main
    project = make_project(tmp_path / "collection", FIXTURES / "collection")
    second = "data/reports/second/"
    (project / second / "alignment.yaml").unlink()  # optional; it aligns the sentence left untranslated below
    edit(project, second + "report.yaml", "en: The delegation said the return begins tomorrow.", 'en: "TODO: translate"')
    edit(project, second + "claims.yaml", "en: The wire says the same.", 'en: "TODO: write"')
    assert explainer_main(["check", "--quick", "--draft", str(project)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["report", "its", "data", "sentences", "translated", "aligned", "in", "pairs", "notes",
                                "written", "claims", "checked", "its", "texts", "(en)", "its", "texts", "(ar)"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[2:4]}
    assert rows == {
        "first": ["data/", "5/5", "100%", "0/5", "0%", "1/1", "100%", "1/1", "100%", "11/11", "100%", "11/11", "100%"],
        "second": [second, "1/2", "50%", "0/2", "0%", "-", "0/1", "0%", "6/7", "85%", "7/7", "100%"]}
    # ...and the whole publication's counts below, every report's together.
    assert any(line.split()[:4] == ["report", "sentences", "6/7", "85%"] for line in lines), lines
    assert any(line.split()[:7] == ["our", "texts", "in", "data/", "31/32", "96%", "written"] for line in lines), lines
