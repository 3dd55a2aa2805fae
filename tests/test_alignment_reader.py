"""The aligned phrases in the reader (issue 27), measured in a browser on the mini fixture with a
small alignment of its own: quiet until the reader ticks "Show aligned phrases" (remembered);
then a phrase focused, pointed at or tapped lights exactly its counterpart(s) in the other
language and back, on both pages, on a phone and a desktop, with no box moving and the marks
still drawn; by keyboard one Tab stop a sentence, the arrows phrase by phrase, each phrase
announced in the page's language; in one language alone, and without JavaScript, nothing."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest
from conftest import FIXTURES, make_project, mkdocs_build, once_per_run, wait_until

from explainer.pages_out.labels import LABELS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

# p1-s1 'وصل الوفد إلى المدينة صباحاً.' / 'The delegation reached the town in the morning.' (a
# claim's mark on 'صباحاً' / 'in the morning', around the phrase); p1-s2 with a pair in two pieces.
ALIGNMENT = """\
sentences:
- sentence: p1-s1
  pairs:
  - ar: "وصل"
    en: "reached"
  - ar: "الوفد"
    en: "The delegation"
  - ar: "إلى المدينة"
    en: "the town"
  - ar: "صباحاً"
    en: "in the morning"
- sentence: p1-s2
  pairs:
  - ar: "انتهى الاجتماع"
    en: ["The meeting", "ended"]
  - ar: "من دون اتفاق"
    en: "without agreement"
"""
# What the live region says of each phrase: (sentence, K) -> (Arabic, English).
PHRASES = {("p1-s1", "1"): ("وصل", "reached"), ("p1-s1", "2"): ("الوفد", "The delegation"),
           ("p1-s1", "3"): ("إلى المدينة", "the town"), ("p1-s1", "4"): ("صباحاً", "in the morning"),
           ("p1-s2", "1"): ("انتهى الاجتماع", "The meeting ended"), ("p1-s2", "2"): ("من دون اتفاق", "without agreement")}

# The highlighted elements, each as sentence/language/K/index among the same K's pieces.
LIT = """() => [...document.querySelectorAll('.al-lit')].filter(e => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)')
  .map(e => { const s = e.closest('.sentence'), p = e.closest('p'), k = e.dataset.al;
    return [s.id, p.lang, k, [...p.querySelectorAll(`span.al[data-al="${k}"]`)].indexOf(e)].join('/'); }).sort()"""
# Every phrase's and mark's boxes (in the page, which a focus may scroll), and each mark's lines
# and signs: what must not change. Boxes without width are left out: a phrase that starts with
# a space at a line's end has one there (the collapsed space) once it has had a background, which
# moves nothing and draws nothing.
BOXES = """() => [...document.querySelectorAll('.sentence span.al, .sentence mark')].map(e => {
  const s = getComputedStyle(e), a = getComputedStyle(e, '::after');
  return [[...e.getClientRects()].filter(r => r.width > 0).map(r => [r.x + scrollX, r.y + scrollY, r.width, r.height].map(Math.round).join(',')).join(' '),
          e.tagName === 'MARK' ? [s.textDecorationLine, s.textDecorationColor, s.borderBottomStyle, a.content].join(' ') : ''].join(' | '); })"""
LIVE = "document.querySelector('.reader [aria-live]').textContent"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # one line per request would bury the test output
        pass


@pytest.fixture(scope="module")
def aligned_site(tmp_path_factory):
    """The mini fixture with the alignment above, built once for the run and served over HTTP."""
    def build(folder) -> None:
        project = make_project(folder / "mini", FIXTURES / "mini")
        (project / "data" / "alignment.yaml").write_text(ALIGNMENT, encoding="utf-8")
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout + result.stderr
    site = once_per_run(tmp_path_factory, "aligned-reader", build) / "mini" / "site"
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def open_report(browser, aligned_site, prefix, device, switch=True, **options):
    context = browser.new_context(**device, **options)
    page = context.new_page()
    page.goto(f"{aligned_site}/{prefix}report.html")
    page.evaluate("document.fonts.ready")
    if switch:
        page.locator(".align-switch").click()
        page.locator('.display-modes input[value="side"]').check()  # both languages (the Arabic page shows Arabic alone)
    return context, page


def pieces(sentence: str, k: str) -> list[str]:
    """The elements a pair of the alignment above gives, as LIT names them."""
    english = 2 if (sentence, k) == ("p1-s2", "1") else 1
    return sorted([f"{sentence}/ar/{k}/0"] + [f"{sentence}/en/{k}/{i}" for i in range(english)])


def said(lang: str, sentence: str, k: str) -> str:
    ar, en = PHRASES[sentence, k]
    return LABELS[lang]["aligned"]["announce"].format(ar=ar, en=en)


@pytest.mark.parametrize("prefix,lang,device", [("", "en", DESKTOP), ("ar/", "ar", PHONE), ("", "en", PHONE), ("ar/", "ar", DESKTOP)])
def test_a_phrase_lights_exactly_its_counterparts_and_nothing_moves(browser, aligned_site, prefix, lang, device):
    context, page = open_report(browser, aligned_site, prefix, device)
    before = page.evaluate(BOXES)
    for (sentence, k) in PHRASES:
        for side in ("original", "translation"):  # from the Arabic, and back from the English
            page.locator(f"#{sentence} p.{side} span.al[data-al='{k}']").first.focus()
            assert page.evaluate(LIT) == pieces(sentence, k), ("lit", sentence, k, side)
            assert wait_until(page, f"{LIVE} === {said(lang, sentence, k)!r}")
            assert page.evaluate(BOXES) == before, ("moved", sentence, k, side)  # no box moved, every mark still drawn
    # Pointing (a desktop) or tapping (a phone) lights it too, and the tap holds it until the next.
    phrase = page.locator("#p1-s1 p.translation span.al[data-al='2']")
    page.evaluate("document.activeElement.blur()")
    if device is PHONE:
        phrase.tap()
        assert page.evaluate(LIT) == pieces("p1-s1", "2")
        page.locator("h1").tap()
    else:
        phrase.hover()
        assert page.evaluate(LIT) == pieces("p1-s1", "2")
        page.mouse.move(0, 0)
    assert page.evaluate(LIT) == []
    assert page.evaluate(BOXES) == before
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_quiet_by_default_and_without_javascript(browser, aligned_site, javascript):
    context, page = open_report(browser, aligned_site, "", DESKTOP, switch=False, java_script_enabled=javascript)
    # Without scripts the switch is not offered; with them it is, unticked.
    assert page.locator(".align-switch").is_visible() == javascript
    assert page.locator(".align-switch input").is_checked() is False
    before = page.evaluate(BOXES)
    phrase = page.locator("#p1-s1 p.original span.al[data-al='2']")
    phrase.hover()
    phrase.click()
    assert page.evaluate("[...document.querySelectorAll('.sentence span.al')].every(e => "
                         "getComputedStyle(e).backgroundColor === 'rgba(0, 0, 0, 0)' && !e.hasAttribute('tabindex'))")
    assert page.evaluate(BOXES) == before
    # The text reads as the report's sentence, character for character.
    assert page.locator("#p1-s1 p.original").text_content() == "وصل الوفد إلى المدينة صباحاً."
    if javascript:
        # Ticked, the choice is remembered; in one language alone nothing lights and nothing takes focus.
        page.locator(".align-switch").click()
        page.reload()
        assert page.locator(".align-switch input").is_checked()
        page.locator('.display-modes input[value="en"]').check()
        page.locator("#p1-s1 p.translation span.al[data-al='2']").hover()
        assert page.evaluate(LIT) == []
        assert page.evaluate("document.querySelectorAll('.sentence span.al[tabindex]').length") == 0
        # Ticked again in one language alone, the switch shows both (there is nothing to light otherwise).
        page.locator(".align-switch").click()
        page.locator(".align-switch").click()
        assert page.locator('.display-modes input[value="side"]').is_checked()
    context.close()


@pytest.mark.parametrize("prefix,lang", [("", "en"), ("ar/", "ar")])
def test_by_keyboard_one_stop_a_sentence_and_the_arrows_phrase_by_phrase(browser, aligned_site, prefix, lang):
    context, page = open_report(browser, aligned_site, prefix, DESKTOP)
    focused = "[document.activeElement.closest('.sentence')?.id, document.activeElement.dataset.al, document.activeElement.closest('p')?.lang]"
    page.locator(".align-switch input").focus()
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.matches('span.al')"):
            break
    assert page.evaluate(focused) == ["p1-s1", "1", "ar"]
    assert page.evaluate("(s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)(getComputedStyle(document.activeElement))")
    assert wait_until(page, f"{LIVE} === {said(lang, 'p1-s1', '1')!r}")
    # The Arabic runs right to left: the left arrow goes on, the right arrow back; End and Home.
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(focused) == ["p1-s1", "2", "ar"]
    assert page.evaluate(LIT) == pieces("p1-s1", "2")
    assert wait_until(page, f"{LIVE} === {said(lang, 'p1-s1', '2')!r}")
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == ["p1-s1", "1", "ar"]
    page.keyboard.press("End")
    assert page.evaluate(focused) == ["p1-s1", "4", "ar"]
    page.keyboard.press("ArrowLeft")  # no further than the last
    assert page.evaluate(focused) == ["p1-s1", "4", "ar"]
    # Tab leaves the sentence's phrases (the next stop is not another phrase of p1-s1), and
    # Shift+Tab comes back to the phrase last reached.
    page.keyboard.press("Tab")
    assert page.evaluate(focused)[:2] != ["p1-s1", "4"] and page.evaluate("!document.activeElement.matches('#p1-s1 span.al')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(focused) == ["p1-s1", "4", "ar"]
    # j still moves to the next sentence.
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "p1-s2"
    # Switched off, the phrases leave the Tab order.
    page.locator(".align-switch").click()
    assert page.evaluate("document.querySelectorAll('.sentence span.al[tabindex]').length") == 0
    assert page.evaluate(LIT) == []
    context.close()


# Every phrase of the real report, focused in turn from each language: the elements lit against
# the elements of its pair (the same data-al in the same sentence), and every box of the text.
EVERY_PHRASE = """() => {
  const boxes = () => [...document.querySelectorAll('.sentence span.al, .sentence mark')]
    .map(e => [...e.getClientRects()].filter(r => r.width > 0).map(r => [r.x + scrollX, r.y + scrollY, r.width, r.height].map(Math.round).join(',')).join(' ')).join(';');
  const before = boxes(), wrong = [];
  let phrases = 0;
  for (const span of document.querySelectorAll('.sentence[data-aligned] span.al')) {
    span.tabIndex = span.tabIndex;  // the English phrases are reached by pointer, not by Tab: focusable here
    span.focus();
    const pair = [...span.closest('.sentence').querySelectorAll(`span.al[data-al="${span.dataset.al}"]`)];
    const lit = [...document.querySelectorAll('.al-lit')];
    if (pair.length !== lit.length || pair.some(e => !lit.includes(e)) || pair.length < 2) wrong.push(span.closest('.sentence').id + '/' + span.dataset.al);
    phrases += 1;
  }
  const after = boxes();
  return [phrases, wrong, after === before || [before.length, after.length, before.split(';').findIndex((b, i) => b !== after.split(';')[i])]];
}"""


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_every_phrase_of_the_real_report(browser, server, prefix):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/{prefix}report.html")
    page.locator(".align-switch").click()
    page.locator('.display-modes input[value="side"]').check()
    page.evaluate("Promise.all([...document.fonts].map(face => face.load().catch(() => null)))")  # no late face
    phrases, wrong, still = page.evaluate(EVERY_PHRASE)
    assert phrases > 100 and wrong == [] and still is True, (phrases, wrong, still)
    # An English phrase in two pieces apart is announced with the gap between them (p1-s1's first
    # pair in data/alignment.yaml: 'بعد أن توقّفت', en: ["After", "had stopped"]).
    page.locator("#p1-s1 p.original span.al[data-al='1']").focus()
    lang = prefix.strip("/") or "en"
    assert wait_until(page, f"{LIVE} === {LABELS[lang]['aligned']['announce'].format(ar='بعد أن توقّفت', en='After … had stopped')!r}")
    context.close()
