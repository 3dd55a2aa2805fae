"""What Material's pages (and mkdocs-static-i18n's handling of them) need fixed, in one place
(the 404 pages' placement is a post-build step: site_built/pipeline.py)."""
from __future__ import annotations

import functools
import re
from copy import deepcopy

from ..pages_out.content_policy import with_content_policy
from ..languages import DIRECTION

# Material's bundle (with its source map), its search worker and lunr's language files, 2.3 MB:
# our main.html loads none of them (theme.js and our search do their work).
_UNUSED_SCRIPTS = ("assets/javascripts/bundle.", "assets/javascripts/workers/", "assets/javascripts/lunr/")

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')


@functools.lru_cache(maxsize=64)  # serve: a rebuild writes every page again, most of them unchanged
def fix_page(output: str, language: str) -> str:
    """Two fixes to Material's page: it puts `dir` on <body> only (assistive tech and the bidi
    algorithm want it on <html>, with `lang`), and it puts `autocomplete` on checkboxes, which
    HTML allows on text-like inputs only (the Nu checker's one error on every page; browsers
    ignore it there anyway). Then the page's content policy, last: it hashes the final scripts."""
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    output = output.replace(f'<html lang="{language}"',
                            f'<html lang="{language}" dir="{DIRECTION.get(language, "ltr")}"', 1)
    return with_content_policy(output)


def without_unused_scripts(files):
    """Leave Material's unused scripts out of the site: not copied (at every build and serve's
    every rebuild, for each language) only to be deleted, or to weigh down the offline archive."""
    for file in [file for file in files if file.src_uri.startswith(_UNUSED_SCRIPTS)]:
        files.remove(file)
    return files


def point_404_alternates(config) -> None:
    """static-i18n points the language links (config.extra.alternate) at the twins of the last
    page it built; the 404 page has no twin: point them at each language's home, as it first
    computed them."""
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "extra_alternate", None):
        return
    homes = config.extra["alternate"] = deepcopy(i18n.extra_alternate)
    if hasattr(config.extra, "__dict__"):
        # static-i18n sets them per page as an attribute of the extra config, which shadows the
        # key for the templates' `config.extra.alternate`: set that one too.
        config.extra.alternate = homes


def language_folders(config) -> dict[str, str]:
    """Each built language's folder in the site: '' for the default language, 'ar' for ar."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme["language"]: ""}
    return {language.locale: language.link.strip("/") for language in i18n.config.languages if language.build}
