"""The steps that need the whole built site, in order, then its gates."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ..build_cache import cache_folder
from ..pages_out.masthead import public_url
from ..problems.errors import Problem
from .css_purge import purge_stylesheets, serve_without_comments
from .gates import check_site
from .offline_archive import write_offline_archive
from .open_data import write_open_data
from .search_index import name_variants, write_search_indexes
from .sitemap import write_sitemap


def finish_site(site: Path, project: Path, data, site_url: str, archive: str, timestamp: int) -> list[Problem]:
    """The search index of each language, Material's stylesheets purged of rules no page uses,
    the open data, the sitemap and robots.txt, and last the offline archive of all that; then
    the site gates (a broken link or a resource from another host is a problem). The archive
    comes before the gates because the about page links to it; the gates write nothing, so it
    holds the site as published."""
    cache = cache_folder(project)
    write_search_indexes(site, name_variants(data.models["names"].names) if data is not None else [],
                         cache=cache / "pages" if cache else None)
    stylesheets = site / "assets" / "stylesheets"
    purge_stylesheets(site, sorted(stylesheets.glob("main.*.min.css")) + sorted(stylesheets.glob("palette.*.min.css")),
                      cache=cache / "stylesheets" if cache else None)
    serve_without_comments([stylesheets / "explainer.css", stylesheets / "print.css"])  # ours, with their reasons, are half comments
    if data is not None:
        write_open_data(data, site)
    write_sitemap(site, site_url, timestamp)
    if data is not None:
        write_offline_archive(site, archive, timestamp, cache=cache / "offline" if cache else None,
                              online=public_url(site_url, f"{archive}.zip"))
    return check_site(site, project, base=urlsplit(site_url or "/").path or "/",
                      cache=cache / "pages" if cache else None)
