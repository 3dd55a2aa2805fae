""""Cite this" (issue 26, item 2): a sentence, a note, a claim and an entry, in both languages,
each cited by keyboard in a browser, the copied text read back from the clipboard and the live
region's words checked, over HTTP and from file://; the citation shown selected when no copy
command works; the about page's citations and the BibTeX and CSL-JSON files they link to."""
from __future__ import annotations

import datetime
import json
import re

import pytest
from conftest import mkdocs_build, parse, real_data, wait_until

from explainer.pages_out.labels import LABELS, format_date

TITLES = {"en": "The Daraa talks, July 2018: annotated reports",
          "ar": "مفاوضات درعا، تموز/يوليو 2018: تقارير مشروحة"}
BASE = "https://explainer.invalid/"  # mkdocs.yml's site_url (a placeholder) when the tests build
LIVE = "document.getElementById('explainer-cite').textContent"
# How a copied citation names each report of the collection: its day, and its outlet when known.
NAMED = {"en": ("4 July 2018", "6 July 2018 (Youm7)"), "ar": ("4 تموز/يوليو 2018", "6 تموز/يوليو 2018 («اليوم السابع»)")}


def items(lang: str) -> list[tuple[str, str, str]]:
    """(page, anchor, label) of one sentence, one note, one claim and one entry, from the data."""
    data, words = real_data(), LABELS[lang]
    sentence = data.report.paragraphs[0].sentences[1]
    noted = data.report.paragraphs[0].sentences[0]
    claim, actor = data.claims.claims[0], data.actors.actors[0]
    report = NAMED[lang][0]  # the site is a collection: each item names its report
    # The note shown first, "Note 1": the groups context, wording, translation, each in data order.
    first = min(range(len(noted.notes)), key=lambda i: (("context", "wording", "translation").index(noted.notes[i].kind), i))
    return [
        ("report", sentence.id, words["cite"]["sentence_in"].format(report=report, place="\u20681.2\u2069")),
        ("report", f"{noted.id}-n{first + 1}", words["cite"]["note_in"].format(
            report=report, number=1, place="\u20681.1\u2069", kind=words["our_note"][noted.notes[first].kind])),
        ("claims", f"ledger-{claim.id}", words["cite"]["claim_in"].format(report=report, span=getattr(claim.span, lang))),
        ("actors", f"actor-{actor.id}", getattr(actor.name, lang)),
    ]


def expected(lang: str, page: str, anchor: str, label: str) -> str:
    folder = "ar/" if lang == "ar" else ""
    return LABELS[lang]["cite"]["text"].format(title=TITLES[lang], label=label, url=f"{BASE}{folder}{page}.html#{anchor}",
                                               date=format_date(datetime.date.today(), lang))


def cite_by_keyboard(page, anchor: str):
    """Reach the item's button with the Tab key (from the element before it) and press Enter."""
    button = page.locator(f'button.cite-this[data-cite="{anchor}"]')
    button.scroll_into_view_if_needed()
    page.evaluate("""(anchor) => {  // focus what comes just before the button, so that Tab reaches it
        const all = [...document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')]
          .filter(e => e.checkVisibility());  // not a link inside a closed <details> (which has boxes in Chromium)
        const button = document.querySelector(`button.cite-this[data-cite="${anchor}"]`);
        all[all.indexOf(button) - 1].focus(); }""", anchor)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('button.cite-this') && document.activeElement.dataset.cite") == anchor
    # Visibly focused: the theme's focus ring.
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    return button


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("over", ["http", "file"])
def test_each_kind_of_item_copies_its_citation_by_keyboard(browser, server, real_site, lang, over):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    folder = "ar/" if lang == "ar" else ""
    root = server if over == "http" else real_site.resolve().as_uri()
    for page_name, anchor, label in items(lang):
        page.goto(f"{root}/{folder}{page_name}.html#{anchor}")  # a note's anchor opens its notes
        button = cite_by_keyboard(page, anchor)
        # Named in the page's language, with the item's label.
        name = button.get_attribute("aria-label").replace("\u00a0", " ").replace("\u2060", "")  # a day kept whole
        assert name == LABELS[lang]["cite"]["name"].format(label=label)
        text = expected(lang, page_name, anchor, label)
        said = LABELS[lang]["cite"]["copied"].format(label=label)
        assert wait_until(page, f"{LIVE} === {said!r}"), (page_name, anchor)
        assert page.evaluate("navigator.clipboard.readText()") == text
        assert button.text_content() == LABELS[lang]["cite"]["done"]  # seen, too
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_without_a_copy_command_the_citation_is_shown_selected(browser, server, lang):
    """No clipboard API and execCommand refused: the citation is shown, selected, isolated."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                            "document.execCommand = () => false;")
    page = context.new_page()
    page_name, anchor, label = items(lang)[0]
    page.goto(f"{server}/{'ar/' if lang == 'ar' else ''}{page_name}.html")
    cite_by_keyboard(page, anchor)
    assert wait_until(page, f"{LIVE} === {LABELS[lang]['cite']['selected']!r}")
    assert page.evaluate("window.getSelection().toString()") == expected(lang, page_name, anchor, label)
    assert page.evaluate("document.activeElement.className") == "cite-shown"
    assert page.evaluate("document.querySelector('.cite-shown bdi[dir=ltr]').textContent") == f"{BASE}{'ar/' if lang == 'ar' else ''}{page_name}.html#{anchor}"
    context.close()


def test_every_citable_item_has_its_control(real_site):
    """Each sentence, note, claim (report and ledger) and reference entry: one button, pointing
    at an element of the page that exists."""
    data = real_data()
    sentences = [s for p in data.report.paragraphs for s in p.sentences]
    counts = {"report": len(sentences) + sum(len(s.notes) for s in sentences) + len(data.claims.claims),
              "claims": len(data.claims.claims), "actors": len(data.actors.actors), "places": len(data.places.places),
              "glossary": len(data.glossary.terms), "sources": len(data.sources.sources),
              "timeline": len(data.timeline.entries), "roadmap": len(data.roadmap.points)}
    for folder in ("", "ar/"):
        for name, count in counts.items():
            soup = parse(real_site, f"{folder}{name}.html")
            buttons = soup.select("button.cite-this")
            assert len(buttons) == count, (folder, name)
            assert all(soup.find(id=b["data-cite"]) for b in buttons), (folder, name)
            assert soup.select_one('script[src$="javascripts/cite.js"]') is not None
        assert parse(real_site, f"{folder}index.html").select_one('script[src$="javascripts/cite.js"]') is None


# A biblatex entry: @type{key, then name = {value} fields (values may hold one level of braces).
ENTRY = re.compile(r"@(\w+)\{([^,\s]+),\n((?:\s+\w+ = \{(?:[^{}]|\{[^{}]*\})*\},?\n)+)\}")
FIELD = re.compile(r"(\w+) = \{((?:[^{}]|\{[^{}]*\})*)\}")


def test_the_about_page_cites_the_publication_and_links_its_files(real_site):
    bib = (real_site / "data" / "cite.bib").read_text(encoding="utf-8")
    entries = ENTRY.findall(bib)
    assert [(kind, key) for kind, key, _ in entries] == [("online", "busra-al-sham-2018-07-04"),
                                                          ("online", "busra-al-sham-2018-07-04-ar")]
    fields = [dict(FIELD.findall(body)) for _, _, body in entries]
    assert fields[0] == {"title": "{" + TITLES["en"] + "}", "url": BASE, "langid": "english"}
    assert fields[1] == {"title": "{" + TITLES["ar"] + "}", "url": BASE + "ar/", "langid": "arabic"}
    # No publisher, no date: the masthead gives none in this build, and none is invented.
    items_ = json.loads((real_site / "data" / "cite.json").read_text(encoding="utf-8"))
    assert items_ == [
        {"id": "busra-al-sham-2018-07-04", "type": "webpage", "title": TITLES["en"], "URL": BASE, "language": "en"},
        {"id": "busra-al-sham-2018-07-04-ar", "type": "webpage", "title": TITLES["ar"], "URL": BASE + "ar/", "language": "ar"}]
    for folder, lang in (("", "en"), ("ar/", "ar")):
        soup = parse(real_site, f"{folder}about.html")
        block = soup.select_one("#cite ~ .cite-whole")
        # The page holds a day to its month and a month pair at its slash (escape.keep_together):
        # read as plain text, those joiners are spaces and nothing.
        styles = {li.select_one(".cite-style").get_text(): li.select_one(".cite-text").get_text()
                  .replace("\u00a0", " ").replace("\u2060", "") for li in block.select("li")}
        url = BASE + folder
        assert styles == {"APA 7": f"{TITLES[lang]}. ({LABELS[lang]['cite']['no_date']}). {url}",
                          "Chicago": f"{TITLES[lang]}. {url}.", "MLA 9": f"{TITLES[lang]}. {url}."}
        links = {a["href"] for a in block.select("a[download]")}
        assert links == {f"{'../' if folder else ''}data/cite.bib", f"{'../' if folder else ''}data/cite.json"}


def test_a_publisher_and_a_first_edition_are_cited_when_set(tmp_path):
    """With the masthead's publisher and first edition, every style and both files carry them."""
    from explainer.pages_out.citation import styles
    from explainer.site_built.citation_files import bibtex, csl_json, Edition

    day = datetime.date(2026, 3, 5)
    found = [Edition("en", "A & B_report", "https://example.org/")]
    text = {name: re.sub(r"<[^>]+>", "", value) for name, value in styles("en", "T", "https://example.org/", "Desk", day)}
    assert text == {"APA 7": "Desk. (2026, March 5). T. https://example.org/",
                    "Chicago": "T. Desk. March 5, 2026. https://example.org/.",
                    "MLA 9": "T. Desk, 5 Mar. 2026, https://example.org/."}
    assert dict(FIELD.findall(bibtex("k", found, "Desk", day))) == {
        "title": r"{A \& B\_report}", "organization": "Desk", "date": "2026-03-05", "url": "https://example.org/", "langid": "english"}
    assert csl_json("k", found, "Desk", day)[0]["issued"] == {"date-parts": [[2026, 3, 5]]}


def test_a_title_in_the_other_language_is_isolated_whole(real_site):
    """On the Arabic sources page a source's title in another language sits between FSI and PDI
    (in plain text it would otherwise run into the Latin address after it), and so does an Arabic
    headline on the English page (its quotation marks and "!!" kept at its own edges); a title in
    the page's language has only its runs of the other script isolated."""
    sources = real_data().sources.sources
    for folder, lang in (("", "en"), ("ar/", "ar")):
        soup = parse(real_site, f"{folder}sources.html")
        for number, source in enumerate(sources, start=1):
            label = soup.select_one(f'button.cite-this[data-cite="src-{source.id}"]')["data-cite-label"]
            label = label.replace("\u00a0", " ").replace("\u2060", "")  # the page's no-break joins, as cite.js drops them
            shown, shown_lang = source.shown_title(lang)  # an untitled page's description is in the page's language
            whole = shown_lang != lang and "ar" in (lang, shown_lang)
            if whole:
                assert label == LABELS[lang]["cite"]["source"].format(number=number, title=f"\u2068{shown}\u2069")
            else:
                assert _plain(label) == _plain(LABELS[lang]["cite"]["source"].format(number=number, title=shown))


def _plain(text: str) -> str:
    """Text without the page's no-break joins and isolation controls, spaced as read."""
    return re.sub(r"\s+", " ", text.replace("\u2060", "").replace("\u2068", "").replace("\u2069", "")).strip()


@pytest.mark.parametrize("folder", ["", "ar/"])
def test_a_citations_preview_names_the_publisher_and_the_date_as_the_sources_page(real_site, folder):
    """Every citation mark's preview (and its name) gives its source's publisher and date as the
    sources page does, in the page's language: an undated source says it is undated and the day we
    read it (the day we read it is not its date); an Arabic page isolates a Latin publisher."""
    entries = {li["id"]: li for li in parse(real_site, f"{folder}sources.html").select("ol.sources > li")}
    undated = LABELS["ar" if folder else "en"]["accessed"]
    pages = [f"{folder}{name}" for name in ("report.html", "agreement/report.html", "claims.html", "timeline.html", "places.html")]
    seen, undated_seen = set(), 0
    for page in pages:
        for link in parse(real_site, page).select("sup.cite a[data-preview]"):
            entry = entries[link["href"].split("#")[1]]
            publisher, when = entry.find("bdi").get_text(), entry.find("time")
            date = _plain(when.get_text())
            says_undated = undated in entry.get_text()
            preview, name = link["data-preview"], link["aria-label"]
            for text in (preview, name):
                assert publisher in _plain(text) and date in _plain(text), (page, link["href"], text)
                assert (undated in text) == says_undated, (page, link["href"], text)
            if folder and not re.search("[\u0600-\u06ff]", publisher):
                assert f"\u2068{publisher}\u2069" in preview, (page, preview)
            seen.add(entry["id"])
            undated_seen += says_undated
    assert len(seen) > 50 and undated_seen, "the pages cite dated and undated sources"


def _labels(site, page: str) -> dict[str, str]:
    """Each "copy citation" button's label by its anchor, as cite.js copies it (without the
    page's no-break joins)."""
    return {b["data-cite"]: b["data-cite-label"].replace("\u00a0", " ").replace("\u2060", "")
            for b in parse(site, page).select("button.cite-this")}


def test_in_a_collection_each_reports_items_are_cited_with_their_report(real_site):
    """A sentence, a note and a claim of each report, on its report page and its ledger, in both
    languages: the copied label names the report by its day and outlet (the first report's
    outlet is unknown, so its day alone), where both reports' first sentences once read alike."""
    expected = {
        "en": {"report.html": {"p1-s1": "Report of 4 July 2018, sentence \u20681.1\u2069",
                               "p1-s1-n1": "Note 4 on the report of 4 July 2018, sentence \u20681.1\u2069 (Translator’s note)"},
               "agreement/report.html": {
                   "agreement-p1-s1": "Report of 6 July 2018 (Youm7), sentence \u20681.1\u2069",
                   "agreement-p1-s1-n3": "Note 1 on the report of 6 July 2018 (Youm7), sentence \u20681.1\u2069 (Context)",
                   "claim-agreement-russian-police-on-border": "Claim in the report of 6 July 2018 (Youm7): "
                   "“agreement on deploying the Russian military police on the border with Jordan”"},
               "agreement/claims.html": {
                   "ledger-agreement-russian-police-on-border": "Claim in the report of 6 July 2018 (Youm7): "
                   "“agreement on deploying the Russian military police on the border with Jordan”"}},
        "ar": {"report.html": {"p1-s1": "تقرير 4 تموز/يوليو 2018، الجملة \u20681.1\u2069",
                               "p1-s1-n1": "الملاحظة 4 على تقرير 4 تموز/يوليو 2018، الجملة \u20681.1\u2069 (ملاحظة المترجم)"},
               "agreement/report.html": {
                   "agreement-p1-s1": "تقرير 6 تموز/يوليو 2018 («اليوم السابع»)، الجملة \u20681.1\u2069",
                   "agreement-p1-s1-n3": "الملاحظة 1 على تقرير 6 تموز/يوليو 2018 («اليوم السابع»)، الجملة \u20681.1\u2069 (سياق)",
                   "claim-agreement-russian-police-on-border": "ادعاء في تقرير 6 تموز/يوليو 2018 («اليوم السابع»): "
                   "«الاتفاق على نشر الشرطة العسكرية الروسية على الحدود مع الأردن»"},
               "agreement/claims.html": {
                   "ledger-agreement-russian-police-on-border": "ادعاء في تقرير 6 تموز/يوليو 2018 («اليوم السابع»): "
                   "«الاتفاق على نشر الشرطة العسكرية الروسية على الحدود مع الأردن»"}}}
    for lang, pages in expected.items():
        folder = "ar/" if lang == "ar" else ""
        for page, wanted in pages.items():
            labels = _labels(real_site, folder + page)
            assert {anchor: labels.get(anchor) for anchor in wanted} == wanted, (lang, page)
            # Every sentence, note and claim of the page, not only these: each names its report.
            report = NAMED[lang][page.startswith("agreement/")]
            items_ = {a: label for a, label in labels.items() if not a.startswith(("point-", "src-"))}
            assert items_ and all(report in label for label in items_.values()), (lang, page)


def test_a_one_report_publication_cites_its_items_as_before(mini):
    """With one report there is none to tell apart: "Report, sentence 1.1" (the number isolated,
    as the site names a sentence and "How to read" promises citations do)."""
    project = mini
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for folder, lang in (("", "en"), ("ar/", "ar")):
        labels = _labels(project / "site", f"{folder}report.html")
        assert labels["p1-s1"] == LABELS[lang]["cite"]["sentence"].format(place="\u20681.1\u2069")
        assert labels["p1-s1"] == {"en": "Report, sentence \u20681.1\u2069", "ar": "التقرير، الجملة \u20681.1\u2069"}[lang]


_OTHER_SCRIPT = {"en": re.compile("[\u0600-\u06ff]"), "ar": re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")}


def _outside_isolates(text: str) -> str:
    """`text` without its FSI…PDI runs (innermost first)."""
    while True:
        shorter = re.sub("\u2068[^\u2068\u2069]*\u2069", "", text)
        if shorter == text:
            return text
        text = shorter


@pytest.mark.parametrize("folder", ["", "ar/"])
def test_plain_text_isolates_every_run_of_the_other_script(real_site, folder):
    """Previews, citation names and copied labels are plain text (no <bdi>): each run of the other
    script in them, a Latin name inside our Arabic words ("في قاعدة GeoNames، «Dā‘il»") or an
    Arabic headline in an English preview, sits between FSI and PDI, or Chromium moves its
    punctuation and its neighbours ("GeoNames، «Dā‘il" laid out as one left-to-right run)."""
    other = _OTHER_SCRIPT["ar" if folder else "en"]
    pages = ("report.html", "agreement/report.html", "claims.html", "timeline.html", "places.html",
             "sources.html", "glossary.html", "actors.html", "roadmap.html")
    checked, wrong = 0, []
    for page in pages:
        soup = parse(real_site, folder + page)
        for element in soup.select("[data-preview], a[aria-label][data-preview], button.cite-this"):
            for attribute in ("data-preview", "aria-label", "data-cite-label"):
                text = element.get(attribute)
                if text is None:
                    continue
                checked += 1
                if other.search(_outside_isolates(text)):
                    wrong.append((page, attribute, text))
    assert checked > 500 and not wrong, (len(wrong), wrong[:5])


def test_the_geonames_note_and_an_arabic_headline_are_isolated(real_site):
    """The two cases the reader review saw: the Arabic pop-up of a GeoNames record, and an Arabic
    headline (quotation marks and "!!" at its edges) previewed on an English page."""
    geonames = [a["data-preview"] for a in parse(real_site, "ar/report.html").select("sup.cite a[data-preview]")
                if "GeoNames" in a["data-preview"]]
    assert geonames and all("\u2068GeoNames\u2069، «\u2068" in text for text in geonames), geonames[:2]
    sources = real_data().sources.sources
    arabic = [(number, source.shown_title("en")[0]) for number, source in enumerate(sources, start=1)
              if source.shown_title("en")[1] == "ar"]
    previews = {a["href"]: a["data-preview"] for a in parse(real_site, "report.html").select("sup.cite a[data-preview]")}
    seen = 0
    for href, preview in previews.items():
        source = href.split("#src-")[1]
        number = next(n for n, s in enumerate(sources, start=1) if s.id == source)
        title = dict(arabic).get(number)
        if title:
            assert preview.endswith(f"\u2068{title}\u2069"), preview
            seen += 1
    assert seen, "the report cites Arabic headlines"
