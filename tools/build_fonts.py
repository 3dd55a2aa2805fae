"""Write our typefaces: subset WOFF2 files, the @font-face rules that load them, and an inlined
copy for pages read from file://.

Run after a build and `apt-get install fonts-noto-core fonts-liberation fonts-dejavu-core`:
    .venv/bin/python tools/build_fonts.py [SITE]      (SITE: the built site, default site/)

It writes
- explainer/theme/assets/fonts/<face>.woff2: Noto Naskh Arabic ("Explainer Naskh") and its Latin
  companion Noto Serif ("Explainer Serif", matching weight, x-height and colour), regular and
  bold, cut down to the characters the built site uses (every page and our own scripts) plus
  printable ASCII and the basic Arabic letters and marks, so that a new word rarely needs a new
  run; Arabic keeps every OpenType layout feature (joining forms, marks), Latin the few it uses.
- explainer/theme/partials/explainer-fonts.html: the @font-face rules inline in the page (1-2 KiB, so
  no render-blocking stylesheet), each with `font-display: swap` and the unicode-range of the
  characters its file really holds (a page with no Arabic character never fetches the Arabic
  face); a preload of the faces the page's first screen draws (chosen per page by
  explainer/pages_out/font_preloads.py from the table of files written here); metric-compatible
  fallback faces (local system fonts scaled with size-adjust and ascent/descent/line-gap
  overrides computed here from both fonts' real metrics), so the swap moves no line.
- explainer/theme/assets/stylesheets/fonts.css: the same faces inlined as data: URIs, which only pages
  opened from file:// load (a three-line script in the partial). Firefox refuses a font file
  from outside the page's own folder under file:// (security.fileuri.strict_origin_policy),
  which would hit every /ar/ page read offline; a data: URI has no folder. Hosted readers
  never download it.

Fonts: Noto (SIL Open Font License 1.1) from Debian's fonts-noto-core; the fallback metrics
from Liberation Serif (metric-compatible with Times New Roman) and DejaVu.
"""
from __future__ import annotations

import base64
import collections
import html
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

from fontTools import merge, subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem

DEBIAN_FONTS = Path("/usr/share/fonts/truetype")
FONTS_OUT = Path("explainer/theme/assets/fonts")
PARTIAL_OUT = Path("explainer/theme/partials/explainer-fonts.html")
INLINE_OUT = Path("explainer/theme/assets/stylesheets/fonts.css")

ARABIC_SCRIPT = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]
# Kept whatever the site uses today: printable ASCII, the Arabic letters, tashkeel and
# punctuation of Modern Standard Arabic, and the joiners and direction marks.
BASE = {*range(0x20, 0x7F), *range(0x060C, 0x060D), 0x061B, 0x061F, *range(0x0621, 0x0653),
        0x0640, 0x00AB, 0x00BB, *range(0x200C, 0x2010)}
LATIN_FEATURES = ["kern", "liga", "calt", "ccmp", "locl", "mark", "mkmk"]
# (family, file stem, features, local fallbacks: (their family, Debian file giving their metrics,
# local() names per weight)). A fallback that is not installed is skipped by the browser.
TYPEFACES = {
    "naskh": ("Explainer Naskh", "noto/NotoNaskhArabic", ["*"], [
        ("Explainer Naskh Fallback", "noto/NotoNaskhArabic",  # Android, ChromeOS, most Linux
         {400: ["Noto Naskh Arabic", "NotoNaskhArabic-Regular"],
          700: ["Noto Naskh Arabic Bold", "NotoNaskhArabic-Bold"]}),
        ("Explainer Naskh Fallback Sans", "noto/NotoSansArabic",
         {400: ["Noto Sans Arabic", "NotoSansArabic-Regular"],
          700: ["Noto Sans Arabic Bold", "NotoSansArabic-Bold"]}),
        ("Explainer Naskh Fallback DejaVu", "dejavu/DejaVuSans",
         {400: ["DejaVu Sans", "DejaVuSans"], 700: ["DejaVu Sans Bold", "DejaVuSans-Bold"]}),
    ]),
    "serif": ("Explainer Serif", "noto/NotoSerif", LATIN_FEATURES, [
        ("Explainer Serif Fallback", "liberation/LiberationSerif",  # Windows, macOS, iOS; Linux
         {400: ["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "LiberationSerif", "Tinos"],
          700: ["Times New Roman Bold", "TimesNewRomanPS-BoldMT", "Liberation Serif Bold",
                "LiberationSerif-Bold", "Tinos Bold"]}),
        ("Explainer Serif Fallback DejaVu", "dejavu/DejaVuSerif",
         {400: ["DejaVu Serif", "DejaVuSerif"], 700: ["DejaVu Serif Bold", "DejaVuSerif-Bold"]}),
    ]),
}
WEIGHTS = {400: "Regular", 700: "Bold"}
DEJAVU_BOLD = {"dejavu/DejaVuSans": "dejavu/DejaVuSans-Bold", "dejavu/DejaVuSerif": "dejavu/DejaVuSerif-Bold"}


def is_arabic(codepoint: int) -> bool:
    return any(low <= codepoint <= high for low, high in ARABIC_SCRIPT)


def site_text(site: Path) -> str:
    """Every character a reader can be shown: the pages (markup is ASCII, so reading whole
    files adds nothing wrong) and our own scripts (labels they write), not Material's."""
    files = [*site.rglob("*.html"), *(site / "assets/javascripts").glob("*.js")]
    return "".join(p.read_text(encoding="utf-8") for p in files if not p.name.startswith("bundle."))


def reading_text(site: Path, arabic: bool) -> str:
    """The prose (paragraphs, without markup) of the pages in Arabic or of the others: the text
    whose line breaks must not move, so the widths are averaged over it (over all the text,
    lists of URLs and the digits of Arabic pages would weigh in: 1.5 % off on the prose)."""
    pages = (text for p in site.rglob("*.html") for text in [p.read_text(encoding="utf-8")]
             if bool(re.search(r'<html[^>]*\blang="ar"', text)) == arabic)
    paragraphs = (p for page in pages for p in re.findall(r"<p\b[^>]*>(.*?)</p>", page, flags=re.S))
    return html.unescape(re.sub(r"\s+", " ", " ".join(re.sub(r"<[^>]*>", "", p) for p in paragraphs)))


def source_font(stem: str, weight: int) -> Path:
    if stem in DEJAVU_BOLD and weight == 700:
        return DEBIAN_FONTS / f"{DEJAVU_BOLD[stem]}.ttf"
    return DEBIAN_FONTS / (f"{stem}.ttf" if stem.startswith("dejavu/") else f"{stem}-{WEIGHTS[weight]}.ttf")


def subset_font(path: Path, codepoints: set[int], features: list[str]) -> TTFont:
    """The face cut down to `codepoints` and `features`, unhinted (today's screens smooth
    outlines themselves; hinting was a third of each file), as WOFF2."""
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = features
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = TTFont(path, recalcTimestamp=False)  # same input, same bytes: keep the source's date
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.flavor = "woff2"
    return font


def with_punctuation_of(arabic: TTFont, latin_path: Path, codepoints: set[int]) -> TTFont:
    """The Arabic face with the Latin face's glyphs for the punctuation and symbols it lacks
    (`/ ( ) - % “ ”`...). Arabic text draws them from the Latin face anyway (the next in its font
    stack), so nothing looks different; but an Arabic page whose first screen has a date such
    as تموز/يوليو, and no Latin letter, no longer needs the Latin face for one slash (8 KiB
    per weight, which a phone would wait for). Latin letters stay in the Latin face alone."""
    own = set(arabic.getBestCmap())
    wanted = {c for c in codepoints if c not in own and unicodedata.category(chr(c))[0] in "PS"}
    latin = subset_font(latin_path, wanted, [])  # punctuation needs no kerning or substitution here
    if not latin.getBestCmap():  # the Latin face holds none of them either
        return arabic
    if latin["head"].unitsPerEm != arabic["head"].unitsPerEm:
        scale_upem(latin, arabic["head"].unitsPerEm)
    buffers = []
    for font in (arabic, latin):  # the merger reads font files: hand it both as plain TrueType
        font.flavor, buffer = None, io.BytesIO()
        font.save(buffer)
        buffer.seek(0)
        buffers.append(buffer)
    merged = merge.Merger().merge(buffers)  # the first font's tables and names win
    merged.flavor, merged.recalcTimestamp = "woff2", False
    for stamp in ("created", "modified"):  # the merger stamps the time of the run: keep the source's
        setattr(merged["head"], stamp, getattr(arabic["head"], stamp))
    return merged


def code_point_runs(codepoints: set[int]) -> list[list[int]]:
    """The code points as [first, last] runs of consecutive ones."""
    runs: list[list[int]] = []
    for point in sorted(codepoints):
        if runs and point == runs[-1][1] + 1:
            runs[-1][1] = point
        else:
            runs.append([point, point])
    return runs


def unicode_range(codepoints: set[int]) -> str:
    """CSS unicode-range of exactly these code points, runs written as ranges."""
    runs = code_point_runs(codepoints)
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in runs)


def average_advance(font: TTFont, weights: collections.Counter) -> float:
    """Mean advance width in em of the site's characters, weighted by how often each occurs:
    what decides where lines break."""
    cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    total = sum(n for c, n in weights.items() if c in cmap)
    return sum(hmtx[cmap[c]][0] * n for c, n in weights.items() if c in cmap) / total / upm


def fallback_metrics(web: TTFont, local: TTFont, weights: collections.Counter) -> dict[str, str]:
    """size-adjust makes the local font's text as wide as ours; the overrides (in the scaled
    font's em) give its lines our ascent, descent and gap, so nothing moves when ours arrives.
    hhea is what Chromium and Firefox use on Linux and macOS; Noto's OS/2 win/typo agree."""
    common = set(web.getBestCmap()) & set(local.getBestCmap())
    weights = collections.Counter({c: n for c, n in weights.items() if c in common})
    scale = average_advance(web, weights) / average_advance(local, weights)
    upm, hhea = web["head"].unitsPerEm, web["hhea"]
    return {"size-adjust": f"{scale * 100:.2f}%",
            "ascent-override": f"{hhea.ascent / upm / scale * 100:.2f}%",
            "descent-override": f"{-hhea.descent / upm / scale * 100:.2f}%",
            "line-gap-override": f"{hhea.lineGap / upm / scale * 100:.2f}%"}


def face_rule(family: str, weight: int, src: str, codepoints: set[int], extra: dict | None = None) -> str:
    props = {"font-family": f'"{family}"', "font-style": "normal", "font-weight": str(weight),
             "font-display": "swap", "src": src, **(extra or {}), "unicode-range": unicode_range(codepoints)}
    return "@font-face{" + ";".join(f"{k}:{v}" for k, v in props.items()) + "}"


def main(site: Path) -> None:
    text = site_text(site)
    used = {ord(c) for c in text if c.isprintable() or ord(c) in BASE}
    counts = {script: collections.Counter(ord(c) for c in reading_text(site, script == "naskh")
                                          if not c.isspace() or c == " ") for script in TYPEFACES}
    FONTS_OUT.mkdir(parents=True, exist_ok=True)
    url_rules, data_rules, fallback_rules, stacks, covered, faces = [], [], [], {}, set(), []
    for key, (family, stem, features, fallbacks) in TYPEFACES.items():
        for weight in WEIGHTS:
            font = subset_font(source_font(stem, weight), used | BASE, features)
            if key == "naskh":
                font = with_punctuation_of(font, source_font(TYPEFACES["serif"][1], weight), used | BASE)
            buffer = io.BytesIO()
            font.save(buffer)
            name = f"{key}-{weight}.woff2"
            (FONTS_OUT / name).write_bytes(buffer.getvalue())
            points = set(font.getBestCmap())
            covered |= points
            script = {c: n for c, n in counts[key].items()  # the script this face draws, and spaces
                      if c in points and (c == 0x20 or is_arabic(c) == (key == "naskh"))}
            faces.append({"file": f"assets/fonts/{name}", "family": family, "weight": weight,
                          "ranges": code_point_runs(points)})
            url_rules.append(face_rule(family, weight, "url({{ '%s' | url }}) format(\"woff2\")"
                                       % f"assets/fonts/{name}", points))
            data = base64.b64encode(buffer.getvalue()).decode("ascii")
            data_rules.append(face_rule(family, weight, f'url(data:font/woff2;base64,{data}) format("woff2")', points))
            for fallback, metrics_stem, names in fallbacks:
                local = TTFont(source_font(metrics_stem, weight))
                src = ",".join(f'local("{n}")' for n in names[weight])
                fallback_rules.append(face_rule(fallback, weight, src, points,
                                                fallback_metrics(font, local, collections.Counter(script))))
            print(f"{FONTS_OUT / name}: {len(buffer.getvalue()) / 1024:.1f} KiB, {len(points)} characters")
        stacks[key] = [family, *(f for f, _, _ in fallbacks)]
    missing = sorted(c for c in used if c not in covered and chr(c).isprintable() and not chr(c).isspace())
    if missing:  # drawn by the reader's system fonts
        print("not in our faces:", " ".join(f"{chr(c)} U+{c:04X}" for c in missing))
    latin = [stacks["serif"][0], stacks["naskh"][0], *stacks["serif"][1:], *stacks["naskh"][1:]]
    arabic = [stacks["naskh"][0], stacks["serif"][0], *stacks["naskh"][1:], *stacks["serif"][1:]]
    ours = {"ar": [stacks["naskh"][0], stacks["serif"][0]], "other": [stacks["serif"][0], stacks["naskh"][0]]}
    write_partial(latin, arabic, stacks["naskh"][1:], stacks["serif"][1:], url_rules + fallback_rules, faces, ours)
    INLINE_OUT.write_text("/* Generated by tools/build_fonts.py from Noto Naskh Arabic and Noto Serif (SIL OFL 1.1);"
                          " loaded only from file:// (see explainer/theme/partials/explainer-fonts.html). */\n"
                          + "\n".join(data_rules) + "\n", encoding="ascii")
    print(f"wrote {PARTIAL_OUT} and {INLINE_OUT} ({INLINE_OUT.stat().st_size // 1024} KiB)")


PARTIAL = """{#- Generated by tools/build_fonts.py; do not edit. Our typefaces: the faces this page's
    first screen draws are preloaded (explainer/pages_out/font_preloads.py decides which, from
    each file's characters and weight listed here); the rules are inline (no stylesheet to wait
    for); fallback faces are local fonts scaled to our metrics, so the swap moves nothing. -#}
{%- set faces = %(faces)s %}
{%- set stacks = %(stacks)s %}
<style>
:root{--explainer-latin-font:%(latin)s;--explainer-arabic-font:%(arabic)s;--explainer-arabic-local:%(local)s;--explainer-latin-local:%(latin_local)s}
%(rules)s
</style>
{#- Over HTTP, preload the faces the first screen draws (the engine's plugin chooses; a build
    without it, the benchmark's plain yardstick, preloads none). From file:// a font file is a
    cross-origin load that Chromium refuses (one console error per preload) and Firefox refuses
    from another folder (every /ar/ page): there, and only there, add the same faces inlined as
    data: URIs instead; defined later, they win. A script decides because only it knows the
    scheme; it runs while the head is parsed, before any text is laid out. #}
{%- set preloads = explainer_first_screen_faces(faces, stacks, page, config) if explainer_first_screen_faces is defined else [] %}
<script>if(location.protocol==="file:"){var l=document.createElement("link");l.rel="stylesheet";
l.href="{{ 'assets/stylesheets/fonts.css' | url }}";document.currentScript.after(l)}
{%- if preloads %}else{[{% for file in preloads %}{{ (file | url) | tojson }}{% if not loop.last %},{% endif %}{% endfor %}].forEach(function(h){
var l=document.createElement("link");l.rel="preload";l.as="font";l.type="font/woff2";l.crossOrigin="anonymous";l.href=h;document.head.appendChild(l)})}{% endif %}</script>
"""


def write_partial(latin: list[str], arabic: list[str], local: list[str], latin_local: list[str],
                  rules: list[str], faces: list[dict], ours: dict[str, list[str]]) -> None:
    """The partial, with the two font stacks (Latin text first, Arabic text first) and the
    local fonts alone of each script (for text that must not fetch our face) as CSS variables,
    and the table of our files the preloads are chosen from (a Jinja literal)."""
    def stack(families: list[str]) -> str:
        return ",".join(f'"{f}"' for f in families)
    text = PARTIAL
    for key, value in (("latin", stack(latin)), ("arabic", stack(arabic)), ("local", stack(local)),
                       ("latin_local", stack(latin_local)), ("faces", json.dumps(faces, ensure_ascii=True)),
                       ("stacks", json.dumps(ours)), ("rules", "\n".join(rules))):
        text = text.replace(f"%({key})s", value)
    PARTIAL_OUT.write_text(text, encoding="ascii")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
