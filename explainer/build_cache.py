"""The project's cache folder, .explainer-cache/: what one build keeps to make the next faster
(compiled templates, each page's parse, the purged stylesheets, the offline zip, the last good
build's dataset). Every entry is checked against what it was made from before it is used, and
a cache that cannot be read or written only costs time, never a build.

One rule names every entry (cache_key): a hash of the bytes the entry is made from and of the
engine's version, which is every file of the engine (its code, templates and theme) and the
versions of Python and of the libraries that shape the output. So an edited engine, an upgraded
library or a changed input each make a new key, and no recipe has to list the code it depends
on (a list that is wrong the day someone adds a module).

Some entries are code (Jinja's compiled templates) or pickles, which run code as they load,
and all of them shape the published site. The folder sits in the project, where a checkout,
a restored CI cache or anyone allowed to write the project but not to run code could plant a
file. So every entry is signed when written (HMAC-SHA256 over its file name and bytes) with a
key that only this user can read and write, kept outside the project
(`$XDG_CACHE_HOME/explainer/cache-key`, by default under ~/.cache); an entry whose signature
does not match is never opened, only rebuilt. Whoever can write that key can already run code
as this user. Without such a key (no private folder to keep it), nothing is cached.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import secrets
import sys
from importlib import metadata
from pathlib import Path

CACHE_DIR = ".explainer-cache"
_KEY_BYTES = 32
_SIGNATURE_BYTES = hashlib.sha256().digest_size
_ENGINE = Path(__file__).resolve().parent
# The distributions whose version changes what the engine writes (the Markdown conversion, the
# templates' compiled code, the theme, the parsed data, the purged stylesheets, the PDF editions).
_LIBRARIES = ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "mkdocs-static-i18n", "jinja2",
              "markupsafe", "pydantic", "ruamel.yaml", "tinycss2", "properdocs",
              "weasyprint", "pydyf", "fonttools", "tinyhtml5", "cssselect2", "pyphen")  # the editions' PDF


def cache_key(*inputs: bytes | str) -> str:
    """The one rule for naming a cache entry: a hash of the engine's version and of `inputs`,
    the bytes (or text) the entry is made from, each length-prefixed so that no two lists of
    inputs give the same key."""
    digest = hashlib.sha256(engine_version().encode("ascii"))
    for part in inputs:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=None)
def engine_version() -> str:
    """A hash of every file of the engine (code, templates, theme) and of the versions of Python
    and the libraries in _LIBRARIES: computed once a process (a few milliseconds)."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name} {version}".encode("utf-8"))
    for path in sorted(_ENGINE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith("."):
            digest.update(f"\0{path.relative_to(_ENGINE).as_posix()}\0".encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_folder(project: Path) -> Path | None:
    """The project's cache folder, made if needed (it ignores itself in git), or None where the
    project cannot be written or no private signing key can be kept."""
    if signing_key() is None:
        return None
    folder = project / CACHE_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Made by the explainer engine: compiled templates, safe to delete.\n*\n")
    except OSError:
        return None
    return folder


@functools.lru_cache(maxsize=None)
def signing_key() -> bytes | None:
    """This user's key for the cache's signatures, made on first use; None when it cannot be
    kept private (a folder or file that another user owns or can read or write)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "explainer"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(base):
            return None
        key_file = base / "cache-key"
        if not key_file.exists():
            # Written aside, then linked into place: two first builds at once agree on one key,
            # and neither reads a key half written.
            made = base / f"cache-key.{os.getpid()}.{secrets.token_hex(4)}"
            descriptor = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as file:
                file.write(secrets.token_bytes(_KEY_BYTES))
            try:
                os.link(made, key_file)
            except FileExistsError:
                pass  # another build made it first: use that one
            finally:
                made.unlink()
        key = key_file.read_bytes()
        return key if _private(key_file) and len(key) == _KEY_BYTES else None
    except (OSError, RuntimeError):  # RuntimeError: no home folder to be found
        return None


def _private(path: Path) -> bool:
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o077


def _signature(name: str, data: bytes) -> bytes:
    return hmac.new(signing_key() or b"", name.encode("utf-8") + b"\0" + data, hashlib.sha256).digest()


def read_entry(entry: Path) -> bytes | None:
    """A cache entry's bytes if this user's build wrote them under this name, else None
    (missing, truncated, planted, or signed by another key)."""
    if signing_key() is None:
        return None
    try:
        stored = entry.read_bytes()
    except OSError:
        return None
    signature, data = stored[:_SIGNATURE_BYTES], stored[_SIGNATURE_BYTES:]
    return data if hmac.compare_digest(signature, _signature(entry.name, data)) else None


def write_atomically(target: Path, data: bytes, replaces: str | None = None) -> None:
    """Write a signed cache entry whole or not at all (a reader never sees half of it), after
    removing the files next to it that match `replaces`: the entries it supersedes. An
    unwritable cache is skipped."""
    if signing_key() is None:
        return
    temporary = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for old in target.parent.glob(replaces) if replaces else ():
            old.unlink()
        temporary.write_bytes(_signature(target.name, data) + data)
        temporary.replace(target)
    except OSError:
        temporary.unlink(missing_ok=True)


def keep_only(folder: Path | None, pattern: str, used: set[str]) -> None:
    """Remove the entries of `folder` matching `pattern` that this build did not use: a cache holds
    one site, not its history."""
    if folder is None or not folder.is_dir():
        return
    for entry in folder.glob(pattern):
        if entry.name not in used:
            entry.unlink(missing_ok=True)
