"""Any report: `python -m explainer new` turns another Arabic text into a draft publication
that builds at once, a draft shows the work left while a normal build refuses it, `check`
reports progress, and the JSON Schemas hold the real data. Also: nothing of this report is in
the engine."""
from __future__ import annotations

import copy
import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, any_whole_word, error_lines

from explainer.__main__ import main as explainer_main
from explainer.data_in.json_schema import schema_texts
from explainer.data_in.schema import FILES, OPTIONAL
from explainer.scaffold.segment import SegmentationError, segment
from explainer.scaffold.project import PAGES  # the pages `new` writes

FIXTURE_TEXT = ROOT / "tests" / "fixtures" / "second-report-ar.txt"


def sentences(text: str) -> list[list[str]]:
    result = segment(text)
    assert result.joined() == text  # the verbatim promise, for every case
    return [[s.text for s in p.sentences] for p in result.paragraphs]


def roles(text: str) -> list[str]:
    return [p.role for p in segment(text).paragraphs]


# --- segmentation ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("قال المتحدث. وأضاف آخر؟ ثم انتهى! وبقي", [["قال المتحدث.", "وأضاف آخر؟", "ثم انتهى!", "وبقي"]]),
    ("قال: «لن نقبل. أبداً» ثم غادر. وانتهى", [["قال: «لن نقبل. أبداً» ثم غادر.", "وانتهى"]]),
    ('قال: "لن نقبل. أبداً" ثم غادر. وانتهى', [['قال: "لن نقبل. أبداً" ثم غادر.', "وانتهى"]]),
    ("قال: “لن نقبل. أبداً” ثم غادر. وانتهى", [["قال: “لن نقبل. أبداً” ثم غادر.", "وانتهى"]]),
    ("بدأ (أي عند الساعة 5. تقريباً) الاجتماع. ثم انتهى", [["بدأ (أي عند الساعة 5. تقريباً) الاجتماع.", "ثم انتهى"]]),
    ("سطر أول\nسطر ثان", [["سطر أول", "سطر ثان"]]),
    ("فقرة أولى.\n\nفقرة ثانية.", [["فقرة أولى."], ["فقرة ثانية."]]),
    ("بلغ 3.5 بالمئة. ثم", [["بلغ 3.5 بالمئة.", "ثم"]]),
    ("في اليوم آخر.مساء اليوم", [["في اليوم آخر.", "مساء اليوم"]]),
])
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("text, expected_roles", [
    ("تشمل الخطة:\n1- أولاً.\n2- ثانياً.", ["list-intro", "list"]),
    ("جملة.\nتشمل الخطة:\n١. أولاً\n٢. ثانياً", ["body", "list-intro", "list"]),
    ("نص.\n- بند\n• بند آخر\n\nنص بعد القائمة.", ["body", "list", "body"]),
    ("وجاءت البنود:\nوقف القتال\nعودة النازحين", ["list-intro", "list"]),
])
def test_lists(text, expected_roles):
    assert roles(text) == expected_roles
    for paragraph in segment(text).paragraphs:
        if paragraph.role == "list":
            assert all("\n" not in s.text for s in paragraph.sentences)  # one item a line


def test_line_endings_and_trailing_space_are_kept():
    text = "سطر أول. \r\nسطر ثان\r\n\r\nفقرة\n\n"
    result = segment(text)
    assert result.joined() == text and result.ends_with == "\n\n"


@pytest.mark.parametrize("text", ["", "   ", "\nنص", " نص", "\ufeffنص"])
def test_texts_that_cannot_be_recorded_as_they_are(text):
    with pytest.raises(SegmentationError):
        segment(text)


def test_the_segmenter_splits_the_real_report_as_its_editors_did():
    report = yaml.safe_load((ROOT / "data" / "report.yaml").read_text(encoding="utf-8"))
    source = (ROOT / report["file"]).read_text(encoding="utf-8")
    result = segment(source)
    assert [(p.role, [s.text for s in p.sentences]) for p in result.paragraphs] == \
        [(p["role"], [s["ar"] for s in p["sentences"]]) for p in report["paragraphs"]]


# --- the scaffold, a draft build, a finished build ---------------------------------------------------
def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0", **env})


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Path:
    into = tmp_path_factory.mktemp("new") / "second"
    result = run(["explainer", "new", "--source", str(FIXTURE_TEXT), "--into", str(into)], ROOT)
    assert result.returncode == 0, result.stderr
    return into


def test_the_scaffold_copies_the_source_and_segments_it(draft):
    assert (draft / "data/source/article-ar.txt").read_bytes() == FIXTURE_TEXT.read_bytes()
    report = yaml.safe_load((draft / "data/report.yaml").read_text(encoding="utf-8"))
    texts = [s["ar"] for p in report["paragraphs"] for s in p["sentences"]]
    assert "".join(texts).replace(" ", "") in FIXTURE_TEXT.read_text(encoding="utf-8").replace(" ", "").replace("\n", "")
    assert [p["role"] for p in report["paragraphs"]] == ["body", "list-intro", "list", "body"]
    assert all(s["en"].startswith("TODO") for p in report["paragraphs"] for s in p["sentences"])
    roadmap = yaml.safe_load((draft / "data/roadmap.yaml").read_text(encoding="utf-8"))
    assert [p["sentence"] for p in roadmap["points"]] == ["p3-s1", "p3-s2", "p3-s3"]
    for kind, (path, _) in FILES.items():
        if kind not in OPTIONAL:
            assert (draft / path).read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=schema/")


def test_a_draft_builds_at_once_and_shows_the_work_left(draft):
    result = run(["mkdocs", "build"], draft)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang, prefix in (("en", ""), ("ar", "ar/")):
        for page in PAGES:
            html = BeautifulSoup((draft / "site" / f"{prefix}{page}.html").read_text(encoding="utf-8"), "html.parser")
            assert html.html["lang"] == lang and html.html["dir"] == ("rtl" if lang == "ar" else "ltr")
            assert html.select_one(".draft-banner"), f"{prefix}{page}"
    report = BeautifulSoup((draft / "site/report.html").read_text(encoding="utf-8"), "html.parser")
    assert any(mark.get_text().startswith("TODO: translate") for mark in report.select("mark.gap"))
    assert "«الأعطال في محطة الضخ الرئيسية أكبر مما قدّرنا. لكن الإصلاح سيبدأ غداً»" in report.get_text()
    home = BeautifulSoup((draft / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("sup.gap").get_text() == "citation needed"


def test_check_reports_progress_and_fails_on_work_left(draft, capsys):
    assert explainer_main(["check", str(draft)]) == 1
    out, err = capsys.readouterr()
    assert re.search(r"report sentences\s+0/8\s+0% translated", out), out
    assert "data/event.yaml:4:7: title.en: is still a placeholder" in err
    assert re.search(r"content/en/index\.md:\d+:\d+: todo\('the key facts", err)
    assert explainer_main(["check", "--draft", str(draft)]) == 0
    assert "a draft" in capsys.readouterr().out


def test_a_normal_build_of_a_draft_fails_located_and_publishes_nothing(draft, tmp_path):
    site = tmp_path / "site"
    result = run(["mkdocs", "build", "--site-dir", str(site)], draft, EXPLAINER_DRAFT="0")
    assert result.returncode == 1
    errors = error_lines(result.stdout + result.stderr)
    assert "data/report.yaml:16:9: paragraphs[0].sentences[0].en: is still a placeholder (TODO or null); " \
           "write the English value here (only a draft build accepts it)" in errors
    assert "data/event.yaml:14:9: summary.cite: is empty; cite at least one id from data/sources.yaml " \
           "(a draft build shows it as 'citation needed')" in errors
    assert not site.exists()


def fill(project: Path) -> None:
    """What an author does, minimally: every text written, one source cited, the dates and the
    place given, no todo() left, draft mode off."""
    source = {"id": "council-statement", "publisher": "Example Council", "title": "Statement",
              "date": "2024-05-06", "url": "https://example.org/statement", "language": "ar",
              "supports": "the statement"}
    for path in (project / "data").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r'en: "TODO[^"]*"', 'en: "Written in English."', text)
        text = re.sub(r'ar: "TODO[^"]*"', 'ar: "نص مكتوب بالعربية."', text)
        text = text.replace("cite: []", "cite: [council-statement]")
        path.write_text(text, encoding="utf-8")
    event = project / "data/event.yaml"
    event.write_text(event.read_text(encoding="utf-8").replace("date: null", "date: 2024-05-06")
                     .replace("place: null", "place: al-waha"), encoding="utf-8")
    (project / "data/places.yaml").write_text(
        "# yaml-language-server: $schema=schema/places.schema.json\nplaces:\n- id: al-waha\n"
        "  name: {en: \"Al-Waha\", ar: \"الواحة\"}\n  latitude: 33.5\n  longitude: 36.3\n"
        "  coordinates_cite: [council-statement]\n"
        "  position: {en: \"The town.\", ar: \"المدينة.\", cite: [council-statement]}\n"
        "  description: {en: \"A town.\", ar: \"مدينة.\", cite: [council-statement]}\n", encoding="utf-8")
    (project / "data/sources.yaml").write_text(
        "# yaml-language-server: $schema=schema/sources.schema.json\n"
        "sites: [{host: example.org, publisher: Example Council}]\nsources:\n- " +
        "\n  ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in source.items()) + "\n",
        encoding="utf-8")
    for page in (project / "content").rglob("*.md"):
        page.write_text(re.sub(r"\{\{ todo\('[^']*'\) \}\}", "Written.", page.read_text(encoding="utf-8")), encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")


def test_filled_in_it_builds_into_a_complete_bilingual_site(draft, tmp_path):
    project = tmp_path / "filled"
    subprocess.run(["cp", "-r", str(draft), str(project)], check=True)
    fill(project)
    assert explainer_main(["check", str(project)]) == 0
    result = run(["mkdocs", "build"], project)
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "ar/"):
        for page in PAGES:
            html = BeautifulSoup((project / "site" / f"{prefix}{page}.html").read_text(encoding="utf-8"), "html.parser")
            assert not html.select(".gap, .draft-banner"), f"{prefix}{page}"
    report = BeautifulSoup((project / "site/ar/report.html").read_text(encoding="utf-8"), "html.parser")
    source = FIXTURE_TEXT.read_text(encoding="utf-8")
    for sentence_id in ("p1-s2", "p3-s3", "p4-s2"):
        arabic = report.find(id=sentence_id).find(attrs={"lang": "ar"}).get_text()
        assert arabic.strip() in source
    published = json.loads((project / "site/data/publication.json").read_text(encoding="utf-8"))
    assert published["places"]["places"][0]["id"] == "al-waha"


def test_a_scaffold_never_overwrites_and_explains_a_bad_source(tmp_path, capsys):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    assert explainer_main(["new", "--source", str(FIXTURE_TEXT), "--into", str(tmp_path / "full")]) == 1
    assert "is not empty" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_text("No Arabic here.")
    assert explainer_main(["new", "--source", str(latin), "--into", str(tmp_path / "a")]) == 1
    assert "has no Arabic letters" in capsys.readouterr().err
    latin.write_bytes(b"\xd8\xa8\xff")
    assert explainer_main(["new", "--source", str(latin), "--into", str(tmp_path / "b")]) == 1
    assert "not UTF-8" in capsys.readouterr().err


# --- nothing of this report in the engine -----------------------------------------------------------------
def test_the_engine_names_nothing_of_this_report():
    names = yaml.safe_load((ROOT / "data/names.yaml").read_text(encoding="utf-8"))["names"]
    forms = {form for name in names for form in [name["ar"], name["en"], *name.get("ar_forms", []),
                                                   *name.get("en_forms", []), *name.get("en_avoid", [])]}
    assert len(forms) > 20
    any_form, found = any_whole_word(forms), []
    for folder in ("explainer", "tools"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and path.suffix in {".py", ".md", ".txt", ".html", ".js", ".css", ".yml", ".json"}:
                text = path.read_text(encoding="utf-8", errors="ignore")
                if any_form.search(text):  # then which forms, one by one, for the message
                    found += [(path.relative_to(ROOT).as_posix(), form) for form in forms
                              if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
    assert found == []


# --- JSON Schemas ---------------------------------------------------------------------------------
def as_json(value):
    """YAML values as a YAML language server sees them: dates are text."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))


def test_the_schemas_hold_the_real_data_and_reject_a_broken_copy():
    texts = schema_texts()
    for kind, (path, _) in FILES.items():
        if kind in OPTIONAL and not (ROOT / path).exists():
            continue  # an optional file the publication leaves out
        schema = json.loads(texts[f"data/schema/{kind}.schema.json"])
        assert (ROOT / f"data/schema/{kind}.schema.json").read_text(encoding="utf-8") == texts[f"data/schema/{kind}.schema.json"]
        data = as_json(yaml.safe_load((ROOT / path).read_text(encoding="utf-8")))
        jsonschema.validate(data, schema)
    report_schema = json.loads(texts["data/schema/report.schema.json"])
    report = as_json(yaml.safe_load((ROOT / "data/report.yaml").read_text(encoding="utf-8")))
    broken = copy.deepcopy(report)
    del broken["paragraphs"][0]["sentences"][0]["en"]
    with pytest.raises(jsonschema.ValidationError, match="'en' is a required property"):
        jsonschema.validate(broken, report_schema)
    broken = copy.deepcopy(report)
    broken["paragraphs"][0]["sentences"][0]["notes"][0]["kind"] = "rumour"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, report_schema)


def test_an_outdated_schema_is_located_and_the_schema_command_names_each_file(mini, capsys):
    (mini / "data/schema/event.schema.json").write_text("{}\n")
    assert explainer_main(["check", str(mini)]) == 1
    assert "data/schema/event.schema.json:1:1: is missing or out of date" in capsys.readouterr().err
    assert explainer_main(["schema", str(mini)]) == 0
    assert "wrote data/schema/event.schema.json" in capsys.readouterr().out
    glossary = (mini / "data/glossary.yaml").read_text(encoding="utf-8")
    assert glossary.startswith("# yaml-language-server: $schema=schema/glossary.schema.json\n")
    assert explainer_main(["check", str(mini)]) == 0


def test_the_real_data_files_name_their_schemas():
    for kind, (path, _) in FILES.items():
        if not (ROOT / path).exists():
            continue
        first = (ROOT / path).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == f"# yaml-language-server: $schema=schema/{kind}.schema.json"


def test_an_optional_kind_left_out_needs_no_schema(mini, capsys):
    """A publication made before the engine knew a kind (data/corrections.yaml) still builds: its
    schema is asked for only once the publication has that data file."""
    assert not (mini / "data/corrections.yaml").exists()
    (mini / "data/schema/corrections.schema.json").unlink(missing_ok=True)
    assert explainer_main(["check", str(mini)]) == 0, capsys.readouterr().err
    (mini / "data/corrections.yaml").write_text("corrections: []\n", encoding="utf-8")
    assert explainer_main(["check", str(mini)]) == 1
    assert "data/schema/corrections.schema.json:1:1: is missing or out of date" in capsys.readouterr().err
