"""The report and the roadmap on paper, in both languages: printed to PDF by Chromium, whose
text (read back with pypdf) holds our notes, closed on screen, and the URLs of the sources
cited, and none of the navigation or the reader's controls; in print media the display mode
chosen on screen is kept, the page's chrome is hidden, and the Arabic keeps its typeface."""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BROKEN_WORDS, once_per_run, real_data

from explainer.pages_out.reader import note_anchor

pypdf = pytest.importorskip("pypdf")

DATA = real_data()
URLS = {source.id: source.url for source in DATA.sources.sources}
# Words of one script only, letters without vowel marks: such a word comes out of a PDF whole.
WORD = {"en": re.compile(r"[A-Za-z]+"), "ar": re.compile(r"[\u0621-\u064a]+")}


def letters(text: str) -> str:
    """Letters and digits only: spaces and punctuation come out of a PDF wherever their glyphs
    were drawn (a full stop before or after an Arabic word), so comparisons leave them out."""
    return re.sub(r"\W", "", text)


def phrase(text: str, lang: str, length: int = 6) -> list[str] | None:
    """The first run of `length` words of the language's script in a text."""
    run: list[str] = []
    for word in text.split():
        run = run + [word] if WORD[lang].fullmatch(word) else []
        if len(run) == length:
            return run
    return None


@dataclass
class Printed:
    """A page as printed: its HTML, parsed, and the PDF Chromium made of it, with its text.

    pypdf gives the words of a right-to-left line in reading order or from left to right, as
    the font maps its glyphs, and reorders lines that mix scripts only roughly; so a text is
    looked for in both orders of each line's words, and a phrase as words near each other."""

    soup: BeautifulSoup
    pdf: pypdf.PdfReader
    lines: list[str]  # the PDF's text, line by line (text_lines)

    def __post_init__(self):
        self.orders = [letters("".join(self.lines)),
                       letters("".join(" ".join(reversed(line.split())) for line in self.lines))]
        # Letters and digits apart: pypdf may glue a number to the Arabic word beside it ("بين6").
        words = [set(re.findall(r"[^\W\d_]+|\d+", line)) for line in self.lines]
        self.windows = [set().union(*words[i:i + 3]) for i in range(len(words))]

    def has(self, text: str) -> bool:
        """Whether the letters of `text` are printed, in one piece."""
        return any(letters(text) in order for order in self.orders)

    def has_words(self, words: list[str]) -> bool:
        """Whether all these words are printed within three lines of each other."""
        return any(set(words) <= window for window in self.windows)


REPORTS = (("en", "report.html"), ("ar", "ar/report.html"))


def text_lines(pdf: bytes) -> list[str]:
    """The text pypdf reads from a PDF, line by line: some 5 s of CPU for a printed report, so
    read once for the run, with the PDF, rather than by every worker."""
    return [line for sheet in pypdf.PdfReader(io.BytesIO(pdf)).pages for line in sheet.extract_text().splitlines()]


class PrintedReports(dict):
    """Each language's report page printed to A4, as a reader would print it from the file
    system: once for the run, by whichever worker asks first for that language, so that two
    workers print the two languages at once (some 10 s each) rather than one waiting for both."""

    def __init__(self, browser, real_site, tmp_path_factory):
        super().__init__()
        self.browser, self.real_site, self.tmp_path_factory = browser, real_site, tmp_path_factory

    def __missing__(self, lang: str) -> Printed:
        path = dict(REPORTS)[lang]

        def make(folder: Path) -> None:
            page = self.browser.new_page()
            page.goto((self.real_site.resolve() / path).as_uri())
            page.evaluate("document.fonts.ready")
            pdf = page.pdf(format="A4")
            (folder / "printed.pdf").write_bytes(pdf)
            (folder / "text.json").write_text(json.dumps(text_lines(pdf)), encoding="utf-8")
            page.close()
        folder = once_per_run(self.tmp_path_factory, f"printed-{lang}", make)
        self[lang] = Printed(BeautifulSoup((self.real_site / path).read_text(encoding="utf-8"), "html.parser"),
                             pypdf.PdfReader(io.BytesIO((folder / "printed.pdf").read_bytes())),
                             json.loads((folder / "text.json").read_text(encoding="utf-8")))
        return self[lang]


@pytest.fixture(scope="module")
def printed(browser, real_site, tmp_path_factory) -> PrintedReports:
    return PrintedReports(browser, real_site, tmp_path_factory)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_citations_print_the_urls_of_their_sources(printed, lang):
    cited = {link["href"].split("#src-", 1)[1] for link in printed[lang].soup.select("article sup.cite a")}
    # A URL short enough to sit on one line comes out of the PDF in one piece in both scripts.
    short = sorted(URLS[source] for source in cited if len(URLS[source]) <= 45 and URLS[source].isascii())
    assert len(short) >= 3
    assert [url for url in short if not printed[lang].has(url)] == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_notes_closed_on_screen_are_printed(printed, lang):
    # (Material's script opens every <details> when the browser prints; print.css opens them
    # without it: see test_print_media_hides_the_chrome_and_opens_the_notes.)
    soup = printed[lang].soup
    notes = [(note_anchor(sentence.id, index), phrase(getattr(note, lang), lang))
             for paragraph in DATA.report.paragraphs for sentence in paragraph.sentences
             for index, note in enumerate(sentence.notes)]
    notes = [(anchor, words) for anchor, words in notes if words]
    assert len(notes) >= 10
    for anchor, _ in notes:  # closed on the page: in a <details> without `open`
        assert soup.select_one(f"details:not([open]) #{anchor}") is not None
    # Every one of them, to the end of the page.
    assert [anchor for anchor, words in notes if not printed[lang].has_words(words)] == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_navigation_and_controls_are_not_printed(printed, lang):
    soup = printed[lang].soup
    article = BeautifulSoup(str(soup.select_one("article")), "html.parser")
    for control in article.select(".reader-controls"):
        control.decompose()
    own_text = letters(article.get_text(" "))  # the page's own words
    chrome = [element.get_text(" ") for element in soup.select(
        ".md-header .md-ellipsis, .md-header .md-select__link, .md-nav--primary .md-nav__link, "
        ".reader-controls legend, .reader-controls label, .reader-controls button, .sentence-tools .copy-link")]
    chrome = {letters(words) for words in chrome} - {""}
    only_chrome = {words for words in chrome if words not in own_text}
    assert len(only_chrome) >= 5
    # What is printed is read back: the title is there, so an absence means something.
    heading = soup.select_one("article h1").get_text(" ")
    # A heading with a date: pypdf may order a line that mixes Arabic and digits loosely.
    assert printed[lang].has(heading) or printed[lang].has_words(re.findall(r"[^\W\d_]+|\d+", heading))
    assert sorted(words for words in only_chrome if printed[lang].has(words)) == []


def test_the_arabic_prints_in_our_typeface(printed, page, real_site):
    # The web font Chromium draws the Arabic with in print media is the one the PDF embeds.
    page.goto((real_site.resolve() / "ar/report.html").as_uri())
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready")
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "#p1-s2 p.original"})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    arabic = max(fonts, key=lambda font: font["glyphCount"])  # (the Latin face draws the spaces)
    assert arabic["isCustomFont"]
    # Embedded subsets are named "ABCDEF+PostScriptName" (a Type 3 font, drawn glyphs, has no name).
    embedded = {str(font.get("/BaseFont", "")).split("+", 1)[-1] for sheet in printed["ar"].pdf.pages[:2]
                for font in (f.get_object() for f in sheet["/Resources"]["/Font"].values())}
    assert arabic["postScriptName"] in embedded


def shown(page, selector: str) -> bool:
    """Whether an element is drawn: not display:none, nor inside a closed <details> (whose
    content is laid out but skipped, so its boxes have a size all the same)."""
    return page.locator(selector).first.evaluate("e => e.checkVisibility() && e.getClientRects().length > 0")


@pytest.mark.parametrize("path", ["report.html", "roadmap.html", "ar/report.html", "ar/roadmap.html"])
def test_print_media_hides_the_chrome_and_opens_the_notes(page, real_site, path):
    page.goto((real_site.resolve() / path).as_uri())
    report = path.endswith("report.html")  # the report has notes and "copy link" buttons
    chrome = [".md-header", ".md-sidebar--primary", ".reader-controls"]
    chrome += [".sentence-tools .copy-link"] if report else []
    assert all(page.locator(selector).count() for selector in chrome)
    closed_note = "details:not([open]) .note"
    assert (page.locator(closed_note).count() > 0) == report
    assert shown(page, ".md-nav--primary") and not (report and shown(page, closed_note))
    page.emulate_media(media="print")
    displays = {selector: page.locator(selector).first.evaluate("e => getComputedStyle(e).display")
                for selector in chrome}
    assert displays == dict.fromkeys(chrome, "none")
    assert not shown(page, ".md-nav--primary") and not shown(page, ".md-search")
    assert not report or shown(page, closed_note)
    text = page.locator(".sentence .original").first
    assert text.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert page.locator(".sentence-text").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


# The width of an A4 page inside print.css's margins, as the media queries of print see it:
# a wide screen's layout (side by side from 60em) must not be what makes the test pass.
PAPER = {"width": round((210 - 2 * 14) / 25.4 * 96), "height": 1000}


def test_print_keeps_the_display_mode_and_the_note_kinds_chosen(browser, real_site):
    page = browser.new_page(viewport=PAPER)
    page.goto((real_site.resolve() / "report.html").as_uri())
    original, translation = page.locator("#p1-s2 p.original"), page.locator("#p1-s2 p.translation")
    for mode in ("side", "interleaved", "en", "ar"):
        page.emulate_media(media="screen")
        # Set, not clicked: below 60em "interleaved" is offered once, by the radio of "side"
        # (explainer.css), and its own radio is hidden until chosen.
        page.locator(f'input[name="display"][value="{mode}"]').evaluate(
            "e => { e.checked = true; e.dispatchEvent(new Event('change', {bubbles: true})); }")
        page.emulate_media(media="print")
        assert (shown(page, "#p1-s2 p.original"), shown(page, "#p1-s2 p.translation")) == (
            mode != "en", mode != "ar"), mode
        if mode == "side":  # on paper as on a wide screen: the Arabic beside the English, on the right
            assert abs(original.bounding_box()["y"] - translation.bounding_box()["y"]) < 5
            assert original.bounding_box()["x"] > translation.bounding_box()["x"] + 100
        if mode == "interleaved":
            assert original.bounding_box()["y"] + 10 < translation.bounding_box()["y"]
    page.emulate_media(media="screen")
    page.locator('.note-kinds input[value="context"]').uncheck()
    page.emulate_media(media="print")
    assert not shown(page, "#p1-s2 .notes-context .note") and shown(page, "#p1-s2 .notes-claim .note")
    page.close()


# ---- Fewer sheets, nothing of the screen's, whole words (the ledger and the report) -------

# The most sheets of A4 each page may print to. Measured with Chromium's page.pdf before the
# ledger and the report were fitted to paper, and after: claims 28 -> 13, ar/claims 21 -> 8
# (two rows a sheet in a fixed layout, then five to eight), report 26 -> 25 (each claim's box
# kept whole costs about three sheets), ar/report 34 -> 23 (its text had the screen's larger
# size). The bounds leave a fifth or so for text that grows and a change of typeface.
LANG_PREFIX = {"en": "", "ar": "ar/"}
SHEETS = {"claims.html": 16, "ar/claims.html": 11, "report.html": 27, "ar/report.html": 27}


def test_the_ledger_and_the_report_print_on_few_sheets(printed, browser, real_site):
    counts = {f"{LANG_PREFIX[lang]}report.html": len(printed[lang].pdf.pages) for lang in LANG_PREFIX}
    page = browser.new_page()
    for path in ("claims.html", "ar/claims.html"):
        page.goto((real_site.resolve() / path).as_uri())
        page.evaluate("document.fonts.ready")
        counts[path] = len(pypdf.PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    page.close()
    assert {path: count for path, count in counts.items() if count > SHEETS[path]} == {}


# Every control of a page and what stands for one (a label, a form, a script's button, a
# heading's permalink), drawn in print media: none should be. (The notes' <summary> elements
# are printed on purpose, as the headings of their notes: see print.css.)
SCREEN_ONLY = """() => [...document.querySelectorAll(
    'button, input, select, textarea, label, form, [role=button], [role=search], .needs-script, .headerlink')]
  .filter(e => e.checkVisibility() && e.getClientRects().length > 0)
  .map(e => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`)"""

@pytest.mark.parametrize("lang", ["en", "ar"])
def test_print_shows_no_control_and_breaks_no_word_of_the_ledger(browser, real_site, lang):
    page = browser.new_page(viewport=PAPER)
    found = {}
    for name in ("claims.html", "report.html"):
        page.emulate_media(media="screen")
        page.goto((real_site.resolve() / f"{LANG_PREFIX[lang]}{name}").as_uri())
        page.evaluate("document.fonts.ready")
        assert page.evaluate(SCREEN_ONLY.replace(".filter(e => e.checkVisibility() && e.getClientRects().length > 0)", ""))
        page.emulate_media(media="print")
        found[name] = page.evaluate(SCREEN_ONLY)
        if name == "claims.html":
            found["broken"] = page.evaluate(BROKEN_WORDS, "table.ledger-table :is(th, td)")
            found["rows"] = page.locator("table.ledger-table tbody tr").first.evaluate("e => getComputedStyle(e).breakInside")
        else:
            found["claims"] = page.locator(".claim-note").first.evaluate("e => getComputedStyle(e).breakInside")
    page.close()
    assert found == {"claims.html": [], "report.html": [], "broken": [], "rows": "avoid", "claims": "avoid"}
