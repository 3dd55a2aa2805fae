"""The editions' stylesheet: edition.css with the fonts' location, and for the PDF the page rules."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def stylesheet(fonts: str, paged: bool = False) -> str:
    """edition.css with its faces at `fonts` (a URL prefix ending in '/'); with print.css after it
    for paged media."""
    css = (_HERE / "edition.css").read_text(encoding="utf-8").replace("FONTS/", fonts)
    return css + ((_HERE / "print.css").read_text(encoding="utf-8") if paged else "")
