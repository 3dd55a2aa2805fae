"""The report as a parallel-text reader, as a reader uses it: notes closed behind labelled
markers and opened by click, Enter or tap; display modes switched, remembered, and working
without JavaScript; previews on focus that Escape closes and that never cover the word; note
spans and loaded words marked from data in both languages; touch targets; a bad span is a
located error."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, edit, problems_of, real_data, wait_until

from explainer.pages_out.labels import LABELS, counted


DATA = real_data()
SENTENCES = [s for p in DATA.report.paragraphs for s in p.sentences]


def first_claim(sentence_id: str) -> str:
    """The anchor of the first claim of the ledger about a sentence."""
    return "claim-" + next(c.id for c in DATA.claims.claims if c.sentence == sentence_id)


def parse(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


# --- the HTML ---------------------------------------------------------------------------------

def test_every_note_span_is_marked_in_its_sentence_in_both_languages(real_site):
    marked = 0
    for name in ("report.html", "ar/report.html"):
        soup = parse(real_site, name)
        for sentence in SENTENCES:
            for index, note in enumerate(sentence.notes):
                if note.span is None:
                    continue
                anchor = f"{sentence.id}-n{index + 1}"
                for lang in ("ar", "en"):
                    phrase = getattr(note.span, lang)
                    if phrase is None:
                        continue
                    block = soup.select_one(f"#{sentence.id} p.{'original' if lang == 'ar' else 'translation'}")
                    marks = [m for m in block.select("mark[data-notes]") if anchor in m["data-notes"].split()]
                    assert marks and phrase.lower() in marks[0].get_text().lower(), (name, anchor, lang)
                    marked += 1
                # The note names its phrase.
                about = soup.select_one(f"#{anchor} .note-about")
                assert about is not None and note.span.ar in about.get_text(), (name, anchor)
    assert marked > 80


def test_loaded_words_are_marked_from_the_glossary_in_both_languages(real_site):
    from explainer.pages_out.reader import holds_term
    loaded = [t for t in DATA.glossary.terms if t.loaded is not None and t.ar_forms]  # in a report
    assert loaded
    for report in DATA.reports:  # each report's page marks the loaded words its own text holds
        text = (ROOT / report.models["report"].file).read_text(encoding="utf-8")
        folder = f"{report.folder}/" if report.folder else ""
        for name in (f"{folder}report.html", f"ar/{folder}report.html"):
            soup = parse(real_site, name)
            for term in (t for t in loaded if holds_term(t, text)):  # outside its ar_except phrases
                links = soup.select(f'.reader mark.loaded a.loaded-term[href$="glossary.html#term-{term.id}"]')
                originals = [a for a in links if a.find_parent("p", class_="original")]
                assert originals, (name, term.id)
                assert all(a.get_text() in term.ar_forms for a in originals), (name, term.id)
                # The preview says whose word it is and the neutral word, in the page's language.
                preview = originals[0]["data-preview"]
                neutral = term.loaded.neutral.ar if name.startswith("ar/") else term.loaded.neutral.en
                assert neutral in preview, (name, term.id, preview)
    # In the English translation too, where the English term is found.
    english = parse(real_site, "report.html")
    assert english.select('p.translation mark.loaded a[href$="#term-militants"]')
    # ...with its possessive inside the mark: the flag drawn after a loaded word must not stand
    # between "militants" and its ’ ("the militants⚑’ positions").
    split = []
    for mark in english.select("p.translation mark.loaded"):
        outer = mark.find_parent("mark") or mark
        following = outer.next_sibling
        if isinstance(following, str) and following[:1] in "’'":
            split.append(mark.get_text() + following[:12])
    assert split == []


def test_a_loaded_word_is_marked_in_our_english_where_the_arabic_is(real_site):
    """Where the translation's word is not the term's English form ('reconciliation' for
    “reconciliation” deal; settlement), its en_forms mark it, in the sentence that holds the
    Arabic, on both languages' pages."""
    for page, sentence, term, word in (("agreement/report.html", "agreement-p4-s1", "reconciliation-settlement", "reconciliation"),):
        for prefix in ("", "ar/"):
            soup = parse(real_site, prefix + page)
            for block, text in (("original", None), ("translation", word)):
                links = soup.select(f'#{sentence} p.{block} mark.loaded a.loaded-term[href$="glossary.html#term-{term}"]')
                assert links, (prefix + page, term, block)
                assert text is None or [a.get_text() for a in links] == [text], (prefix + page, term)


def test_an_english_form_marks_only_a_sentence_whose_arabic_holds_the_term():
    from types import SimpleNamespace as Fake
    from explainer.pages_out.reader import ranges
    term = Fake(id="deal", loaded=True, term=Fake(en="“deal”; accord"), ar_forms=["للمصالحة"], en_forms=["reconciliation"])
    glossary = Fake(terms=[term])
    holds = Fake(id="s1", ar="غير المستعدين للمصالحة", en="not prepared for reconciliation", notes=[])
    lacks = Fake(id="s2", ar="التسوية", en="a reconciliation of accounts", notes=[])
    assert [(w.start, w.end) for w in ranges(holds, "en", glossary)[1]] == [(17, 31)]
    assert ranges(lacks, "en", glossary)[1] == []


def test_a_form_inside_a_neutral_phrase_is_not_marked(real_site):
    """The 4 July report's bare «الجيش» is its loaded word; the 6 July report's «الجيش السورى» is the
    neutral phrase the glossary recommends (ar_except): its «الجيش» is not marked, on either page."""
    for prefix in ("", "ar/"):
        first = parse(real_site, prefix + "report.html").select('p.original mark.loaded a[href$="#term-the-army"]')
        assert first, prefix
        second = parse(real_site, prefix + "agreement/report.html")
        assert "الجيش السورى" in second.select_one("#agreement-p3-s1 p.original").get_text()
        assert not second.select('#agreement-p3-s1 p.original mark.loaded a[href$="#term-the-army"]'), prefix


def test_an_exception_that_excepts_nothing_is_a_located_error(mini):
    edit(mini, "data/glossary.yaml", "    ar_forms: [وقف القتال]\n",
         "    ar_forms: [وقف القتال]\n    ar_except: [وقف القتال التام, عودة الأهالي]\n")
    assert [line for line in problems_of(mini) if "ar_except" in line] == [
        "data/glossary.yaml:7:17: terms[0].ar_except[0]: 'وقف القتال التام' does not occur in any report; "
        "copy the phrase exactly as a report writes it, or remove it",
        "data/glossary.yaml:7:35: terms[0].ar_except[1]: 'عودة الأهالي' holds none of the term's ar_forms; "
        "it would except nothing: remove it"]


def test_an_english_form_that_no_translation_uses_is_a_located_error(mini):
    edit(mini, "data/glossary.yaml", "      ar: المسلحون\n", "      ar: المسلحون\n    ar_forms: [الوفد]\n"
         "    en_forms: [delegation, envoys]\n")
    assert [line for line in problems_of(mini) if "en_forms" in line] == [
        "data/glossary.yaml:16:28: terms[1].en_forms[1]: 'envoys' is in no translation of a sentence whose Arabic "
        "holds one of the term's ar_forms; copy the word exactly from such a sentence's 'en:' line, or remove it"]


def test_notes_are_closed_by_default_and_complete_without_javascript(real_site):
    soup = parse(real_site, "report.html")
    groups = soup.select(".reader details.notes")
    assert groups and not [g for g in groups if g.has_attr("open")]
    # One marker per kind, with the count of its notes; every note (and every claim of the
    # ledger, under "Claim check") is inside one.
    total = sum(len(s.notes) for s in SENTENCES) + len(DATA.claims.claims)
    assert len(soup.select(".reader details.notes .note")) == total
    for group in groups:
        count = int(re.match(r"\d+", group.select_one("summary .count").get_text())[0])
        assert count == len(group.select(".note"))


REPORT_PAGES = [(lang, f"{prefix}{report.folder + '/' if report.folder else ''}report.html", report)
                for lang, prefix in (("en", ""), ("ar", "ar/")) for report in DATA.reports]


# The noun after a number, as an Arabic reader expects it (written out here, not taken from labels.py).
_ARABIC_NOTES = {1: "1 ملاحظة", 2: "2 ملاحظتان", 3: "3 ملاحظات", 10: "10 ملاحظات", 11: "11 ملاحظة", 103: "103 ملاحظات"}


@pytest.mark.parametrize("lang, name, report", REPORT_PAGES, ids=[name for _, name, _ in REPORT_PAGES])
def test_a_note_groups_button_says_a_count_not_a_note_number(real_site, lang, name, report):
    """The badge on "Translator's note" once showed "3" above notes numbered 4, 5 and 6, and a
    screen reader said "Translator's note 3": the button says "3 notes" («3 ملاحظات»), and is
    spoken "Translator's note: 3 notes on sentence 1.1"."""
    words = LABELS[lang]
    for number, text in _ARABIC_NOTES.items():
        assert counted(LABELS["ar"]["group_count"]["note"], number) == text
    assert counted(LABELS["en"]["group_count"]["note"], 1) == "1 note" and counted(LABELS["en"]["group_count"]["note"], 3) == "3 notes"
    soup, seen = parse(real_site, name), 0
    for group in soup.select(".reader details.notes"):
        sentence = group.find_parent(class_="sentence")
        place, kind = sentence["data-place"], group["data-kind"]
        shown = len(group.select(".note"))
        badge = group.select_one("summary .count").get_text()
        noun = "claim" if kind == "claim" else "note"
        assert badge == counted(words["group_count"][noun], shown), (name, sentence["id"], badge)
        spoken = group.select_one("summary").get_text()
        assert spoken == f"{words['our_note'][kind]}: {badge}{words['notes_of'].format(place=place)}", spoken
        seen += 1
    assert seen


@pytest.mark.parametrize("lang, name, report", REPORT_PAGES, ids=[name for _, name, _ in REPORT_PAGES])
def test_each_sentence_is_labelled_as_readers_count_it(real_site, lang, name, report):
    """A sentence shows "2.1" (paragraph 2, sentence 1), the number the ledger, the "Appears in"
    lists and the copied citations give it, isolated left to right; its address stays its id;
    what a screen reader hears names it by the number too, never by the id."""
    soup, words = parse(real_site, name), LABELS[lang]
    sentences = [s for p in report.models["report"].paragraphs for s in p.sentences]
    for sentence in sentences:
        place = DATA.sentence_places[sentence.id]
        element = soup.select_one(f"#{sentence.id}")
        assert element["data-place"] == place
        anchor = element.select_one(".sentence-tools a.sentence-anchor")
        assert anchor["href"] == f"#{sentence.id}"
        assert anchor.get_text() == place and anchor.bdi["dir"] == "ltr", (name, anchor)
        assert anchor["aria-label"] == words["sentence_link"].format(place=place)
        copy = element.select_one(".sentence-tools button.copy-link")
        assert copy["aria-label"] == words["copy_link_to"].format(place=place)
        assert copy.get_text() in copy["aria-label"]  # the visible words are in the name (WCAG 2.5.3)
        for summary in element.select("summary"):
            assert summary.select(".visually-hidden")[-1].get_text() == words["notes_of"].format(place=place)
        spoken = [e["aria-label"] for e in element.select("[aria-label]")] + [
            e.get_text() for e in element.select(".visually-hidden")]
        assert [text for text in spoken if sentence.id in text] == [], (name, sentence.id)
    hint = soup.select_one("[data-sentence-name]")["data-sentence-name"]
    assert hint == words["sentence_name"] and "{place}" in hint  # reader.js names each sentence from it


@pytest.mark.parametrize("lang, name, report", REPORT_PAGES, ids=[name for _, name, _ in REPORT_PAGES])
def test_each_note_is_numbered_as_shown_and_keeps_its_anchor(real_site, lang, name, report):
    """Notes are shown grouped by kind: down the page a sentence's notes read "Note 1", "Note 2"...
    whatever their order in data, and each copied citation names the number shown. The anchor
    (-n3) stays the note's place in data: a published address."""
    soup, words = parse(real_site, name), LABELS[lang]
    shown, reordered = 0, 0
    for sentence in (s for p in report.models["report"].paragraphs for s in p.sentences):
        element = soup.find(id=sentence.id)
        notes = element.select(".note-groups div.note:not(.note-claim)")  # document order: as on screen
        assert len(notes) == len(sentence.notes), (name, sentence.id)
        anchors = []
        for number, note in enumerate(notes, start=1):
            index = int(note["id"].rsplit("-n", 1)[1]) - 1
            anchors.append(note["id"])
            kind = words["our_note"][sentence.notes[index].kind]
            label = note.select_one("p.note-label")
            assert label.get_text() == f"{words['note_number'].format(number=number)} · {kind}", (name, note["id"])
            assert label.select_one(".note-number bdi[dir=ltr]").get_text() == str(number)
            copied = note.select_one("button.cite-this")["data-cite-label"]
            assert re.match(re.escape(words["cite"]["note_in"].split("{number}")[0]) + r"(\d+) ", copied)[1] == str(number)
            shown += 1
        # Every anchor of data is there, once: numbering changed no address.
        assert sorted(anchors) == sorted(f"{sentence.id}-n{i + 1}" for i in range(len(sentence.notes)))
        reordered += anchors != [f"{sentence.id}-n{i + 1}" for i in range(len(sentence.notes))]
    assert shown == sum(len(s.notes) for p in report.models["report"].paragraphs for s in p.sentences) > 0
    if report.folder == "":
        assert reordered, "the first report has sentences whose notes are shown out of data order"


def test_a_span_that_is_not_in_its_sentence_is_a_located_error(mini):
    edit(mini, "data/report.yaml", "        notes:\n", "        notes:\n          - kind: translation\n"
         "            en: A note.\n            ar: ملاحظة.\n            span:\n              ar: كلمة غير موجودة\n"
         "              en: not there\n")
    lines = problems_of(mini)
    assert [line for line in lines if "span" in line] == [
        "data/report.yaml:18:19: paragraphs[0].sentences[0].notes[0].span.ar: 'كلمة غير موجودة' is not in "
        "sentence p1-s1's ar text; copy the phrase exactly from its 'ar:' line",
        "data/report.yaml:19:19: paragraphs[0].sentences[0].notes[0].span.en: 'not there' is not in "
        "sentence p1-s1's en text; copy the phrase exactly from its 'en:' line",
    ]


# --- in the browser ---------------------------------------------------------------------------

def visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_notes_open_by_click_and_by_enter(page, server):
    page.goto(f"{server}/report.html")
    group = page.locator("#p1-s1 details.notes-context")
    note = page.locator("#p1-s1-n4")
    assert not note.is_visible()
    group.locator("summary").click()
    assert note.is_visible() and group.evaluate("d => d.open")
    group.locator("summary").click()
    assert not note.is_visible()
    # Keyboard: focus the marker and press Enter.
    page.locator("#p1-s1 details.notes-claim summary").focus()
    page.keyboard.press("Enter")
    claim = first_claim("p1-s1")
    assert page.locator(f"#{claim}").is_visible()
    # A marked phrase highlights while its notes are open.
    assert page.locator(f'#p1-s1 p.original mark[data-notes~="{claim}"]').evaluate("m => m.classList.contains('active')")
    # "Open all notes", then close them all again.
    button = page.locator(".reader button.open-all")
    button.click()
    assert page.evaluate("[...document.querySelectorAll('.reader details.notes')].every(d => d.open)")
    assert button.get_attribute("aria-pressed") == "true"
    button.click()
    assert page.evaluate("[...document.querySelectorAll('.reader details.notes')].every(d => !d.open)")


def test_notes_open_by_tap_and_a_link_to_a_note_opens_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/ar/report.html")
    page.locator("#p1-s3 details.notes-wording summary").tap()
    assert page.locator("#p1-s3-n4").is_visible()
    page.goto(f"{server}/ar/report.html#{first_claim('p2-s1')}")
    assert page.locator(f"#{first_claim('p2-s1')}").is_visible()
    context.close()


def test_note_filter_hides_a_kind(page, server):
    page.goto(f"{server}/report.html")
    assert visible(page, "#p1-s1 details.notes-translation summary")
    page.locator('.note-kinds input[value="translation"]').uncheck()
    assert not visible(page, "#p1-s1 details.notes-translation summary")
    assert visible(page, "#p1-s1 details.notes-context summary")


@pytest.mark.parametrize("javascript", [True, False])
def test_display_modes(browser, server, javascript):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{server}/report.html")
    original, translation = page.locator("#p1-s2 p.original"), page.locator("#p1-s2 p.translation")
    # English page: both, side by side on a wide screen, the Arabic on the right.
    assert original.is_visible() and translation.is_visible()
    assert original.bounding_box()["x"] > translation.bounding_box()["x"] + 100
    assert abs(original.bounding_box()["y"] - translation.bounding_box()["y"]) < 5
    page.locator('input[name="display"][value="ar"]').check()
    assert original.is_visible() and not translation.is_visible()
    page.locator('input[name="display"][value="en"]').check()
    assert translation.is_visible() and not original.is_visible()
    page.locator('input[name="display"][value="interleaved"]').check()
    assert original.bounding_box()["y"] + 10 < translation.bounding_box()["y"]
    # The Arabic page starts with the Arabic alone.
    page.goto(f"{server}/ar/report.html")
    assert page.locator("#p1-s2 p.original").is_visible() and not page.locator("#p1-s2 p.translation").is_visible()
    context.close()


def test_the_display_choice_is_remembered_and_announced(page, server):
    page.goto(f"{server}/report.html")
    page.locator('input[name="display"][value="en"]').focus()
    page.keyboard.press("Space")
    assert page.locator('input[name="display"][value="en"]').is_checked()
    page.wait_for_function("() => document.querySelector('.reader [aria-live]').textContent.length > 0")
    assert page.locator(".reader [aria-live]").text_content() == "English only"
    page.reload()
    assert page.locator('input[name="display"][value="en"]').is_checked()
    assert not page.locator("#p1-s2 p.original").is_visible()
    # Each language keeps its own choice: the Arabic page still starts in Arabic.
    page.goto(f"{server}/ar/report.html")
    assert page.locator('input[name="display"][value="ar"]').is_checked()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_a_preview_shows_on_focus_beside_the_word_and_escape_closes_it(page, server, prefix):
    page.goto(f"{server}/{prefix}report.html")
    word = page.locator("#p1-s1 p.original a.loaded-term").first
    word.focus()
    preview = page.locator("#explainer-preview")
    preview.wait_for(state="visible")
    assert word.get_attribute("aria-describedby") == "explainer-preview"
    text = preview.text_content()
    assert ("armed opposition fighters" if not prefix else "مقاتلو المعارضة المسلحة") in text
    assert preview.evaluate("p => p.dir") == ("rtl" if prefix else "ltr")
    box, word_box = preview.bounding_box(), word.bounding_box()
    overlaps = not (box["y"] >= word_box["y"] + word_box["height"] or box["y"] + box["height"] <= word_box["y"]
                    or box["x"] >= word_box["x"] + word_box["width"] or box["x"] + box["width"] <= word_box["x"])
    assert not overlaps
    assert preview.locator("a").get_attribute("href").endswith("glossary.html#term-militants")
    page.keyboard.press("Escape")
    assert not preview.is_visible()
    # Citations preview their source the same way.
    cite = page.locator("#p1-s1-n4 sup.cite a").first
    page.locator("#p1-s1 details.notes-context summary").click()
    cite.focus()
    preview.wait_for(state="visible")
    assert "Arab News" in preview.text_content()


def test_a_tap_on_a_term_shows_its_preview_before_following_it(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/report.html")
    page.locator("#p1-s3 p.translation a.loaded-term").tap()
    page.locator("#explainer-preview").wait_for(state="visible")
    assert page.url.endswith("/report.html")  # still on the sentence
    context.close()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_controls_are_large_enough_to_tap(browser, server, prefix):
    """Every control (markers, display choices, sentence tools) is at least 44 px square on a
    touch screen. A citation, which sits in running text, is a 24 px box that keeps the line's
    rhythm, and a tap within 20 px above or below its middle still lands on it (a 44 px tall
    target, its band invisible); links inside running text are exempt, as WCAG 2.5.5 allows."""
    context = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/{prefix}report.html")
    page.locator(".reader button.open-all").click()
    small = page.evaluate("""() => [...document.querySelectorAll(
            '.reader summary, .reader-controls label, .reader-controls button, .sentence-tools a, .sentence-tools button')]
        .map(e => [e, e.getBoundingClientRect()]).filter(([e, b]) => b.width && (b.width < 44 || b.height < 44))
        .map(([e, b]) => e.outerHTML.slice(0, 80) + ' ' + Math.round(b.width) + 'x' + Math.round(b.height))""")
    assert small == []
    missed = page.evaluate("""() => [...document.querySelectorAll('.reader sup.cite a')].slice(0, 40).flatMap(a => {
            a.scrollIntoView({block: 'center'});
            const b = a.getBoundingClientRect(), x = b.left + b.width / 2, y = b.top + b.height / 2;
            const lands = dy => { const hit = document.elementFromPoint(x, y + dy); return hit && hit.closest('a') === a; };
            return b.width >= 24 && b.height >= 24 && lands(-20) && lands(0) && lands(20) ? [] : [a.outerHTML.slice(0, 60)];
        })""")
    assert missed == []
    context.close()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_each_copy_link_button_names_its_sentence(page, server, prefix):
    page.goto(f"{server}/{prefix}report.html")
    for sentence in (SENTENCES[0], SENTENCES[-1]):
        button = page.locator(f"#{sentence.id} .sentence-tools button.copy-link")
        name = button.evaluate("b => b.getAttribute('aria-label')")
        place = DATA.sentence_places[sentence.id]  # "5.9", as readers count it, not the id
        assert place in name and sentence.id not in name and button.inner_text().strip() in name  # the visible words too


def test_copy_link_copies_the_sentence_address(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{server}/report.html")
    page.locator("#p2-s1 .sentence-tools button.copy-link").click()
    page.wait_for_function("() => document.querySelector('.reader [aria-live]').textContent === 'Link to sentence 2.1 copied'")
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/report.html#p2-s1"
    context.close()


CONTENT_BOXES = """() => [...document.querySelectorAll('.md-content *')].map(e => {
  const b = e.getBoundingClientRect();
  return [e.tagName, e.className, Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]; })"""


@pytest.mark.parametrize("path,width", [("report.html", 390), ("ar/report.html", 1280), ("ar/claims.html", 390)])
def test_the_pages_scripts_move_nothing_in_the_content(browser, server, path, width):
    """The script-only controls are in the page and shown from the first layout (main.html marks
    <html> .js before anything is drawn), so the deferred scripts that make them work lay out
    nothing anew: every box of the content is where it was drawn before they ran."""
    boxes = {}
    for scripts in ("blocked", "run"):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        if scripts == "blocked":  # the page as first drawn: the head's inline script only
            page.route("**/assets/javascripts/*.js", lambda route: route.abort())
        page.goto(f"{server}/{path}")
        # Every face loaded, not only those the first screen asked for (fonts.ready does not
        # wait for a face that text far down the page has not requested yet): a face that came
        # late in one run and not the other moved a box by 3 px once, with no script involved.
        page.evaluate("Promise.all([...document.fonts].map(face => face.load().catch(() => null)))")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.documentElement.classList.contains('js')")
        boxes[scripts] = page.evaluate(CONTENT_BOXES)
        if scripts == "run" and "claims" in path:  # the scripts did run: their controls work
            page.select_option("form.ledger-filters select[name=verdict]", "corroborated")
            assert page.locator("table.ledger-table tbody tr:visible").count() < page.locator("table.ledger-table tbody tr").count()
        elif scripts == "run":
            page.locator(".reader button.open-all").click()
            assert page.evaluate("[...document.querySelectorAll('.reader details.notes')].every(d => d.open)")
        context.close()
    assert len(boxes["run"]) == len(boxes["blocked"]) > 100
    moved = [(before, after) for before, after in zip(boxes["blocked"], boxes["run"]) if before != after]
    assert moved == [], moved[:3]


def test_roadmap_points_link_to_their_sentences_and_back(real_site):
    roadmap, report = parse(real_site, "roadmap.html"), parse(real_site, "report.html")
    for point in DATA.roadmap.points:
        heading = roadmap.select_one(f"#point-{point.id}")
        block = heading.find_next_sibling("div", class_="point-text")
        assert block.select_one("p.original").get_text() == DATA.by_id["sentences"][point.sentence].ar
        assert block.select_one(".sentence-tools a")["href"] == f"report.html#{point.sentence}"
        assert report.select_one(f"#{point.sentence} .sentence-tools a")["href"] == f"roadmap.html#point-{point.id}"
        facts = heading.find_next_sibling("dl", class_="point-facts")
        assert len(facts.select("dd")) == 2 and facts.select("sup.cite a")


def test_reduced_motion_is_respected(browser, server):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{server}/report.html")
    durations = page.evaluate("getComputedStyle(document.querySelector('.md-header')).transitionDuration")
    assert all(float(d.rstrip("s")) <= 0.001 for d in re.split(r",\s*", durations))
    context.close()


@pytest.mark.parametrize("prefix", ["", "ar/"])
def test_a_link_to_a_late_sentence_lands_on_it_under_the_header_on_a_phone(browser, server, prefix):
    """A link to a sentence far down the report (a search result, a citation, the language
    switch) shows that sentence at the top of a phone's screen, below the sticky header, once
    the fonts have swapped in."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    late = SENTENCES[len(SENTENCES) * 2 // 3].id
    page.goto(f"{server}/{prefix}report.html#{late}")
    page.evaluate("document.fonts.ready")
    landed = (f"(() => {{ const top = document.getElementById('{late}').getBoundingClientRect().top;"
              " const header = document.querySelector('.md-header').getBoundingClientRect().bottom;"
              " return header - 1 <= top && top <= header + 80; })()")
    wait_until(page, landed)  # the sentence lands just under the header, once laid out
    context.close()
