"""A build whose inputs have not changed since the last good one skips loading and rendering.

Loading, validating and rendering take most of the engine's share of a build (0.8 of 1.4 s),
and a rebuild with nothing changed (a theme edit, `mkdocs build` run twice, the publishing
workflow on a commit that touched only the README) would redo them for the same result. The
key is every byte that shapes the render: the files of data/ and content/ and the draft flag,
under the one cache rule (build_cache.cache_key: the engine's code and the library versions). The result kept is the validated
dataset and a hash of each docs/ page; it is used only while docs/ still holds exactly those
pages. Anything unreadable or different means a full build: the cache can make a build
faster, never different."""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from ..build_cache import cache_key, read_entry, write_atomically


def inputs_key(project: Path, folders: tuple[str, ...], draft: bool) -> str:
    """The cache rule (build_cache.cache_key) over the draft flag and every file of `folders`,
    by its path and bytes; the engine's version covers its code and the libraries."""
    inputs: list[bytes | str] = [f"draft {draft}"]
    for folder in folders:
        root = project / folder
        if not root.is_dir():
            inputs.append(f"no {folder}")
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                inputs += [f"{folder}/{path.relative_to(root).as_posix()}", path.read_bytes()]
    return cache_key(*inputs)


def _docs_manifest(docs: Path) -> dict[str, str]:
    if not docs.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(docs.rglob("*")) if path.is_file() and not path.name.startswith(".")}


def load_unchanged(store: Path | None, key: str, docs: Path):
    """The dataset of the last good build with this key, if docs/ is still its output; else None."""
    global _last
    if store is None:
        return None
    if _last is not None and _last[0] == store and _last[4] == _stamp(store):
        # What this process last kept or read is still the entry: no need to read it again.
        return _last[3] if _last[1] == key and _last[2] == _docs_manifest(docs) else None
    try:
        kept = pickle.loads(read_entry(store))  # signed by this user's builds (build_cache.py)
        manifest = _docs_manifest(docs)
        if kept["key"] == key and kept["docs"] == manifest:
            _last = (store, key, manifest, kept["data"], _stamp(store))
            return kept["data"]
    except Exception:  # noqa: BLE001 - missing, truncated, or from another version: build in full
        pass
    return None


def keep(store: Path | None, key: str, docs: Path, data) -> None:
    global _last
    if store is None:
        return
    manifest = _docs_manifest(docs)
    try:
        kept = pickle.dumps({"key": key, "docs": manifest, "data": data}, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable: the next build is a full one
        return
    write_atomically(store, kept)
    _last = (store, key, manifest, data, _stamp(store))


def _stamp(store: Path) -> tuple | None:
    """The entry's file as the system describes it: another process's write changes it."""
    try:
        found = store.stat()
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


# The last build's (store, key, docs/ manifest, dataset, the store's stamp) in this process:
# `serve` takes the very dataset it built, not a copy unpickled from the disk (whose new objects
# every memo kept by the objects of the files' last parse would miss, data_in/file_memo.py), and
# after an edit it does not read the 10 MB entry only to find another key in it.
_last: tuple | None = None
