"""Under `mkdocs serve` (and only there) a render reuses the pages of the last one whose sources and the parts of
the data they read are unchanged (explainer/pages_out/page_memo.py): the pages are the same as
a fresh render's, and only the pages that read the edited file are rendered again."""
from __future__ import annotations

import pytest
from conftest import edit

from explainer.data_in.dataset import load_dataset
from explainer.pages_out import page_memo
from explainer.pages_out.render import render_pages

# The caches are this module's subject: each test's `mini` starts from an empty cache.
pytestmark = pytest.mark.cold_build


def render(project, reuse=True):
    return render_pages(project, load_dataset(project), "content", reuse=reuse)


def reused_pages() -> set[str]:
    return {key[1] for key in page_memo.reused}


def test_an_edit_of_one_data_file_renders_again_only_the_pages_that_read_it(mini):
    page_memo.forget()
    first = render(mini)
    assert reused_pages() == set()
    edit(mini, "data/glossary.yaml", "en: A halt to fighting.", "en: A halt to all fighting.")
    again, reused = render(mini), reused_pages()
    page_memo.forget()
    assert again == render(mini)  # what a fresh render gives
    assert "A halt to all fighting." in again["en/glossary.md"] and again != first
    assert {"content/en/glossary.md", "content/ar/glossary.md"}.isdisjoint(reused), reused
    assert {"content/en/places.md", "content/ar/sources.md"} <= reused, reused  # they read no glossary


def test_an_edit_of_a_page_renders_its_language_again(mini):
    """A page may include or import any page of its language: an edit of one is an edit of all."""
    page_memo.forget()
    render(mini)
    edit(mini, "content/ar/about.md", "نترجم.", "نترجم بعناية.")
    again = render(mini)
    assert "نترجم بعناية." in again["ar/about.md"]
    assert not any(key.startswith("content/ar/") for key in reused_pages())
    assert "content/en/places.md" in reused_pages()


def test_a_render_outside_serve_renders_every_page(mini):
    page_memo.forget()
    render(mini)
    render(mini, reuse=False)
    assert reused_pages() == set()
    render(mini)  # the last render that kept its pages is still the one to compare with
    assert "content/en/places.md" in reused_pages()


def test_serves_first_build_fills_the_memo_though_the_last_build_is_unchanged(mini):
    """A `mkdocs build`, then `serve`: its first build must render (not take the last build's
    result as it stands), or the first edit renders every page again."""
    from explainer.pages_out.render import build_docs
    build_docs(mini)  # a build: nothing kept in memory
    page_memo.forget()
    build_docs(mini, reuse=True)  # serve starts: the inputs are those of the build above
    edit(mini, "data/glossary.yaml", "en: A halt to fighting.", "en: A halt to all fighting.")
    build_docs(mini, reuse=True)
    assert "content/en/places.md" in reused_pages()
    assert "content/en/glossary.md" not in reused_pages()
