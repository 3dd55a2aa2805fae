"""Rules for the addresses of sources: one entry a page (two sources with the same URL are one
source cited twice), and a copy says so (`via:`), so that a reader never takes a mirror of an
encyclopedia for the encyclopedia itself, or an aggregator's copy for the agency's page. A URL
without `via:` must be on a site listed in `sites:` as its publisher's own (or an archive), and
a host that republishes other sites' pages can be no publisher's own site: neither a source's
URL there without `via:`, nor a `sites:` entry naming a publisher for it, is accepted."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..problems.errors import Problem
from ..problems.locate import format_field, locate
from .load import YamlDocument

# Hosts that republish other sites' pages (encyclopedia mirrors, reading aggregators, document
# sharing sites, web proxies): none of them is any publisher's own site. The list is about the
# web, not this report; extend it when a review finds another.
MIRROR_HOSTS = re.compile(
    r"(^|\.)(wikimili\.com|wiki\.x\.io|xcv\.wiki|defzone\.net|eudic\.net|studentb\.eu|piglix\.com|cryer\.org\.uk"
    r"|wikiwand\.com|azureedge\.net|mgwiki\.top|jablog\.org|scientiano\.com|pressreader\.com|kodoom\.com"
    r"|ademocracynet\.com|sahafi\.jo|docslib\.org|right-docs\.org|liu233w\.com|movatter\.jp|naaju\.com)$")
# Words that say, inside the publisher's name, where a copy was read: that belongs in `via:`.
_COPY_WORDS = re.compile(r"\b(via|copy|copies|republished|mirror)\b", re.IGNORECASE)
# A note of ours inside the publisher's name ("(quoting a news agency)", ", an agency"): after a comma, or in
# brackets with Latin letters; an Arabic page would show it in English. Only the publisher's own
# name in Arabic script may stand in brackets ("Example TV (تلفزيون المثال)").
_OUR_NOTE = re.compile(r",|\([^)]*[A-Za-z][^)]*\)")


def _not_the_publishers(host: str, publisher: str, sites) -> str | None:
    """Why a URL on `host` is not the publisher's own page, or None when it is."""
    bare = host.removeprefix("www.")
    covering = [site for site in sites if bare == site.host or bare.endswith("." + site.host)]
    if any(site.archive or publisher.startswith(site.publisher) for site in covering):
        return None
    name = publisher.split(" (")[0].split(",")[0]
    if covering:
        owners = " or ".join(sorted({site.publisher for site in covering}))
        return (f"{bare} is listed in 'sites:' as {owners}'s site, not {name}'s; say where we read the copy "
                "with 'via:', or correct the publisher")
    return (f"{bare} is not listed in 'sites:' as a publisher's own site or an archive; if it is {name}'s "
            f"own site, add it there (host: {bare}, publisher: {name}), else say where we read the copy with 'via:'")


def _copy_hosts_as_publishers(doc: YamlDocument, sites) -> list[Problem]:
    """A `sites:` entry that calls a mirror or aggregator some publisher's own site would let
    its copies pass for originals: refuse it where it is written."""
    problems = []
    for index, site in enumerate(sites):
        if site.publisher is not None and MIRROR_HOSTS.search(site.host):
            line, column, _ = locate(doc.tree, ["sites", index, "host"])
            problems.append(Problem(doc.path, line, column, format_field(["sites", index, "host"]),
                                    f"{site.host} republishes other sites' pages and is no publisher's own site, "
                                    f"not even {site.publisher}'s; remove this entry, and give each source read "
                                    "there a 'via:' naming the copy"))
    return problems


def check_source_urls(doc: YamlDocument, sources) -> list[Problem]:
    """A located problem for a mirror listed as a publisher's site, a URL used by two sources, a
    host name ending in a dot, a URL without `via:` on a mirror or on a site not listed as its
    publisher's, and a publisher's name that tells where a copy was read or holds a note of ours."""
    problems, seen = _copy_hosts_as_publishers(doc, sources.sites), {}
    for index, source in enumerate(sources.sources):
        path = ["sources", index, "url"]
        line, column, _ = locate(doc.tree, path)
        parts = urlsplit(source.url)
        hostname = parts.hostname or ""
        host = hostname.rstrip(".").lower()
        key = f"{host}{parts.path.rstrip('/')}?{parts.query}"  # one page, however the address is written
        if key in seen:
            problems.append(Problem(doc.path, line, column, format_field(path),
                                    f"the same page as source '{seen[key]}'; merge the two entries and cite one id"))
        seen.setdefault(key, source.id)
        if hostname.endswith("."):
            problems.append(Problem(doc.path, line, column, format_field(path),
                                    "the host name ends with a dot; remove it"))
        if MIRROR_HOSTS.search(host) and source.via is None:
            problems.append(Problem(doc.path, line, column, format_field(path),
                                    f"{host} republishes other sites' pages; link the publisher's own "
                                    "page, or say where we read the copy with 'via:'"))
        elif source.via is None:
            wrong = _not_the_publishers(host, source.publisher, sources.sites)
            if wrong:
                problems.append(Problem(doc.path, line, column, format_field(path), wrong))
        where = ["sources", index, "publisher"]
        words, note = _COPY_WORDS.search(source.publisher), _OUR_NOTE.search(source.publisher)
        if words:
            line, column, _ = locate(doc.tree, where)
            problems.append(Problem(doc.path, line, column, format_field(where),
                                    f"says '{words.group()}' in the publisher's name; name the original publisher "
                                    "there and the site we read the copy on in 'via:'"))
        elif note:
            line, column, _ = locate(doc.tree, where)
            problems.append(Problem(doc.path, line, column, format_field(where),
                                    f"'{source.publisher}' holds '{note.group()}', a note of ours about the publisher; "
                                    "keep here only its name as it writes it (its Arabic name may follow in "
                                    "brackets), and write the note under 'publisher_note:', without brackets, "
                                    "on an 'en:' and an 'ar:' line"))
    return problems
