"""The Content Security Policy each page carries (explainer/pages_out/content_policy.py): one
<meta> before any script, allowing our script files and exactly the page's inline scripts by
their hashes; in Chromium, over HTTP and from file://, every page's scripts run with no
violation, and a script injected into a page does not."""
from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import FULL_MATRIX_ONLY

from explainer.pages_out.content_policy import inline_script_hashes, with_content_policy

POLICY = "Content-Security-Policy"
# Before any page script: record every violation, however early.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + (e.blockedURI || "") + " " + (e.sample || ""));
});
"""
INJECTED = ('<script>window.__injected=1</script>'
            '<img alt="" src="data:," onerror="window.__injectedHandler=1">')


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def _sha256(text: str) -> str:
    # What the browser hashes: the element's text, newlines as the HTML parser leaves them.
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# --- the policy in the built pages -------------------------------------------------------------

def test_every_page_has_one_policy_before_its_scripts_allowing_exactly_its_inline_scripts(real_site):
    pages = _pages(real_site)
    assert {"404.html", "ar/404.html", "index.html", "ar/index.html"} <= {p.relative_to(real_site).as_posix() for p in pages}
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": re.compile(f"^{POLICY}$", re.I)})
        assert len(metas) == 1, page
        meta = metas[0]
        assert meta.parent.name == "head", page
        first_script = soup.find("script")
        assert first_script is not None and meta in first_script.find_all_previous("meta"), page
        directives = _directives(meta["content"])
        scripts = directives["script-src"]
        assert "'self'" in scripts, page
        assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"} & set(scripts), page
        assert directives["object-src"] == ["'none'"], page
        assert directives["base-uri"] in (["'none'"], ["'self'"]), page
        assert directives["form-action"] in (["'none'"], ["'self'"]), page
        # Exactly the inline scripts the page has now (a step that rewrote one after the policy
        # was computed leaves a stale hash and a missing one).
        inline = {_sha256(script.string or "") for script in soup.find_all("script")
                  if not script.has_attr("src") and script.get("type", "").lower() in ("", "text/javascript", "module")}
        assert inline, page
        assert {value for value in scripts if value.startswith("'sha256-")} == inline, page


def test_the_policy_hashes_the_scripts_a_browser_runs_and_is_written_once():
    html = ('<!doctype html><html><head>\n<meta charset="utf-8">\n<title>t</title>'
            '<script>a()\r\nb()</script><script src="x.js"></script>'
            '<script type="application/ld+json">{"@type": "Thing"}</script>'
            '<script type="module">c()</script><script>a()\nb()</script></head><body></body></html>')
    assert inline_script_hashes(html) == [_sha256("a()\nb()"), _sha256("c()")]
    once = with_content_policy(html)
    twice = with_content_policy(once)
    assert twice == once and twice.count(POLICY) == 1
    assert twice.index('<meta charset="utf-8">') < twice.index(POLICY) < twice.index("<title>")


# --- in a browser ------------------------------------------------------------------------------

def _open(page, url: str) -> tuple[list[str], list[str]]:
    """Open `url`; the policy violations and console errors it caused."""
    errors: list[str] = []

    def record(message):
        if message.type == "error":
            errors.append(message.text)
    page.on("console", record)
    try:
        page.goto(url)
        page.wait_for_load_state("load")  # deferred scripts have run
        return page.evaluate("window.__violations"), errors
    finally:
        page.remove_listener("console", record)


# From the file system by default (the offline reader's case, and the stricter origin); over
# HTTP with --full-matrix.
@pytest.mark.parametrize("scheme", [pytest.param("http", marks=FULL_MATRIX_ONLY), "file"])
def test_every_page_runs_its_scripts_with_no_violation(browser, real_site, server, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    try:
        # The 404 pages last: from file:// their root-absolute loads fail (only a server can
        # answer them), and a failure reported late would be heard on the next page opened.
        for path in sorted(_pages(real_site.resolve()), key=lambda path: path.name == "404.html"):
            name = path.relative_to(real_site.resolve()).as_posix()
            url = f"{server}/{name}" if scheme == "http" else path.as_uri()
            violations, errors = _open(page, url)
            assert violations == [], (url, violations)
            # Nothing at all may fail, from file:// too (where a preloaded font file would be a
            # refused cross-origin load: the page preloads over HTTP only and inlines the faces),
            # except the 404 page's root-absolute addresses, which only a server can answer.
            if not (scheme == "file" and name.endswith("404.html")):
                assert errors == [], (url, errors)
            # The inline scripts ran: html.js (main.html), Material's storage helpers and our
            # palette (the header) ...
            state = page.evaluate("""[document.documentElement.classList.contains("js"), typeof __md_get,
                                       typeof explainerApplyPalette, !!document.body.dataset.mdColorScheme,
                                       typeof explainerSearch]""")
            assert state[:4] == [True, "function", "function", True], (url, state)
            # ... and our script files (search.js is the last); the 404 page names them from the
            # site's root, which a file:// copy does not have.
            if not (scheme == "file" and name.endswith("404.html")):
                assert state[4] == "object", (url, state)
        # Search loads its index by a script tag and is not a form submission.
        # (No wait_for_function here: Playwright polls it with eval, which the policy refuses.)
        for home, query in (("index.html", "Busra"), ("ar/index.html", "بصرى")):
            _open(page, f"{server}/{home}" if scheme == "http" else (real_site.resolve() / home).as_uri())
            page.locator(".md-search__input").click()
            page.locator(".md-search__input").fill(query)
            page.keyboard.press("Enter")
            page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
            assert page.evaluate("window.__violations") == [], home
    finally:
        context.close()


def _assert_injection_blocked(page, url: str) -> None:
    violations, _ = _open(page, url)
    assert page.evaluate("[typeof window.__injected, typeof window.__injectedHandler]") == ["undefined", "undefined"]
    assert any(v.startswith("script-src") for v in violations), violations
    assert page.evaluate("typeof explainerApplyPalette") == "function"  # the page's own still run


def test_a_script_injected_into_a_page_does_not_run(browser, real_site, server, tmp_path):
    html = (real_site / "ar/report.html").read_text(encoding="utf-8")
    poisoned = html.replace("</h1>", "</h1>" + INJECTED, 1)
    assert poisoned != html
    context = browser.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        # Over HTTP, next to the real page (so its own scripts load as they would) ...
        page = context.new_page()
        page.route(f"{server}/ar/poisoned.html",
                   lambda route: route.fulfill(status=200, content_type="text/html; charset=utf-8", body=poisoned))
        _assert_injection_blocked(page, f"{server}/ar/poisoned.html")
        # ... and from the disk.
        copy = tmp_path / "site"
        shutil.copytree(real_site / "assets", copy / "assets")
        (copy / "ar").mkdir()
        (copy / "ar/poisoned.html").write_text(poisoned, encoding="utf-8")
        _assert_injection_blocked(context.new_page(), (copy / "ar/poisoned.html").as_uri())
    finally:
        context.close()
