"""The gates every build passes: valid HTML (the Nu HTML Checker), every internal link and
anchor resolving and nothing loaded from another host (the site gate), one build at a time,
and reproducible output. Each gate is also fed a broken fixture, to prove it can fail."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, edit, error_lines, mkdocs_build, snapshot

from explainer.site_built.gates import check_site

VNU = Path(os.environ.get("VNU_JAR", ROOT / ".venv/vnu/node_modules/vnu-jar/build/dist/vnu.jar"))


def vnu_errors(files: list[Path]) -> list[dict]:
    """The Nu HTML Checker's errors for these files (./run test installs it). Without root a
    machine may have no Java to run it: skip then, saying so, rather than fail."""
    if shutil.which("java") is None:
        pytest.skip("no `java` on PATH to run the Nu HTML Checker (./run test installs one as root)")
    assert VNU.is_file(), f"{VNU} is missing: run ./run test, which installs the Nu HTML Checker"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True, timeout=600)
    return [m for m in json.loads(result.stderr or '{"messages": []}')["messages"] if m["type"] == "error"]


def gate_problems(project: Path) -> list[str]:
    """Build; assert the site gate stopped it cleanly, the site untouched; its problem lines."""
    before = snapshot(project / "site") if (project / "site").exists() else None
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    lines = error_lines(output)
    assert lines[-2].endswith("in the built site; fix them and build again (the previous site is unchanged)")
    assert lines[-1].startswith("Build failed: ") and lines[-1].endswith("site was left as it was.")
    if before is not None:
        assert snapshot(project / "site") == before
    return lines[:-2]


def test_every_page_is_valid_html(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) == 2 * len(list((ROOT / "content" / "en").rglob("*.md"))) + 2  # every page twice (report folders too), and the 404 of each language
    errors = vnu_errors(pages)
    assert errors == [], [(e["url"].rsplit("/site/", 1)[-1], e.get("lastLine"), e["message"]) for e in errors[:20]]


def test_the_html_checker_catches_invalid_markup(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><time datetime="2018\\-07\\-06">x</time>'
                    '<input type="checkbox" autocomplete="off"><p><div></p>', encoding="utf-8")
    messages = " | ".join(e["message"] for e in vnu_errors([page]))
    assert "datetime" in messages and "autocomplete" in messages


def test_the_site_gate_passes_the_real_site(real_site):
    assert check_site(real_site, real_site.parent) == []


def test_a_resource_from_another_host_fails_the_build(mini):
    assert mkdocs_build(mini).returncode == 0  # a site to keep untouched
    edit(mini, "content/en/about.md", "We translate.", 'We translate.\n\n<img src="https://cdn.example/x.png" alt="x">')
    assert gate_problems(mini) == [
        "content/en/about.md:7:11: loads https://cdn.example/x.png from another host; ship the file with "
        "the site (readers offline, privacy)"]


def test_a_broken_raw_html_link_fails_the_build(mini):
    edit(mini, "content/ar/about.md", "نترجم.", 'نترجم. <a href="glossary.html#term-nope">مصطلح</a>')
    assert gate_problems(mini) == [
        "content/ar/about.md:5:17: links to 'glossary.html#term-nope', but ar/glossary.html has no anchor "
        "'#term-nope'; correct the anchor or add the id"]


def test_the_gate_checks_the_theme_links_and_the_sitemap(mini, tmp_path):
    assert mkdocs_build(mini).returncode == 0
    site = tmp_path / "site"
    shutil.copytree(mini / "site", site, symlinks=False)
    (site / "ar" / "glossary.html").unlink()  # every page's language switch and nav point at it
    sitemap = site / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace("<loc>https://explainer.invalid/index.html</loc>", "<loc>https://explainer.invalid/gone.html</loc>"),
                       encoding="utf-8")
    lines = [str(p) for p in check_site(site, mini)]
    assert "content/en/glossary.md:1:1: links to 'ar/glossary.html', but there is no ar/glossary.html in the " \
           "built site; correct the link or add the page (the link is made by a macro, a data template or the " \
           "theme)" in lines
    assert "site/sitemap.xml:4:9: lists https://explainer.invalid/gone.html, which is not in the built site; check site_url and the nav" in lines


def test_two_builds_at_once_both_publish_a_whole_site(mini):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    builds = [subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=mini, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [build.communicate(timeout=300)[0] for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    pages = sorted(p.relative_to(mini / "site").as_posix() for p in (mini / "site").rglob("*.html"))
    twins = len(list((mini / "content" / "en").glob("*.md")))
    assert len([p for p in pages if not p.startswith("ar/")]) == twins + 1 and len([p for p in pages if p.startswith("ar/")]) == twins + 1
    assert [p.name for p in (mini / ".site-builds").iterdir() if not p.name.startswith(".")] == [(mini / "site").resolve().name]


@pytest.mark.cold_build  # the first build from nothing, as on a fresh checkout; the second from its cache
def test_two_builds_of_one_commit_are_identical(mini):
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    env = {**os.environ, "GIT_AUTHOR_DATE": "2020-02-03T04:05:06Z", "GIT_COMMITTER_DATE": "2020-02-03T04:05:06Z"}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "fixture"]):
        subprocess.run([*git, *command], cwd=mini, env=env, check=True)
    assert mkdocs_build(mini).returncode == 0
    first = snapshot(mini / "site")
    first_folder = (mini / "site").resolve()
    assert mkdocs_build(mini).returncode == 0
    assert (mini / "site").resolve() != first_folder  # a new build, not the old files
    assert snapshot(mini / "site") == first
    assert "<lastmod>2020-02-03</lastmod>" in (mini / "site" / "sitemap.xml").read_text(encoding="utf-8")


def _page(links: str, ids: str = "") -> str:
    return f'<!doctype html><html><body>{ids}{links}</body></html>'


def test_a_rebuild_checks_again_only_the_pages_whose_links_or_targets_changed(tmp_path, monkeypatch):
    """The gate keeps, in the process, each clean page's check by what it read: its links, the
    site's files and the anchors of the pages it links into. An unchanged page is not checked
    again, but an anchor removed from the page it links to breaks it, and so does a page gone."""
    from explainer.site_built import gates
    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text(_page('<a href="b.html#kept">b</a> <a href="b.html">b</a>'), encoding="utf-8")
    (site / "b.html").write_text(_page('<a href="a.html">a</a>', '<p id="kept">'), encoding="utf-8")
    (site / "c.html").write_text(_page('<a href="a.html">a</a>'), encoding="utf-8")
    resolved = []
    broken = gates._broken
    monkeypatch.setattr(gates, "_broken", lambda files, page, url, *rest: resolved.append((page, url)) or broken(files, page, url, *rest))
    assert check_site(site, tmp_path) == []
    assert check_site(site, tmp_path) == [] and resolved[3:] == []  # nothing changed: nothing resolved again
    (site / "b.html").write_text(_page('<a href="a.html">a!</a>', '<p id="other">'), encoding="utf-8")  # a.html unchanged
    assert [str(p) for p in check_site(site, tmp_path)] == [
        "site/a.html:1:1: links to 'b.html#kept', but b.html has no anchor '#kept'; correct the anchor or add the id "
        "(a page of the theme, not of content/)"]
    assert sorted(resolved[3:]) == [("a.html", "b.html"), ("a.html", "b.html#kept")]  # b's and c's links read no anchor
    (site / "b.html").write_text(_page('<a href="a.html">a</a>', '<p id="kept">'), encoding="utf-8")
    assert check_site(site, tmp_path) == []
    (site / "a.html").unlink()
    assert len(check_site(site, tmp_path)) == 2  # b's and c's links to it, though neither page changed
