"""The reader's display, measured in a browser: the key to the marks in the text (its swatches
drawn like the real marks, in both schemes, and its switches hiding them without JavaScript),
note buttons that stay under the finger when a kind opens, and display modes whose layout is what
their label says (no "side by side" on a phone where it would be one under the other; wide
columns when it is chosen on a desktop)."""
from __future__ import annotations

import pytest

from explainer.pages_out.labels import LABELS


PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
VERDICTS = tuple(LABELS["en"]["verdicts"])  # every verdict the ledger can give (each is in the text)

# What a mark looks like: its line (text decoration or bottom border) and its sign (::after,
# without its alternative text, which a real claim's mark takes from its verdict).
LOOK = """e => { const s = getComputedStyle(e), a = getComputedStyle(e, '::after');
  return [s.textDecorationLine, s.textDecorationStyle, s.textDecorationColor, s.textDecorationThickness,
          s.borderBottomStyle, s.borderBottomWidth, s.borderBottomColor, a.content.split(' / ')[0], a.color].join(' | '); }"""
# Every font face loaded: a face that notes opened later ask for would change the metrics of
# the whole page's text (by a third of a pixel a button), whatever the layout.
FONTS = "Promise.all([...document.fonts].map(face => face.load().catch(() => null)))"


def look(page, selector: str) -> str:
    return page.locator(selector).first.evaluate(LOOK)


def looks(page, pairs: dict[str, tuple[str, str]]) -> dict[str, list]:
    """For each pair of selectors, the look of the first element of each (None if none is
    drawn), in one round trip."""
    return page.evaluate(f"""pairs => {{ const look = {LOOK};
        const drawn = q => {{ const e = document.querySelector(q); return e && e.getClientRects().length ? look(e) : null; }};
        return Object.fromEntries(Object.entries(pairs).map(([name, [real, swatch]]) => [name, [drawn(real), drawn(swatch)]])); }}""",
                         pairs)


# The real marks of the text in the page's language (the sign of "unverified" is the language's
# question mark), each with the legend's swatch that stands for it.
def mark_pairs(text: str) -> dict[str, tuple[str, str]]:
    pairs = {"note phrase": (f".sentence {text} mark.has-notes:not(.claim)", ".marks-legend mark.has-notes:not(.claim)"),
             "loaded word": (f".sentence {text} mark.loaded", ".marks-legend mark.loaded")}
    for verdict in VERDICTS:
        pairs[verdict] = (f".sentence {text} mark.claim.verdict-{verdict}", f".marks-legend mark.claim.verdict-{verdict}")
    return pairs


@pytest.mark.parametrize("prefix,text", [("", "p.translation"), ("ar/", "p.original")])
def test_the_legend_shows_every_mark_as_it_is_drawn_in_both_schemes(page, server, prefix, text):
    page.goto(f"{server}/{prefix}report.html")
    legend = page.locator(".reader .marks-legend")
    # "How to read" points to the key, and following its link opens it.
    page.locator('#how-to-read ~ p a[href="#marks"]').click()
    assert legend.evaluate("d => d.open")
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        for name, (real, swatch) in looks(page, mark_pairs(text)).items():
            assert swatch is not None and swatch == real, (scheme, name, real, swatch)
        # Readable: the legend's words in the scheme's own text colour, not the default's.
        colours = page.evaluate("""() => [getComputedStyle(document.querySelector('.marks-legend label')).color,
            getComputedStyle(document.querySelector('.md-typeset')).color]""")
        assert colours[0] == colours[1], scheme
    assert legend.locator("label").count() == 3  # a note's phrase, a checked claim, a loaded word


@pytest.mark.parametrize("javascript", [False, True])
def test_switches_hide_the_marks_of_the_text_but_not_the_legend(browser, server, javascript):
    context = browser.new_context(java_script_enabled=javascript, **DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/report.html")
    page.locator(".marks-legend summary").click()
    marks = {"claims": ".sentence p.translation mark.claim", "loaded": ".sentence p.translation mark.loaded",
             "notes": ".sentence p.translation mark.has-notes:not(.claim)"}
    for switch, real in marks.items() if not javascript else [("claims", marks["claims"])]:
        before = look(page, real)
        page.locator(f'.marks-legend input[name="marks"][value="{switch}"]').uncheck()
        after = look(page, real)
        # No line (neither underline nor border) and no sign.
        line, border, sign = (after.split(" | ")[index] for index in (0, 4, 7))
        assert (line, border, sign) == ("none", "none", "none") and before != after, (switch, after)
    # The legend still shows what was switched off.
    assert look(page, ".marks-legend mark.claim.verdict-disputed").split(" | ")[0] == "underline"
    assert look(page, ".marks-legend mark.loaded").split(" | ")[4] == "double"
    if javascript:  # remembered, as the display mode is, and shown: the legend opens with it
        page.reload()
        assert not page.locator('.marks-legend input[value="claims"]').is_checked()
        assert page.locator(".marks-legend").evaluate("d => d.open")
        assert look(page, ".sentence p.translation mark.claim").split(" | ")[0] == "none"
    context.close()


SUMMARY_BOXES = """s => [...document.querySelectorAll('#' + s + ' .note-groups summary')].map(e => {
  const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height]; })"""


AFTER_CLICK = """([s, index]) => { const group = document.querySelectorAll('#' + s + ' details.notes')[index];
  const note = group.querySelector('.note').getBoundingClientRect();
  return [group.open, (""" + SUMMARY_BOXES + """)(s), [note.x, note.y, note.width],
          document.querySelector('#' + s + ' .note-groups').getBoundingClientRect().width]; }"""


def still(before, after) -> bool:
    return len(before) == len(after) and all(abs(a - b) <= 1 for box, other in zip(before, after)
                                              for a, b in zip(box, other))


@pytest.mark.parametrize("prefix,device,javascript", [("", PHONE, True), ("ar/", PHONE, False),
                                                      ("", DESKTOP, False), ("ar/", DESKTOP, True)])
def test_note_buttons_stay_where_they_are_and_a_second_tap_closes(browser, server, prefix, device, javascript):
    """Open each kind of a sentence in turn (the others left open), then close them, each by a
    click at the same point: no button moves, and the point always lands on the same button."""
    context = browser.new_context(java_script_enabled=javascript, **device)
    page = context.new_page()
    page.goto(f"{server}/{prefix}report.html")
    page.evaluate(FONTS)
    # The sentence with the most kinds of notes.
    sentence = page.evaluate("""() => [...document.querySelectorAll('.sentence')].sort((a, b) =>
        b.querySelectorAll('.note-groups summary').length - a.querySelectorAll('.note-groups summary').length)[0].id""")
    page.locator(f"#{sentence} .note-groups").evaluate("g => g.scrollIntoView({block: 'start'})")
    page.evaluate("window.scrollBy(0, -120)")  # below the sticky header
    start = page.evaluate(SUMMARY_BOXES, sentence)
    assert len(start) >= 3
    points = [(x + w / 2, y + h / 2) for x, y, w, h in start]
    bottom = max(y + h for _, y, _, h in start)
    for action in ("open", "close"):
        for index, (x, y) in enumerate(points):
            page.mouse.click(x, y)
            opened, boxes, note, row = page.evaluate(AFTER_CLICK, [sentence, index])
            assert opened == (action == "open"), (action, index)
            assert still(start, boxes), (action, index, start, boxes)
            if opened:  # the notes below the row of buttons, at its full width
                assert note[1] > bottom - 1 and note[2] > row * 0.9, (index, note, row)
    context.close()


def visible_modes(page) -> list[tuple[str, str, bool]]:
    return page.evaluate("""() => [...document.querySelectorAll('.display-modes label')]
        .filter(l => l.getBoundingClientRect().width > 0)
        .map(l => [l.querySelector('input').value, l.innerText.trim(), l.querySelector('input').checked])""")


LAYOUT = """s => { const o = document.querySelector('#' + s + ' p.original'), t = document.querySelector('#' + s + ' p.translation');
  const box = e => { const b = e.getBoundingClientRect(); return b.width ? [b.x, b.y, b.width, b.height] : null; };
  return [box(o), box(t)]; }"""


def layout(page) -> str:
    """What the reader sees of sentence p1-s2: one language, or both side by side or one under the other."""
    original, translation = page.evaluate(LAYOUT, "p1-s2")
    if original is None or translation is None:
        return "ar" if translation is None else "en"
    if abs(original[1] - translation[1]) < 5:
        return "side"
    return "interleaved" if original[1] + original[3] <= translation[1] + 1 else "?"


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_a_phone_offers_only_the_modes_it_shows_and_each_shows_what_its_label_says(browser, server, prefix):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto(f"{server}/{prefix}report.html")
    modes = visible_modes(page)
    names = {"": {"Side by side": "side", "Interleaved": "interleaved", "Arabic only": "ar", "English only": "en"},
             "ar/": {"جنباً إلى جنب": "side", "متناوباً": "interleaved", "بالعربية فقط": "ar", "بالإنجليزية فقط": "en"}}[prefix]
    labels = [label for _, label, _ in modes]
    assert len(labels) == len(set(labels)) == 3, modes  # no two choices that look the same
    assert [label for label in labels if names[label] == "side"] == []  # no "side by side" it cannot show
    assert sum(checked for *_, checked in modes) == 1, modes  # the default is one of the choices shown
    for value, label, _ in modes:
        page.locator(f'.display-modes input[value="{value}"]').check()
        assert layout(page) == names[label], (value, label)
        assert sum(checked for *_, checked in visible_modes(page)) == 1
    # The key to the marks, opened, fits a 320 px phone (its longest verdict wraps).
    page.set_viewport_size({"width": 320, "height": 700})
    page.locator(".marks-legend summary").click()
    assert page.locator(".marks-legend mark.claim").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_side_by_side_on_a_desktop_gives_each_language_a_wide_column(browser, server, prefix):
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(f"{server}/{prefix}report.html")
    page.locator('.display-modes input[value="side"]').check()
    assert layout(page) == "side"
    original, translation = page.evaluate(LAYOUT, "p1-s2")
    assert original[2] >= 420 and translation[2] >= 420, (original, translation)
    assert abs(original[2] - translation[2]) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # The other modes keep the table of contents and the comfortable measure.
    page.locator('.display-modes input[value="interleaved"]').check()
    assert page.locator(".md-sidebar--secondary").is_visible()
    context.close()
