"""The thin MkDocs adapter: the only module that knows MkDocs.

It renders data/ and content/ into docs/ before MkDocs reads them, turns author problems
into one log line each, and makes `mkdocs build` atomic. mkdocs-static-i18n runs the whole
build once more per language on the same config object, so the render runs once per config:
`mkdocs serve` loads a new config for every rebuild (while MkDocs caches this module), and
that is when data/ or content/ may have changed.
"""
from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from explainer.pages_out.labels import DIRECTION, LABELS
from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors
from explainer.site_built.publish import discard, publish, staging_dir

# A 'mkdocs.*' logger: MkDocs prints it and counts its warnings in strict mode.
log = logging.getLogger("mkdocs.explainer")

_state = {"command": None, "config": None, "failed": False, "site": None, "staging": None}


def on_startup(command, dirty):
    _state["command"] = command


@event_priority(100)  # before mkdocs-static-i18n reads the config and the docs folder
def on_config(config):
    if _state["config"] is not config:
        _state["config"] = config  # held, not just its id(), so the id cannot be reused
        try:
            build_docs(Path(config.config_file_path).parent)
        except AuthorErrors as errors:
            for problem in errors.problems:
                log.error(str(problem))
            count = len(errors.problems)
            raise PluginError(f"{count} problem{'s' * (count != 1)} in data/ or content/; "
                              "fix them and build again (the previous site is unchanged)") from None
        if _is_atomic_build(config):
            _state["site"] = Path(config.site_dir)
            _state["staging"] = staging_dir(Path(config.site_dir))
    if _state["staging"] is not None:
        config.site_dir = str(_state["staging"])
    return config


def on_post_page(output, page, config):
    """Two fixes to Material's page: it puts `dir` on <body> only (assistive tech and the bidi
    algorithm want it on <html>, with `lang`), and its search dialog has no name."""
    lang = config.theme["language"]
    output = output.replace(f'<html lang="{lang}"', f'<html lang="{lang}" dir="{DIRECTION.get(lang, "ltr")}"', 1)
    # Material's search dialog has no accessible name; screen readers announce "dialog" alone.
    label = LABELS.get(lang, LABELS["en"])["search_dialog"]
    return output.replace('data-md-component="search" role="dialog"',
                          f'data-md-component="search" role="dialog" aria-label="{label}"', 1)


@event_priority(-300)  # after mkdocs-static-i18n merged both languages' search indexes
def on_post_build(config):
    """Material's offline plugin copies the search index into a script for file:// readers,
    but before static-i18n has merged the languages: copy the merged index again. And give
    each language folder the sitemap Material asks for."""
    site = Path(config.site_dir)
    index = site / "search" / "search_index.json"
    script = index.with_suffix(".js")
    if index.is_file() and script.is_file():
        script.write_text("var __index = " + index.read_text(encoding="utf-8"), encoding="utf-8")
    # Material fetches sitemap.xml next to every alternate language's page (ar/sitemap.xml),
    # but static-i18n writes one at the root only: copy it, or every Arabic page logs a 404.
    sitemap = site / "sitemap.xml"
    for alternate in config.extra.get("alternate") or []:
        folder = site / str(alternate.get("link", "")).strip("/").rpartition("/")[0]
        if sitemap.is_file() and folder != site and folder.is_dir():
            shutil.copy(sitemap, folder / "sitemap.xml")


def on_build_error(error):
    _state["failed"] = True


def on_shutdown():
    staging = _state["staging"]
    if staging is None:
        return
    if _state["failed"]:
        discard(staging)
        log.error(f"Build failed: {_state['site']} was left as it was.")
    else:
        publish(staging, _state["site"])
        log.info(f"Site published to {_state['site']} (open {_state['site'] / 'index.html'} offline).")


def _is_atomic_build(config) -> bool:
    """Only `mkdocs build`: `serve` builds into a temporary folder it serves from itself."""
    site = Path(config.site_dir)
    in_serve_temp = site.parent == Path(tempfile.gettempdir()) and site.name.startswith("mkdocs_")
    return _state["command"] == "build" and not in_serve_temp
