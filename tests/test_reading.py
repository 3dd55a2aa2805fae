"""Reading quality that axe and Lighthouse do not see (issue 24): in Chromium, on every page of
both languages, quotation marks drawn the way the quotation's own language draws them, and every
citation and every run in the other language isolated from the text around it, so that the
bidirectional algorithm cannot join a citation to a neighbouring number ("³⁴،2018") or carry
punctuation across a run of the other direction."""
from __future__ import annotations

import re

import pytest
from conftest import FULL_MATRIX_ONLY, LANGS, PAGES, found_once_per_run, parse, wait_until

# The marks each language opens and closes a quotation with (and a quotation inside it).
QUOTES = {"en": '"“" "”" "‘" "’"', "ar": '"«" "»"'}

# Per page: each <q> with its language and computed `quotes`, each citation and each inline
# element in the other language with its computed `unicode-bidi`.
READ = """(pageLang) => {
  const inline = e => getComputedStyle(e).display.startsWith('inline');
  const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${e.textContent.trim().slice(0, 30)}"`;
  const quotes = [...document.querySelectorAll('.md-content q')].map(q =>
    [name(q), (q.closest('[lang]') || document.documentElement).lang, getComputedStyle(q).quotes]);
  const runs = [...document.querySelectorAll('.md-content sup.cite, .md-content [lang]')]
    .filter(e => inline(e) && (e.matches('sup.cite') || e.lang !== (e.parentElement.closest('[lang]') || document.documentElement).lang))
    .map(e => [name(e), getComputedStyle(e).unicodeBidi]);
  return {quotes, runs};
}"""


@pytest.fixture(scope="module")
def readings(browser, real_site, tmp_path_factory):
    """What READ finds on every page, by page; read once for the run."""
    return found_once_per_run(tmp_path_factory, "readings", lambda: _read(browser, real_site))


def _read(browser, real_site) -> dict:
    page = browser.new_page()
    found = {}
    for lang, (prefix, _) in LANGS.items():
        for name in PAGES:
            page.goto((real_site / f"{prefix}{name}").as_uri())
            found[f"{prefix}{name}"] = page.evaluate(READ, lang)
            if lang == "ar":
                found[f"{prefix}{name}"]["pairs"] = page.evaluate(SPLIT_PAIRS)
    page.close()
    return found


def test_quotation_marks_follow_the_quotations_language(readings):
    wrong = [(page, q) for page, found in readings.items() for q in found["quotes"] if q[2] != QUOTES.get(q[1], q[2])]
    assert sum(len(found["quotes"]) for found in readings.values()) > 100  # the notes quote in both languages
    assert not wrong, f"{len(wrong)} quotations drawn with another language's marks, e.g. {wrong[:3]}"


def test_citations_and_runs_in_the_other_language_are_isolated(readings):
    runs = [(page, run) for page, found in readings.items() for run in found["runs"]]
    assert len(runs) > 200
    loose = [(page, run) for page, run in runs if run[1] not in ("isolate", "isolate-override", "plaintext")]
    assert not loose, f"{len(loose)} citations or runs of the other language not isolated, e.g. {loose[:3]}"


def test_the_interface_speaks_the_pages_language(real_site):
    """On Arabic pages, the theme's own words (the header, the colour switch, the language menu,
    the navigation, back to top) are Arabic, and spelt right (no hamza on اختر or ابحث)."""
    english = []
    for name in PAGES:
        soup = parse(real_site, f"ar/{name}")
        for element in soup.select("header [aria-label], header [title], header [placeholder], nav[aria-label], "
                                   ".md-top, .md-footer [aria-label], [data-md-component=palette] [title]"):
            for attribute in ("aria-label", "title", "placeholder"):
                words = element.get(attribute) or ""
                if re.search(r"[A-Za-z]{2,}", words.replace("English", "")):
                    english.append((name, attribute, words))
        assert not re.search(r"إختر|إبحث", str(soup)), f"ar/{name}: a hamza the imperative does not take"
    assert not english, f"English interface words on Arabic pages: {sorted(set(english))[:5]}"


# The focused element's look, and its look once blurred. A focused input that is not drawn (a
# 0x0 radio, an opacity-0 checkbox) shows its focus on the label the reader sees.
FOCUS_LOOK = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const drawn = x => { const r = x.getBoundingClientRect(); return r.width > 2 && r.height > 2 && getComputedStyle(x).opacity !== '0'; };
  let shown = e;
  if (e.tagName === 'INPUT' && !drawn(e)) shown = [...(e.labels || [])].find(drawn) || e.nextElementSibling || e;
  const look = () => { const s = getComputedStyle(shown);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.textDecorationLine, s.borderColor].join('|'); };
  const focused = look();
  e.blur();
  const blurred = look();
  e.focus({preventScroll: true});
  const name = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 25)}"`;
  return [name, focused !== blurred];
}"""


def _tab_through(page, measure: str, presses: int) -> dict:
    """Press Tab `presses` times; `measure` (a script returning [name, value], or null) for each
    control the focus reaches, by its name, the first time it is reached."""
    seen = {}
    for _ in range(presses):
        page.keyboard.press("Tab")
        found = page.evaluate(measure)
        if found is not None and found[0] not in seen:
            seen[found[0]] = found[1]
    return seen


@pytest.mark.parametrize("path", ["index.html", "report.html", "ar/report.html", "claims.html"])
def test_every_control_reached_by_keyboard_shows_its_focus(browser, real_site, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((real_site / path).as_uri())
    seen = _tab_through(page, FOCUS_LOOK, 70)
    page.close()
    unmarked = [name for name, marked in seen.items() if not marked]
    assert len(seen) > 15, seen
    assert not unmarked, f"{path}: {len(unmarked)} of {len(seen)} controls look the same focused, e.g. {unmarked[:6]}"


# The focused element's ring against what is behind it: the first opaque background among its
# ancestors (the outline is drawn around the element, over its parent), or from the element
# itself for a ring drawn inside it (a negative outline-offset: over its own background).
RING_CONTRAST = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const style = getComputedStyle(e);
  if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return null;
  let behind = parseFloat(style.outlineOffset) < 0 ? e : e.parentElement, back = null;
  for (; behind; behind = behind.parentElement) {
    const c = rgb(getComputedStyle(behind).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] >= 0.5)) { back = c; break; }
  }
  back = back || rgb(getComputedStyle(document.body).backgroundColor);
  const [a, b] = [lum(rgb(style.outlineColor)), lum(back)].sort((x, y) => y - x);
  const name = `${e.tagName.toLowerCase()}.${(typeof e.className === 'string' && e.className.split(' ')[0]) || ''} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 20)}"`;
  return [name, Math.round((a + 0.05) / (b + 0.05) * 100) / 100];
}"""


@pytest.mark.parametrize("path, width, scheme", [
    ("report.html", 1280, "light"), ("ar/report.html", 390, "dark"),
    pytest.param("report.html", 1280, "dark", marks=FULL_MATRIX_ONLY),
    pytest.param("ar/report.html", 390, "light", marks=FULL_MATRIX_ONLY)])
def test_every_focus_ring_stands_out_from_what_is_behind_it(browser, real_site, path, width, scheme):
    """WCAG 1.4.11: a focus indicator at 3:1 at least against its background, in both schemes,
    on the header's controls as on the page's (the theme's orange accent gave 2:1 on the header)."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto((real_site / path).as_uri())
    seen = _tab_through(page, RING_CONTRAST, 40)
    page.close()
    faint = [[name, ratio] for name, ratio in seen.items() if ratio < 3]
    assert len(seen) > 10, seen
    assert not faint, f"{path} {scheme}: focus rings under 3:1: {faint[:6]}"


# Inside the open search: the focused control, the style of its ring, its contrast (RING_CONTRAST),
# and every element of the header (which holds the search) that draws an outline.
SEARCH_RING = """() => {
  const e = document.activeElement;
  if (!e || !e.closest('#explainer-search')) return null;
  const name = x => `${x.tagName.toLowerCase()}.${(typeof x.className === 'string' && x.className.split(' ')[0]) || ''}`;
  const drawn = x => { const s = getComputedStyle(x); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; };
  const rings = [...document.querySelectorAll('.md-header, .md-header *')].filter(drawn).map(name);
  const ratio = (%s)();
  // The ring's box (the element's, grown by offset and width) inside the window and inside every
  // ancestor that clips: a ring cut by the edge of the screen is not seen whole.
  const s = getComputedStyle(e), grow = parseFloat(s.outlineOffset) + parseFloat(s.outlineWidth);
  const r = e.getBoundingClientRect();
  const ring = {left: r.left - grow, top: r.top - grow, right: r.right + grow, bottom: r.bottom + grow};
  const within = b => ring.left >= b.left - 0.5 && ring.top >= b.top - 0.5 && ring.right <= b.right + 0.5 && ring.bottom <= b.bottom + 0.5;
  let whole = within({left: 0, top: 0, right: innerWidth, bottom: innerHeight});
  for (let a = e.parentElement; a && whole; a = a.parentElement) {
    if (getComputedStyle(a).overflow !== 'visible') whole = within(a.getBoundingClientRect());
  }
  return [name(e), {style: s.outlineStyle, rings, ratio: ratio && ratio[1], whole}];
}""" % RING_CONTRAST


@pytest.mark.parametrize("path, width, scheme", [("report.html", 1280, "light"), ("ar/report.html", 390, "dark")])
def test_in_search_each_focused_control_has_one_ring_in_the_projects_style(browser, real_site, path, width, scheme):
    """The search field, its clear button, the results area and a result, reached by keyboard:
    one ring each, the focused control's own (the field once lit its icon's label too, through
    `input:focus-visible + label`), drawn solid in --explainer-focus at 3:1 (the results area
    showed the browser's own 'auto' ring), and whole (on a phone the field's ring, drawn outside
    it, was cut by the screen's top edge)."""
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto((real_site / path).as_uri())
    page.keyboard.press("/")
    page.keyboard.type("Daraa" if path == "report.html" else "درعا")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    seen = {}
    for press in range(6):
        found = page.evaluate(SEARCH_RING)
        if found is None:
            break
        seen.setdefault(found[0], found[1])
        page.keyboard.press("Tab")
    page.close()
    assert {"input.md-search__input", "div.md-search__scrollwrap", "a.md-search-result__link"} <= set(seen), seen
    for name, ring in seen.items():
        assert ring["rings"] == [name], f"{path} {scheme}: {name} focused, rings on {ring['rings']}"
        assert ring["style"] == "solid" and ring["ratio"] >= 3 and ring["whole"], f"{path} {scheme}: {name}: {ring}"


@pytest.mark.parametrize("path", ["report.html", "ar/report.html"])
def test_in_search_the_empty_results_area_is_no_tab_stop(browser, real_site, path):
    """With nothing typed the results area holds only the hint: Tab from the field went to it and
    drew a ring round the hint alone. It is a Tab stop (a keyboard scrolls it) once it holds
    results, and no longer when the field is cleared."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((real_site / path).as_uri())
    page.keyboard.press("/")
    area = page.locator(".md-search__scrollwrap")
    reachable = "e => e.tabIndex >= 0 && e.hasAttribute('tabindex')"
    page.locator(".md-search-result__meta").filter(has_text=re.compile(".")).wait_for(timeout=15000)
    page.wait_for_timeout(300)  # the index loaded and the hint shown
    assert not area.evaluate(reachable)
    page.keyboard.type("Daraa" if path == "report.html" else "درعا")
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    assert area.evaluate(reachable)
    page.locator(".md-search__options button[type=reset]").click()
    wait_until(page, "!document.querySelector('.md-search__scrollwrap').hasAttribute('tabindex')", timeout=5)
    page.close()


# Each "word/word" pair of Arabic text (a month written both ways, "تموز/يوليو"), laid out as
# narrow as it can be in its own place and font: more than one line means a line could end
# at its slash.
SPLIT_PAIRS = """() => {
  // Closed lists ("Appears in", notes) laid out open: a probe inside a closed <details> has no line to measure.
  document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; });
  const pair = /[\\u0621-\\u064a]+\\/\\u2060?[\\u0621-\\u064a]+/g;
  const walker = document.createTreeWalker(document.querySelector('.md-content'), NodeFilter.SHOW_TEXT);
  const seen = [], split = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(pair)) {
      const probe = document.createElement('span');
      probe.style.cssText = 'display:inline-block;width:min-content;white-space:normal';
      const one = probe.cloneNode();
      probe.textContent = match[0];
      one.textContent = 'ا';
      node.parentNode.append(probe, one);
      seen.push(match[0]);
      if (probe.getBoundingClientRect().height > one.getBoundingClientRect().height * 1.5) split.push(match[0]);
      probe.remove(); one.remove();
    }
  }
  return [seen.length, split];
}"""


def test_month_pairs_never_break_at_their_slash(readings):
    pairs = {page: found["pairs"] for page, found in readings.items() if "pairs" in found}
    total = sum(seen for seen, _ in pairs.values())
    broken = [(page, pair) for page, (_, split) in pairs.items() for pair in split]
    assert total > 100, total  # the Arabic pages write dates with both month names
    assert not broken, f"{len(broken)} pairs can break at their slash, e.g. {broken[:3]}"


# The focused element, and what is drawn over it: at its centre and near its four corners, the
# topmost element, when it is not the focused one (or inside it) and belongs to a fixed or sticky
# element (the header, a floating button): WCAG 2.4.11, focus not obscured.
COVERED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const box = e.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const name = `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 25)}"`;
  if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) return [name, ['off the screen']];
  const pinned = x => { for (; x && x !== document.body; x = x.parentElement) {
    if (['fixed', 'sticky'].includes(getComputedStyle(x).position)) return x; } return null; };
  const inset = Math.min(3, box.width / 3, box.height / 3);
  const points = [[(box.left + box.right) / 2, (box.top + box.bottom) / 2], [box.left + inset, box.top + inset],
                  [box.right - inset, box.top + inset], [box.left + inset, box.bottom - inset], [box.right - inset, box.bottom - inset]];
  const over = new Set();
  for (const [x, y] of points) {
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const top = document.elementFromPoint(x, y);
    if (!top || e.contains(top) || top.contains(e) || (e.labels && [...e.labels].some(l => l.contains(top)))) continue;
    const p = pinned(top);
    if (p && !p.contains(e)) over.add(p.className || p.tagName);
  }
  return [name, [...over]];
}"""


@pytest.mark.parametrize("width, path", [(390, "report.html"),
                                         pytest.param(1280, "ar/report.html", marks=FULL_MATRIX_ONLY)])
def test_no_fixed_element_covers_the_focused_control(browser, real_site, width, path):
    """Through the header, the controls and into the text, and back up (where a control scrolls
    into view at the top, under the header); a phone in one language, a desktop in the other."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    covered, seen = [], 0
    for path in (path,):
        page.goto((real_site / path).as_uri())
        for key in ["Tab"] * 32 + ["Shift+Tab"] * 32:
            page.keyboard.press(key)
            # Once what the key started has ended (a scroll, search or a drawer sliding out).
            wait_until(page, "document.getAnimations().every(a => a.playState !== 'running')")
            found = page.evaluate(COVERED)
            if found is not None:
                seen += 1
                if found[1]:
                    covered.append((path, key, *found))
    page.close()
    assert seen > 45
    assert not covered, f"{len(covered)} focused controls under a fixed element, e.g. {covered[:3]}"
