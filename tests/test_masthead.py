"""The masthead (issue 24): who publishes the site, when, where to send a correction and the
offline copy, from the explainer plugin's `masthead:` option in mkdocs.yml; in every page's footer in the page's
language, on the about page, in print with the page's address; a wrong field refused with its
line; and the offline copy consistent inside itself (no link to a file it cannot hold)."""
from __future__ import annotations

import re
import zipfile

from conftest import LANGS, edit, error_lines, mkdocs_build, pages_of, parse


def test_a_wrong_masthead_field_is_refused_at_its_line(mini):
    edit(mini, "mkdocs.yml", 'publisher: !ENV [EXPLAINER_PUBLISHER, ""]', 'publisher: "Example Desk"')
    edit(mini, "mkdocs.yml", 'first_published: !ENV [EXPLAINER_FIRST_PUBLISHED, ""]', 'first_published: "July 2018"')
    edit(mini, "mkdocs.yml", 'contact: !ENV [EXPLAINER_CONTACT, ""]', 'contact: "javascript:alert(1)"')
    lines = (mini / "mkdocs.yml").read_text(encoding="utf-8").splitlines()

    def at(field: str) -> str:
        number = next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{field}:"))
        return f"mkdocs.yml:{number}:9: plugins.explainer.masthead.{field}: "

    result = mkdocs_build(mini)
    assert result.returncode != 0
    errors = error_lines(result.stdout + result.stderr)
    assert any(e.startswith(at("first_published") + "expected the date of the first edition as YYYY-MM-DD")
               for e in errors), errors
    assert any(e.startswith(at("contact") + "expected an https:// address or a mailto: address") for e in errors), errors
    assert "Traceback" not in result.stdout + result.stderr
    assert not (mini / "site").exists()


def test_a_configured_masthead_is_in_every_footer_in_the_pages_language(mini, monkeypatch, page):
    monkeypatch.setenv("EXPLAINER_PUBLISHER", "Example Desk <b>")
    monkeypatch.setenv("EXPLAINER_FIRST_PUBLISHED", "2018-07-06")
    monkeypatch.setenv("EXPLAINER_CONTACT", "https://example.org/corrections")
    monkeypatch.setenv("EXPLAINER_SITE_URL", "https://news.example.org/explainer/")
    result = mkdocs_build(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    site = mini / "site"
    expected = {"en": ("Published by", "First published 6\u00a0July 2018", "Last updated"),
                "ar": ("الناشر:", "نُشر أول مرة في 6\u00a0تموز/\u2060يوليو 2018", "آخر تحديث في")}
    for lang, (prefix, _) in LANGS.items():
        for name in pages_of(mini):
            masthead = parse(site, f"{prefix}{name}").select_one("footer .masthead")
            text = masthead.get_text("")
            assert all(words in text for words in expected[lang]), (lang, name, text)
            assert masthead.select_one("bdi").get_text() == "Example Desk <b>"  # text, not markup
            assert masthead.select_one('a[href="https://example.org/corrections"]') is not None
            offline = masthead.select_one("a.offline-copy")["href"]
            assert (site / prefix / name).parent.joinpath(offline).resolve().is_file(), (name, offline)
            # In print only, the page's own address on the published site.
            assert masthead.select_one(".print-only bdi").get_text() == f"https://news.example.org/explainer/{prefix}{name}"
    # On paper: the masthead with the page's address, without the link to the offline copy.
    for path in ("report.html", "ar/report.html"):
        page.goto((site / path).resolve().as_uri())
        page.emulate_media(media="print")
        shown = page.evaluate("""() => [...document.querySelectorAll('footer .masthead > *')]
            .filter(e => e.getBoundingClientRect().width > 0).map(e => e.textContent)""")
        assert any(f"https://news.example.org/explainer/{path}" in text for text in shown), shown
        assert any("Example Desk" in text for text in shown) and not any(".zip" in t or "zip" in t for t in shown[-2:-1])
        assert page.locator("footer a.offline-copy").evaluate("e => e.getBoundingClientRect().width") == 0
    # Inside the offline copy, its own links lead to the published archive.
    archive = next(site.glob("*.zip"))
    with zipfile.ZipFile(archive) as copy:
        about = copy.read(next(n for n in copy.namelist() if n.endswith("/about.html"))).decode()
    assert f'href="https://news.example.org/explainer/{archive.name}"' in about


def test_the_masthead_is_on_the_about_page_and_the_offline_copy_on_the_home_page(real_site):
    for lang, (prefix, _) in LANGS.items():
        about = parse(real_site, f"{prefix}about.html")
        assert about.select_one("article .masthead time[datetime]") is not None
        home = parse(real_site, f"{prefix}index.html")
        # The way in comes first: right under the title, the annotated report, then the offline copy.
        way_in = home.select_one("article h1 + .way-in")
        assert way_in.select_one("a.way-in-report")["href"] == "report.html"
        assert way_in.select_one("a.offline-copy")["href"].endswith(".zip")


def test_with_the_editions_off_the_about_page_does_not_offer_them(real_site):
    """The tests build with EXPLAINER_EDITIONS=false: the about page's sentence saying the
    publication is also a book goes with the links it introduced, and the home page keeps no
    empty paragraph where its links were."""
    for lang, (prefix, _) in LANGS.items():
        for page, words in (("about.html", {"en": "e-reader", "ar": "قارئ الكتب"}[lang]), ("index.html", None)):
            article = parse(real_site, f"{prefix}{page}").select_one("article")
            assert not article.select(".editions"), (lang, page)
            assert words is None or words not in article.get_text(), (lang, page)
            assert [p for p in article.find_all("p") if not p.get_text(strip=True) and not p.find(True)] == [], (lang, page)


def test_the_offline_copy_has_no_link_to_a_file_it_does_not_hold(real_site):
    archive = next(real_site.glob("*.zip"))
    with zipfile.ZipFile(archive) as copy:
        names = set(copy.namelist())
        root = next(iter(names)).split("/")[0]
        dangling = []
        for name in names:
            if not name.endswith(".html") or name.endswith("404.html"):
                continue
            folder = name.rsplit("/", 1)[0]
            for href in re.findall(r'href="([^"#?:]+\.zip)"', copy.read(name).decode()):
                target = "/".join(part for part in f"{folder}/{href}".split("/") if part)
                while "/../" in f"/{target}/":
                    target = re.sub(r"[^/]+/\.\./", "", target, count=1)
                if target not in names:
                    dangling.append((name, href))
    assert root and not dangling, dangling[:5]


def test_a_malformed_contact_address_is_a_located_problem_not_a_traceback(tmp_path):
    from explainer.pages_out.masthead import read_masthead
    from explainer.problems.errors import AuthorErrors
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - explainer:\n      masthead:\n        contact: \"https://[x\"\n", encoding="utf-8")
    try:
        read_masthead({"contact": "https://[x"}, config, 0)
    except AuthorErrors as errors:
        assert [str(p) for p in errors.problems] == [
            "mkdocs.yml:4:9: plugins.explainer.masthead.contact: expected an https:// address or a mailto: address, "
            "found 'https://[x'; give where readers send corrections, or leave it empty"]
    else:
        raise AssertionError("a malformed contact address was accepted")
