"""The publication's languages, in one place: every module that loops over them or needs a
page's direction reads them here (their words are in pages_out/labels.py)."""
from __future__ import annotations

LANGUAGES = ("en", "ar")
"""The site's languages, the default (the site's root) first."""
DEFAULT = LANGUAGES[0]
DIRECTION = {"en": "ltr", "ar": "rtl"}
