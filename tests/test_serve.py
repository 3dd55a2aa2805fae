"""`mkdocs serve` re-renders the pages when an author edits data/ or content/, once per edit:
the pages the hook writes into docs/ must not set off a second rebuild and a second reload.
While the data has a problem, serve answers at once with the last good pages and the problems
over them (explainer/site_built/serve_overlay.py), until the next good build."""
from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import append, edit, wait_until

from explainer.pages_out.content_policy import inline_script_hashes

REBUILD = "Building documentation..."  # what serve logs at the start of every build
RELOAD = "Reloading browsers"  # ... and once the new site is visible


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_until(url: str, wanted: str, seconds: float = 60) -> str:
    """The page's text once it contains `wanted` (or whatever it last was, after `seconds`)."""
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if wanted in text:
                return text
        except OSError:
            pass
        time.sleep(0.5)
    return text


def log_after(log: Path, start: int, seconds: float = 60) -> str:
    """What serve logged since offset `start`, once it has reloaded the browsers and then said
    nothing more for a few seconds: long enough for the watcher (MkDocs' polls every 0.5 s, the
    hook's every 0.1 s) to notice files the build wrote and start another build."""
    deadline, quiet_since, text = time.monotonic() + seconds, None, ""
    while time.monotonic() < deadline:
        now = log.read_text(encoding="utf-8")[start:]
        if now != text:
            text, quiet_since = now, time.monotonic()
        elif RELOAD in text and text.count(REBUILD) == text.count(RELOAD) and time.monotonic() - quiet_since > 4:
            return text
        time.sleep(0.2)
    return text


@pytest.fixture
def served(mini, tmp_path, request):
    """`mkdocs serve` of the mini project (or `properdocs serve`, as the test's parameter), once
    its first page is served: (its address, its log)."""
    host = getattr(request, "param", "mkdocs")  # properdocs: in requirements-test.txt, never skipped
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", host, "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=mini, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        assert "Testtown" in fetch_until(f"{base}/places.html", "Testtown"), log.read_text(encoding="utf-8")
        yield base, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_once_per_edit_of_data_or_content(mini, served):
    base, log = served
    for relative, old, new, page, shown in [
        ("data/places.yaml", "en: Testtown", "en: Newtown", "places.html", "Newtown"),
        ("content/ar/about.md", "نترجم.", "نترجم بعناية.", "ar/about.html", "نترجم بعناية."),
        # mkdocs.yml: still watched after the hook moved MkDocs' watches to a quicker observer
        ("mkdocs.yml", 'site_name: "The Daraa talks, July 2018', 'site_name: "The Daraa talks (edited), July 2018',
         "places.html", "The Daraa talks (edited), July 2018"),
    ]:
        start = len(log.read_text(encoding="utf-8"))
        edit(mini, relative, old, new)
        assert shown in fetch_until(f"{base}/{page}", shown), f"{relative}: the edit is not served"
        after = log_after(log, start)
        assert after.count(REBUILD) == 1 and after.count(RELOAD) == 1, f"{relative}:\n{after}"
    assert not (mini / "site").exists()  # serve never touches the published site


def test_serve_stores_the_offline_archive_without_compressing_it(mini, served):
    """A preview's offline archive holds the site's files, as a build's does, stored as they are:
    deflating them at level 9 took a third of each rebuild, for a file nobody downloads while
    previewing (site_built/offline_archive.py)."""
    base, _ = served
    page = BeautifulSoup(fetch_until(f"{base}/places.html", "offline-copy"), "html.parser")
    href = page.select_one("a.offline-copy")["href"]
    with zipfile.ZipFile(io.BytesIO(urllib.request.urlopen(f"{base}/{href}", timeout=10).read())) as archive:
        entries = archive.infolist()
        name = href.removesuffix(".zip")
        assert "Testtown" in archive.read(f"{name}/places.html").decode("utf-8")
    assert {f"{name}/index.html", f"{name}/ar/index.html", f"{name}/sitemap.xml"} <= {e.filename for e in entries}
    assert {entry.compress_type for entry in entries} == {zipfile.ZIP_STORED}


NOTICE = "explainer-serve-problems"  # the id of the notice serve puts on every page (serve_overlay.py)
BROKEN = "data/places.yaml:6:15: places[0].latitude: expected a number, found 'north'"


def fetch_at_once(url: str, seconds: float = 4) -> str:
    """The page, which must answer within `seconds` (MkDocs' server holds a request until a
    build succeeds: a failed one left it hanging)."""
    return urllib.request.urlopen(url, timeout=seconds).read().decode("utf-8")


@pytest.mark.parametrize("served", ["mkdocs", "properdocs"], indirect=True)
def test_serve_shows_problems_over_the_last_good_pages_until_the_next_good_build(mini, served):
    base, log = served
    start = len(log.read_text(encoding="utf-8"))
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: north")
    # Every request answers at once, first with the page as it was, then with the notice on it.
    deadline, text = time.monotonic() + 60, ""
    while f'id="{NOTICE}"' not in text and time.monotonic() < deadline:
        text = fetch_at_once(f"{base}/places.html")
        time.sleep(0.3)
    after = log_after(log, start)
    assert f'id="{NOTICE}"' in text, f"no notice on the page; serve said:\n{after}"
    assert f"ERROR   -  {BROKEN}" in after  # and in the terminal, as before
    for page, lang, direction, heading, kept in [
        ("places.html", "en", "ltr", "This page is from the last good build", "Testtown"),
        ("ar/places.html", "ar", "rtl", "هذه الصفحة من آخر بناء سليم", "البلدة"),
        ("ar/404.html", "ar", "rtl", "هذه الصفحة من آخر بناء سليم", "الصفحة غير موجودة"),
    ]:
        html = BeautifulSoup(fetch_at_once(f"{base}/{page}"), "html.parser")
        notice = html.find(id=NOTICE)
        assert notice is not None, page
        assert html.body.find(True) is notice, f"{page}: the notice is not first in the body"
        assert (notice["role"], notice["lang"], notice["dir"], notice["tabindex"]) == ("alertdialog", lang, direction, "-1")
        assert html.find(id=notice["aria-labelledby"]).get_text() == heading
        assert notice.find("button") is not None  # dismissable
        listing = notice.find("ol")  # English lines of paths, isolated left to right on any page
        assert (listing["dir"], listing["lang"]) == ("ltr", "en")
        assert [item.get_text() for item in listing.find_all("li")] == [BROKEN], page
        assert notice.find("a") is None  # links nowhere
        assert kept in html.find("article").get_text(), page  # the last good page under it
        # Its scripts are allowed by the page's policy, computed again; MkDocs' own live-reload
        # script, added by the server to each response, is the one the policy cannot allow.
        policy = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        scripts = [str(script) for script in html.find_all("script") if "livereload(" not in script.get_text()]
        assert all(digest in policy for digest in inline_script_hashes("".join(scripts))), page
    # The next good build takes it off every page.
    edit(mini, "data/places.yaml", "latitude: north", "latitude: 32.5")
    edit(mini, "data/places.yaml", "en: Testtown", "en: Newtown")
    assert "Newtown" in fetch_until(f"{base}/places.html", "Newtown")
    for page in ("places.html", "ar/places.html", "404.html"):
        assert f'id="{NOTICE}"' not in fetch_at_once(f"{base}/{page}"), page
    # A problem only the checks of the built site find: the pages are new, and say so.
    append(mini, "content/en/about.md", "\nA new sentence, with [a link to nowhere](nowhere.md).\n")
    html = BeautifulSoup(fetch_until(f"{base}/about.html", f'id="{NOTICE}"'), "html.parser")
    notice = html.find(id=NOTICE)
    assert notice is not None and notice.find("h2").get_text() == "The built site has problems"
    assert "A new sentence" in html.find("article").get_text()
    assert [item.get_text() for item in notice.find_all("li")] == [
        "content/en/about.md:7:42: links to 'nowhere.md', but there is no nowhere.md in the built site; "
        "correct the link or add the page"]


def wait_through_reloads(page, expression: str, timeout: float = 60):
    """conftest's wait_until, for a page that reloads itself meanwhile."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return wait_until(page, expression, timeout=0)
        except AssertionError:
            pass
        except Exception as error:  # noqa: BLE001 - playwright's "context destroyed" during the reload
            if "navigation" not in str(error) and "context" not in str(error):
                raise
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.1)


def test_serve_notice_comes_and_goes_in_the_browser_by_itself(mini, served, page):
    """In Chromium, with the site's policy in force: the open page reloads by itself when the data
    breaks (MkDocs' own reload script is blocked by the policy; ours is allowed), focuses the
    notice, hides it on Escape, and reloads without it once the data is fixed."""
    base, _ = served
    page.goto(f"{base}/ar/places.html")
    wait_until(page, "document.readyState === 'complete'")
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: north")
    wait_through_reloads(page, f"document.getElementById('{NOTICE}')")
    wait_until(page, f"document.activeElement && document.activeElement.id === '{NOTICE}'")
    assert page.evaluate(f"document.getElementById('{NOTICE}').getBoundingClientRect().height") > 0
    page.keyboard.press("Escape")
    assert page.evaluate(f"document.getElementById('{NOTICE}').hidden")
    edit(mini, "data/places.yaml", "latitude: north", "latitude: 32.5")
    edit(mini, "data/places.yaml", "ar: البلدة", "ar: البلدة الجديدة")
    wait_through_reloads(page, "document.body && document.body.textContent.includes('البلدة الجديدة')")
    assert not page.evaluate(f"document.getElementById('{NOTICE}')")


def _repo_committed_at(folder: Path, stamp: int) -> Path:
    """A git repository whose one commit is dated `stamp` (seconds)."""
    folder.mkdir()
    env = {**os.environ, "GIT_AUTHOR_DATE": f"@{stamp} +0000", "GIT_COMMITTER_DATE": f"@{stamp} +0000",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    for command in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "one"]):
        subprocess.run(["git", "-C", str(folder), *command], env=env, check=True)
    return folder


def test_a_long_running_process_dates_each_build_by_its_own_last_commit(tmp_path):
    """serve, or a tool building several projects in one process: the date the first build put in
    the environment does not date the next one; a SOURCE_DATE_EPOCH the caller set is kept."""
    from explainer.build_date import set_source_date, source_date
    first = _repo_committed_at(tmp_path / "first", 1_600_000_000)
    second = _repo_committed_at(tmp_path / "second", 1_700_000_000)
    set_source_date(first, 0)
    assert source_date() == 1_600_000_000
    set_source_date(second, 0)
    assert source_date() == 1_700_000_000  # the old code kept 1_600_000_000
    os.environ["SOURCE_DATE_EPOCH"] = "1765000000"  # the caller's own (the autouse fixture restores it)
    set_source_date(first, 0)
    assert source_date() == 1_765_000_000
