"""Shared helpers: copy a project (the real one or a fixture) into a temporary folder, build
it with the real `mkdocs build`, and read what an author or reader would see."""
from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from explainer.build_cache import CACHE_DIR

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser):
    # Without these options the suite runs a short fixed sample (tests/fuzzing.py says how big);
    # `./run bench` runs --fuzz-cases 1000 --fuzz-builds 20.
    parser.addoption("--fuzz-cases", type=int, default=100,
                     help="fuzz cases through the page build and check (default: a short fixed sample)")
    parser.addoption("--fuzz-builds", type=int, default=2,
                     help="fuzz cases through the full `mkdocs build` (default: 2)")
    parser.addoption("--full-matrix", action="store_true",
                     help="run every combination of the heaviest browser tests (page, width, colours); "
                     "by default one representative sample of each runs (`./run bench` runs them all)")
    parser.addoption("--package-full-install", action="store_true",
                     help="install the wheel's dependencies from the registry too (tests/test_package.py)")


def pytest_configure(config):
    config.addinivalue_line("markers", "cold_build: the test's subject is a build from an empty cache, so its "
                            "`mini` gets no copy of the run's warm .explainer-cache/")
    config.addinivalue_line("markers", "browser: drives Chromium (`./run test -m 'not browser'` for a fast loop)")
    config.addinivalue_line("markers", "full_matrix: a further combination of a heavy browser test, run with "
                            "--full-matrix (`./run bench`); the default run keeps a sample that covers both "
                            "languages, phone and desktop, light and dark")


FULL_MATRIX_ONLY = pytest.mark.full_matrix
"""Mark a parameter set with `pytest.param(..., marks=FULL_MATRIX_ONLY)`: the suite must stay
under five minutes on two cores, so the heaviest browser matrices run a sample by default."""


def pytest_collection_modifyitems(config, items):
    """Every test that uses the browser is marked `browser`, without each module saying so; the
    full matrix's extra combinations are skipped (with the reason) unless --full-matrix."""
    skip = pytest.mark.skip(reason="a further combination of the full matrix: run with --full-matrix")
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
        if item.get_closest_marker("full_matrix") and not config.getoption("--full-matrix"):
            item.add_marker(skip)


# The PDF and EPUB editions (mkdocs.yml's `editions`) cost about 20 s of CPU in a cold build of
# the real site: only the builds that test them make them (tests/test_editions.py sets it back).
os.environ.setdefault("EXPLAINER_EDITIONS", "false")

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_project(target: Path, data_from: Path = ROOT) -> Path:
    """A buildable project in `target`: our mkdocs.yml with the data/ and content/ of
    `data_from` (the real project, or a fixture folder). The engine and its theme come from the
    installed package, as in any publication."""
    target.mkdir(parents=True, exist_ok=True)
    for folder in ("data", "content"):
        shutil.copytree(data_from / folder, target / folder)
    nav_of_its_pages(ROOT / "mkdocs.yml", target / "mkdocs.yml", target / "content" / "en")
    (target / "docs").mkdir()
    shutil.copy(ROOT / "docs" / ".gitignore", target / "docs" / ".gitignore")
    return target


def nav_of_its_pages(source: Path, target: Path, pages: Path) -> None:
    """Our mkdocs.yml for a project holding fewer reports (a fixture): the nav entries of pages
    it lacks (another report's folder) and the sections they leave empty are left out, since
    MkDocs refuses a nav entry with no page in strict mode."""
    text = source.read_text(encoding="utf-8")
    start = text.index("\nnav:\n") + len("\nnav:\n")
    end = re.compile(r"^\S", re.M).search(text, start).start()  # the next top-level key
    kept = [line for line in text[start:end].splitlines(keepends=True)
            if not (m := re.fullmatch(r"\s+- ([\w/-]+\.md)\n", line)) or (pages / m[1]).is_file()]
    sections = [i for i, line in enumerate(kept) if re.fullmatch(r"  - [^:#]+:\n", line)]
    empty = {i for i in sections if i + 1 >= len(kept) or not kept[i + 1].startswith("    - ")}
    nav = "".join(line for i, line in enumerate(kept) if i not in empty)
    target.write_text(text[:start] + nav + text[end:], encoding="utf-8")


def mkdocs_build(project: Path) -> subprocess.CompletedProcess:
    """Run `mkdocs build` in `project` as an author would, capturing its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def error_lines(output: str) -> list[str]:
    """The messages MkDocs printed at ERROR level, without the level prefix."""
    return [line.split("-  ", 1)[1] for line in output.splitlines() if line.startswith("ERROR")]


# --- helpers the test modules share (import them from here, never from another test module) ---

def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace one exact occurrence of `old`, failing loudly if the fixture changed."""
    file = project / relative
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not unique in {relative}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def append(project: Path, relative: str, text: str) -> None:
    """Add lines at the end of an author's file (a new entry in a list)."""
    with open(project / relative, "a", encoding="utf-8") as file:
        file.write(text)


def problems_of(project: Path) -> list[str]:
    """The problem lines a normal build refuses an author's mistake in data/ or content/ with.
    Run in this process, as the build's first stage (validate, which the hook calls and logs one
    line per problem from): a subprocess is not what these tests are about, and costs a second
    or two each. test_author_errors.py pins that the real `mkdocs build` prints the same lines."""
    problems = first_stage_problems(project)
    assert problems, "the build accepted it"
    return problems


def first_stage_problems(project: Path) -> list[str]:
    """What a normal build's first stage (data/ and content/) refuses, in this process; [] when
    it accepts them."""
    from explainer.pages_out.render import build_docs
    from explainer.problems.errors import AuthorErrors
    try:
        build_docs(project, draft=False)
    except AuthorErrors as errors:
        return [str(problem) for problem in errors.problems]
    return []


def any_whole_word(forms) -> re.Pattern:
    """One pattern for "any of these forms, as a whole word" (no letter, digit or hyphen on
    either side). The scans for this report's names (some 300 forms through every file of the
    engine) read each text once with it, in a fraction of a second, instead of once per form
    (some 25 s of CPU: a pattern that starts with a lookbehind is tried at every character). It
    matches wherever one of the forms alone would: the alternation backtracks into the next
    form when a longer one fails its boundary."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")(?![\w-])")


def snapshot(site: Path) -> dict[str, str]:
    """Every file under site/ with the hash of its bytes."""
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def pages_of(project: Path) -> list[str]:
    """A project's pages, as built ('report.html', 'agreement/claims.html'), in one language."""
    return sorted(p.relative_to(project / "content/en").with_suffix(".html").as_posix()
                  for p in (project / "content/en").rglob("*.md"))


PAGES = pages_of(ROOT)
LANGS = {"en": ("", "ltr"), "ar": ("ar/", "rtl")}


def parse(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


@functools.cache
def real_data():
    """The real publication's validated data, loaded once for all the modules that read it."""
    from explainer.data_in.dataset import load_dataset
    return load_dataset(ROOT)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real publication, built once for the whole test run; the path of its site/. Under
    pytest-xdist the workers share one build (the first to ask builds it, under a lock, the
    others wait and read it): the tests only read it, and each build costs a worker some
    twenty seconds."""
    return once_per_run(tmp_path_factory, "real", _build_real_site) / "project" / "site"


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """A folder `make(folder)` fills once for the whole test run, shared by the pytest-xdist
    workers (the first to ask makes it, under a lock; the others wait and read it). For what
    costs seconds to make and is only read: each worker would otherwise make its own."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None:
        folder = tmp_path_factory.mktemp(name)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent / f"{name}-{run}"  # the run's folder, above each worker's
    shared.mkdir(exist_ok=True)
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (shared / "made").exists():
            make(shared)
            (shared / "made").touch()
    return shared


def found_once_per_run(tmp_path_factory, name: str, find):
    """What `find()` returns (data JSON can hold: what a page's script measured), found once for
    the whole test run by whichever pytest-xdist worker asks first (once_per_run)."""
    def make(folder: Path) -> None:
        (folder / "found.json").write_text(json.dumps(find()), encoding="utf-8")
    return json.loads((once_per_run(tmp_path_factory, name, make) / "found.json").read_text(encoding="utf-8"))


def _build_real_site(folder: Path) -> Path:
    project = make_project(folder / "project")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(autouse=True)
def no_build_date_from_an_earlier_test():
    """Each test starts without SOURCE_DATE_EPOCH, as a build from a shell does, and leaves none.
    A build run in this process (build_date.set_source_date, in test_serve_speed.py) sets it in
    os.environ to this checkout's last commit, where every later build of the worker, in a
    subprocess too, inherited it: the corrections' masthead then showed that day instead of
    the fixture's newest correction, depending on which tests the worker ran before. (Not
    monkeypatch.delenv: it restores nothing for a variable that was not set.)"""
    before = os.environ.pop("SOURCE_DATE_EPOCH", None)
    yield
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    if before is not None:
        os.environ["SOURCE_DATE_EPOCH"] = before


@pytest.fixture
def mini(tmp_path, request) -> Path:
    """A fresh copy of the small fixture project, for tests that break things, with a copy of
    the .explainer-cache/ that a build of the fixture made once for the run (mini_cache): its
    first build is a warm one (1.4 s of CPU instead of a cold build's 2.8 s, in each of the many
    tests that build it). The cache is safe to copy: each entry is signed and keyed by the bytes
    it is made from (explainer/build_cache.py), so an edit the test makes is seen: a changed
    input is a miss, never a stale page. A module or test whose subject is a build from nothing
    (the caches themselves, a cold build's output) is marked `cold_build` and gets no cache."""
    project = make_project(tmp_path / "mini", FIXTURES / "mini")
    if not request.node.get_closest_marker("cold_build"):
        shutil.copytree(request.getfixturevalue("mini_cache"), project / CACHE_DIR)
    return project


@pytest.fixture(scope="session")  # a session's: with -n 0, once_per_run would build at every call
def mini_cache(tmp_path_factory) -> Path:
    """The .explainer-cache/ of a good build of the small fixture, made once for the run: copy
    it, never build in it (once_per_run's folder is shared by every worker)."""
    def build(folder: Path) -> None:
        project = make_project(folder / "project", FIXTURES / "mini")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    return once_per_run(tmp_path_factory, "warm-mini", build) / "project" / CACHE_DIR


# Debian's Chromium, or the one the environment variable CHROMIUM names (no root needed), driven
# by Playwright (which never downloads a browser of its own here); without the
# background-networking flags it tries Google's hosts at every start.
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would bury the test output
        pass


@pytest.fixture(scope="module")
def server(real_site):
    """The built site over HTTP on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(real_site.resolve()))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def wait_until(page, expression: str, timeout: float = 10.0, interval: float = 0.05):
    """Wait for a condition, not for a time: evaluate `expression` in the page until it is truthy
    and return its value. Unlike Playwright's wait_for_function it polls from outside the page,
    so it works with the page's scripts off and under the site's content security policy (which
    forbids the eval that wait_for_function runs in the page)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(interval)


@pytest.fixture(scope="session")  # one Chromium per worker: each test opens its own context or page
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# The words of the elements `selector` matches that a line break cuts in two: each
# whitespace-separated word of each text node is a Range, and a word drawn on two lines has
# boxes at two heights. A word may break after a hyphen or a slash (a sensible point:
# "al-/Sham"), so each part between them is a word of its own here. (The ledger's tests, on
# screen and in print.)
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\\u2010\\u2011\\/]+[\\-\\u2010\\/]?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom / 4))).size > 1)
          broken.push(match[0]);
      }
    }
  }
  return broken;
}"""
