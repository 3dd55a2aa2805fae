"""The typefaces we ship (tools/build_fonts.py): the Arabic one keeps Arabic joining; together
they hold every letter, mark, digit and punctuation mark the built pages show; every face
swaps; the copy inlined for file:// is the same fonts; no page waits for a font stylesheet."""
from __future__ import annotations

import base64
import json
import io
import re
import unicodedata

from bs4 import BeautifulSoup
from conftest import ROOT
from fontTools.ttLib import TTFont

PARTIAL = ROOT / "explainer/theme/partials/explainer-fonts.html"
FACE = re.compile(r"@font-face\{((?:[^{}]|\{\{[^}]*\}\})*)\}")  # a Jinja {{ ... }} may sit inside
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def descriptors(rule: str) -> dict[str, str]:
    return dict(part.split(":", 1) for part in re.split(r";(?![^(]*\))", rule))  # not data:...;base64


def in_range(codepoint: int, unicode_range: str) -> bool:
    for run in unicode_range.split(","):
        low, _, high = run.removeprefix("U+").partition("-")
        if int(low, 16) <= codepoint <= int(high or low, 16):
            return True
    return False


def range_points(unicode_range: str) -> set[int]:
    """Every code point a unicode-range descriptor names."""
    points = set()
    for run in unicode_range.split(","):
        low, _, high = run.strip().removeprefix("U+").partition("-")
        points.update(range(int(low, 16), int(high or low, 16) + 1))
    return points


def shipped_faces() -> dict[tuple[str, str], tuple[TTFont, str, bytes]]:
    """(family, weight) -> (the WOFF2 file the partial loads, its unicode-range, its bytes)."""
    faces = {}
    for rule in FACE.findall(PARTIAL.read_text(encoding="utf-8")):
        d = descriptors(rule)
        file = re.search(r"'(assets/fonts/[^']+\.woff2)'", d["src"])
        if file:
            data = (ROOT / "explainer/theme" / file[1]).read_bytes()
            faces[d["font-family"].strip('"'), d["font-weight"]] = (TTFont(io.BytesIO(data)), d["unicode-range"], data)
    assert set(faces) == {(f, w) for f in ("Explainer Naskh", "Explainer Serif") for w in ("400", "700")}
    return faces


def test_arabic_face_covers_every_character_of_the_report_and_joins():
    text = (ROOT / "data/source/article-ar.txt").read_text(encoding="utf-8")
    arabic = set(ARABIC_SCRIPT.findall(text))
    assert len(arabic) > 30
    for (family, _), (face, unicode_range, _) in shipped_faces().items():
        if family != "Explainer Naskh":
            continue
        assert not [c for c in arabic if ord(c) not in face.getBestCmap() or not in_range(ord(c), unicode_range)]
        features = {record.FeatureTag for record in face["GSUB"].table.FeatureList.FeatureRecord}
        assert {"init", "medi", "fina", "rlig"} <= features
        assert "mark" in {r.FeatureTag for r in face["GPOS"].table.FeatureList.FeatureRecord}


def page_characters(html: str) -> set[str]:
    """The letters, marks, digits and punctuation a reader sees: text, and the previews our
    script shows on citations. Symbols (arrows, the flag) are left to the system's fonts."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "head"]):
        tag.decompose()
    text = soup.get_text() + "".join(tag["data-preview"] for tag in soup.select("[data-preview]"))
    return {c for c in text if unicodedata.category(c)[0] in "LMNP" or c == " "}


def test_every_character_on_every_page_is_in_our_faces(real_site):
    """A page showing a character our files lack would fall back to a system font there:
    run tools/build_fonts.py after a build to add it."""
    faces = shipped_faces()
    missing = {}
    for page in sorted(real_site.rglob("*.html")):
        for c in page_characters(page.read_text(encoding="utf-8")):
            family = "Explainer Naskh" if ARABIC_SCRIPT.match(c) else "Explainer Serif"
            for weight in ("400", "700"):
                face, unicode_range, _ = faces[family, weight]
                if ord(c) not in face.getBestCmap() or not in_range(ord(c), unicode_range):
                    missing.setdefault(f"{c} U+{ord(c):04X} ({family} {weight})", page.name)
    assert not missing


def test_every_face_swaps_and_no_page_waits_for_a_font_stylesheet(real_site):
    for page in [real_site / "index.html", real_site / "ar" / "report.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        rules = [r for style in soup.find_all("style") for r in FACE.findall(style.get_text())]
        assert len(rules) >= 4
        assert all(descriptors(r).get("font-display") == "swap" for r in rules)
        # The fonts' rules are inline; the stylesheets the page waits for hold no @font-face.
        for link in soup.select('link[rel="stylesheet"]:not([media="print"])'):
            assert "@font-face" not in (page.parent / link["href"]).read_text(encoding="utf-8")
    offline = (ROOT / "explainer/theme/assets/stylesheets/fonts.css").read_text(encoding="ascii")
    assert FACE.findall(offline) and all(descriptors(r)["font-display"] == "swap" for r in FACE.findall(offline))


def test_the_file_copy_holds_the_same_fonts():
    """fonts.css (loaded only from file://) must not drift from the files hosted pages load."""
    offline = {}
    for rule in FACE.findall((ROOT / "explainer/theme/assets/stylesheets/fonts.css").read_text(encoding="ascii")):
        d = descriptors(rule)
        data = re.search(r"base64,([A-Za-z0-9+/=]+)", d["src"])[1]
        offline[d["font-family"].strip('"'), d["font-weight"]] = (base64.b64decode(data), d["unicode-range"])
    faces = shipped_faces()
    assert set(offline) == set(faces)
    for key, (_, unicode_range, data) in faces.items():
        assert offline[key] == (data, unicode_range)


def test_fallback_faces_are_local_fonts_scaled_to_ours():
    """The faces the browser draws with until ours arrive: installed fonts only (no download),
    each with all four metric overrides, so that the swap keeps every line where it was."""
    rules = [descriptors(r) for r in FACE.findall(PARTIAL.read_text(encoding="utf-8")) if "local(" in r]
    assert {r["font-family"].strip('"').split(" Fallback")[0] for r in rules} == {"Explainer Naskh", "Explainer Serif"}
    for rule in rules:
        assert "url(" not in rule["src"]
        for metric in ("size-adjust", "ascent-override", "descent-override", "line-gap-override"):
            assert re.fullmatch(r"\d+\.\d+%", rule[metric]), rule


def preload_table() -> tuple[list[dict], dict[str, list[str]]]:
    """The table of our font files and the font stacks the partial chooses its preloads from."""
    text = PARTIAL.read_text(encoding="ascii")
    faces = json.loads(re.search(r"\{%- set faces = (.*?) %\}", text).group(1))
    stacks = json.loads(re.search(r"\{%- set stacks = (.*?) %\}", text).group(1))
    return faces, stacks


def test_the_preload_table_agrees_with_the_face_rules():
    """The two outputs of tools/build_fonts.py for each file (its @font-face rule and its row in
    the table the preloads are chosen from) name the same family, weight and characters."""
    faces, _ = preload_table()
    rules = [descriptors(rule) for rule in FACE.findall(PARTIAL.read_text(encoding="ascii")) if "url(" in rule]
    assert len(rules) == len(faces) == 4
    for face in faces:
        rule = next(r for r in rules if face["file"] in r["src"])
        assert rule["font-family"].strip('"') == face["family"] and int(rule["font-weight"]) == face["weight"]
        points = {p for first, last in face["ranges"] for p in range(first, last + 1)}
        assert points == range_points(rule["unicode-range"])


def test_the_first_screen_estimate_picks_the_faces_its_text_needs():
    from explainer.pages_out.font_preloads import FIRST_SCREEN_CHARACTERS, faces_drawn, first_screen_runs
    faces, stacks = preload_table()

    def preloads(site_name, content, language):
        title = "الصفحة" if language == "ar" else "Page"
        return [f.rsplit("/", 1)[1] for f in faces_drawn(first_screen_runs(site_name, title, content, language),
                                                          faces, stacks)]
    latin = "An English paragraph. " * 10
    assert preloads("Site", f"<h1>Title</h1><p>{latin}</p>", "en") == ["serif-400.woff2", "serif-700.woff2"]
    quote = '<blockquote lang="ar" dir="rtl"><p>قال المصدر</p></blockquote>'
    assert "naskh-400.woff2" in preloads("Site", f"<h1>Title</h1>{quote}", "en")
    # Arabic far down the page, or inside a closed <details>, is not on the first screen.
    far = "x" * (FIRST_SCREEN_CHARACTERS["other"] + 10)
    assert "naskh-400.woff2" not in preloads("Site", f"<p>{far}</p>{quote}", "en")
    assert "naskh-400.woff2" not in preloads("Site", f"<details><summary>Note</summary>{quote}</details>", "en")
    assert "naskh-400.woff2" in preloads("Site", f"<details open><summary>Note</summary>{quote}</details>", "en")
    # An Arabic page: Arabic in both weights; the punctuation of its dates (تموز/يوليو) is in
    # the Arabic face too, so only a Latin word brings the Latin face in.
    assert preloads("بصرى الشام، 4 تموز/يوليو", "<p>نص عربي (2018)</p>", "ar") == ["naskh-400.woff2", "naskh-700.woff2"]
    assert preloads("بصرى الشام", "<p>نص عربي <bdi>p1-s1</bdi></p>", "ar") == [
        "naskh-400.woff2", "naskh-700.woff2", "serif-400.woff2"]
