"""While `mkdocs serve` runs and the last build found problems: the last good pages (or, for
problems only the built site's checks find, the new ones), with the located problems over each
of them, until the next good build; and on every served page a reload script the site's policy
allows, since it blocks MkDocs' own (see _RELOAD_SCRIPT).

Why not let the build fail, as `build` does: MkDocs' server answers no page until a build has
succeeded (livereload's `_serve_request` waits for the build it started), so a failed rebuild
leaves the browser's request hanging, with the errors in a terminal the author may not be
looking at. So under `serve` the adapter logs the problems (keep_serving) and builds on: docs/ still
holds the last good render (the render writes it only when every check passes), the pages are
built from it, and this module puts a notice listing the problems on every page, as Hugo's
server does. The next good build writes every page afresh, without it.

The notice is added after every post-build step (search index, purge, offline copy, gates), so
none of them sees it, and each page's Content-Security-Policy allows its scripts by their hashes.
The reload script is in every page as it is written (as_served, from the adapter's post-page
step): a rebuild writes every page anyway, and the notice's pass then reads and writes the pages
only when there are problems to show or to take off.
It names files on this machine only and links nowhere.
"""
from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from ..languages import DIRECTION
from ..pages_out.content_policy import with_scripts_allowed
from ..pages_out.escape import for_text
from ..pages_out.labels import LABELS

OVERLAY_ID = "explainer-serve-problems"

# Inline, so that the notice needs no file in the site. Styles are not restricted by the policy;
# logical properties, so that it mirrors on Arabic pages. Its own colours, which keep their
# contrast over either of the theme's palettes.
_STYLE = f"""#{OVERLAY_ID}{{position:fixed;inset-inline:1rem;bottom:1rem;z-index:1000;max-height:60vh;
overflow:auto;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;border:2px solid #b00020;
border-inline-start-width:.5rem;border-radius:.25rem;box-shadow:0 .25rem 1rem rgba(0,0,0,.4);font:16px/1.5 sans-serif}}
#{OVERLAY_ID}[hidden]{{display:none}}
#{OVERLAY_ID} h2{{margin:0 0 .5rem;font-size:1.25rem;color:#b00020}}
#{OVERLAY_ID} p{{margin:0 0 .5rem}}
#{OVERLAY_ID} ol{{margin:0;padding-inline-start:1.5rem}}
#{OVERLAY_ID} li{{margin:.25rem 0}}
#{OVERLAY_ID} code{{font:14px/1.4 monospace;white-space:pre-wrap;overflow-wrap:anywhere;color:inherit;background:none}}
#{OVERLAY_ID} button{{float:inline-end;margin-inline-start:1rem;padding:.25rem .75rem;font:inherit;cursor:pointer;
color:#1a1a1a;background:#eee;border:1px solid #555;border-radius:.25rem}}
#{OVERLAY_ID}:focus,#{OVERLAY_ID} button:focus{{outline:3px solid #1a4fd6;outline-offset:2px}}"""

# Focus the notice once, so that a screen reader reads its heading and description; the button
# and Escape hide it (until the next reload). Allowed by its hash in the page's policy.
_SCRIPT = f"""(function () {{
  var notice = document.getElementById("{OVERLAY_ID}");
  if (!notice) return;
  function hide() {{ notice.hidden = true; }}
  notice.querySelector("button").addEventListener("click", hide);
  document.addEventListener("keydown", function (event) {{
    if (event.key === "Escape" && !notice.hidden) hide();
  }});
  notice.focus({{preventScroll: true}});
}})();"""

_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"""<html\b[^>]*\blang\s*=\s*["']?([A-Za-z-]+)""", re.IGNORECASE)


def keep_serving(problems: list, where: str, stale: bool) -> list[str]:
    """Log `problems` (found in `where`) for the terminal and return their lines for the pages;
    `stale` when the pages served are the last good ones."""
    lines = [str(problem) for problem in problems]
    for line in lines:
        _log.error(line)
    if lines:
        shown = "the last good pages are served, with" if stale else "the pages are served with"
        _log.warning(f"{len(lines)} problem{'s' * (len(lines) != 1)} in {where}: {shown} the problems over them "
                     "until the next good build")
    return lines


def _terminal_log() -> logging.Logger:
    """Not a 'mkdocs.*' logger, on purpose: with `strict: true`, MkDocs counts every warning
    and error logged under 'mkdocs' during a build and then fails the build, which under serve
    is the hang this module avoids. Its lines look like MkDocs' own ('ERROR   -  ...')."""
    logger = logging.getLogger("explainer.serve")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    return logger


_log = _terminal_log()


def overlay_html(problems: list[str], lang: str, stale: bool) -> str:
    """The notice, in `lang` (en or ar): a heading, what to do, and the problem lines, each
    isolated left to right (they are paths and English messages) on any page. `stale`: the
    page is from the last good build."""
    # "stale": data/ or content/ has problems, the pages are the last good ones; "checked": the
    # pages were built, and the checks of the built site (gates.py) found problems in them.
    words = LABELS.get(lang, LABELS["en"])["serve_notice"]
    state = "stale" if stale else "checked"
    lines = "\n".join(f"<li><code>{for_text(problem, 'en')}</code></li>" for problem in problems)
    return (f'<div id="{OVERLAY_ID}" role="alertdialog" aria-modal="false" aria-labelledby="{OVERLAY_ID}-heading" '
            f'aria-describedby="{OVERLAY_ID}-intro" tabindex="-1" lang="{lang}" dir="{DIRECTION.get(lang, "ltr")}">\n'
            f'<button type="button" aria-label="{words["hide_label"]}">{words["hide"]}</button>\n'
            f'<h2 id="{OVERLAY_ID}-heading">{words["heading_" + state]}</h2>\n'
            f'<p id="{OVERLAY_ID}-intro">{words["intro_" + state]}</p>\n'
            f'<p>{words["count_one"] if len(problems) == 1 else words["count"].format(count=len(problems))}</p>\n'
            f'<ol dir="ltr" lang="en">\n{lines}\n</ol>\n'
            f"<script>{_SCRIPT}</script>\n"
            f"</div><!-- /{OVERLAY_ID} -->\n")


def with_overlay(html: str, problems: list[str], stale: bool = True) -> str:
    """The page without any earlier notice and, when there are problems, with the notice first
    in its body (first in reading and focus order), in the page's language, and its style in
    the head (where HTML wants a <style>)."""
    html = _cut(_cut(html, f'<div id="{OVERLAY_ID}"', f"<!-- /{OVERLAY_ID} -->\n"),
                f'<style id="{OVERLAY_ID}-style">', "</style>\n")
    head_end, body = _HEAD_END.search(html), _BODY.search(html)
    if not problems or head_end is None or body is None:
        return html
    lang = _LANG.search(html)
    notice = overlay_html(problems, lang.group(1) if lang else "en", stale)
    return (f'{html[:head_end.start()]}<style id="{OVERLAY_ID}-style">{_STYLE}</style>\n'
            f"{html[head_end.start():body.end()]}{notice}{html[body.end():]}")


def _cut(html: str, start: str, end: str) -> str:
    """`html` without the first run from `start` to `end` (both included), if it has one."""
    first = html.find(start)
    last = html.find(end, first) if first >= 0 else -1
    return html if last < 0 else html[:first] + html[last + len(end):]


def as_served(html: str) -> str:
    """A page as `serve` writes it, as MkDocs builds it: with the reload script, which its policy
    allows (and the notice's script, for when serve_pages adds the notice)."""
    return with_scripts_allowed(with_reload(html), _SCRIPTS)


def serve_pages(site: Path, problems: list[str], stale: bool) -> int:
    """Every page of the built site as served: with the reload script and, when there are
    problems, the notice (an earlier notice taken off: a `serve --dirty` build leaves unchanged
    pages as they were); the number of pages rewritten. `stale`: the pages are the last good ones."""
    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = with_reload(with_overlay(text, problems, stale))
        if new != text:
            page.write_text(with_scripts_allowed(new, _SCRIPTS), encoding="utf-8")
            changed += 1
    return changed


# MkDocs' server adds its own live-reload script to every page it serves, inline and with a
# number of that response in its text, so no policy computed at build time can allow it: the
# browser blocks it (one console error a page) and would never reload, neither to show the
# notice nor to take it off. This one, allowed by its hash, asks the same address of the server
# (`/livereload/<build>/<id>`, which MkDocs and ProperDocs answer with the number of the last
# good build, at once when it is newer than the one asked about, or after a minute). It learns
# the current number first, so a build that ends between the page's answer and that first
# question is missed (the next one reloads it).
_RELOAD_SCRIPT = """(function () {
  var build = 0, id = String(Math.floor(Math.random() * 1e9)), request = null;
  function poll() {
    if (request || document.visibilityState !== "visible") return;
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var latest = parseFloat(this.responseText), ok = this.status === 200 && latest > 0;
      request = null;
      if (ok && build && latest > build) { location.reload(); return; }
      if (ok) build = latest;
      setTimeout(poll, ok ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + build + "/" + id);
    request.send();
  }
  document.addEventListener("visibilitychange", poll);
  poll();
})();"""
_RELOAD = f'<script id="explainer-serve-reload">{_RELOAD_SCRIPT}</script>'
_SCRIPTS = f"<script>{_SCRIPT}</script>{_RELOAD}"  # what serve adds: the page's policy allows them


def with_reload(html: str) -> str:
    """The page with the reload script once, at the end of its body."""
    if _RELOAD in html:
        return html
    end = html.rfind("</body>")
    return html if end < 0 else f"{html[:end]}{_RELOAD}\n{html[end:]}"
