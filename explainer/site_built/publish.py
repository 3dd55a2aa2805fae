"""Swap a finished build into place atomically, so a failed build never touches the site, and
let only one build at a time render and publish.

`site` is a symbolic link to one finished build under `.site-builds/`. Publishing a new build
points a fresh link at it and renames that link over `site`: a rename is atomic, so readers
and servers see either the old site or the new one, never a half-written folder. Two builds
started together take turns (a lock file), so that one's clean-up never deletes the other's
folder and the rendered docs/ of one never mixes with the other's.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not serialised
    fcntl = None

BUILDS = ".site-builds"


class BuildLock:
    """An exclusive lock on `<project>/.site-builds/.lock`, held from the render of docs/ to
    the publication of the site; a second build waits for the first to finish."""

    def __init__(self, project: Path):
        self.path = project / BUILDS / ".lock"
        self._file = None

    def acquire(self) -> None:
        if self._file is not None or fcntl is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "a+")
        fcntl.flock(self._file, fcntl.LOCK_EX)

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> "BuildLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def staging_dir(site: Path) -> Path:
    """A new, empty folder beside `site` to build into (a unique name: time and process)."""
    folder = site.parent / BUILDS / f"{site.name}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def publish(build: Path, site: Path) -> None:
    """Make `site` point at `build`, then remove the builds nothing points at any more
    (under the lock, no other build is under way)."""
    if site.exists() and not site.is_symlink():
        # A plain folder from before this scheme: set it aside once (not atomic, once only).
        site.rename(site.parent / BUILDS / f"{site.name}-old-{os.getpid()}")
    link = site.parent / f".{site.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    os.symlink(os.path.relpath(build, site.parent), link)
    os.replace(link, site)
    for old in (site.parent / BUILDS).iterdir():
        if old.name.startswith(f"{site.name}-") and old.resolve() != build.resolve():
            shutil.rmtree(old, ignore_errors=True)


def discard(build: Path) -> None:
    """Throw away a build that failed."""
    shutil.rmtree(build, ignore_errors=True)
