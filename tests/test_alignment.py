"""The aligned parallel text (issue 27): data/alignment.yaml's rules as located errors, the
reader's `span.al` markup in both languages (nested with the marks, the text unchanged), the
open data, the scaffold's one pair a sentence, and the authoring tool's proposals."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import (
    FIXTURES,
    ROOT,
    edit,
    first_stage_problems,
    make_project,
    mkdocs_build,
    once_per_run,
    parse,
    problems_of,
)

from explainer.__main__ import main as explainer_main
from explainer.data_in.dataset import load_dataset

ALIGNMENT = "data/alignment.yaml"

# The mini fixture's report: p1-s1 'وصل الوفد إلى المدينة صباحاً.' / 'The delegation reached
# the town in the morning.' (a claim on 'صباحاً' / 'in the morning'); p1-s2 'انتهى الاجتماع من
# دون اتفاق.' / 'The meeting ended without agreement.'
GOOD = """\
# yaml-language-server: $schema=schema/alignment.schema.json
sentences:
- sentence: p1-s1
  pairs:
  - ar: "وصل"
    en: "reached"
  - ar: "الوفد"
    en: "The delegation"
  - ar: "إلى المدينة صباحاً"
    en: "the town in the morning"
    cut: true
- sentence: p1-s2
  pairs:
  - ar: "انتهى الاجتماع"
    en: ["The meeting", "ended"]
  - ar: "من دون اتفاق"
    en: "without agreement"
"""


def aligned(project: Path, text: str = GOOD) -> Path:
    (project / ALIGNMENT).write_text(text, encoding="utf-8")
    return project


def test_a_good_alignment_passes(mini):
    assert first_stage_problems(aligned(mini)) == []


@pytest.mark.parametrize("old, new, expected", [
    # A phrase not in its sentence.
    ('- ar: "الوفد"', '- ar: "الوفود"', "data/alignment.yaml:7:9: sentences[0].pairs[1].ar: 'الوفود' is not after the "
     "previous phrase ('وصل') in sentence p1-s1's Arabic; copy the phrase exactly, and list the phrases in the order "
     "of the Arabic"),
    # Out of order: the second phrase stands before the first.
    ('- ar: "وصل"\n    en: "reached"\n  - ar: "الوفد"\n    en: "The delegation"',
     '- ar: "الوفد"\n    en: "The delegation"\n  - ar: "وصل"\n    en: "reached"',
     ["data/alignment.yaml:5:9: sentences[0].pairs[0].ar: the Arabic before this phrase, 'وصل', is in no phrase; add "
      "it to a phrase (only white space and punctuation may stand between phrases)",
      "data/alignment.yaml:7:9: sentences[0].pairs[1].ar: 'وصل' is not after the previous phrase ('الوفد') in sentence "
      "p1-s1's Arabic; copy the phrase exactly, and list the phrases in the order of the Arabic"]),
    # Overlapping: a phrase that starts inside the previous one is not found after it.
    ('- ar: "الوفد"', '- ar: "صل الوفد"', "data/alignment.yaml:7:9: sentences[0].pairs[1].ar: 'صل الوفد' is not "
     "after the previous phrase ('وصل') in sentence p1-s1's Arabic; copy the phrase exactly, and list the phrases "
     "in the order of the Arabic"),
    # A gap with a letter in it.
    ('- ar: "انتهى الاجتماع"', '- ar: "انتهى"', "data/alignment.yaml:16:9: sentences[1].pairs[1].ar: the Arabic "
     "between the previous phrase and this one, 'الاجتماع', is in no phrase; add it to a phrase (only white space "
     "and punctuation may stand between phrases)"),
    # The end of the sentence left out.
    ('- ar: "من دون اتفاق"', '- ar: "من دون"', "data/alignment.yaml:13:3: sentences[1].pairs: the end of sentence "
     "p1-s2, 'اتفاق.', is in no phrase; add it to the last phrase or to a new pair"),
    # An English piece not in the translation.
    ('en: "without agreement"', 'en: "with no agreement"', "data/alignment.yaml:17:9: sentences[1].pairs[1].en: "
     "'with no agreement' is not in sentence p1-s2's English; copy the piece exactly from its 'en:' line in "
     "data/report.yaml"),
    # A piece whose only occurrence an earlier piece took.
    ('en: ["The meeting", "ended"]', 'en: ["The meeting", "meeting"]', "data/alignment.yaml:15:25: "
     "sentences[1].pairs[0].en[1]: 'meeting' has no occurrence left (earlier pieces took it) in sentence p1-s2's "
     "English; copy the piece exactly from its 'en:' line in data/report.yaml"),
    # A claim's phrase cutting a phrase, not said to be on purpose.
    ("    cut: true\n", "", "data/alignment.yaml:9:9: sentences[0].pairs[2].ar: the phrase of claim 'no-agreement' "
     "('صباحاً') starts inside this phrase; split the phrase where it does, or add 'cut: true' to the pair if it "
     "is meant"),
    # An unknown sentence.
    ("sentence: p1-s2", "sentence: p1-s9", "data/alignment.yaml:12:13: sentences[1].sentence: unknown sentence "
     "'p1-s9' (did you mean 'p1-s2'?); correct the id, or add the sentence to data/report.yaml"),
    # A sentence aligned twice.
    ("sentence: p1-s2", "sentence: p1-s1", "data/alignment.yaml:12:13: sentences[1].sentence: sentence p1-s1 is "
     "aligned twice (first in sentences[0]); keep one alignment a sentence"),
    # The shape: an empty list of English pieces, one message.
    ('en: ["The meeting", "ended"]', "en: []", "data/alignment.yaml:15:9: sentences[1].pairs[0].en: is empty; add "
     "at least one item"),
])
def test_each_rule_is_refused_at_its_place(mini, old, new, expected):
    project = aligned(mini)
    edit(project, ALIGNMENT, old, new)
    assert problems_of(project) == (expected if isinstance(expected, list) else [expected])


def test_a_note_span_cuts_a_phrase_too(mini):
    project = aligned(mini)
    edit(project, "data/report.yaml", "            cite: [wire-one]\n      - id: p1-s2",
         "            cite: [wire-one]\n            span: {ar: \"صل الوفد\"}\n      - id: p1-s2")
    assert problems_of(project) == [
        "data/alignment.yaml:5:9: sentences[0].pairs[0].ar: the phrase of note 1 ('صل الوفد') starts inside this "
        "phrase; split the phrase where it does, or add 'cut: true' to the pair if it is meant"]


def test_every_problem_at_once(mini):
    project = aligned(mini)
    edit(project, ALIGNMENT, '- ar: "الوفد"', '- ar: "الوفود"')
    edit(project, ALIGNMENT, 'en: "without agreement"', 'en: "with no agreement"')
    assert [line.split(": ")[1] for line in problems_of(project)] == ["sentences[0].pairs[1].ar", "sentences[1].pairs[1].en"]


def test_a_todo_translation_is_work_left_not_a_mistake(mini):
    project = aligned(mini, GOOD + '- sentence: p3-s1\n  pairs:\n  - ar: "وقف القتال"\n    en: "TODO: translate"\n')
    assert load_dataset(project, draft=True).by_id["alignment"]["p3-s1"].pairs[0].en == ["TODO: translate"]
    assert problems_of(project) == ["data/alignment.yaml:21:9: sentences[2].pairs[0].en: is still a placeholder "
                                    "(TODO or null); write the English value here (only a draft build accepts it)"]


@pytest.fixture(scope="module")
def aligned_site(tmp_path_factory) -> Path:
    """The mini fixture with GOOD as its alignment and a loaded word ('الوفد') in a phrase, built
    once for the run (the tests only read it)."""
    def build(folder: Path) -> None:
        project = aligned(make_project(folder / "mini", FIXTURES / "mini"))
        edit(project, "data/glossary.yaml", "      ar: المسلحون\n", "      ar: المسلحون\n    ar_forms: [الوفد]\n")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "aligned-words", build) / "mini" / "site"


def pieces(paragraph) -> list[tuple[int, str]]:
    return [(int(span["data-al"]), span.get_text()) for span in paragraph.select("span.al")]


@pytest.mark.parametrize("page", ["report.html", "ar/report.html"])
def test_the_reader_wraps_each_phrase_in_both_languages(aligned_site, page):
    soup = BeautifulSoup((aligned_site / page).read_text(encoding="utf-8"), "html.parser")
    first, second = soup.find(id="p1-s1"), soup.find(id="p1-s2")
    assert (first["data-aligned"], second["data-aligned"]) == ("3", "2")
    assert not soup.find(id="p3-s1").has_attr("data-aligned")  # not aligned: no spans, no attribute
    assert not soup.find(id="p3-s1").select("span.al")
    # A phrase that a mark's edge crosses is split, both parts with its K; the English in its own order.
    assert pieces(first.select_one("p.original")) == [(1, "وصل"), (2, "الوفد"), (3, "إلى المدينة "), (3, "صباحاً")]
    assert pieces(first.select_one("p.translation")) == [(2, "The delegation"), (1, "reached"), (3, "the town "),
                                                         (3, "in the morning")]
    assert pieces(second.select_one("p.translation")) == [(1, "The meeting"), (1, "ended"), (2, "without agreement")]
    # Well nested with the marks, which all stay: the loaded word's link holds its phrase, the
    # claim's mark holds the part of the phrase it covers.
    loaded = first.select_one("p.original mark.loaded a.loaded-term span.al")
    assert loaded.get_text() == "الوفد"
    claim = first.select_one("p.original mark.claim > span.al")
    assert (claim["data-al"], claim.get_text()) == ("3", "صباحاً")
    assert first.select_one("p.translation mark.claim > span.al").get_text() == "in the morning"
    # The report's text stays character for character.
    assert first.select_one("p.original").get_text() == "وصل الوفد إلى المدينة صباحاً."
    assert second.select_one("p.original").get_text() == "انتهى الاجتماع من دون اتفاق."
    assert first.select_one("p.translation").get_text() == "The delegation reached the town in the morning."


def test_only_the_reader_carries_the_alignment(aligned_site):
    pages = [p for p in aligned_site.rglob("*.html") if 'class="al"' in p.read_text(encoding="utf-8")]
    assert sorted(p.relative_to(aligned_site).as_posix() for p in pages) == ["ar/report.html", "report.html"]


def test_the_alignment_is_open_data(aligned_site):
    corpus = json.loads((aligned_site / "data/alignment.json").read_text(encoding="utf-8"))
    first = corpus["sentences"][0]
    assert [s["id"] for s in corpus["sentences"]] == ["p1-s1", "p1-s2"]
    for pair in first["pairs"]:
        assert first["ar"][pair["ar"]["start"]:pair["ar"]["end"]] == pair["ar"]["text"]
        for piece in pair["en"]:
            assert first["en"][piece["start"]:piece["end"]] == piece["text"]
    assert first["pairs"][2] == {"ar": {"text": "إلى المدينة صباحاً", "start": 10, "end": 28},
                                 "en": [{"text": "the town in the morning", "start": 23, "end": 46}], "cut": True}
    assert corpus["sentences"][1]["pairs"][0]["en"] == [{"text": "The meeting", "start": 0, "end": 11},
                                                        {"text": "ended", "start": 12, "end": 17}]
    publication = json.loads((aligned_site / "data/publication.json").read_text(encoding="utf-8"))
    assert publication["alignment"]["sentences"][1]["pairs"][0] == {"ar": "انتهى الاجتماع",
                                                                    "en": ["The meeting", "ended"], "cut": False}
    assert (aligned_site / "data/schema/alignment.schema.json").is_file()


def test_only_pages_with_aligned_sentences_load_the_alignments_script(real_site):
    for prefix in ("", "ar/"):
        for name, expected in (("report", 1), ("index", 0), ("claims", 0), ("about", 0)):
            scripts = parse(real_site, f"{prefix}{name}.html").select('script[src$="align.js"]')
            assert len(scripts) == expected, (prefix, name)


def test_the_about_page_offers_the_real_alignment_as_a_corpus(real_site):
    corpus = json.loads((real_site / "data/alignment.json").read_text(encoding="utf-8"))
    assert len(corpus["sentences"]) == 22
    for prefix in ("", "ar/"):  # in both languages, by a link that lands on the file
        link = parse(real_site, f"{prefix}about.html").select_one('a[href$="data/alignment.json"]')
        assert link is not None, prefix
        assert (real_site / prefix).joinpath(link["href"]).resolve() == (real_site / "data/alignment.json").resolve()


def test_the_scaffold_starts_with_one_pair_a_sentence_and_check_counts_coverage(tmp_path, capsys):
    into = tmp_path / "draft"
    assert explainer_main(["new", "--source", str(FIXTURES / "second-report-ar.txt"), "--into", str(into)]) == 0
    data = load_dataset(into, draft=True)
    sentences = data.by_id["sentences"]
    assert [entry.sentence for entry in data.alignment.sentences] == list(sentences)
    for entry in data.alignment.sentences:
        assert [(pair.ar, pair.en) for pair in entry.pairs] == [(sentences[entry.sentence].ar, ["TODO: translate"])]
    capsys.readouterr()
    assert explainer_main(["check", "--draft", "--quick", str(into)]) == 0
    assert f"sentences aligned in pairs  0/{len(sentences)}   0% aligned" in capsys.readouterr().out


def test_check_counts_sentences_aligned_in_more_than_one_pair(mini, capsys):
    aligned(mini, GOOD + '- sentence: p3-s1\n  pairs:\n  - ar: "وقف القتال"\n    en: "An end to the fighting"\n')
    assert explainer_main(["check", "--quick", str(mini)]) == 0
    assert "sentences aligned in pairs  2/5  40% aligned" in capsys.readouterr().out


def test_the_proposals_pass_the_checks_for_every_real_sentence(tmp_path, capsys):
    project = make_project(tmp_path / "real", ROOT)
    (project / ALIGNMENT).unlink(missing_ok=True)
    assert explainer_main(["align", str(project), "--all"]) == 0
    proposal = capsys.readouterr().out
    aligned(project, "# yaml-language-server: $schema=schema/alignment.schema.json\nsentences:\n" + proposal)
    assert first_stage_problems(project) == []
    data = load_dataset(project)
    # --all: every sentence of the first report, whose file is data/alignment.yaml
    first = [s.id for p in data.report.paragraphs for s in p.sentences]
    assert [entry.sentence for entry in data.alignment.sentences] == first
    multi = sum(len(entry.pairs) > 1 for entry in data.alignment.sentences)
    assert multi >= 0.8 * len(first), multi  # a division, not the fallback's one pair


def test_a_further_reports_proposals_name_its_own_file_and_mixing_reports_is_refused(capsys):
    assert explainer_main(["align", str(ROOT), "--all", "--report", "agreement"]) == 0
    out = capsys.readouterr().out
    assert "'sentences:' in data/reports/agreement/alignment.yaml" in out
    assert re.findall(r"^- sentence: (\S+)$", out, re.M) == [f"agreement-p{n}-s1" for n in range(1, 7)]
    assert explainer_main(["align", str(ROOT), "--propose", "p1-s1", "agreement-p1-s1"]) == 1
    assert "the sentences are in different reports (agreement, first)" in capsys.readouterr().err


def test_a_proposal_pairs_the_marked_phrases_and_the_punctuation(mini, capsys):
    edit(mini, "data/report.yaml", "ar: انتهى الاجتماع من دون اتفاق.\n        en: The meeting ended without agreement.",
         "ar: انتهى الاجتماع، من دون اتفاق.\n        en: The meeting ended, without agreement.")
    edit(mini, "data/source/text.txt", "انتهى الاجتماع من", "انتهى الاجتماع، من")
    digest = hashlib.sha256((mini / "data/source/text.txt").read_bytes()).hexdigest()
    text = (mini / "data/report.yaml").read_text(encoding="utf-8")
    (mini / "data/report.yaml").write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", text), encoding="utf-8")
    assert explainer_main(["align", str(mini), "--propose", "p1-s1", "p1-s2"]) == 0
    assert capsys.readouterr().out.split("\n", 3)[3] == (
        "- sentence: p1-s1\n  pairs:\n"
        '  - ar: "وصل الوفد إلى المدينة"\n    en: "The delegation reached the town"\n'
        '  - ar: "صباحاً"\n    en: "in the morning"\n'
        "- sentence: p1-s2\n  pairs:\n"
        '  - ar: "انتهى الاجتماع"\n    en: "The meeting ended"\n'
        '  - ar: "من دون اتفاق"\n    en: "without agreement"\n')
    assert explainer_main(["align", str(mini), "--propose", "p1-s9"]) == 1
    assert "unknown sentence 'p1-s9' (did you mean 'p1-s2'?)" in capsys.readouterr().err
