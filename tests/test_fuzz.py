"""Mutation fuzzing of the real publication: hypothesis changes one data or content file at a
time (drops keys, changes types, duplicates ids, breaks references, corrupts YAML and UTF-8,
alters the Arabic, calls macros with wrong arguments) and every case must end cleanly: valid,
or located problem lines, never another exception. A sample goes through the full
`mkdocs build`, where a failed build must also leave site/ byte-identical.

The CI profile is small and deterministic; `./run test tests/test_fuzz.py --fuzz-cases 1500`
(and `--fuzz-builds 40`) runs a large random one.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs_build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_atomic_build import snapshot

from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors

LOCATED = re.compile(r"^((?:data|content)/[^:]+):(\d+):(\d+): \S")
FILES = sorted(p.relative_to(ROOT).as_posix() for p in
               [*(ROOT / "data").glob("*.yaml"), *(ROOT / "content").glob("*/*.md"), ROOT / "data/source/article-ar.txt"])
PRISTINE = {name: (ROOT / name).read_bytes() for name in FILES}

VALUES = ["", "~", "null", "true", "yes", "0", "-1", "1e999", "3.5", ".nan", "[]", "{}", "[1, 2]", "{a: 1}",
          "2018-02-30", "2018-13-01", "0000-00-00", "!!int abc", "!!float x", "!!bool maybe", "!!str 5",
          "!!set {a}", "!!python/object:os.system x", "&a x", "*a", "'unclosed", '"unclosed', "[unclosed",
          "{unclosed", "a: b: c", "- item", "|", ">", "%YAML 1.1", "@at", "`tick`", "? complex",
          "javascript:alert(1)", "https://x.example/a b", "x" * 6000, "ب" * 6000, "Busra al-Sham",
          "Bosra", "[x](javascript:alert(1))", "<script>alert(1)</script>", "{{ 7*7 }}", "\t", "\u202e",
          "nonexistent-id", "NOT-AN-ID", "a" * 70]
MACRO_CALLS = ["{{ term(5) }}", "{{ term() }}", "{{ term('nope') }}", "{{ actor(None) }}", "{{ place([1]) }}",
               "{{ point(99) }}", "{{ point(-1) }}", "{{ point('x', 5) }}", "{{ cite() }}", "{{ cite(5, 'x') }}",
               "{{ cite(*range(3)) }}", "{{ sentence('p9-s9') }}", "{{ sentence({}) }}", "{{ block('nope') }}",
               "{{ block(5) }}", "{{ block('report', sentence=1) }}", "{{ date('2018-07-04') }}", "{{ date(5) }}",
               "{{ date(data.event.date, 'x') }}", "{{ 1/0 }}", "{{ data.nope }}", "{{ data.event.nope.en }}",
               "{{ nope() }}", "{% for %}", "{% if %}", "{{", "}}", "{% endfor %}", "{{ 'x' * 10**9 }}",
               "{{ range(10**9)|list }}", "{{ ''.__class__ }}", "{{ lang.upper()[99] }}", "{## unclosed",
               "{% include 'nope.md' %}", "{% extends 'about.md' %}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
               "[broken](nowhere.md)", "## Heading without id", "## New section { #only-in-one-language }"]
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@st.composite
def mutations(draw):
    """(file, new bytes, what was done): one random change to one file."""
    name = draw(st.sampled_from(FILES))
    data = PRISTINE[name]
    text = data.decode("utf-8")
    lines = text.split("\n")
    kind = draw(st.sampled_from(["drop-line", "duplicate-line", "value", "reference", "id", "yaml-syntax",
                                 "bytes", "truncate", "arabic", "indent", "macro", "text"]))
    index = draw(st.integers(0, max(len(lines) - 1, 0)))
    line = lines[index]
    if kind == "drop-line":
        del lines[index]
    elif kind == "duplicate-line":
        lines.insert(index, line)
    elif kind == "value" and ":" in line:
        key = line.split(":", 1)[0]
        lines[index] = f"{key}: {draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=30)))}"
    elif kind == "reference":
        references = [i for i, l in enumerate(lines) if re.search(r"(cite|sentence|place|coordinates_cite): ", l)]
        if references:
            index = draw(st.sampled_from(references))
            lines[index] = re.sub(r"([a-z0-9])(\]|$|,)", r"\1x\2", lines[index], count=1)
    elif kind == "id":
        ids = [i for i, l in enumerate(lines) if re.match(r"\s*-?\s*id: ", l)]
        if ids:
            index = draw(st.sampled_from(ids))
            lines[index] = draw(st.sampled_from([lines[index] + "-renamed", lines[index].split("id:")[0] + "id: " +
                                                 draw(st.sampled_from(VALUES))]))
    elif kind == "yaml-syntax":
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + draw(st.sampled_from(["[", "{", "]", "}", ": :", "\t", "- ", '"', "'", "&a ",
                                                             "*a", "!!", "%", "@", "#", "|", ">", "? ", "---\n"])) + line[column:]
    elif kind == "bytes":
        position = draw(st.integers(0, len(data)))
        return name, data[:position] + draw(st.binary(min_size=1, max_size=4)) + data[position:], f"{kind} at {position}"
    elif kind == "truncate":
        position = draw(st.integers(0, len(data)))
        return name, data[:position], f"{kind} at byte {position}"
    elif kind == "arabic":
        positions = [i for i, c in enumerate(text) if c in ARABIC_LETTERS]
        if positions:
            position = draw(st.sampled_from(positions))
            text = text[:position] + draw(st.sampled_from(ARABIC_LETTERS)) + text[position + 1:]
            return name, text.encode("utf-8"), f"{kind} at {position}"
    elif kind == "indent":
        lines[index] = draw(st.sampled_from(["  " + line, line[1:], line.lstrip(), "\t" + line]))
    elif kind == "macro":
        lines.insert(index, draw(st.sampled_from(MACRO_CALLS)))
    elif kind == "text":
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + draw(st.text(max_size=20)) + line[column:]
    return name, "\n".join(lines).encode("utf-8", "surrogatepass"), f"{kind} at line {index + 1}"


def assert_clean(project: Path, name: str, what: str, problems: list) -> None:
    """Every problem line has the located shape and points inside an author's file."""
    for problem in problems:
        line = str(problem)
        match = LOCATED.match(line)
        assert match, f"{name} ({what}): unlocated message {line!r}"
        file = project / match.group(1)
        if file.is_file():
            count = file.read_bytes().count(b"\n") + 1
            assert 1 <= int(match.group(2)) <= count + 1, f"{name} ({what}): line out of the file: {line!r}"


def profile(examples: int, small: int):
    """Hypothesis settings for `examples` cases: a small run (CI's) is deterministic, so that a
    red CI can be rerun as it was; a large one draws new cases every time."""
    return settings(max_examples=examples, deadline=None, database=None, derandomize=examples <= small,
                    suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("fuzz") / "project")


def test_every_mutation_gives_a_clean_result(fuzz_project, request):
    counts = {"cases": 0, "valid": 0, "located": 0}

    @profile(request.config.getoption("--fuzz-cases"), small=300)
    @given(mutations())
    def case(mutation):
        name, data, what = mutation
        target = fuzz_project / name
        target.write_bytes(data)
        try:
            build_docs(fuzz_project)
            counts["valid"] += 1
        except AuthorErrors as errors:
            assert errors.problems, f"{name} ({what}): AuthorErrors without a problem"
            assert_clean(fuzz_project, name, what, errors.problems)
            counts["located"] += 1
        except Exception as error:  # noqa: BLE001 - this is the failure the test looks for
            pytest.fail(f"{name} ({what}): {type(error).__name__}: {error}")
        finally:
            target.write_bytes(PRISTINE[name])
            counts["cases"] += 1

    case()
    print(f"fuzz: {counts}")
    assert counts["located"] > counts["cases"] / 3, counts  # most mutations are mistakes, and are caught


def test_a_sample_of_mutations_through_the_full_build(tmp_path, request):
    project = make_project(tmp_path / "project")
    assert mkdocs_build(project).returncode == 0
    site = project / "site"
    outcomes = []

    @profile(request.config.getoption("--fuzz-builds"), small=10)
    @given(mutations())
    def case(mutation):
        name, data, what = mutation
        before = snapshot(site)
        (project / name).write_bytes(data)
        try:
            result = mkdocs_build(project)
            output = result.stdout + result.stderr
            assert "Traceback" not in output, f"{name} ({what}): {output[-2000:]}"
            outcomes.append(result.returncode)
            if result.returncode != 0:
                assert result.returncode == 1, f"{name} ({what}): exit {result.returncode}"
                assert snapshot(site) == before, f"{name} ({what}): a failed build changed site/"
                errors = [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]
                assert any(LOCATED.match(line) for line in errors), f"{name} ({what}): no located line in {errors}"
        finally:
            (project / name).write_bytes(PRISTINE[name])

    case()
    print(f"fuzz builds: {len(outcomes)}, failed cleanly: {outcomes.count(1)}")
