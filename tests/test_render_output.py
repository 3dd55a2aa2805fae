"""The render's output and its cache (explainer/pages_out/render.py): docs/ changes only where a
page changed (so `mkdocs serve`, and a `--dirty` build, see nothing else), and compiled
templates are reused between builds but never where the text they came from changed."""
from __future__ import annotations

import os
import shutil

import jinja2
import pytest
from conftest import edit

from explainer.data_in.dataset import load_dataset
from explainer.pages_out import render
from explainer.pages_out.render import CACHE_DIR, build_docs, render_pages, write_changed

# The caches are this module's subject: each test's `mini` starts from an empty cache.
pytestmark = pytest.mark.cold_build


def test_only_changed_pages_are_written_and_stale_ones_removed(tmp_path):
    docs = tmp_path / "docs"
    write_changed(docs, {"en/a.md": "A\n", "en/b.md": "B\n", "ar/old/c.md": "C\n"})
    (docs / ".gitignore").write_text("*\n")
    past = 1_000_000_000
    for page in ("en/a.md", "en/b.md"):
        os.utime(docs / page, (past, past))
    write_changed(docs, {"en/a.md": "A\n", "en/b.md": "B, edited\n"})
    assert (docs / "en/a.md").stat().st_mtime == past  # same text: not touched
    assert (docs / "en/b.md").read_text() == "B, edited\n" and (docs / "en/b.md").stat().st_mtime > past
    assert not (docs / "ar").exists()  # the stale page and its emptied folders are gone
    assert (docs / ".gitignore").exists()


@pytest.fixture
def compiles(monkeypatch):
    """The names of the templates Jinja compiles from their text (not loaded from the cache)."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        names.append(name)
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return names


def test_a_second_build_reuses_compiled_templates_but_not_for_an_edited_page(mini, compiles):
    data = load_dataset(mini)
    first = render_pages(mini, data, "content")
    assert "about.md" in compiles and "report.md" in compiles
    assert (mini / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    compiles.clear()
    assert render_pages(mini, data, "content") == first
    assert compiles == []
    edit(mini, "content/ar/about.md", "نترجم.", "نترجم بعناية.")
    second = render_pages(mini, data, "content")
    assert compiles == ["about.md"]  # the Arabic page only: the English one is unchanged
    assert "نترجم بعناية." in second["ar/about.md"] and second["en/about.md"] == first["en/about.md"]


def test_a_cache_that_cannot_be_read_or_written_only_costs_time(mini, compiles, monkeypatch):
    build_docs(mini)
    expected = {path: path.read_text() for path in (mini / "docs").rglob("*.md")}
    for cached in (mini / CACHE_DIR).rglob("*.cache"):
        cached.write_bytes(b"not a compiled template")
    (mini / CACHE_DIR / "last-build.pickle").unlink()  # or the unchanged project would not render at all
    compiles.clear()
    build_docs(mini)
    assert compiles  # garbage in the cache is compiled over, not loaded
    assert {path: path.read_text() for path in (mini / "docs").rglob("*.md")} == expected
    # The cache folder deleted during a build: nothing can be loaded or written there.
    real = render.compiled_templates
    monkeypatch.setattr(render, "compiled_templates", lambda project: project / CACHE_DIR / "gone")
    build_docs(mini)
    assert {path: path.read_text() for path in (mini / "docs").rglob("*.md")} == expected
    monkeypatch.setattr(render, "compiled_templates", real)
    # A file where the cache folder should be: no cache at all.
    shutil.rmtree(mini / CACHE_DIR / "templates")
    (mini / CACHE_DIR / "templates").write_text("in the way")
    assert render.compiled_templates(mini) is None
    build_docs(mini)
    assert {path: path.read_text() for path in (mini / "docs").rglob("*.md")} == expected


def test_dates_and_pairs_are_kept_together_but_never_in_the_reports_own_text():
    """keep_together joins our text's month pairs and day numbers; the report's sentences, shown
    in the reader and quoted (class="original"), are reproduced character for character."""
    from explainer.pages_out.escape import keep_together
    ours = "في 4 تموز/يوليو و30–31 July (point 5, البند 5)"
    page = (f'<p>{ours}</p>\n<p class="original" lang="ar" dir="rtl" markdown="1">{ours}</p>\n'
            f'<blockquote class="original" lang="ar" dir="rtl"><p>{ours}</p></blockquote><p>{ours}</p>')
    kept = keep_together(page)
    assert kept.count(ours) == 2  # the two originals, as written
    assert kept.count("في 4\u00a0تموز/\u2060يوليو و30–\u206031\u00a0July (point\u00a05, البند\u00a05)") == 2  # ours, joined


@pytest.mark.parametrize("text, expected", [
    ("البنود 3", "البنود\u00a03"), ("البندين 4 و5", "البندين\u00a04 و5"), ("Points 7", "Points\u00a07"),
    ("points 1-2", "points\u00a01-2"), ("٤ تموز", "٤\u00a0تموز"), ("(12 July", "(12\u00a0July"),
    # Not a whole word, or not a day: left as they are.
    ("checkpoint 5", "checkpoint 5"), ("وبالبند 5", "وبالبند 5"), ("_point 5", "_point 5"), ("البندود 1", "البندود 1"),
    ("123 July", "123 July"), ("1.5 July", "1.5 July"), ("2,4 July", "2,4 July"), ("4 Julyx", "4 Julyx"),
])
def test_each_form_of_a_point_and_a_day_is_joined_only_as_a_whole_word(text, expected):
    """keep_together's patterns (written to look behind after their first character, for speed)
    join every spelling of a point's word and a day's number, and only where they are whole."""
    from explainer.pages_out.escape import keep_together
    assert keep_together(f"<p>{text}</p>") == f"<p>{expected}</p>"
