"""The PDF and EPUB editions in a build (explainer/editions/): started once the data is loaded,
so that they are made while MkDocs builds the pages, and written into the site before its
post-build steps (the offline copy, the sitemap and the gates see them; the first of those steps
writes their sizes into the pages' links). Their problems are
located at the plugin's `editions` option in mkdocs.yml.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

from ..build_cache import cache_folder
from ..build_date import source_date
from .config import locate_options

if TYPE_CHECKING:
    from ..editions.build import Editions


def start_editions(project: Path, data, masthead, archive: str, config) -> Editions:
    """The editions from the cache, or their processes started; a located error if they cannot
    be made (WeasyPrint or Pango missing)."""
    # Imported here: a build without editions (a publication's choice, and every `serve`) never
    # needs the editions' modules, a twentieth of a second of every start.
    from ..editions.build import INSTALL, Editions, unavailable
    from ..editions.make import Job
    missing = unavailable()
    if missing:
        [(_, message)] = locate_options([("editions", missing)], config.config_file_path,
                                        f"{INSTALL}, or set `editions: false`")
        raise PluginError(message)
    job = Job(project, data, masthead, config.site_url or "", source_date(), archive)
    return Editions(job, cache_folder(project))

def write_editions(editions: Editions | None, root: Path, config) -> dict[str, int] | None:
    """The editions into site/editions/; their sizes, for the pages' links (None: no editions,
    and the links come out: editions/links.py)."""
    sizes = None
    if editions is not None:
        try:
            sizes = editions.write(root)
        except RuntimeError as error:
            [(_, message)] = locate_options([("editions", f"the editions could not be made: {error}")],
                                            config.config_file_path, "fix it, or set `editions: false`")
            raise PluginError(message) from None
    return sizes
