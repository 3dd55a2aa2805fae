"""Mutation fuzzing of the real publication (strategies in tests/fuzzing.py): one file changed
at a time, in every data kind, the boundary data, the source text, the pages and their front
matter, and every case must end cleanly: valid, or located problem lines, never another
exception. Edits known to break a rule must be refused at their file. Hostile text in a field
that reaches a page must never become markup. A sample goes through the full `mkdocs build`,
where a failed build must also leave site/ byte-identical.

The default suite runs a short deterministic sample (every rule once); `--fuzz-cases N` runs N
random cases (half random edits, a fifth rule-breaking edits, the rest injections; `./run
bench` runs 1,000) and `--fuzz-builds N` N full builds.
"""
from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment
from conftest import error_lines, make_project, mkdocs_build
from fuzzing import (
    LOCATED,
    PRISTINE,
    ENGINE_BUGS,
    RULES,
    injections,
    invalid_mutations,
    located_problems,
    markdown_converter,
    mutations,
    profile,
    requested,
    unsafe_markup,
)
from hypothesis import given
from mkdocs.utils.meta import get_data

from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors

SHORT = {"mutations": 16, "rules": 1, "injections": 8, "builds": 2}
"""The default suite's sample: random edits, edits per rule, injections, full builds."""
TALLY = collections.Counter({"tracebacks": 0, "unlocated": 0, "accepted invalid": 0})
"""The run's figures; a case that adds to the first three also fails its test."""


def planned(request, part: str, rule: str = "") -> int:
    """How many cases of `part` this run makes: --fuzz-cases split half random edits, a fifth
    rule-breaking edits (shared among the rules) and the rest injections; SHORT by default."""
    if part == "builds":
        return requested(request.config, "--fuzz-builds") or SHORT["builds"]
    cases = requested(request.config, "--fuzz-cases")
    if cases is None:
        return SHORT[part]
    if part == "rules":
        share, rest = divmod(cases // 5, len(RULES))
        return share + (sorted(RULES).index(rule) < rest)
    return max(cases // 2 if part == "mutations" else cases - cases // 2 - cases // 5, 1)


@pytest.fixture(scope="module", autouse=True)
def tally(request):
    """The figures of the run, printed at its end (a large run's report)."""
    yield TALLY
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None and TALLY:
        with capture.global_and_fixture_disabled():  # a fixture's output is captured, and lost on success
            reporter.write_line(f"\nfuzz: {dict(sorted(TALLY.items()))}")


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fuzz") / "project")
    build_docs(project)
    return project


def build(project: Path, name: str, data: bytes, what: str) -> list | None:
    """Build the pages with one file changed: None when valid, else its located problems."""
    TALLY["cases"] += 1
    target = project / name
    target.write_bytes(data)
    try:
        build_docs(project)
    except AuthorErrors as errors:
        assert errors.problems, f"{name} ({what}): AuthorErrors without a problem"
        TALLY["unlocated"] += not all(LOCATED.match(str(problem)) for problem in errors.problems)
        TALLY["located"] += 1
        return located_problems(project, f"{name} ({what})", errors.problems)
    except Exception as error:  # noqa: BLE001 - this is the failure the test looks for
        TALLY["tracebacks"] += 1
        pytest.fail(f"{name} ({what}): {type(error).__name__}: {error}")
    finally:
        target.write_bytes(PRISTINE[name])
    TALLY["valid"] += 1
    return None


def test_every_mutation_gives_a_clean_result(fuzz_project, request):
    outcomes = []

    @profile(planned(request, "mutations"), small=300)
    @given(mutations())
    def case(mutation):
        TALLY["random edits"] += 1
        outcomes.append(build(fuzz_project, *mutation) is not None)

    case()
    assert sum(outcomes) > len(outcomes) / 3, outcomes  # most mutations are mistakes, and are caught


@pytest.mark.parametrize("rule", [pytest.param(rule, marks=pytest.mark.xfail(reason=ENGINE_BUGS[rule], strict=True))
                                  if rule in ENGINE_BUGS else rule for rule in sorted(RULES)])
def test_an_edit_known_to_be_invalid_is_refused_at_its_file(fuzz_project, request, rule):
    examples = planned(request, "rules", rule)
    if examples == 0:
        pytest.skip("this run's share of rule-breaking edits went to the other rules")

    @profile(examples, small=60)
    @given(invalid_mutations(rule))
    def case(mutation):
        name, data, what, refused_at = mutation
        TALLY["rule-breaking edits"] += 1
        problems = build(fuzz_project, name, data, what)
        if problems is None:
            TALLY["accepted invalid"] += 1
        assert problems is not None, f"{name} ({what}): accepted"
        assert refused_at in {match.group(1) for match in problems}, (what, [m.string for m in problems])

    before = TALLY["tracebacks"]
    try:
        case()
    finally:
        if rule in ENGINE_BUGS:  # an expected failure: counted apart from the run's tracebacks
            TALLY["known engine bug (xfail)"] += TALLY["tracebacks"] - before
            TALLY["tracebacks"] = before


class Rendered:
    """The pages as MkDocs converts them, each compared with its pristine conversion."""

    def __init__(self, project: Path):
        build_docs(project)  # the other tests' last valid build may have been a changed one
        self.docs = project / "docs"
        self.markdown = markdown_converter()
        self.pristine = {p: p.read_text(encoding="utf-8") for p in sorted(self.docs.rglob("*.md"))}
        self.clean: dict[Path, tuple[set[str], int]] = {}
        """Per page, the tag names and the number of comments of its pristine conversion."""

    def html(self, text: str) -> BeautifulSoup:
        body, _ = get_data(text)  # MkDocs reads the front matter off the page before converting it
        return BeautifulSoup(self.markdown.reset().convert(body), "html.parser")

    def changed(self):
        """(page, its Markdown, its HTML, its pristine Markdown) of every page the case changed."""
        for page, before in self.pristine.items():
            text = page.read_text(encoding="utf-8")
            if text != before:
                if page not in self.clean:
                    self.clean[page] = clean_of(self.html(before))
                yield page, text, self.html(text), before


def test_no_injected_text_becomes_markup(fuzz_project, request):
    """A payload in any free-text field of any data kind, or in a page's description: the build
    refuses it at its file, or the pages as MkDocs converts them hold nothing it asks for."""
    rendered = Rendered(fuzz_project)

    @profile(planned(request, "injections"), small=300)
    @given(injections())
    def case(injection):
        name, data, what, payload = injection
        TALLY["injections"] += 1
        if build(fuzz_project, name, data, what) is not None:
            return
        TALLY["injections rendered"] += 1
        for page, text, soup, before in rendered.changed():
            found = unsafe_markup(soup, *rendered.clean[page])
            assert not found, (page.name, name, what, found)
            if "7*7" in payload:
                assert text.count("49") <= before.count("49"), (page.name, name, what, "evaluated")
            if name.startswith("content/") and page.relative_to(rendered.docs).as_posix() == name[8:]:
                meta = get_data(text)[1]
                assert payload in meta.get("description", ""), (page.name, what, meta)

    case()


def clean_of(soup: BeautifulSoup) -> tuple[set[str], int]:
    """What a page has without any payload: its tag names, its number of comments."""
    return {t.name for t in soup.find_all(True)}, len(soup.find_all(string=lambda s: isinstance(s, Comment)))


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_sample_of_cases_through_the_full_build(tmp_path, real_site, request):
    """Half edits, half injections through `mkdocs build`: a failure is located and leaves
    site/ as it was; a success's HTML holds no markup the payload asks for."""
    project = tmp_path / "project"
    shutil.copytree(real_site.parent, project, symlinks=True)  # with its cache: only changed pages convert
    site = project / "site"
    builds = planned(request, "builds")
    clean: dict[str, tuple[set[str], int]] = {}

    def run(name, data, what, payload=None):
        before = _pages(site)
        (project / name).write_bytes(data)
        try:
            result = mkdocs_build(project)
        finally:
            (project / name).write_bytes(PRISTINE[name])
        output = result.stdout + result.stderr
        TALLY["full builds"] += 1
        TALLY["tracebacks"] += "Traceback" in output
        assert "Traceback" not in output, f"{name} ({what}): {output[-2000:]}"
        if result.returncode != 0:
            assert result.returncode == 1, f"{name} ({what}): exit {result.returncode}"
            assert _pages(site) == before, f"{name} ({what}): a failed build changed site/"
            assert any(LOCATED.match(line) for line in error_lines(output)), f"{name} ({what}): {output[-2000:]}"
            TALLY["full builds refused"] += 1
            return
        for page, html in _pages(site).items():
            if page.endswith(".html") and payload is not None and before.get(page) != html:
                if page not in clean:
                    clean[page] = clean_of(BeautifulSoup(before[page], "html.parser"))
                found = unsafe_markup(BeautifulSoup(html, "html.parser"), *clean[page])
                assert not found, (page, name, what, found)
        if payload is not None:
            TALLY["full builds with a payload"] += 1

    @profile(builds - builds // 2, small=10)
    @given(mutations())
    def edit(mutation):
        run(*mutation)

    @profile(builds // 2, small=10)
    @given(injections())
    def inject(injection):
        run(*injection)

    edit()
    if builds > 1:
        inject()
