"""The share image: one 1200×630 PNG per language (the size link previews ask for), with the
event's title, date and place on the site's own typefaces, named by every page's `og:image`.

Drawn at build time with Pillow, offline. Arabic must be shaped (letters joined, right to
left): only Pillow's raqm layout does that (libraqm with FriBiDi and HarfBuzz); its basic
layout draws each letter in its isolated form, left to right, which is unreadable. So a build
without raqm stops with a located message rather than publish such an image.

An image is made again only when what it is made from changes: its texts, the font files and
the versions of Pillow and of its layout libraries (the cache key; build_cache.py).
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from ..build_cache import cache_key, read_entry, write_atomically
from ..data_in.load import load_yaml
from ..languages import DIRECTION, LANGUAGES
from ..problems.errors import AuthorErrors, Problem
from ..problems.locate import locate
from .labels import LABELS

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
FONTS = Path(__file__).resolve().parents[1] / "theme" / "assets" / "fonts"
# Each language's faces (bold for the title, regular for the date and place): the site's own.
FACES = {"en": ("serif-700.woff2", "serif-400.woff2"), "ar": ("naskh-700.woff2", "naskh-400.woff2")}
# The theme's colours (mkdocs.yml: primary blue grey, accent deep orange).
INK, MUTED, PAPER, ACCENT = "#263238", "#455a64", "#eceff1", "#ff6e40"
TITLE_SIZES = (72, 64, 56, 48, 42)  # the largest that fits in three lines is used
LINE_SIZE = 36


@dataclass(frozen=True)
class ShareImage:
    lang: str
    path: str  # inside the built site: assets/share/<lang>-<hash of the image>.png
    png: bytes
    alt: str  # what it shows, in its language (og:image:alt)
    width: int = WIDTH
    height: int = HEIGHT


def share_images(data, project: Path, cache: Path | None) -> dict[str, ShareImage]:
    """Each language's share image, from the cache when its inputs are unchanged; AuthorErrors
    located at the title when Pillow cannot shape Arabic."""
    if any(DIRECTION[lang] == "rtl" for lang in LANGUAGES):
        require_raqm(project)
    images = {}
    for lang in LANGUAGES:
        title, line = card_texts(data, lang)
        png = _cached(cache, lang, title, line)
        name = f"assets/share/{lang}-{hashlib.sha256(png).hexdigest()[:12]}.png"
        images[lang] = ShareImage(lang, name, png, alt=f"{title}. {line}.")
    return images


def card_texts(data, lang: str) -> tuple[str, str]:
    """What the image says in `lang`: the title, and the date and place on one line."""
    event = data.models["event"]
    place = data.by_id["places"].get(event.place) if event.place else None
    details = [getattr(event.date_label, lang), getattr(place.name, lang) if place else ""]
    return getattr(event.title, lang), LABELS[lang]["list_separator"].join(part for part in details if part)


def write_share_images(site: Path, images: dict[str, ShareImage]) -> None:
    """Write the images into the built site."""
    for image in images.values():
        target = site / image.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(image.png)


def require_raqm(project: Path) -> None:
    """Stop, located at the Arabic title, when Pillow has no raqm layout to shape it."""
    from PIL import features
    if features.check("raqm"):
        return
    line, column = 1, 1
    loaded = load_yaml(project, "data/event.yaml")
    if not isinstance(loaded, Problem):
        line, column, _ = locate(loaded.tree, ("title", "ar"))
    raise AuthorErrors([Problem(
        "data/event.yaml", line, column, "title.ar",
        "the share image cannot be drawn: Pillow's raqm layout, which shapes Arabic, is not available "
        "(it needs the libraries libraqm or FriBiDi, e.g. Debian's libfribidi0); install it "
        "(./run does, as root) and build again")])


def render(title: str, line: str, lang: str, layout=None) -> bytes:
    """The image as PNG bytes. `layout` is Pillow's layout engine (raqm unless told: the
    tests draw with the basic one to show the difference)."""
    from PIL import Image, ImageDraw, ImageFont
    layout = ImageFont.Layout.RAQM if layout is None else layout
    rtl = DIRECTION[lang] == "rtl"
    options = {"direction": "rtl", "language": lang} if rtl and layout == ImageFont.Layout.RAQM else {}
    bold, regular = (str(FONTS / face) for face in FACES[lang])
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    width = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        font = ImageFont.truetype(bold, size, layout_engine=layout)
        lines = _wrap(title, font, width, options)
        if len(lines) <= 3:
            break
    small = ImageFont.truetype(regular, LINE_SIZE, layout_engine=layout)
    x, anchor = (WIDTH - MARGIN, "rs") if rtl else (MARGIN, "ls")  # on the baseline
    # The block (title lines, the accent bar, the date and place) is laid out on baselines
    # set from the type size (Naskh's own ascent and descent, made for stacked marks, would
    # space its lines half again as far as the serif's), then centred vertically.
    ascent, descent, leading = round(size * 1.05), round(size * 0.35), round(size * 1.5)
    small_ascent, small_descent = round(LINE_SIZE * 1.05), round(LINE_SIZE * 0.35)
    gap = 40
    height = leading * (len(lines) - 1) + ascent + descent + gap + 8 + gap + small_ascent + small_descent
    y = (HEIGHT - height) // 2 + ascent
    for text in lines:
        draw.text((x, y), text, font=font, fill=INK, anchor=anchor, **options)
        y += leading
    y += descent - leading + gap
    bar = (WIDTH - MARGIN - 96, y, WIDTH - MARGIN, y + 8) if rtl else (MARGIN, y, MARGIN + 96, y + 8)
    draw.rectangle(bar, fill=ACCENT)
    draw.text((x, y + 8 + gap + small_ascent), line, font=small, fill=MUTED, anchor=anchor, **options)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _wrap(text: str, font, width: int, options: dict) -> list[str]:
    """The words of `text` in lines no wider than `width`, as drawn."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}", **options) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _cached(cache: Path | None, lang: str, title: str, line: str) -> bytes:
    from PIL import __version__ as pillow, features
    fonts = [(FONTS / face).read_bytes() for face in FACES[lang]]
    key = cache_key("share-image", lang, title, line, *fonts, pillow,
                    *(str(features.version(name)) for name in ("raqm", "fribidi", "harfbuzz", "freetype2")))
    entry = cache / "share" / f"{lang}-{key}.png" if cache else None
    png = read_entry(entry) if entry else None
    if png is None:
        png = render(title, line, lang)
        if entry:
            write_atomically(entry, png, replaces=f"{lang}-*.png")
    return png
