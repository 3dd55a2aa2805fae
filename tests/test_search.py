"""Search as readers use it: in headless Chromium, from file:// (no server, no network) and over
HTTP, in both languages; and the index the engine writes from the built pages."""
from __future__ import annotations

import json
import re
import unicodedata

import pytest
from conftest import real_data

from explainer.site_built.search_index import page_units


@pytest.fixture(scope="module")
def data():
    return real_data()


def sentences_with(data, word: str) -> set[str]:
    """Ids of the report's sentences whose Arabic contains `word` (as written in the source)."""
    return {s.id for p in data.models["report"].paragraphs for s in p.sentences if word in s.ar}


def open_search(page, query: str) -> list[str]:
    """Type the query into the search field as a reader would; the hrefs of the results."""
    page.locator(".md-search__input").click()
    # The count of an earlier query must not pass for this one's: empty it, then search.
    page.evaluate("document.querySelector('.md-search-result__meta').textContent = ''")
    page.locator(".md-search__input").fill(query)
    page.locator(".md-search-result__meta").filter(has_text=re.compile(r"\d|لا|No")).wait_for(timeout=15000)
    # The count and the list are written in one synchronous render (search.js), so once the
    # count shows, the list is complete.
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


def fragments(hrefs: list[str], page_name: str) -> set[str]:
    return {h.split("#", 1)[1] for h in hrefs if "#" in h and h.split("#")[0].endswith(page_name)}


def test_arabic_query_finds_the_sentence_in_every_written_form_offline(browser, real_site, data):
    """From file://: «المفاوضات» plain, with diacritics, after a particle (و، بـ) and without
    its article all land on the report's sentences that contain it; «الاردن» without hamza
    finds what «الأردن» finds; and no request leaves the file system."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((real_site.resolve() / "ar" / "index.html").as_uri())
    assert not [url for url in requests if "/search/" in url], "the index loads before search is opened"
    expected = sentences_with(data, "المفاوضات")
    assert expected
    for query in ("المفاوضات", "المُفاوَضاتُ", "والمفاوضات", "بالمفاوضات", "مفاوضات"):
        found = fragments(open_search(page, query), "ar/report.html")
        assert found & expected, (query, found)
    with_hamza = open_search(page, "الأردن")
    assert with_hamza and set(open_search(page, "الاردن")) == set(with_hamza)
    with_marks = open_search(page, "المسلّحين")
    assert with_marks and set(open_search(page, "المسلحين")) == set(with_marks)
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file://")]
    index_scripts = {url.rsplit("/", 1)[1] for url in requests if "/search/" in url}
    assert index_scripts == {"ar.js"}, index_scripts
    context.close()


def test_results_open_the_sentence_they_found(page, server, data):
    """Over HTTP: clicking a result lands on the sentence (its fragment), search closed."""
    page.goto(f"{server}/ar/glossary.html")
    hrefs = open_search(page, "المفاوضات")
    target = next(h for h in hrefs if "report.html#p" in h)
    page.locator(f'.md-search-result__item a[href$="{target.split("/")[-1]}"]').first.click()
    page.wait_for_url(re.compile(re.escape(target.split("/")[-1]) + "$"))
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert page.evaluate("location.hash.slice(1)") in sentences_with(data, "المفاوضات")


def test_english_search_knows_the_other_spellings_of_a_name(page, server, data):
    """"Bosra" and "Basra al-Sham" (spellings in data/names.yaml that we never use) find the
    place entry of Busra al-Sham; from an Arabic page, "Jabawi" finds Arabic pages that name him
    in Arabic script only."""
    names = {n.id: n for n in data.models["names"].names}
    assert "Bosra" in names["busra-al-sham"].en_avoid and "Basra al-Sham" in names["busra-al-sham"].en_avoid
    page.goto(f"{server}/index.html")
    for query in ("Bosra", "Basra al-Sham", "busra"):
        assert "place-busra-al-sham" in fragments(open_search(page, query), "/places.html"), query
    assert "place-nasib" in fragments(open_search(page, "Naseeb"), "/places.html")
    page.goto(f"{server}/ar/index.html")
    hrefs = open_search(page, "Jabawi")
    assert hrefs and all("/ar/" in h for h in hrefs), hrefs
    assert any("/ar/actors.html#" in h for h in hrefs), hrefs


def test_the_search_is_usable_by_keyboard(page, server):
    """"/" opens search with the field focused; arrow down reaches a result; Escape closes."""
    page.goto(f"{server}/report.html")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("roadmap")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_folding_is_the_same_for_the_text_and_the_query(page, server):
    """The normaliser itself: hamza forms, taa marbuta, alef maqsura, tatweel, diacritics,
    Arabic-Indic digits and Latin accents fold to one form."""
    page.goto(f"{server}/index.html")
    fold = lambda word: page.evaluate("w => window.explainerSearch.fold(w)", word)  # noqa: E731
    assert fold("أإآٱا") == "ااااا"
    assert fold("مدرسة") == fold("مدرسه")
    assert fold("مستشفى") == fold("مستشفي")
    assert fold("مـفـاوضـات") == fold("مُفَاوَضَاتٌ") == "مفاوضات"
    assert fold("٢٠١٨") == "2018"
    assert fold("Buṣrā") == "busra"
    assert page.evaluate("window.explainerSearch.textForms('والمفاوضات')")[-1] == "مفاوضات"


def test_each_language_has_its_own_index_of_sentences_and_entries(real_site):
    """search/en.js and search/ar.js: each lists only its language's pages, and the report's
    sentences are results of their own."""
    for lang in ("en", "ar"):
        script = (real_site / "search" / f"{lang}.js").read_text(encoding="utf-8")
        pages = re.findall(r'\["([^"]+\.html)",', script)
        assert pages and all(p.startswith("ar/") == (lang == "ar") for p in pages), pages
        assert '"p1-s1"' in script
    assert not (real_site / "search" / "search_index.json").exists()  # Material's, both languages in one


def test_units_come_from_headings_and_marked_elements():
    lang, title, units = page_units(
        '<html lang="en"><body><nav>Menu</nav><article class="md-content__inner">'
        '<h1 id="t">The page<a class="headerlink" href="#t">¶</a></h1><p>Intro.</p>'
        '<h2 id="a">Part A</h2><p>Alpha <sup class="cite"><a>[1]</a></sup>text.</p>'
        '<div id="s1" data-search-target><p>One sentence.</p><details><summary>Context 1</summary>'
        '<p>A note.</p></details></div><p>More A.</p><h2 id="b">Part B</h2><p>Beta.</p>'
        '</article><footer>Footer</footer></body></html>')
    assert (lang, title) == ("en", "The page")
    assert [(u.anchor, u.title, u.text) for u in units] == [
        ("", "The page", "Intro."), ("a", "Part A", "Alpha text. More A."),
        ("s1", "Part A", "One sentence. A note."), ("b", "Part B", "Beta.")]


def test_on_a_phone_the_header_button_opens_search(browser, server):
    """On a narrow screen the field is hidden until the header's search button opens it."""
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/ar/report.html")
    button = page.locator(".explainer-search-button")
    assert button.get_attribute("aria-expanded") == "false"
    on_top = """() => { const box = document.querySelector('.md-search__input').getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return box.width > 0 && hit !== null && hit.classList.contains('md-search__input'); }"""
    assert not page.evaluate(on_top)
    button.tap()
    assert button.get_attribute("aria-expanded") == "true"
    # Material slides the field in: wait for it (a loaded machine outran a fixed 400 ms wait).
    page.wait_for_function(on_top, timeout=5000)
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    context.close()


def test_no_page_points_at_the_other_languages_index(real_site):
    """Every page names exactly one index, its own language's, and loads none at first."""
    for path in sorted(real_site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        named = re.findall(r'search/([a-z-]+)\.js', html)
        assert named == [lang], (path.relative_to(real_site), named)
        assert not re.search(r'<script[^>]+src="[^"]*search/[a-z-]+\.js"', html), path


def test_a_latin_word_in_an_arabic_snippet_keeps_its_quotation_marks_around_it(page, server):
    """In an Arabic result, each run in one script is isolated and ends on a letter or digit of
    its script: the marks and commas between runs are left to the paragraph, so «handover»
    shows its guillemets on either side of the word, not both at one end."""
    page.goto(f"{server}/ar/index.html")
    open_search(page, "handover")
    runs = page.eval_on_selector_all(".md-search-result__teaser bdi[dir], .md-search-result__teaser mark[dir]",
                                     "runs => runs.map(r => [r.dir, r.textContent])")
    assert any(direction == "ltr" for direction, _ in runs), runs
    def letter_or_digit(char: str) -> bool:
        return unicodedata.category(char)[0] in "LNM"  # a letter, a digit, or a mark on a letter
    loose = [text for _, text in runs if not (letter_or_digit(text[0]) and letter_or_digit(text[-1]))]
    assert not loose, f"runs that carry punctuation or spaces at an end: {loose[:5]}"


def _index(site, lang: str) -> dict:
    script = (site / "search" / f"{lang}.js").read_text(encoding="utf-8")
    return json.loads(script.split("]=", 1)[1].rstrip().rstrip(";"))


def _plain(text: str) -> str:
    """Text as read, without the no-break joins that keep a date or a month pair whole."""
    return " ".join(text.replace("\u2060", "").replace("\u00a0", " ").split())


def test_a_sentences_result_holds_its_pages_language_not_both_run_together(real_site):
    """Each sentence of each report (and each roadmap point): in the English index our English
    with no Arabic run into it, in the Arabic index the verbatim Arabic without our English."""
    for report in real_data().reports:
        sentences = {s.id: s for p in report.models["report"].paragraphs for s in p.sentences}
        for lang, other in (("en", "ar"), ("ar", "en")):
            index = _index(real_site, lang)
            folder = ("ar/" if lang == "ar" else "") + (report.folder + "/" if report.folder else "")
            units = {u[1]: _plain(u[3]) for u in index["units"] if index["pages"][u[0]][0] == f"{folder}report.html"}
            for sentence_id, sentence in sentences.items():
                text = units[sentence_id]
                assert text.startswith(_plain(getattr(sentence, lang))), (lang, sentence_id, text[:80])
                assert _plain(getattr(sentence, other)) not in text, (lang, sentence_id)


def test_the_sites_boilerplate_is_no_search_result(real_site):
    """The home page's way-in buttons and download link, and the masthead on the about page, are
    in no unit; the text after them still is."""
    for lang, words in (("en", ("Download the whole site", "Read the 4 July report", "Last updated")),
                        ("ar", ("نزّل الموقع", "اقرأ تقرير 4 تموز/يوليو", "آخر تحديث"))):
        index = _index(real_site, lang)
        texts = [_plain(u[3]) for u in index["units"]]
        assert not [(w, t[:60]) for w in words for t in texts if w in t], lang
        home = [_plain(u[3]) for u in index["units"] if index["pages"][u[0]][0].endswith("index.html") and not u[1]]
        assert home and home[0].startswith({"en": "On Wednesday 4 July 2018", "ar": "يوم الأربعاء 4 تموز/يوليو 2018"}[lang])


def test_the_editions_line_is_no_search_result():
    """The line of PDF and EPUB downloads (built only with the editions on) is left out, as the
    masthead and the way-in buttons are."""
    _, _, units = page_units(
        '<html lang="en"><body><article class="md-content__inner"><h1 id="t">Home</h1>'
        '<p class="way-in"><a href="report.html">Read the report</a> <a class="offline-copy">Download (zip)</a></p>'
        '<p><span class="editions">Also as a book: <a href="e.pdf">PDF in English</a></span><!--/editions--></p>'
        '<p>The story.</p><p class="masthead"><span>Last updated 1 May 2026</span></p></article></body></html>')
    assert [(u.anchor, u.text) for u in units] == [("", "The story.")]
