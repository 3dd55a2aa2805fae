"""The Arabic typeface we ship covers the whole report and keeps Arabic joining."""
from __future__ import annotations

import base64
import io
import re

from conftest import ROOT
from fontTools.ttLib import TTFont


def shipped_faces() -> list[TTFont]:
    css = (ROOT / "overrides/assets/stylesheets/fonts.css").read_text(encoding="ascii")
    blobs = re.findall(r"url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)", css)
    assert len(blobs) == 2  # regular and bold
    return [TTFont(io.BytesIO(base64.b64decode(blob))) for blob in blobs]


def test_font_covers_every_arabic_character_of_the_report_and_joins():
    text = (ROOT / "data/source/article-ar.txt").read_text(encoding="utf-8")
    arabic = {c for c in text if "\u0600" <= c <= "\u06ff"}
    assert len(arabic) > 30
    for face in shipped_faces():
        cmap = face.getBestCmap()
        assert not [c for c in arabic if ord(c) not in cmap]
        features = {record.FeatureTag for record in face["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features
        assert "mark" in {r.FeatureTag for r in face["GPOS"].table.FeatureList.FeatureRecord}
