"""The project's cache folder, .explainer-cache/: what one build keeps to make the next faster
(compiled templates, each page's parse, the purged stylesheets, the offline zip, the last good
build's dataset). Every entry is checked against what it was made from before it is used, and
a cache that cannot be read or written only costs time, never a build."""

from __future__ import annotations

from pathlib import Path

CACHE_DIR = ".explainer-cache"


def cache_folder(project: Path) -> Path | None:
    """The project's cache folder, made if needed (it ignores itself in git), or None where the
    project cannot be written."""
    folder = project / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by the explainer engine: compiled templates, safe to delete.\n*\n")
    except OSError:
        return None
    return folder


def write_atomically(target: Path, data: bytes, replaces: str | None = None) -> None:
    """Write a cache entry whole or not at all (a reader never sees half of it), after removing
    the files next to it that match `replaces`: the entries it supersedes. An unwritable cache
    is skipped."""
    temporary = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob(replaces) if replaces else ():
            old.unlink()
        temporary.write_bytes(data)
        temporary.replace(target)
    except OSError:
        temporary.unlink(missing_ok=True)
