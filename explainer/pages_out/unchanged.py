"""A build whose inputs have not changed since the last good one skips loading and rendering.

Loading, validating and rendering take most of the engine's share of a build (0.8 of 1.4 s),
and a rebuild with nothing changed (a theme edit, `mkdocs build` run twice, the publishing
workflow on a commit that touched only the README) would redo them for the same result. The
key is every byte that shapes the render: the files of data/ and content/, the engine's own
code and templates, the library versions and the draft flag. The result kept is the validated
dataset and a hash of each docs/ page; it is used only while docs/ still holds exactly those
pages. Anything unreadable or different means a full build: the cache can make a build
faster, never different."""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

import jinja2
import pydantic
import ruamel.yaml

from ..build_cache import read_entry, write_atomically

_ENGINE = Path(__file__).resolve().parents[1]
_FORMAT = 1


def inputs_key(project: Path, folders: tuple[str, ...], draft: bool) -> str:
    digest = hashlib.sha256(f"{_FORMAT} {draft} {sys.version} {jinja2.__version__} {pydantic.VERSION} "
                            f"{ruamel.yaml.__version__}".encode())
    for root, base in [(project / folder, folder) for folder in folders] + [(_ENGINE, "engine")]:
        if not root.is_dir():
            digest.update(f"\0no {base}".encode())
            continue
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
                digest.update(f"\0{base}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _docs_manifest(docs: Path) -> dict[str, str]:
    if not docs.is_dir():
        return {}
    return {path.relative_to(docs).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(docs.rglob("*")) if path.is_file() and not path.name.startswith(".")}


def load_unchanged(store: Path | None, key: str, docs: Path):
    """The dataset of the last good build with this key, if docs/ is still its output; else None."""
    if store is None:
        return None
    try:
        kept = pickle.loads(read_entry(store))  # signed by this user's builds (build_cache.py)
        if kept["key"] == key and kept["docs"] == _docs_manifest(docs):
            return kept["data"]
    except Exception:  # noqa: BLE001 - missing, truncated, or from another version: build in full
        pass
    return None


def keep(store: Path | None, key: str, docs: Path, data) -> None:
    if store is None:
        return
    try:
        kept = pickle.dumps({"key": key, "docs": _docs_manifest(docs), "data": data}, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable: the next build is a full one
        return
    write_atomically(store, kept)
