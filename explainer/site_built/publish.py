"""Swap a finished build into place atomically, so a failed build never touches the site.

`site` is a symbolic link to one finished build under `.site-builds/`. Publishing a new build
points a fresh link at it and renames that link over `site`: a rename is atomic, so readers
and servers see either the old site or the new one, never a half-written folder.
"""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

BUILDS = ".site-builds"


def staging_dir(site: Path) -> Path:
    """A new, empty folder beside `site` to build into."""
    folder = site.parent / BUILDS / f"{site.name}-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
    folder.mkdir(parents=True)
    return folder


def publish(build: Path, site: Path) -> None:
    """Make `site` point at `build`, then remove the builds nothing points at any more."""
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
