"""The post-build steps' per-page cache (explainer/site_built/page_facts.py): facts come back
from it only for a page whose text and the computing code are unchanged, a broken cache file
means computing again, and the cache holds only the latest build's pages."""
from __future__ import annotations

import json
import pickle
import shutil
from collections import Counter
from pathlib import Path

import pytest
from jinja2 import bccache
from explainer.problems.errors import AuthorErrors

from conftest import mkdocs_build
from explainer import build_cache
from explainer.build_cache import cache_folder, read_entry, signing_key, write_atomically
from explainer.site_built import page_facts
from explainer.site_built.page_facts import PageFacts

# The caches are this module's subject: each test's `mini` starts from an empty cache.
pytestmark = pytest.mark.cold_build


def _facts(folder):
    calls = []

    def compute(html):
        calls.append(html)
        return len(html)

    facts = PageFacts(folder, "lengths")
    return facts, calls, lambda html: facts.get(html, compute, lambda n: n, lambda n: n)


def test_facts_are_reused_only_for_unchanged_pages_and_code(tmp_path, monkeypatch):
    monkeypatch.setattr(build_cache, "engine_version", lambda: "version one")
    facts, calls, get = _facts(tmp_path)
    assert [get("<p>a</p>"), get("<p>bb</p>")] == [8, 9] and len(calls) == 2
    facts.save()
    facts, calls, get = _facts(tmp_path)
    assert get("<p>a</p>") == 8 and calls == []          # unchanged: not parsed again
    assert get("<p>ccc</p>") == 10 and calls == ["<p>ccc</p>"]
    facts.save()
    assert len(list((tmp_path / "lengths").iterdir())) == 2  # <p>bb</p> is gone
    page_facts.forget()  # a new process: from the disk
    facts, calls, get = _facts(tmp_path)
    assert [get("<p>a</p>"), get("<p>ccc</p>")] == [8, 10] and calls == []
    monkeypatch.setattr(build_cache, "engine_version", lambda: "version two")  # the engine's code changed
    facts, calls, get = _facts(tmp_path)
    assert get("<p>a</p>") == 8 and calls == ["<p>a</p>"]  # new code: computed again
    page_facts.forget()
    for entry in (tmp_path / "lengths").iterdir():
        entry.write_text("{not json")
    facts, calls, get = _facts(tmp_path)
    assert get("<p>a</p>") == 8 and calls == ["<p>a</p>"]


def test_a_build_from_the_cache_writes_the_same_site_and_still_finds_a_broken_link(mini):
    assert mkdocs_build(mini).returncode == 0
    first = {path.relative_to(mini / "site"): path.read_bytes() for path in (mini / "site").rglob("*") if path.is_file()
             and path.suffix in (".html", ".js", ".css", ".xml")}
    assert list((mini / ".explainer-cache/pages/facts").glob("*.json"))
    assert mkdocs_build(mini).returncode == 0
    second = {path.relative_to(mini / "site"): path.read_bytes() for path in (mini / "site").rglob("*") if path.is_file()
              and path.suffix in (".html", ".js", ".css", ".xml")}
    assert first == second
    page = mini / "content/en/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")
    result = mkdocs_build(mini)
    assert result.returncode == 1 and "nowhere" in result.stdout + result.stderr


def _site(project):
    return {path.relative_to(project / "site"): path.read_bytes()
            for path in (project / "site").rglob("*") if path.is_file()}


def test_kept_markdown_conversions_give_the_same_site_and_follow_every_edit(mini):
    """The hook reuses Python-Markdown's conversion of a page whose Markdown is unchanged: a
    build from them is byte for byte a build without them, and an edited page is converted."""
    assert mkdocs_build(mini).returncode == 0
    conversions = sorted((mini / ".explainer-cache/conversions").glob("*.pickle"))
    assert len(conversions) == len(list((mini / "docs").rglob("*.md")))  # one per page, both languages
    page = mini / "content/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by the test.\n", encoding="utf-8")
    assert mkdocs_build(mini).returncode == 0
    cached = _site(mini)
    assert b"A sentence added by the test." in cached[Path("about.html")]
    kept = sorted((mini / ".explainer-cache/conversions").glob("*.pickle"))
    assert len(kept) == len(conversions) and len(set(kept) - set(conversions)) == 1  # the old one is gone
    shutil.rmtree(mini / ".explainer-cache")
    assert mkdocs_build(mini).returncode == 0
    assert _site(mini) == cached


def test_a_conversion_that_warned_is_not_kept_so_a_strict_build_fails_each_time(mini):
    """A page whose conversion logs a warning (here a link to a page not in the site, once
    MkDocs' link check is on) fails the strict build, the second time as the first."""
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    not_found: ignore", "    not_found: warn", 1),
                      encoding="utf-8")
    page = mini / "content/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[gone](nowhere.md)\n", encoding="utf-8")
    for _ in range(2):
        result = mkdocs_build(mini)
        warnings = [line for line in (result.stdout + result.stderr).splitlines()
                    if line.startswith("WARNING") and "nowhere.md" in line and "not found" in line]
        assert result.returncode == 1 and warnings, result.stdout + result.stderr  # MkDocs' own warning, each time


def test_an_unchanged_project_is_not_loaded_or_rendered_again(mini, monkeypatch):
    from explainer.pages_out import render

    first = render.build_docs(mini)
    calls = []
    real_load = render.load_dataset
    monkeypatch.setattr(render, "load_dataset", lambda *args, **kwargs: calls.append(args) or real_load(*args, **kwargs))
    again = render.build_docs(mini)
    assert calls == [] and again.models["sources"] == first.models["sources"]
    assert again is first  # in the process that built it (serve), the very dataset: no copy from the disk
    assert render.build_docs(mini, draft=True).draft is True and len(calls) == 1  # the draft flag is an input
    render.build_docs(mini)
    assert len(calls) == 2
    render.build_docs(mini)
    assert len(calls) == 2
    glossary = mini / "data/glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # any byte of data/
    render.build_docs(mini)
    assert len(calls) == 3
    (mini / "docs/en/index.md").unlink()  # docs/ is no longer what the last build wrote
    render.build_docs(mini)
    assert len(calls) == 4 and (mini / "docs/en/index.md").is_file()
    store = mini / render.CACHE_DIR / "last-build.pickle"
    store.write_bytes(b"another process's entry")  # the entry is no longer what this process kept
    render.build_docs(mini)
    assert len(calls) == 5
    page = mini / "content/ar/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ nonexistent_macro() }}\n", encoding="utf-8")
    with pytest.raises(AuthorErrors):
        render.build_docs(mini)  # a changed page is rendered, and its error found


class _Planted:
    """A pickle that, when loaded, creates the file `marker`: what a planted cache entry could do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return open, (str(self.marker), "w")


def _site_files(site: Path) -> dict:
    return {path.relative_to(site): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_no_code_runs_from_a_planted_cache_file_and_nothing_planted_is_published(mini, tmp_path):
    """Every entry of .explainer-cache/ replaced by a hostile file of its kind (a pickle that runs
    code as it loads, where the build keeps pickles or Jinja's compiled code; a stylesheet, a zip
    and page facts of our choosing elsewhere): the next build runs none of it and publishes the
    same site as before."""
    assert mkdocs_build(mini).returncode == 0
    before = _site_files(mini / "site")
    marker = tmp_path / "planted-code-ran"
    hostile = pickle.dumps(_Planted(marker))
    planted = Counter()
    for entry in sorted((mini / ".explainer-cache").rglob("*")):
        if not entry.is_file() or entry.name == ".gitignore":
            continue
        if entry.suffix == ".pickle":
            entry.write_bytes(hostile)
        elif entry.suffix == ".cache":  # Jinja unpickles the checksum that follows its magic
            entry.write_bytes(bccache.bc_magic + hostile)
        elif entry.suffix == ".css":
            entry.write_bytes(b"body{display:none}")
        elif entry.suffix == ".json":
            entry.write_bytes(json.dumps({"stamp": "x", "pages": {}}).encode())
        elif entry.suffix == ".zip":
            entry.write_bytes(b"PK planted")
        else:
            continue
        planted[entry.suffix] += 1
    assert set(planted) == {".pickle", ".cache", ".css", ".json", ".zip"}, planted
    result = mkdocs_build(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not marker.exists(), "a planted cache file ran code"
    assert _site_files(mini / "site") == before


def test_the_signing_key_is_private_or_not_used(tmp_path, monkeypatch):
    """The key is made once, readable by this user alone; a key others can read is no key, and
    then nothing is cached (every build is a full one) rather than trusting what others wrote."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    signing_key.cache_clear()
    try:
        key = signing_key()
        key_file = tmp_path / "explainer" / "cache-key"
        assert key is not None and len(key) == 32 and key_file.read_bytes() == key
        assert key_file.stat().st_mode & 0o777 == 0o600 and (tmp_path / "explainer").stat().st_mode & 0o777 == 0o700
        entry = tmp_path / "entry"
        write_atomically(entry, b"kept")
        assert read_entry(entry) == b"kept"
        entry.write_bytes(entry.read_bytes()[:-1] + b"X")  # one byte changed
        assert read_entry(entry) is None
        signing_key.cache_clear()
        key_file.chmod(0o644)
        assert signing_key() is None and cache_folder(tmp_path / "project") is None
    finally:
        signing_key.cache_clear()


# `mkdocs build` with every parse of a whole built page counted (a page starts with its doctype):
# the steps' one parse (page_facts, lxml's parser) and any html.parser feed (Python-Markdown
# parses fragments, with its own copy of the parser).
_COUNTING_BUILD = """
import html.parser, json
from explainer.site_built import page_facts
calls = []
def whole_page(data):
    if data.lstrip()[:15].lower() == "<!doctype html>":
        calls.append(data[:2000])
feed = html.parser.HTMLParser.feed
def counted(self, data):
    whole_page(data)
    return feed(self, data)
html.parser.HTMLParser.feed = counted
class CountingParser:
    def __init__(self, **options):
        self.parser = page_facts_parser(**options)
    def feed(self, data):
        whole_page(data)
        return self.parser.feed(data)
    def close(self):
        return self.parser.close()
page_facts_parser = page_facts.etree.HTMLParser
page_facts.etree = type("CountingEtree", (), {"HTMLParser": CountingParser})
from mkdocs.__main__ import cli
try:
    cli(["build"])
finally:
    print("PARSED " + json.dumps(calls))
"""


def _parsed_pages(project: Path) -> list[str]:
    import os
    import subprocess
    import sys
    result = subprocess.run([sys.executable, "-c", _COUNTING_BUILD], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    [line] = [line for line in result.stdout.splitlines() if line.startswith("PARSED ")]
    return json.loads(line.removeprefix("PARSED "))


def test_the_post_build_steps_parse_each_built_page_once_and_an_unchanged_one_never(mini):
    """The search index, the purge, the sitemap and the gates share one parse of each page
    (site_built/pipeline.py); a build that changes no page parses none."""
    parsed = _parsed_pages(mini)
    pages = sorted((mini / "site").rglob("*.html"))
    assert len(parsed) == len(pages) == len(set(parsed)), (len(parsed), len(pages))
    assert _parsed_pages(mini) == []
    page = mini / "content/en/about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA sentence added by the test.\n", encoding="utf-8")
    [again] = _parsed_pages(mini)
    assert '<link rel="canonical" href="https://explainer.invalid/about.html">' in again


def test_the_one_cache_rule_keys_by_the_inputs_bytes_and_the_engines_version(monkeypatch):
    key = build_cache.cache_key("a", b"bc")
    assert key == build_cache.cache_key(b"a", "bc") != build_cache.cache_key("ab", "c")  # text or bytes; parts kept apart
    assert build_cache.cache_key("a", b"bc") != build_cache.cache_key("a", b"bd")
    monkeypatch.setattr(build_cache, "engine_version", lambda: "another engine")
    assert build_cache.cache_key("a", b"bc") != key


def test_the_one_parse_hands_each_listener_the_events_html_parser_would():
    """page_facts.parse (lxml underneath) gives the steps' listeners html.parser's events: a run
    of text whole across character references, attributes as (name, value) pairs, tags lowercase,
    a script's text as text, in document order."""
    class Listener:
        def __init__(self):
            self.events = []

        def handle_starttag(self, tag, attrs):
            self.events.append(("start", tag, attrs))

        def handle_endtag(self, tag):
            self.events.append(("end", tag))

        def handle_data(self, data):
            self.events.append(("text", data))

    first, second = Listener(), Listener()
    page_facts.parse('<P ID="a">Busra &amp; Daraa&#8217;s <A HREF="x.html#p1">link</A></P><script>if (a<b) go()</script>',
                     first, second)
    assert first.events == second.events
    events = [event for event in first.events if event[1:2] not in (("html",), ("body",), ("head",))]
    assert events == [("start", "p", [("id", "a")]), ("text", "Busra & Daraa\u2019s "),
                      ("start", "a", [("href", "x.html#p1")]), ("text", "link"), ("end", "a"), ("end", "p"),
                      ("start", "script", []), ("text", "if (a<b) go()"), ("end", "script")]
