"""The links to the editions, on the home and about pages and in the masthead, with each file's
size. The pages are rendered before the editions exist (they are made alongside MkDocs' build),
so a link carries an empty size marker that `with_sizes` fills once the files are there (in
the post-build pipeline's one read of each page: site_built/pipeline.py)."""
from __future__ import annotations

import re
from html import escape

from ..languages import LANGUAGES
from ..pages_out.labels import LABELS

FOLDER = "editions"  # in the site: site/editions/<name>-<lang>.pdf
_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}
_MARKER = re.compile(r'<span class="edition-size" data-edition="([^"]+)"></span>')
# The links, and the paragraph around them when they are all of it: an empty <p> would leave a gap.
_LINKS = re.compile(r'<p><span class="editions">.*?</span><!--/editions--></p>\n?'
                    r'|<span class="editions">.*?</span><!--/editions-->', re.DOTALL)
_PAGE_LANG = re.compile(r'<html[^>]*\slang="([a-z]+)"')


def edition_links(name: str, lang: str, prefix: str, languages=LANGUAGES, intro: bool | str = True) -> str:
    """Inline HTML: the words before the links (the default offer; none if `intro` is false;
    a page's own sentence if it is text, taken out with the links when there are none), then a
    link to each edition in `languages` (`prefix`: the way from the page to the site's root)."""
    words = LABELS[lang]["editions"]
    links = []
    for edition_lang in languages:
        for kind in ("pdf", "epub"):
            file = f"{name}-{edition_lang}.{kind}"
            label = escape(words["link"]).replace("{format}", words[kind]).replace(
                "{language}", escape(words["languages"][edition_lang])).replace(
                "{size}", f'<span class="edition-size" data-edition="{file}"></span>')
            links.append(f'<a href="{prefix}{FOLDER}/{file}" type="{_TYPES[kind]}" hreflang="{edition_lang}">{label}</a>')
    words = f'{escape(intro if isinstance(intro, str) else words["offer"])} ' if intro else ""
    return f'<span class="editions">{words}' + " · ".join(links) + "</span><!--/editions-->"


def size_text(size: int, lang: str) -> str:
    """'420 KB', '1.3 MB' (in the page's language)."""
    words = LABELS[lang]["editions"]
    if size < 1_000_000:
        return words["kb"].format(n=max(1, round(size / 1000)))
    return words["mb"].format(n=f"{size / 1_000_000:.1f}")


def with_sizes(html: str, sizes: dict[str, int] | None) -> str:
    """A built page with each edition's size in its links; with no editions (`None`: turned off,
    or under serve), without the links."""
    if 'class="editions"' not in html:
        return html
    if sizes is None:
        return _LINKS.sub("", html)
    found = _PAGE_LANG.search(html)
    lang = found.group(1) if found and found.group(1) in LABELS else LANGUAGES[0]
    return _MARKER.sub(lambda m: f'<span class="edition-size">{size_text(sizes.get(m.group(1), 0), lang)}</span>', html)
