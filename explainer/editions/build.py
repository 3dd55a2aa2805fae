"""The editions in a build: taken from the cache when nothing they are made from has changed,
else made in processes of their own (editions/worker.py, one a language), started as soon as the
data is loaded, so that their cost (WeasyPrint's layout, some ten seconds of CPU a language)
overlaps MkDocs' own build on the other core; the plugin collects them after the pages are
built and writes them into site/editions/.

Their cache key follows the one cache rule (build_cache.cache_key: the engine's files, the fonts
among them, and the libraries' versions) over data/ and content/ (the sections' titles), the
masthead, the site's address, the build's date and the system's Pango, which shapes the text.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..build_cache import cache_key, read_entry, write_atomically
from ..languages import LANGUAGES
from ..pages_out.unchanged import inputs_key
from .links import FOLDER
from .make import Job, file_names

# The shared libraries WeasyPrint loads (Debian's names; other systems' through find_library).
_LIBRARIES = {"pango-1.0": "libpango-1.0.so.0", "pangoft2-1.0": "libpangoft2-1.0.so.0"}
INSTALL = ("install WeasyPrint (pip install -r requirements.txt) and Pango (Debian: apt-get install "
           "libpango-1.0-0 libpangoft2-1.0-0; ./run site does both as root)")


def unavailable() -> str | None:
    """Why WeasyPrint cannot run here (not installed, or no Pango), or None; without importing
    it (a second): a package lookup and a library load."""
    if importlib.util.find_spec("weasyprint") is None:
        return "the PDF editions need the Python package WeasyPrint, which is not installed"
    for name, soname in _LIBRARIES.items():
        if _load(name, soname) is None:
            return f"the PDF editions need the system library {name} (Pango), which is not installed"
    return None


def _load(name: str, soname: str):
    for candidate in (soname, ctypes.util.find_library(name)):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                continue
    return None


def _pango_version() -> str:
    pango = _load("pango-1.0", _LIBRARIES["pango-1.0"])
    if pango is None:
        return "-"
    pango.pango_version_string.restype = ctypes.c_char_p
    return pango.pango_version_string().decode("ascii", "replace")


class Editions:
    """One build's editions: `start` them, then `write` them into the site."""

    def __init__(self, job: Job, cache: Path | None):
        self.names = file_names(job.name)
        self.folder = cache / "editions" if cache is not None else None
        self.key = cache_key(inputs_key(job.project, ("data", "content"), False), repr(job.masthead),
                             job.site_url, str(job.timestamp), job.name, _pango_version())
        self.made: dict[str, bytes] | None = self._kept()
        self.workers: list[subprocess.Popen] = []  # one a language, so that the two PDFs use both cores
        self.scratch = None
        if self.made is None:
            self._start(job)

    def _start(self, job: Job) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="explainer-editions-"))  # private (0700)
        (self.scratch / "job.pickle").write_bytes(pickle.dumps(job))
        engine = str(Path(__file__).resolve().parents[2])  # so the child imports this engine, however it was found
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [engine, os.environ.get("PYTHONPATH")]))}
        for lang in LANGUAGES:
            with open(self.scratch / f"{lang}.log", "wb") as log:  # a file, not a pipe nobody reads until the end
                self.workers.append(subprocess.Popen(
                    [sys.executable, "-m", "explainer.editions.worker", str(self.scratch / "job.pickle"), lang,
                     str(self.scratch)], stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, env=env))

    def _kept(self) -> dict[str, bytes] | None:
        if self.folder is None:
            return None
        kept = {name: read_entry(self.folder / f"{self.key[:32]}-{name}") for name in self.names}
        return kept if all(data is not None for data in kept.values()) else None

    def write(self, site: Path) -> dict[str, int]:
        """Wait for the editions, write them into site/editions/, keep them in the cache; their
        sizes by file name. RuntimeError with the reason if they could not be made."""
        if self.made is None and self.scratch is None:
            raise RuntimeError("they were not started, or a previous attempt failed")
        if self.made is None:
            try:
                for lang, worker in zip(LANGUAGES, self.workers):
                    if worker.wait() != 0:
                        lines = (self.scratch / f"{lang}.log").read_text(encoding="utf-8", errors="replace").splitlines()
                        raise RuntimeError(lines[-1] if lines else f"the process ended with status {worker.returncode}")
                self.made = {name: (self.scratch / name).read_bytes() for name in self.names}
            finally:
                self.stop()
            if self.folder is not None:
                for name, data in self.made.items():
                    write_atomically(self.folder / f"{self.key[:32]}-{name}", data, replaces=f"*-{name}")
        target = site / FOLDER
        target.mkdir(parents=True, exist_ok=True)
        for name, data in self.made.items():
            (target / name).write_bytes(data)
        return {name: len(data) for name, data in self.made.items()}

    def stop(self) -> None:
        """End the processes that still run (a build that failed before collecting them), and
        remove their scratch folder."""
        for worker in self.workers:
            if worker.poll() is None:
                worker.terminate()
            worker.wait()
        self.workers = []
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
            self.scratch = None

