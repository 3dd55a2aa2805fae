"""Escape data for the place it lands in, so that YAML text can never inject HTML, script or
Markdown syntax into a page. Jinja's autoescape knows HTML only; our pages are Markdown."""
from __future__ import annotations

import html
import re

from markupsafe import Markup

# Characters that start Markdown inline syntax (emphasis, links, code, attr lists, tables).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|-])")


def text(value: object) -> Markup:
    """Plain text inside Markdown: HTML-escaped, then Markdown punctuation backslash-escaped."""
    escaped = html.escape(str(value), quote=True)
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def html_text(value: object) -> Markup:
    """Text inside a raw HTML block, where Markdown is not parsed: HTML-escaping is enough."""
    return Markup(html.escape(str(value), quote=True))


def attribute(value: object) -> Markup:
    """A value inside a double-quoted attribute (HTML or attr_list)."""
    return Markup(html.escape(str(value), quote=True).replace("{", "&#123;").replace("}", "&#125;"))


def finalize(value: object) -> object:
    """Jinja `finalize`: anything an author prints with {{ }} is escaped unless a macro made it."""
    if isinstance(value, Markup):
        return value
    return text(value)
