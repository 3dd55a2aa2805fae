"""`mkdocs serve` re-renders the pages when an author edits data/ or content/, once per edit:
the pages the hook writes into docs/ must not set off a second rebuild and a second reload."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import edit

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


def test_serve_rebuilds_once_per_edit_of_data_or_content(mini, tmp_path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=mini, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        assert "Testtown" in fetch_until(f"{base}/places.html", "Testtown")
        for relative, old, new, page, shown in [
            ("data/places.yaml", "en: Testtown", "en: Newtown", "places.html", "Newtown"),
            ("content/ar/about.md", "نترجم.", "نترجم بعناية.", "ar/about.html", "نترجم بعناية."),
            # mkdocs.yml: still watched after the hook moved MkDocs' watches to a quicker observer
            ("mkdocs.yml", 'site_name: "Busra al-Sham, 4 July 2018', 'site_name: "Busra al-Sham (edited), 4 July 2018',
             "places.html", "Busra al-Sham (edited), 4 July 2018"),
        ]:
            start = len(log.read_text(encoding="utf-8"))
            edit(mini, relative, old, new)
            assert shown in fetch_until(f"{base}/{page}", shown), f"{relative}: the edit is not served"
            after = log_after(log, start)
            assert after.count(REBUILD) == 1 and after.count(RELOAD) == 1, f"{relative}:\n{after}"
        assert not (mini / "site").exists()  # serve never touches the published site
    finally:
        server.terminate()
        server.wait(timeout=30)
