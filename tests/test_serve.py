"""`mkdocs serve` re-renders the pages when an author edits data/ or content/."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from test_author_errors import edit


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


def test_serve_rebuilds_when_data_or_content_change(mini):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=mini, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        assert "Testtown" in fetch_until(f"{base}/places.html", "Testtown")
        edit(mini, "data/places.yaml", "en: Testtown", "en: Newtown")
        assert "Newtown" in fetch_until(f"{base}/places.html", "Newtown")
        edit(mini, "content/ar/about.md", "نترجم.", "نترجم بعناية.")
        assert "نترجم بعناية." in fetch_until(f"{base}/ar/about.html", "نترجم بعناية.")
        assert not (mini / "site").exists()  # serve never touches the published site
    finally:
        server.terminate()
        server.wait(timeout=30)
