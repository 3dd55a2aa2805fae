"""`python -m explainer check` refuses exactly what the build refuses: the same problems, by
file, line, column and rule, in a normal build and in a draft, for the work left (the gaps a
draft accepts), for mistakes, and for the site gates over the built HTML."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import edit, error_lines, make_project, mkdocs_build
from hypothesis import given
from fuzzing import PRISTINE, mutations, profile

from explainer.__main__ import main as explainer_main
from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors

# The lines check prints after the problems: a count and what to do; not problems themselves.
SUMMARY = re.compile(r"^\d+ problem\(s\); |^the site build failed; ")


def check_problems(project: Path, capsys, *options: str) -> list[str]:
    """What `check` refuses: its problem lines (empty when it exits 0)."""
    status = explainer_main(["check", *options, str(project)])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not SUMMARY.match(line)]
    assert (status == 0) == (lines == []), err
    return lines


def build_problems(project: Path, draft: bool) -> list[str]:
    """What the build's data and pages stage refuses (the hook calls build_docs in its mode)."""
    try:
        build_docs(project, draft=draft)
    except AuthorErrors as errors:
        return [str(problem) for problem in errors.problems]
    return []


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("agree") / "project")


# Each is work left that a draft accepts and a normal build refuses, or a mistake both refuse.
EDITS = {
    "a null place": ("data/event.yaml", "place: busra-al-sham", "place: null"),
    "a TODO text": ("data/actors.yaml", 'ar: "الجانب الروسي (الضباط الروس)"', 'ar: "TODO: translate"'),
    "a page's TODO description": ("content/en/glossary.md", 'description: "The terms', 'description: "TODO The terms'),
    "a todo() in a page": ("content/ar/glossary.md", "\n## الكلمات المنحازة", "\n{{ todo('اكتب') }}\n\n## الكلمات المنحازة"),
    "an unknown term": ("content/en/glossary.md", "{{ term('heavy-weapons') }}", "{{ term('heavy-weapon') }}"),
}


@pytest.mark.parametrize("draft", [False, True], ids=["normal", "draft"])
@pytest.mark.parametrize("name", list(EDITS))
def test_check_and_the_build_refuse_the_same_problems(project, capsys, name, draft):
    relative, old, new = EDITS[name]
    edit(project, relative, old, new)
    try:
        expected = build_problems(project, draft)
        assert check_problems(project, capsys, "--quick", *(["--draft"] if draft else [])) == expected
    finally:
        (project / relative).write_bytes(PRISTINE[relative])
    if name != "an unknown term":
        assert (expected == []) == draft, expected  # work left: only a draft accepts it


def test_check_and_the_build_agree_on_random_mutations(project, capsys, request):
    """The fuzz's mutations (test_fuzz.py), each through check and the build, in both modes:
    4 in the suite, a 25th of --fuzz-cases (40 in `./run bench`'s run of 1,000)."""
    compared = []
    cases = max(request.config.getoption("--fuzz-cases") // 25, 1)

    @profile(cases, small=300)
    @given(mutations())
    def case(mutation):
        name, data, what = mutation
        (project / name).write_bytes(data)
        try:
            for draft in (False, True):
                expected = build_problems(project, draft)
                options = ("--quick", "--draft") if draft else ("--quick",)
                assert check_problems(project, capsys, *options) == expected, f"{name} ({what}), draft={draft}"
                compared.append(len(expected))
        finally:
            (project / name).write_bytes(PRISTINE[name])

    case()
    assert len(compared) == 2 * cases, compared


def test_check_refuses_what_the_site_gates_refuse(mini, capsys):
    """A link to an anchor that no page has passes the data and the pages; the build refuses it
    over the built HTML, and so does check, with the same line."""
    page = mini / "content/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](index.md#no-such-section)\n", encoding="utf-8")
    build = mkdocs_build(mini)
    assert build.returncode == 1
    expected = [line for line in error_lines(build.stdout + build.stderr) if line.startswith("content/")]
    assert expected, build.stdout + build.stderr
    found = check_problems(mini, capsys)
    assert [line for line in found if line.startswith("content/")] == expected
