"""What a publication owes its readers besides the text: the licences named on every page in
its own language, the about page on licences and on the reproduced report, and tests that
run on a machine without root (a Chromium named by CHROMIUM)."""
from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import LANGS, PAGES, ROOT, parse

CC_BY = "https://creativecommons.org/licenses/by/4.0/legalcode"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def footer_licence(soup):
    return soup.select_one("footer .md-copyright .md-copyright__highlight")


def test_every_page_names_both_licences_in_its_own_language(real_site):
    texts = {}
    for lang, (prefix, _) in LANGS.items():
        for page in PAGES:
            footer = footer_licence(parse(real_site, prefix + page))
            assert footer is not None, f"{prefix}{page}: no licence in the footer"
            hrefs = {a["href"] for a in footer.find_all("a")}
            assert CC_BY in hrefs and any("mit" in href.lower() for href in hrefs), (prefix + page, hrefs)
            text = footer.get_text(" ", strip=True)
            letters = re.findall(r"[^\W\d_]", text)
            arabic = sum(bool(ARABIC_LETTER.match(c)) for c in letters) / len(letters)
            assert (arabic > 0.6) if lang == "ar" else (arabic == 0), (prefix + page, text)
            texts.setdefault(lang, set()).add(text)
    assert all(len(found) == 1 for found in texts.values()), texts  # one footer per language
    assert texts["en"] != texts["ar"]


def section_links(soup, section: str) -> list[str]:
    """The link targets of one h2 section of a page, up to the next h2."""
    heading = soup.find("h2", id=section)
    assert heading is not None, f"no section #{section}"
    links = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        links.extend(a["href"] for a in element.find_all("a", href=True))
    return links


def test_the_about_page_covers_licences_and_the_reproduced_report(real_site):
    for prefix, _ in LANGS.values():
        soup = parse(real_site, prefix + "about.html")
        licence = section_links(soup, "licence")
        assert CC_BY in licence, (prefix, licence)
        font_licence = next(href for href in licence if href.endswith("NOTO-LICENSE.txt"))
        assert (real_site / prefix / font_licence).resolve().is_file(), font_licence
        # How to ask for the report's removal: the page's own way of reaching us.
        assert "#report-an-error" in section_links(soup, "reproduced-report"), prefix
        assert soup.find("h2", id="report-an-error") is not None


def test_the_tests_use_the_chromium_that_CHROMIUM_names(tmp_path):
    browser = tmp_path / "my-chromium"
    code = "import conftest; print(conftest.CHROMIUM)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT / "tests", capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(browser)}, timeout=60)
    assert result.stdout.strip() == str(browser), result.stderr
