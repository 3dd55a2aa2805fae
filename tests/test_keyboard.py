"""The keyboard, as a reader uses it, in both languages: search closes once focus leaves it (Tab)
and with Escape; j and k move from sentence to sentence on the report, below the fixed header,
naming the sentence in the page's language, and never while the reader is typing; the language
switch keeps the reading position when the address has no #fragment (over HTTP and from file://)."""
from __future__ import annotations

import re

import pytest
from conftest import LANGS, PAGES, wait_until

from explainer.pages_out.labels import LABELS

# Material fades the overlay in and out: wait for the fade to end, not for a time.
OVERLAY_SHOWN = "getComputedStyle(document.querySelector('.md-search__overlay')).opacity === '1'"
OVERLAY_GONE = "getComputedStyle(document.querySelector('.md-search__overlay')).opacity === '0'"

SEARCH_OPEN = """() => ({
  checked: document.getElementById('__search').checked,
  inside: !!document.activeElement.closest('#explainer-search'),
  field: document.activeElement.classList.contains('md-search__input'),
})"""

# The focused sentence, its box against the header's and the window's, its focus ring, and the
# accessible name and role Chromium computes for it.
FOCUSED = """() => {
  const e = document.activeElement, header = document.querySelector('.md-header').getBoundingClientRect();
  if (!e.matches('.reader .sentence[id]')) return {id: null, tag: e.tagName};
  const box = e.getBoundingClientRect(), look = getComputedStyle(e);
  return {id: e.id, top: box.top, headerBottom: header.bottom, height: innerHeight,
          ring: look.outlineStyle !== 'none' && parseFloat(look.outlineWidth) >= 2};
}"""

# The first sentence, heading or other element with an id whose box is at or below the header:
# the one the reader sees at the top of the window.
AT_TOP = """() => {
  const line = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const s = [...document.querySelectorAll('.reader .sentence[id]')]
    .find(e => e.getBoundingClientRect().bottom > line + 48);
  return s ? s.id : null;
}"""


def tab_until(page, expression: str, key: str = "Tab", limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(expression):
            return
    raise AssertionError(f"{key} never reached: {expression}")


def search_closes_when_focus_leaves_it_and_with_escape(page) -> None:
    # Tab from the top of the page into the header's search field: search opens.
    tab_until(page, "document.activeElement.classList.contains('md-search__input')")
    assert page.evaluate(SEARCH_OPEN)["checked"]
    wait_until(page, OVERLAY_SHOWN)
    # Tab on through the search (its clear button, results) and out of it: search closes.
    tab_until(page, "!document.activeElement.closest('#explainer-search')")
    assert not page.evaluate(SEARCH_OPEN)["checked"]
    wait_until(page, OVERLAY_GONE)
    # Back in (Shift+Tab), then Escape: closed, and focus is back on the search field.
    tab_until(page, "document.activeElement.classList.contains('md-search__input')", "Shift+Tab")
    assert page.evaluate(SEARCH_OPEN)["checked"]
    page.keyboard.press("Escape")
    state = page.evaluate(SEARCH_OPEN)
    assert not state["checked"] and state["field"], state
    wait_until(page, OVERLAY_GONE)
    # Typing there opens it again; typing j and k types them, and moves no sentence.
    y = page.evaluate("scrollY")
    page.keyboard.type("jk")
    assert page.evaluate(SEARCH_OPEN)["checked"]
    assert page.evaluate("document.querySelector('.md-search__input').value") == "jk"
    assert page.evaluate("scrollY") == y and page.evaluate(FOCUSED)["id"] is None
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    assert not page.evaluate(SEARCH_OPEN)["checked"]


def j_and_k_move_between_sentences_below_the_header(page, lang: str) -> None:
    ids = page.evaluate("[...document.querySelectorAll('.reader .sentence[id]')].map(e => e.id)")
    page.evaluate("document.activeElement.blur()")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    focused = page.evaluate(FOCUSED)
    assert focused["id"] == ids[1], focused
    assert focused["headerBottom"] <= focused["top"] < focused["height"], focused  # not under the header
    assert focused["ring"], focused
    # Its name, in the page's language, is what a screen reader says on the focus change.
    places = page.evaluate("[...document.querySelectorAll('.reader .sentence[id]')].map(e => e.querySelector('.sentence-anchor').textContent)")
    name = LABELS[lang]["sentence_name"].format(place=places[1])  # "Sentence 1.2", as the sentence is labelled
    assert page.get_by_role("group", name=name, exact=True).evaluate("e => e === document.activeElement")
    # To the last sentence and no further (from the one before it, reached by a click).
    page.locator(f"#{ids[-2]} .sentence-text").click()
    page.keyboard.press("j")
    page.keyboard.press("j")
    focused = page.evaluate(FOCUSED)
    assert focused["id"] == ids[-1] and focused["headerBottom"] <= focused["top"], focused
    # Keys with a modifier are the browser's.
    page.keyboard.press("Alt+k")
    assert page.evaluate(FOCUSED)["id"] == ids[-1]
    # A hint names the keys near the display controls.
    assert page.locator(".reader-controls kbd").all_text_contents() == ["j", "k"]
    # In the display choice (a radio) j is left alone.
    page.locator(".reader-controls input[name=display]").first.focus()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.name") == "display"


def switch_language(page, lang: str) -> None:
    """Follow the header's link to the other language, as a reader does (Enter on the link)."""
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("lang, other", [("en", "ar"), ("ar", "en")])
def test_the_report_by_keyboard(page, server, real_site, lang, other):
    """Search, j and k, then the language switch from a scrolled position without a fragment
    (English to Arabic from file://, no server; Arabic to English over HTTP)."""
    start = LANGS[lang][0] + "report.html"
    page.goto((real_site.resolve() / start).as_uri() if lang == "en" else f"{server}/{start}")
    # At the top of the page the language link carries no fragment.
    link = page.locator(f"a.md-select__link[hreflang={other}]")
    link.dispatch_event("mousedown")
    assert "#" not in link.get_attribute("href")
    search_closes_when_focus_leaves_it_and_with_escape(page)
    j_and_k_move_between_sentences_below_the_header(page, lang)
    # A paragraph's first sentence at the top (the link names the sentence, not its paragraph).
    # The sentence's top 10 px above the window's (under the header), off its own anchor position.
    page.evaluate("scrollTo(0, scrollY + document.getElementById('p3-s1').getBoundingClientRect().top + 10)")
    before = page.evaluate(AT_TOP)
    assert before == "p3-s1" and page.evaluate("location.hash") == ""
    switch_language(page, other)
    assert page.evaluate("[document.documentElement.lang, location.hash]") == [other, "#p3-s1"]
    assert page.evaluate(AT_TOP) == before


def test_on_a_phone_escape_and_tab_close_search(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/ar/report.html")
    page.locator(".explainer-search-button").tap()
    assert page.evaluate(SEARCH_OPEN)["field"]
    page.keyboard.press("Escape")
    assert not page.evaluate(SEARCH_OPEN)["checked"]
    assert page.evaluate("document.activeElement.classList.contains('explainer-search-button')")
    page.locator(".explainer-search-button").tap()
    tab_until(page, "!document.activeElement.closest('#explainer-search')")
    assert not page.evaluate(SEARCH_OPEN)["checked"]
    wait_until(page, OVERLAY_GONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_keys_and_language_switch_on_a_page_without_a_reader(page, server):
    """j is left alone where there are no sentences; the switch keeps a glossary entry at the top."""
    page.goto(f"{server}/glossary.html")
    page.keyboard.press("j")
    assert page.evaluate("[document.activeElement === document.body, scrollY]") == [True, 0]
    target = page.evaluate("[...document.querySelectorAll('.md-content h3[id]')][5].id")
    page.evaluate(f"document.getElementById('{target}').scrollIntoView()")
    switch_language(page, "ar")
    assert page.evaluate("location.hash") == f"#{target}"
    box = page.evaluate(f"""() => [document.getElementById('{target}').getBoundingClientRect().top,
                                   document.querySelector('.md-header').getBoundingClientRect().bottom]""")
    assert box[1] <= box[0] < box[1] + 100, box


def test_ids_the_switch_may_carry_exist_on_the_twin_page(real_site):
    """Every element with an id in the content (but the page's title and the map's drawing) is on
    both languages' pages: the switch may point at any of them. (Read with a pattern: parsing
    the 22 pages takes seconds.)"""
    for name in PAGES:
        ids = []
        for prefix in ("", "ar/"):
            text = (real_site / prefix / name).read_text(encoding="utf-8")
            content = re.sub(r"<svg\b.*?</svg>", "", text[text.find("<article"):text.rfind("</article>")], flags=re.S)
            ids.append({i for tag, i in re.findall(r'<(\w+)\s[^>]*?\bid="([^"]+)"', content) if tag != "h1"})
        assert ids[0] and ids[0] == ids[1] or name == "404.html", (name, ids[0] ^ ids[1])
