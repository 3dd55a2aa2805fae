"""A site ready to host: the real publication as the suite builds it (conftest.real_site, with
mkdocs.yml's site_url), served over HTTP, and every page's canonical URL, hreflang twins,
title, description, Open Graph and Twitter fields parsed and checked; the sitemap and
robots.txt; the 404 page of each language; the page descriptions the engine requires; and the
offline archive, unzipped and read from file:// in Chromium."""
from __future__ import annotations

import re
import urllib.request
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, make_project

from explainer.pages_out.render import build_docs
from explainer.problems.errors import AuthorErrors
from explainer.site_built.offline_archive import write_offline_archive

LANGUAGES = {"en": "", "ar": "ar/"}  # each language's folder in the site
ARABIC = re.compile("[\u0600-\u06ff]")


def _config() -> dict:
    """mkdocs.yml as data (its !ENV tag read as its default)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


# The host the pages name: mkdocs.yml's site_url, which the suite's build of the real site keeps
# (a build of its own with EXPLAINER_SITE_URL cost the run a third build of the real site; that
# the variable is obeyed is tested on the small fixture: test_masthead, test_structured_data).
SITE_URL = _config()["site_url"]


def _site_names() -> dict[str, str]:
    config = _config()
    languages = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]
    return {lang["locale"]: lang.get("site_name", config["site_name"]) for lang in languages}


def _pages() -> list[tuple[str, str]]:
    """(language, path inside its folder) of every page, from content/."""
    return [(lang, md.relative_to(ROOT / "content" / lang).with_suffix(".html").as_posix())
            for lang in LANGUAGES for md in sorted((ROOT / "content" / lang).rglob("*.md"))]


def _front_description(lang: str, inner: str) -> str:
    text = (ROOT / "content" / lang / inner).with_suffix(".md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])["description"]


def _fetch(server: str, url: str) -> tuple[int, bytes]:
    """GET an absolute URL of the site from the local server (same path, our host)."""
    assert url.startswith(SITE_URL), url
    with urllib.request.urlopen(server + "/" + url[len(SITE_URL):]) as response:
        return response.status, response.read()


def _head(html: bytes) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _meta(soup: BeautifulSoup, **attrs) -> str | None:
    """The content of the one <meta> with these attributes (name= or property=)."""
    tag = soup.find("meta", attrs=attrs.get("attrs", attrs))
    return tag["content"] if tag else None


def test_every_page_names_its_url_its_twins_title_and_description(server):
    names = _site_names()
    descriptions: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    for lang, inner in _pages():
        url = SITE_URL + LANGUAGES[lang] + inner
        status, html = _fetch(server, url)
        assert status == 200
        soup = _head(html)
        where = f"{lang}/{inner}"
        assert soup.html["lang"] == lang, where
        assert [link["href"] for link in soup.find_all("link", rel="canonical")] == [url], where
        twins = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        assert twins == {"en": SITE_URL + inner, "ar": SITE_URL + "ar/" + inner, "x-default": SITE_URL + inner}, where
        for twin in twins.values():
            assert _fetch(server, twin)[0] == 200, twin
        heading = _unjoined(soup.find("h1").get_text(" ", strip=True))
        home = inner == "index.html"
        expected_title = names[lang] if home else f"{heading} – {names[lang]}"
        assert _unjoined(soup.title.get_text()) == expected_title, where
        description = _meta(soup, attrs={"name": "description"})
        assert description == _front_description(lang, inner), where
        assert bool(ARABIC.search(description)) == (lang == "ar"), where
        descriptions[lang].add(description)
        assert _meta(soup, property="og:url") == url
        assert _unjoined(_meta(soup, property="og:title")) == (names[lang] if home else heading)
        assert _meta(soup, property="og:description") == description
        assert _meta(soup, property="og:site_name") == names[lang]
        assert _meta(soup, property="og:type") == ("website" if home else "article")
        assert _meta(soup, property="og:locale").split("_")[0] == lang
        assert [m["content"].split("_")[0] for m in soup.find_all("meta", property="og:locale:alternate")] == \
            [other for other in LANGUAGES if other != lang]
        # A share image is drawn 1200×630 for the large card.
        assert _meta(soup, attrs={"name": "twitter:card"}) == "summary_large_image"
    for lang, found in descriptions.items():
        assert len(found) == len([p for p in _pages() if p[0] == lang]), f"{lang}: a description is used twice"


def test_sitemap_lists_every_page_with_its_twins_and_robots_names_it(server, real_site):
    status, body = _fetch(server, SITE_URL + "sitemap.xml")
    assert status == 200
    spaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    listed = {}
    for entry in ElementTree.fromstring(body).findall("s:url", spaces):
        listed[entry.find("s:loc", spaces).text] = {
            link.get("hreflang"): link.get("href") for link in entry.findall("x:link", spaces) if link.get("rel") == "alternate"}
    expected = {}
    for lang, inner in _pages():
        soup = _head((real_site / LANGUAGES[lang] / inner).read_bytes())
        canonical = soup.find("link", rel="canonical")["href"]
        expected[canonical] = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    assert listed == expected
    assert SITE_URL + "404.html" not in listed and SITE_URL + "ar/404.html" not in listed
    # One sitemap, at the root, as robots.txt names it (Material's bundle, no longer loaded,
    # wanted a copy next to each language's pages).
    assert not (real_site / "ar" / "sitemap.xml").exists()
    robots = _fetch(server, SITE_URL + "robots.txt")[1].decode()
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_404_page_in_each_language_links_home_and_to_the_report(server, real_site, lang):
    status, html = _fetch(server, SITE_URL + LANGUAGES[lang] + "404.html")
    assert status == 200
    soup = _head(html)
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == ("rtl" if lang == "ar" else "ltr")
    assert _meta(soup, attrs={"name": "robots"}) == "noindex"
    assert soup.find("link", rel="canonical") is None
    heading = soup.find("h1").get_text(strip=True)
    assert bool(ARABIC.search(heading)) == (lang == "ar")
    assert names_in(soup.title.get_text(), _site_names()[lang])
    article = soup.find("article") or soup
    links = [a["href"] for a in article.find_all("a", href=True) if a.find_parent("ul") and not a.find_parent("nav")]
    report_title = _unjoined(_head((real_site / LANGUAGES[lang] / "report.html").read_bytes()).find("h1").get_text(" ", strip=True))
    # The host serves this page at any address, so its links start at the site's root.
    assert "/" + LANGUAGES[lang] + "index.html" in links
    assert "/" + LANGUAGES[lang] + "report.html" in links
    assert _unjoined(article.find("a", href="/" + LANGUAGES[lang] + "report.html").get_text(" ", strip=True)) == report_title
    for link in links:
        assert _fetch(server, SITE_URL + link.lstrip("/"))[0] == 200
    # The language switch of a page with no twin goes to each language's home.
    switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
    assert switch == {"en": "/index.html", "ar": "/ar/index.html"}


def names_in(title: str, site_name: str) -> bool:
    return title.endswith(" – " + site_name) and len(title) > len(site_name) + 3


def test_off_the_host_the_absolute_alternates_make_no_request(server, page):
    """The hreflang alternates and the canonical link name the published host; served from
    anywhere else (a local server, a file:// copy) they stay, for what reads them, and the
    page sends nothing to that host."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server + "/ar/report.html")
    page.wait_for_load_state("networkidle")
    assert page.locator("link[rel=alternate][hreflang]").count() == 3  # en, ar, x-default
    assert page.locator("link[rel=canonical]").count() == 1
    assert [url for url in requests if not url.startswith(server)] == []


# --- descriptions, required by the engine -----------------------------------------------------

def _problems(project: Path) -> list[str]:
    with pytest.raises(AuthorErrors) as raised:
        build_docs(project)
    return [str(problem) for problem in raised.value.problems]


def test_once_a_page_has_a_description_every_page_needs_one(mini):
    page = mini / "content/en/index.md"
    page.write_text('---\ndescription: "A test page."\n---\n' + page.read_text(encoding="utf-8"), encoding="utf-8")
    problems = _problems(mini)
    others = sorted(p.relative_to(mini).as_posix() for p in (mini / "content").rglob("*.md") if p != page)
    assert problems == [f"{path}:1:1: description: this page has no description; start the file with three lines: "
                        "'---', 'description: one or two sentences about this page', '---'" for path in others]


def test_the_real_pages_all_have_a_description_and_a_missing_one_is_located(tmp_path):
    project = make_project(tmp_path / "project")
    build_docs(project)  # every page of the publication has its description
    page = project / "content/ar/places.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S), encoding="utf-8")
    assert [p for p in _problems(project)] == [
        "content/ar/places.md:1:1: description: this page has no description; start the file with three lines: "
        "'---', 'description: one or two sentences about this page', '---'"]


@pytest.mark.parametrize("front, message", [
    ("description: ''\n", "content/en/about.md:2:14: description: expected a sentence or two about this page, "
                          "found nothing; write the page's summary (quote it if it holds a colon)"),
    ("description: TODO\n", "content/en/about.md:2:14: description: is still TODO; write the page's summary "
                            "(only a draft build accepts TODO)"),
    ("description: Fine.\ntitel: x\n", "content/en/about.md:3:1: titel: unknown field in the front matter; "
                                       "a page's front matter holds only description"),
    ("description: !!str x\n", "content/en/about.md:2:14: tag 'tag:yaml.org,2002:str': data files do not use YAML "
                               "tags; remove it (quote a value to make it text)"),
    ("description: [a\n", "content/en/about.md:3:1: invalid YAML in the front matter: did not find expected ',' "
                          "or ']'; fix the syntax here"),
])
def test_a_wrong_front_matter_is_located(mini, front, message):
    for md in (mini / "content").rglob("*.md"):  # every other page described, so only this one is wrong
        if md.relative_to(mini).as_posix() != "content/en/about.md":
            md.write_text("---\ndescription: A page.\n---\n" + md.read_text(encoding="utf-8"), encoding="utf-8")
    page = mini / "content/en/about.md"
    page.write_text("---\n" + front + "---\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    assert _problems(mini) == [message]


# --- the offline archive ----------------------------------------------------------------------

def _archive(site: Path) -> Path:
    event = yaml.safe_load((ROOT / "data/event.yaml").read_text(encoding="utf-8"))
    return site / f"{event['place']}-{event['date'].isoformat()}.zip"


def test_archive_holds_the_whole_site_in_one_folder_deterministically(real_site, tmp_path):
    archive = _archive(real_site)
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        stamps = {info.date_time for info in opened.infolist()}
    folder = archive.stem + "/"
    files = sorted(p.relative_to(real_site).as_posix() for p in real_site.rglob("*") if p.is_file() and p != archive)
    assert names == [folder + name for name in files]
    assert folder + archive.name not in names
    assert len(stamps) == 1
    # The same site gives the same bytes.
    copy = tmp_path / "site"
    for name in files:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((real_site / name).read_bytes())
    assert write_offline_archive(copy, archive.stem, 1_530_662_400).read_bytes() == \
        write_offline_archive(copy, archive.stem, 1_530_662_400).read_bytes()


def test_archive_deflates_text_and_stores_what_is_compressed_already(real_site):
    """Fonts and images are compressed formats: deflating them again costs build time for nothing."""
    with zipfile.ZipFile(_archive(real_site)) as opened:
        methods = {info.filename.rsplit(".", 1)[-1]: info.compress_type for info in opened.infolist()}
    assert methods["woff2"] == methods["png"] == zipfile.ZIP_STORED
    assert methods["html"] == methods["css"] == methods["js"] == zipfile.ZIP_DEFLATED


def test_archive_opens_from_disk_in_both_languages(real_site, tmp_path, page):
    archive = _archive(real_site)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(tmp_path)
    folder = tmp_path / archive.stem
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((folder / "index.html").as_uri())
    assert page.locator("h1").first.inner_text() == _head((real_site / "index.html").read_bytes()).find("h1").get_text()
    page.goto((folder / "ar/index.html").as_uri())
    # A link followed from the disk: the Arabic home's link to the report.
    page.locator("article a[href^='report.html']").first.click()
    page.wait_for_url("**/" + archive.stem + "/ar/report.html*")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").first.inner_text() == _head((real_site / "ar/report.html").read_bytes()).find("h1").get_text()
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []


def test_about_pages_link_the_archive(real_site):
    archive = _archive(real_site)
    for lang, folder in LANGUAGES.items():
        soup = _head((real_site / folder / "about.html").read_bytes())
        section = soup.find(id="offline-copy")
        assert section is not None and section.name == "h2", lang
        link = section.find_next("a", href=re.compile(r"\.zip$"))
        assert (real_site / folder / link["href"]).resolve() == archive.resolve(), lang


def _unjoined(text: str) -> str:
    """A title as the head and the links write it: the page's own text keeps a date together
    on one line (a no-break space, a word joiner in «تموز/⁠يوليو»), which a title needs not."""
    return text.replace("\xa0", " ").replace("\u2060", "")
