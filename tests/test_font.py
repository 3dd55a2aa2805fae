"""The typefaces we ship: the Arabic one covers the whole report and keeps Arabic joining; the
Latin one covers every Latin character our data and pages use."""
from __future__ import annotations

import base64
import io
import re

from conftest import ROOT
from fontTools.ttLib import TTFont


def shipped_faces(family: str) -> list[TTFont]:
    css = (ROOT / "overrides/assets/stylesheets/fonts.css").read_text(encoding="ascii")
    blobs = re.findall(r'font-family:"%s"[^}]*url\(data:font/woff2;base64,([A-Za-z0-9+/=]+)\)' % family, css)
    assert len(blobs) == 2  # regular and bold
    return [TTFont(io.BytesIO(base64.b64decode(blob))) for blob in blobs]


def test_font_covers_every_arabic_character_of_the_report_and_joins():
    text = (ROOT / "data/source/article-ar.txt").read_text(encoding="utf-8")
    arabic = {c for c in text if "\u0600" <= c <= "\u06ff"}
    assert len(arabic) > 30
    for face in shipped_faces("Explainer Naskh"):
        cmap = face.getBestCmap()
        assert not [c for c in arabic if ord(c) not in cmap]
        features = {record.FeatureTag for record in face["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features
        assert "mark" in {r.FeatureTag for r in face["GPOS"].table.FeatureList.FeatureRecord}


def test_latin_face_covers_every_latin_character_we_write():
    texts = [p.read_text(encoding="utf-8") for p in [*(ROOT / "data").glob("*.yaml"), *(ROOT / "content").rglob("*.md")]]
    latin = {c for text in texts for c in text
             if c.isprintable() and not ("\u0600" <= c <= "\u06ff") and c not in "«»⚑"}
    assert {"ā", "’", "“", "–"} <= latin
    for face in shipped_faces("Explainer Serif"):
        cmap = face.getBestCmap()
        assert not sorted(c for c in latin if ord(c) not in cmap)
        assert "kern" in {r.FeatureTag for r in face["GPOS"].table.FeatureList.FeatureRecord}
