"""What a reader's browser downloads, and what Lighthouse thinks of it, for the benchmark.

A built site is served from loopback the way a host serves it (text compressed with gzip when
the browser accepts it), then visited in Chromium with the cache disabled. The bytes come from
the browser's network log: Chromium's own count of what crossed the wire for each response
(headers and encoded body), so they are the numbers a reader on a metered line pays.
"""
from __future__ import annotations

import collections
import contextlib
import io
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

KINDS = ("HTML", "CSS", "JS", "fonts", "search index", "images", "other")
# Types a host compresses; fonts (WOFF2) and pictures are compressed already.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "application/manifest+json", "image/svg+xml")
FONT_SUFFIXES = (".woff2", ".woff", ".ttf", ".otf")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder over HTTP/1.1, gzipping text types for clients that accept gzip."""

    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and hosts use
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript", ".json": "application/json", ".woff2": "font/woff2",
                      ".svg": "image/svg+xml", ".xml": "application/xml", ".webmanifest": "application/manifest+json"}
    _cache: dict = {}  # (path, mtime) -> gzipped bytes: compressed once, like a host's cache

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path) or not accepts_gzip(self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        ctype = self.guess_type(path)
        if not ctype.startswith(COMPRESSIBLE):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_mtime_ns)
        if key not in self._cache:
            self._cache[key] = gzip.compress(Path(path).read_bytes(), compresslevel=9)
        body = self._cache[key]
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:  # a line per request would bury the table
        pass


def accepts_gzip(header: str) -> bool:
    """True when an Accept-Encoding header allows gzip (and does not refuse it with q=0)."""
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            return params.replace(" ", "").lower() not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
    return False


@contextlib.contextmanager
def serve(folder: Path):
    """Serve `folder` (read at each request, so it may be built after the start) on a free
    loopback port; yields the base URL, ending with '/'."""
    handler = functools.partial(GzipHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def kind_of(url: str, mime: str) -> str | None:
    """Which kind of bytes a response is, from its URL and MIME type; None for data: URIs,
    which cross no wire (their bytes are counted in the file that holds them)."""
    if url.startswith(("data:", "blob:")):
        return None
    path = urlsplit(url).path
    name = path.rsplit("/", 1)[-1]
    folder = path.rsplit("/", 2)[-2] if path.count("/") >= 2 else ""
    mime = (mime or "").split(";")[0].strip().lower()
    if name.startswith("search_index") or folder == "search":
        return "search index"  # Material's search/search_index.json (or .js, offline), per language too
    if mime == "text/html" or name.endswith((".html", ".htm")):
        return "HTML"
    if mime == "text/css" or name.endswith(".css"):
        return "CSS"
    if "javascript" in mime or name.endswith((".js", ".mjs")):
        return "JS"
    if mime.startswith("font/") or "font" in mime or name.endswith(FONT_SUFFIXES):
        return "fonts"
    if mime.startswith("image/"):
        return "images"
    return "other"


def by_kind(responses: list[dict]) -> dict[str, int]:
    """Bytes per kind (every kind present, 0 when none) and their total."""
    totals = dict.fromkeys(KINDS, 0)
    for response in responses:
        kind = kind_of(response["url"], response["mime"])
        if kind:
            totals[kind] += response["bytes"]
    totals["all"] = sum(totals[k] for k in KINDS)
    return totals


class NetworkLog:
    """Every response of one page with its bytes on the wire. Chromium's CDP Network events
    give them for the page's own requests (encodedDataLength: headers plus encoded body); a
    dedicated worker's requests (Material's search worker loads lunr with importScripts) never
    reach the page's CDP session, so those come from Playwright, which listens to the worker
    (its sizes are the same encodedDataLength)."""

    def __init__(self, context, page):
        self._cdp = context.new_cdp_session(page)
        self._cdp.send("Network.enable")
        self._cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        self._types: dict[str, tuple[str, str]] = {}
        self._page_responses: list[dict] = []
        self._finished: list = []
        self.in_flight = 0
        self.last_change = time.monotonic()
        self._cdp.on("Network.responseReceived", self._received)
        self._cdp.on("Network.loadingFinished", self._loaded)
        page.on("request", lambda request: self._change(+1))
        page.on("requestfinished", lambda request: (self._finished.append(request), self._change(-1)))
        page.on("requestfailed", lambda request: self._change(-1))

    def _received(self, event) -> None:
        self._types[event["requestId"]] = (event["response"]["url"], event["response"]["mimeType"])

    def _loaded(self, event) -> None:
        url, mime = self._types.pop(event["requestId"], ("", ""))
        if url:
            self._page_responses.append({"url": url, "mime": mime, "bytes": int(event["encodedDataLength"])})
        self._change(0)

    def _change(self, delta: int) -> None:
        self.in_flight += delta
        self.last_change = time.monotonic()

    def responses(self) -> list[dict]:
        """The page's responses from CDP, then the worker's that CDP did not see."""
        out = list(self._page_responses)
        unmatched = collections.Counter(r["url"] for r in out)
        for request in self._finished:
            if unmatched[request.url] > 0:
                unmatched[request.url] -= 1
                continue
            if request.url.startswith(("data:", "blob:")):
                continue
            response, sizes = request.response(), request.sizes()
            headers = response.headers if response else {}
            body = sizes["responseBodySize"] or int(headers.get("content-length", 0))  # a worker's own script reads 0
            out.append({"url": request.url, "mime": headers.get("content-type", ""),
                        "bytes": sizes["responseHeadersSize"] + body})
        return out

    def wait_idle(self, page, quiet: float = 0.7, limit: float = 20.0) -> None:
        """Wait until no request has been in flight for `quiet` seconds (or `limit` passed)."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            page.wait_for_timeout(100)
            if self.in_flight <= 0 and time.monotonic() - self.last_change >= quiet:
                return


def page_weight(browser, url: str) -> dict[str, dict[str, int] | None]:
    """Bytes by kind of a first visit to `url` ('load'), and what opening search and typing a
    query adds ('search'; None when the page has no search box)."""
    context = browser.new_context(viewport={"width": 412, "height": 823})  # Lighthouse's phone
    try:
        page = context.new_page()
        log = NetworkLog(context, page)
        page.goto(url, wait_until="load")
        log.wait_idle(page)
        load = by_kind(log.responses())
        query = page.locator('input[name="query"]')
        if not query.count():
            return {"load": load, "search": None}
        page.keyboard.press("/")  # Material's shortcut: opens search at any width, focuses the box
        if not page.evaluate("document.activeElement && document.activeElement.name === 'query'"):
            page.locator('label[for="__search"]:visible').first.click()  # the header's search button
        page.keyboard.type("2018", delay=50)  # a query in either language
        log.wait_idle(page)
        after = by_kind(log.responses())
        return {"load": load, "search": {kind: after[kind] - load[kind] for kind in after}}
    finally:
        context.close()


LIGHTHOUSE = "12"  # the major version the scores are comparable within
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
           "cumulative-layout-shift", "speed-index")


def lighthouse_cli(prefix: Path) -> Path:
    """Lighthouse's command-line script under `prefix`, installed from npm when missing or of
    another major version."""
    package = prefix / "node_modules" / "lighthouse" / "package.json"
    if not package.is_file() or not json.loads(package.read_text())["version"].startswith(LIGHTHOUSE + "."):
        if not shutil.which("npm"):
            raise SystemExit("npm is needed to install Lighthouse (apt-get install npm)")
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", "--silent",
                        f"lighthouse@{LIGHTHOUSE}"], check=True)
    return prefix / "node_modules" / "lighthouse" / "cli" / "index.js"


def lighthouse(cli: Path, url: str, chrome: str = "/usr/bin/chromium") -> dict:
    """Lighthouse's four scores (0-100) for `url` with its defaults (a phone, simulated slow 4G
    and CPU), the metrics behind the performance score, and the audits that cost points."""
    command = ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    result = subprocess.run(command, env={**os.environ, "CHROME_PATH": chrome},
                            capture_output=True, text=True, timeout=600)
    if result.returncode:
        raise RuntimeError(f"lighthouse {url}: {result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {c: None if report["categories"][c]["score"] is None else round(report["categories"][c]["score"] * 100)
              for c in CATEGORIES}
    audits = report["audits"]
    metrics = {m: audits[m].get("numericValue") for m in METRICS if m in audits}
    losing = sorted({ref["id"] for c in CATEGORIES for ref in report["categories"][c]["auditRefs"]
                     if ref.get("weight") and audits[ref["id"]].get("score") is not None
                     and audits[ref["id"]]["score"] < 1})
    return {"scores": scores, "metrics": metrics, "losing": losing,
            "runtime_error": report.get("runtimeError", {}).get("code")}
