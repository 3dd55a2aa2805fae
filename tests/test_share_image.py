"""The share image (issue 26): one 1200×630 PNG per language, named by every page of that
language by its absolute address, with its size and a description in the page's language; its
Arabic shaped by raqm (never drawn letter by letter); a build without raqm stopped at a
located line; an unchanged image taken from the cache."""
from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFont

from conftest import LANGS, PAGES, ROOT, parse, real_data
from explainer.pages_out import share_image
from explainer.problems.errors import AuthorErrors

SITE_URL = "https://explainer.invalid/"  # mkdocs.yml's placeholder, which the test build keeps


def meta(soup, name: str) -> str:
    tag = soup.find("meta", property=name) or soup.find("meta", attrs={"name": name})
    assert tag is not None, name
    return tag["content"]


def test_every_page_names_its_languages_image_by_its_absolute_address(real_site):
    data = real_data()
    for lang, (folder, _) in LANGS.items():
        addresses = set()
        for page in PAGES:
            soup = parse(real_site, folder + page)
            address = meta(soup, "og:image")
            assert address.startswith(f"{SITE_URL}assets/share/{lang}-") and address.endswith(".png"), address
            assert meta(soup, "twitter:image") == address
            assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
            title, line = share_image.card_texts(data, lang)
            assert meta(soup, "og:image:alt") == f"{title}. {line}."
            assert getattr(data.models["event"].title, lang) in meta(soup, "og:image:alt")
            addresses.add(address)
        assert len(addresses) == 1  # one image per language
        with Image.open(real_site / addresses.pop()[len(SITE_URL):]) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))


def test_the_arabic_image_is_shaped_by_raqm(real_site):
    soup = parse(real_site, "ar/index.html")
    built = (real_site / meta(soup, "og:image")[len(SITE_URL):]).read_bytes()
    title, line = share_image.card_texts(real_data(), "ar")
    shaped = share_image.render(title, line, "ar", layout=ImageFont.Layout.RAQM)
    unshaped = share_image.render(title, line, "ar", layout=ImageFont.Layout.BASIC)
    # The build drew what raqm draws, and raqm's drawing is not the basic layout's (isolated
    # letters, left to right): the pixels differ, not only the bytes.
    assert built == shaped
    assert Image.open(io.BytesIO(shaped)).tobytes() != Image.open(io.BytesIO(unshaped)).tobytes()
    # Joined letters are narrower than isolated ones: the title measures shorter when shaped.
    face = str(share_image.FONTS / share_image.FACES["ar"][0])
    widths = [ImageFont.truetype(face, 72, layout_engine=engine).getlength(title)
              for engine in (ImageFont.Layout.RAQM, ImageFont.Layout.BASIC)]
    assert widths[0] < widths[1] * 0.9, widths


def test_without_raqm_the_build_stops_at_the_arabic_title(monkeypatch):
    from PIL import features
    real_check = features.check
    monkeypatch.setattr(features, "check", lambda name: False if name == "raqm" else real_check(name))
    with pytest.raises(AuthorErrors) as raised:
        share_image.share_images(real_data(), ROOT, None)
    lines = (ROOT / "data/event.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.strip().startswith("ar:"))  # title.ar comes first
    column = lines[line - 1].index('"') + 1
    assert [str(p) for p in raised.value.problems] == [
        f"data/event.yaml:{line}:{column}: title.ar: the share image cannot be drawn: Pillow's raqm layout, "
        "which shapes Arabic, is not available (it needs the libraries libraqm or FriBiDi, e.g. Debian's "
        "libfribidi0); install it (./run does, as root) and build again"]


def test_an_unchanged_image_comes_from_the_cache(tmp_path, monkeypatch):
    first = share_image.share_images(real_data(), ROOT, tmp_path)
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "share").glob("*.png")) == ["ar", "en"]

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again, though nothing changed")
    monkeypatch.setattr(share_image, "render", no_drawing)
    again = share_image.share_images(real_data(), ROOT, tmp_path)
    assert {lang: image.png for lang, image in again.items()} == {lang: image.png for lang, image in first.items()}
