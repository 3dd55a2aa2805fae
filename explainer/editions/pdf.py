"""The PDF edition, by WeasyPrint: HTML and CSS to PDF with no browser, shaping Arabic through
Pango and HarfBuzz, embedding (subsets of) the fonts it uses, with an outline from the headings
and live links. Imported only in the process that makes the editions (its import takes a second)."""
from __future__ import annotations

from pathlib import Path

from .stylesheet import stylesheet

FONTS = Path(__file__).resolve().parent.parent / "theme" / "assets" / "fonts"


def render_pdf(document: str) -> bytes:
    """`document` (the edition's XHTML, no stylesheet link) as PDF bytes, on our own faces."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    css = CSS(string=stylesheet(FONTS.as_uri() + "/", paged=True), font_config=fonts)
    # The base URL only resolves the fonts' file URLs: the document loads nothing else.
    return HTML(string=document, base_url=FONTS.as_uri() + "/").write_pdf(stylesheets=[css], font_config=fonts)
