"""The benchmark's instruments (tools/bench_web.py, tools/bench_data.py): the loopback server
compresses what a host compresses, bytes are sorted into the right kinds, the browser's log
counts what crossed the wire (a worker's requests too), grown data still passes the check, and the
build timings' one-line edit is one valid line, undone after.
The benchmark itself (./run bench) is not part of the suite: it takes minutes."""
from __future__ import annotations

import gzip
import shutil
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, FULL_MATRIX_ONLY, ROOT, make_project

sys.path.insert(0, str(ROOT / "tools"))
import bench_data  # noqa: E402
import bench_web  # noqa: E402
from explainer.__main__ import main as explainer_main  # noqa: E402

CSS = b"body { color: #123456; }\n" * 400
SCRIPT = b"importScripts('lib.js'); postMessage('ready');\n"
LIB = b"var lib = '" + b"x" * 5000 + b"';\n"
FONT = bytes(range(256)) * 8
PAGE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="style.css"></head><body><p>hello</p>
<script>new Worker('worker.js').onmessage = () => { document.title = 'ready'; };</script></body></html>"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("served")
    for name, data in {"index.html": PAGE, "style.css": CSS, "worker.js": SCRIPT, "lib.js": LIB,
                       "font.woff2": FONT}.items():
        (root / name).write_bytes(data)
    return root


def fetch(url: str, encoding: str | None = "gzip"):
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()  # a Message: names case-insensitive


def test_server_gzips_text_for_clients_that_accept_it(folder):
    with bench_web.serve(folder) as base:
        headers, body = fetch(base + "style.css")
        assert headers["Content-Encoding"] == "gzip" and headers["Content-Type"] == "text/css"
        assert int(headers["Content-Length"]) == len(body) < len(CSS) / 10
        assert gzip.decompress(body) == CSS
        headers, body = fetch(base)  # a folder serves its index.html, compressed too
        assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == PAGE
        for refused in (None, "gzip;q=0", "br"):
            headers, body = fetch(base + "style.css", refused)
            assert "Content-Encoding" not in headers and body == CSS, refused
        headers, body = fetch(base + "font.woff2")  # compressed already: sent as it is
        assert "Content-Encoding" not in headers and headers["Content-Type"] == "font/woff2" and body == FONT
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(base + "missing.css")
        assert missing.value.code == 404


@pytest.mark.parametrize("url, mime, kind", [
    ("http://h/ar/report.html", "text/html", "HTML"),
    ("http://h/", "text/html", "HTML"),
    ("http://h/assets/stylesheets/main.57a0d79d.min.css", "text/css", "CSS"),
    ("http://h/assets/javascripts/bundle.a5f9d56c.min.js", "text/javascript", "JS"),
    ("http://h/assets/javascripts/workers/search.a7633da7.min.js", "application/javascript", "JS"),
    ("http://h/assets/javascripts/lunr/min/lunr.ar.min.js", "", "JS"),
    ("http://h/search/search_index.json", "application/json", "search index"),
    ("http://h/search/ar.js", "text/javascript", "search index"),
    ("http://h/ar/search/search_index.js", "text/javascript", "search index"),
    ("http://h/assets/fonts/naskh.woff2", "font/woff2", "fonts"),
    ("http://h/assets/fonts/naskh.woff2", "application/octet-stream", "fonts"),
    ("http://h/assets/images/favicon.png", "image/png", "images"),
    ("http://h/places.svg", "image/svg+xml", "images"),
    ("http://h/sitemap.xml", "application/xml", "other"),
    ("data:font/woff2;base64,d09GMgAB", "font/woff2", None),
])
def test_kinds_of_bytes(url, mime, kind):
    assert bench_web.kind_of(url, mime) == kind


def test_totals_by_kind():
    totals = bench_web.by_kind([{"url": "http://h/a.css", "mime": "text/css", "bytes": 100},
                                {"url": "http://h/b.css", "mime": "text/css", "bytes": 20},
                                {"url": "http://h/a.js", "mime": "text/javascript", "bytes": 7},
                                {"url": "data:image/png;base64,AA", "mime": "image/png", "bytes": 5}])
    assert totals["CSS"] == 120 and totals["JS"] == 7 and totals["images"] == 0 and totals["all"] == 127


def test_network_log_counts_the_wire_and_the_workers_requests(folder, browser):
    """Each response counts its gzip body plus headers, as Chromium saw it; the worker's
    script and what it imports are counted although the page's CDP session never sees them."""
    with bench_web.serve(folder) as base:
        context = browser.new_context()
        page = context.new_page()
        log = bench_web.NetworkLog(context, page)
        page.goto(base)
        page.wait_for_function("document.title === 'ready'")
        log.wait_idle(page, quiet=0.3)
        responses = {r["url"].removeprefix(base): r["bytes"] for r in log.responses()}
        context.close()
    for name, data in {"": PAGE, "style.css": CSS, "worker.js": SCRIPT, "lib.js": LIB}.items():
        body = len(gzip.compress(data, compresslevel=9))
        assert body < responses[name] < body + 400, (name, responses[name], body)  # headers: a few hundred bytes


# The two-report fixture (a second of CPU); the real publication (some 5 s) with --full-matrix,
# and in the benchmark's own scale series, which grows it.
@pytest.mark.parametrize("publication", [FIXTURES / "collection", pytest.param(ROOT, marks=FULL_MATRIX_ONLY)],
                         ids=["collection", "real"])
def test_grown_data_passes_the_check(tmp_path, publication):
    """Data grown 3x is valid: 3x the claims, and the report's source text is the original
    three times over, one paragraph break between the copies."""
    project = make_project(tmp_path / "grown", publication)
    data = project / "data"
    claims = len(yaml.safe_load((data / "claims.yaml").read_text(encoding="utf-8"))["claims"])
    report = yaml.safe_load((data / "report.yaml").read_text(encoding="utf-8"))
    source = (project / report["file"]).read_text(encoding="utf-8")
    end = report.get("ends_with", "")
    bench_data.grow(project, 3)
    # --quick: the data and pages are what grow; the benchmark's scale series builds such sites.
    assert explainer_main(["check", "--quick", str(project)]) == 0
    assert len(yaml.safe_load((data / "claims.yaml").read_text(encoding="utf-8"))["claims"]) == 3 * claims
    body = source.removesuffix(end)
    assert (project / report["file"]).read_text(encoding="utf-8") == "\n\n".join([body] * 3) + end
    shutil.rmtree(project)


def test_the_benchmarks_edit_changes_one_line_and_is_undone(tmp_path):
    """The one-line edit the build and serve timings make: one line of data/glossary.yaml, still
    valid data, whose words the glossary page then shows; undoing it gives the file back."""
    import benchmark
    from explainer.pages_out.render import build_docs

    project = make_project(tmp_path / "edited")
    path = project / benchmark.EDITED
    original = path.read_text(encoding="utf-8")
    shown = benchmark.edit_one_line(project, "run 1")
    benchmark.edit_one_line(project, "run 2")  # a second edit replaces the first
    edited = path.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(original.splitlines(), edited.splitlines()) if a != b]
    assert len(changed) == 1 and len(original.splitlines()) == len(edited.splitlines())
    assert changed[0][1].endswith(' (bench run 2)"') and shown == "(bench run 1)"
    build_docs(project)
    import html
    assert "(bench run 2)" in html.unescape((project / "docs/en/glossary.md").read_text(encoding="utf-8"))
    benchmark.edit_one_line(project, None)
    assert path.read_text(encoding="utf-8") == original
