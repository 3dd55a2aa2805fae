"""Escape data for the place it lands in, so that YAML text can never inject HTML, script or
Markdown syntax into a page. Jinja's autoescape knows HTML only; our pages are Markdown."""
from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters that start Markdown inline syntax (emphasis, links, code, attr lists, tables).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|-])")


# A run of Arabic words (with the spaces and Arabic punctuation between them), and a run of
# Latin words (letters, digits, apostrophes, hyphens; never a final full stop, which belongs
# to the surrounding sentence).
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF](?:[\u0600-\u06FF\u200c-\u200f\s]*[\u0600-\u06FF])?")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9’'\-]*(?:\s+[A-Za-z0-9][A-Za-z0-9’'\-]*)*")


def _escape(value: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(value, quote=True))


def text(value: object, lang: str | None = None) -> Markup:
    """Plain text inside Markdown: HTML-escaped, Markdown punctuation backslash-escaped, and
    on a page in `lang`, runs of the other script isolated in <bdi>, so that an Arabic phrase
    quoted in English (or a Latin name in Arabic) keeps its quotation marks and brackets in the
    right places."""
    value = str(value)
    if lang not in ("en", "ar"):
        return Markup(_escape(value))
    minority, tag = ((_ARABIC_RUN, '<bdi lang="ar" dir="rtl">') if lang == "en"
                     else (_LATIN_RUN, '<bdi dir="ltr">'))
    parts, position = [], 0
    for run in minority.finditer(value):
        parts.append(_escape(value[position:run.start()]))
        parts.append(f"{tag}{_escape(run.group())}</bdi>")
        position = run.end()
    parts.append(_escape(value[position:]))
    return Markup("".join(parts))


def html_text(value: object) -> Markup:
    """Text inside a raw HTML block, where Markdown is not parsed: HTML-escaping is enough."""
    return Markup(html.escape(str(value), quote=True))


def attribute(value: object) -> Markup:
    """A value inside a double-quoted attribute (HTML or attr_list)."""
    return Markup(html.escape(str(value), quote=True).replace("{", "&#123;").replace("}", "&#125;"))


def finalizer(lang: str):
    """Jinja `finalize` for pages in `lang`: anything printed with {{ }} is escaped (and its
    other-script runs isolated) unless a macro already made it markup."""
    def finalize(value: object) -> object:
        return value if isinstance(value, Markup) else text(value, lang)
    return finalize
