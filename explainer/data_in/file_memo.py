"""Each data file's parse, validation and own checks, kept in memory by the file's bytes.

`mkdocs serve` loads the whole dataset again at every rebuild, though an edit changes one file.
Parsing, validating and checking each file on its own is most of the load: with every file
kept, a load takes 0.03 s of CPU instead of 0.16 (here, 7 December 2026). So what depends
on one file's bytes alone (its tree, its model or shape problems, the checks that read that file
and nothing else) is kept, in this process, under the cache rule's key (build_cache.cache_key:
the file's path and bytes, and the engine's version). A file whose bytes differ is read afresh;
only the last version of each file is kept, for one project at a time. The checks of one
report against the shared base, which read several files, are kept the same way by every
file's key (`across`): an edit of one report checks that report again, and an edit of the
shared base every report.

What is kept is shared by every load that finds it, so nothing may change a tree or a model
after the load (tests/test_serve_speed.py renders and builds between two loads and compares
them with a fresh one).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from ..build_cache import cache_key
from ..problems.errors import Problem
from .load import YamlDocument, load_yaml, read_bytes

parses = 0  # how many files were parsed in this process (the tests count them)


class FileEntry:
    """One data file as last read: `loaded` (its tree, or the Problem that stopped the parse)
    and the results computed from it alone, each computed once (`once`)."""

    def __init__(self, key: str, loaded: YamlDocument | Problem):
        self.key, self.loaded = key, loaded
        self._results: dict[Any, Any] = {}

    def once(self, name, compute: Callable[[], Any]) -> Any:
        """The result called `name`, computed from this file alone the first time it is asked."""
        if name not in self._results:
            self._results[name] = compute()
        return self._results[name]


_last: dict[str, FileEntry] = {}  # relative path: the entry of that file's last read
_across: dict[Any, tuple[tuple, Any]] = {}  # a result of several files: (its inputs' keys, the result)


def read(project: Path, relative_path: str) -> FileEntry:
    """The file's entry: the last one if its bytes are the same, else a fresh parse."""
    global parses
    data = read_bytes(project, relative_path)
    if isinstance(data, Problem):
        return FileEntry("", data)  # missing or unreadable: nothing to keep
    key = cache_key(str(project.resolve()), relative_path, data)
    entry = _last.get(relative_path)
    if entry is None or entry.key != key:
        parses += 1
        entry = _last[relative_path] = FileEntry(key, load_yaml(project, relative_path, data))
    return entry


def across(name, inputs: tuple, compute: Callable[[], Any]) -> Any:
    """The result called `name` of several files (a report's checks against the shared base),
    kept while `inputs` are equal: the keys of every file and every other input it reads
    (`FileEntry.key`, a hash of a source text...). Only the last result of each name is kept."""
    kept = _across.get(name)
    if kept is None or kept[0] != inputs:
        kept = _across[name] = (inputs, compute())
    return kept[1]


def forget() -> None:
    """Read every file afresh next time."""
    _last.clear()
    _across.clear()
