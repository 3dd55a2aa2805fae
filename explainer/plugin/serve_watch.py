"""What `mkdocs serve` watches, and how soon it notices an edit."""
from __future__ import annotations

from pathlib import Path

SERVE_POLL_SECONDS = 0.1
SOURCES = ("data", "content")
"""The publication's sources, watched without a `watch:` entry in mkdocs.yml."""


def watch_sources(server, config) -> None:
    """MkDocs watches docs_dir, but docs/ is our output: every rebuild writes the pages an edit
    changed there, which would set off a second full rebuild and a second reload. Watch the
    sources instead (data/, content/; the theme's folders with --watch-theme, and `watch:`)."""
    try:
        server.unwatch(config.docs_dir)
    except KeyError:
        pass  # not watched (another plugin already stopped it): nothing to undo
    _poll_sooner(server, config)
    project = Path(config.config_file_path).parent
    for folder in SOURCES:
        if (project / folder).is_dir():
            server.watch(str(project / folder))


def _poll_sooner(server, config) -> None:
    """MkDocs looks for changed files every 0.5 s, a quarter of a second of waiting on average
    before each rebuild starts (a third of the time from saving a one-line edit to seeing it).
    The watched folders are a few dozen files, so looking every 0.1 s costs nothing: move the
    watches made so far (mkdocs.yml, and the theme's folders with --watch-theme) to an observer
    of the same kind that polls that often; those added after this go to it too."""
    if not hasattr(server, "observer"):
        return  # another host's server: keep its own polling
    moved = []
    for path in (config.config_file_path, *config.theme.dirs):
        try:
            server.unwatch(path)
        except (KeyError, TypeError):
            continue  # not watched
        moved.append(path)
    server.observer = type(server.observer)(timeout=SERVE_POLL_SECONDS)
    for path in moved:
        server.watch(path)
