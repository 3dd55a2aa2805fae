"""A failed build leaves the previous site/ exactly as it was; a good one replaces it whole."""
from __future__ import annotations

import pytest
from conftest import edit, mkdocs_build, snapshot

# What a build from nothing writes is what these tests keep or replace: `mini` gets no warm cache.
pytestmark = pytest.mark.cold_build


def test_failed_builds_leave_the_site_untouched(mini):
    assert mkdocs_build(mini).returncode == 0
    site = mini / "site"
    before = snapshot(site)
    assert "index.html" in before and "ar/report.html" in before

    # Fails early: an author error in data/.
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: north")
    assert mkdocs_build(mini).returncode == 1
    assert snapshot(site) == before
    edit(mini, "data/places.yaml", "latitude: north", "latitude: 32.5")

    # Fails late: MkDocs' strict mode rejects a broken link after every page was written.
    edit(mini, "content/ar/about.md", "نترجم.", "نترجم [رابط](nowhere.md).")
    result = mkdocs_build(mini)
    assert result.returncode == 1
    assert "nowhere.md" in result.stdout + result.stderr
    assert snapshot(site) == before
    # Nothing half-built is left lying around either.
    assert [p.name for p in (mini / ".site-builds").iterdir() if not p.name.startswith(".")] == [site.resolve().name]


def test_a_good_build_replaces_the_site_whole(mini):
    assert mkdocs_build(mini).returncode == 0
    first = (mini / "site").resolve()
    edit(mini, "content/en/about.md", "We translate.", "We translate carefully.")
    assert mkdocs_build(mini).returncode == 0
    site = mini / "site"
    assert site.is_symlink() and site.resolve() != first
    assert not first.exists()
    assert "We translate carefully." in (site / "about.html").read_text(encoding="utf-8")
