"""A Content Security Policy for each page, written into the page itself as a <meta> tag.

Why: the site is static and its scripts are all known at build time (our own files, and a few
short inline scripts of the theme that must run before the first paint). A policy that allows
exactly those and nothing else turns any markup that slips into a page (an unescaped value in
the data, a poisoned copy) into dead text instead of a running script: an injected <script>
has no matching hash, an injected `onclick=` needs 'unsafe-inline', a `<base>` cannot redirect
our relative script URLs, and no form can post the reader's input anywhere.

Why a <meta> and not a header: the pages are also read straight from the disk (file://), where
there are no headers, and the site is copied to hosts we do not configure.

Why hashes and not nonces: a nonce must be new on every response, which a static file cannot
be. Each inline script is allowed by the sha256 of its exact text, so the policy is computed from
the page's final HTML: anything that rewrites an inline script afterwards must compute it again.
Styles, fonts and images are not restricted: the fonts are `data:` URIs from file:// and the
inline `style` attributes of the theme would need 'unsafe-inline' anyway.
"""
from __future__ import annotations

import base64
import hashlib
import re

# An element's raw text ends at the first `</script` (HTML's script data state); the markup is
# the theme's and ours, so the simple form is enough.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"""\ssrc\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# The types a browser runs (anything else, such as application/ld+json, is data, which a policy
# does not govern).
_RUN_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript",
              "application/ecmascript"}
_CHARSET = re.compile(r"<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_EXISTING = re.compile(r"""\s*<meta\s+http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>""", re.IGNORECASE)

# 'self' allows our script files (and the search index, loaded by a script tag); form-action
# 'none' because no form is submitted: search and the ledger filters are handled by our scripts.
FIXED = ("object-src 'none'", "base-uri 'none'", "form-action 'none'")


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source (`'sha256-...'`) of each inline script the browser would run, in page
    order, each once."""
    hashes: list[str] = []
    for attributes, text in _SCRIPT.findall(html):
        if _SRC.search(attributes) or _script_type(attributes) not in _RUN_TYPES:
            continue
        # The browser hashes the text after the HTML parser normalised its newlines.
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy_for(html: str) -> str:
    """The policy of a page: our own script files and exactly its inline scripts."""
    return "; ".join((" ".join(["script-src 'self'", *inline_script_hashes(html)]), *FIXED))


def with_content_policy(html: str) -> str:
    """The page with its policy as a <meta> right after <meta charset> (a policy in a <meta>
    governs only what follows it, so it must come before the first script). A policy already
    there is replaced, so that a page fixed twice carries one."""
    html = _EXISTING.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html  # not a page (a fragment of a template): nothing to protect
    return f"{html[:anchor.end()]}\n{tag}{html[anchor.end():]}"


def with_scripts_allowed(html: str, scripts: str) -> str:
    """The page with its policy also allowing the inline scripts in the markup `scripts`, added
    to the page after its policy was computed: cheaper than computing it again from the whole
    page (a third of a second for the site's pages, on every rebuild of `serve`)."""
    existing = _EXISTING.search(html)
    if existing is None:
        return with_content_policy(html)
    tag = existing.group()
    added = [source for source in inline_script_hashes(scripts) if source not in tag]
    if not added:
        return html
    tag = tag.replace("script-src 'self'", " ".join(["script-src 'self'", *added]), 1)
    return f"{html[:existing.start()]}{tag}{html[existing.end():]}"


def _script_type(attributes: str) -> str:
    match = _TYPE.search(attributes)
    if match is None:
        return ""
    return next(value for value in match.groups() if value is not None).strip().lower()
