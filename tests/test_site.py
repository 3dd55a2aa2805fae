"""The built publication, read as HTML: every page in both languages, lang/dir, language
switch, links and anchors, the verbatim report, and nothing loaded from another host."""
from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import LANGS, PAGES, ROOT, parse
from ruamel.yaml import YAML


def all_built_pages(site: Path) -> list[str]:
    return [f"{prefix}{page}" for prefix, _ in LANGS.values() for page in PAGES]


def test_every_page_exists_in_both_languages_with_lang_and_dir(real_site):
    assert len(PAGES) >= 9
    for lang, (prefix, direction) in LANGS.items():
        for page in PAGES:
            html = parse(real_site, prefix + page).html
            assert (html["lang"], html["dir"]) == (lang, direction), prefix + page


def test_language_switch_points_to_the_twin(real_site):
    for prefix, _ in LANGS.values():
        for page in PAGES:
            soup = parse(real_site, prefix + page)
            for other, (other_prefix, _) in LANGS.items():
                link = soup.select_one(f'a.md-select__link[hreflang="{other}"]')
                target = posixpath.normpath(posixpath.join(posixpath.dirname(prefix + page), link["href"]))
                assert target == other_prefix + page, (prefix + page, other, link["href"])


def test_every_internal_link_and_anchor_resolves(real_site):
    ids: dict[str, set[str]] = {}
    checked = 0
    for page in all_built_pages(real_site):
        for anchor in parse(real_site, page).find_all("a", href=True):
            parts = urlsplit(anchor["href"])
            if parts.scheme or anchor["href"].startswith("//"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            if target.endswith("/"):
                target += "index.html"
            assert (real_site / target).is_file(), f"{page}: {anchor['href']}"
            if parts.fragment and target.endswith(".html"):
                if target not in ids:
                    ids[target] = {e["id"] for e in parse(real_site, target).find_all(id=True)}
                assert parts.fragment in ids[target], f"{page}: {anchor['href']}"
                checked += 1
    assert checked > 100  # citations, glossary terms, sentences: the macros' links were checked


def test_report_page_reproduces_the_source_verbatim(real_site):
    """The Arabic shown on the report page, in order, is the source file: only the white
    space between sentences (spaces, line breaks) is left to the layout."""
    source = (ROOT / "../shared/source/article-ar.txt").resolve()
    source = source if source.exists() else ROOT / "data/source/article-ar.txt"
    text = source.read_text(encoding="utf-8")
    for prefix in ("", "ar/"):
        originals = [p.get_text() for p in parse(real_site, prefix + "report.html").select(".sentence p.original")]
        position = 0
        for original in originals:
            skipped_to = text.index(original, position)
            assert text[position:skipped_to].strip() == "", (prefix, original[:30])
            position = skipped_to + len(original)
        assert position == len(text)


def test_every_sentence_is_translated_and_anchored_in_both_languages(real_site):
    report = YAML(typ="safe").load((ROOT / "data/report.yaml").read_text(encoding="utf-8"))
    sentence_ids = [s["id"] for p in report["paragraphs"] for s in p["sentences"]]
    english = parse(real_site, "report.html")
    arabic = parse(real_site, "ar/report.html")
    assert [d["id"] for d in english.select(".reader .sentence")] == sentence_ids
    assert [d["id"] for d in arabic.select(".reader .sentence")] == sentence_ids
    for soup in (english, arabic):
        translations = [d.select_one("p.translation").get_text(strip=True) for d in soup.select(".reader .sentence")]
        assert all(translations) and len(translations) == len(sentence_ids)
    # The Arabic page shows the original only until the reader asks for the English.
    assert arabic.select_one('input[name="display"][checked]')["value"] == "ar"
    assert english.select_one('input[name="display"][checked]')["value"] == "side"
    # The nine points read as a numbered list.
    assert [li["id"] for li in english.select("ol.report-list > li.sentence")] == [f"p5-s{n}" for n in range(1, 10)]


def test_nothing_is_loaded_from_another_host(real_site):
    for page in all_built_pages(real_site):
        soup = parse(real_site, page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in soup.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and element.get("rel") in (["alternate"], ["canonical"]):
                    continue
                assert not urlsplit(value).scheme and not value.startswith("//"), f"{page}: {element}"
    css = (real_site / "assets/stylesheets/fonts.css").read_text(encoding="ascii")
    assert "url(data:font/woff2;base64," in css and "http" not in css


def test_materials_unused_scripts_are_not_in_the_site(real_site):
    """Material's bundle, search worker and lunr files (2.3 MB) are left out: our main.html loads
    none of them, and they would only weigh down the offline archive."""
    scripts = real_site / "assets" / "javascripts"
    assert not [path.name for path in scripts.glob("bundle.*")]
    assert not (scripts / "workers").exists() and not (scripts / "lunr").exists()
    assert list(scripts.glob("*.js")), "the site still holds the scripts our theme loads"


def test_each_source_is_set_in_its_own_languages_direction(real_site):
    """A source's title and excerpt run in the direction of the source's language: dir="auto"
    skipped the <bdi> around each run of the other script and set Arabic left to right on the
    English page (its first strong letter outside them was Latin) and English right to left."""
    for lang in LANGS:
        soup = parse(real_site, f"{'' if lang == 'en' else lang + '/'}sources.html")
        entries = soup.select("ol.sources > li")
        assert entries and "<cite" not in soup.select_one("ol.sources").get_text()  # markup, not text
        for entry in entries:
            for element in entry.select("cite[lang], span.supports[lang]"):
                expected = "rtl" if element["lang"] == "ar" else "ltr"
                assert element.get("dir") == expected, (lang, entry["id"], element.name, element.get("dir"))
