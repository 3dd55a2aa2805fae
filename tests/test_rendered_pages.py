"""A page's finished HTML is kept and reused while nothing it is drawn from changes
(explainer/plugin/rendered_pages.py): a build that reuses pages writes byte for byte the site
that a build from an empty cache writes, after each kind of edit, and draws again only the pages
an edit changes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import edit, mkdocs_build

# The caches are this module's subject: each test's `mini` starts from an empty cache.
pytestmark = pytest.mark.cold_build


def _kept(project: Path) -> dict[str, int]:
    """The kept pages, by entry name: the time each was written."""
    return {entry.name: entry.stat().st_mtime_ns
            for entry in (project / ".explainer-cache/pages-html").glob("*.html.z")}


def _site(project: Path) -> dict[Path, bytes]:
    return {path.relative_to(project / "site"): path.read_bytes()
            for path in (project / "site").rglob("*") if path.is_file()}


def _build(project: Path) -> None:
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr


def _same_as_a_build_from_nothing(project: Path) -> dict[Path, bytes]:
    """The site as just built, checked against a build of the same project with no cache."""
    built = _site(project)
    fresh = project.parent / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns(".explainer-cache", "site", ".site-builds"))
    _build(fresh)
    assert _site(fresh) == built
    shutil.rmtree(fresh)
    return built


def test_kept_pages_are_reused_and_the_site_is_what_a_fresh_build_writes(mini):
    _build(mini)
    pages = len(list((mini / "site").rglob("*.html"))) - 2  # every page of both languages; not the 404 pages
    first = _kept(mini)
    assert len(first) == pages

    _build(mini)  # nothing changed: no page drawn again
    assert _kept(mini) == first

    # A data edit: the pages that show the definition are drawn again, the others reused.
    edit(mini, "data/glossary.yaml", "en: A halt to fighting.", "en: A halt to all fighting.")
    _build(mini)
    after_data = _kept(mini)
    drawn = {name for name, written in after_data.items() if first.get(name) != written}
    assert 0 < len(drawn) < pages
    assert b"A halt to all fighting." in _same_as_a_build_from_nothing(mini)[Path("glossary.html")]

    # A page's title is in every page's navigation: every page of its language is drawn again.
    edit(mini, "content/en/about.md", "# About", "# About this site")
    _build(mini)
    after_title = _kept(mini)
    drawn = {name for name, written in after_title.items() if after_data.get(name) != written}
    assert len(drawn) >= pages // 2
    assert b"About this site" in _same_as_a_build_from_nothing(mini)[Path("index.html")]

    # mkdocs.yml shapes every page.
    edit(mini, "mkdocs.yml", "icon: material/weather-night", "icon: material/weather-sunny")
    _build(mini)
    assert not set(_kept(mini)) & set(after_title)
    _same_as_a_build_from_nothing(mini)


def test_a_publications_own_template_edit_draws_its_pages_again(mini):
    """A publication's own overrides (its custom_dir) shape every page: an edit of one is seen."""
    (mini / "overrides" / "partials").mkdir(parents=True)
    template = mini / "overrides" / "partials" / "logo.html"  # Material's, in every page's header
    template.write_text('<span class="own-logo">First notice</span>\n', encoding="utf-8")
    edit(mini, "mkdocs.yml", "  name: material", "  name: material\n  custom_dir: overrides")
    _build(mini)
    assert b"First notice" in _site(mini)[Path("about.html")]
    template.write_text(template.read_text(encoding="utf-8").replace("First", "Second"), encoding="utf-8")
    _build(mini)
    assert b"Second notice" in _same_as_a_build_from_nothing(mini)[Path("about.html")]
