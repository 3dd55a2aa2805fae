"""The claims ledger: every claim of data/claims.yaml marked in the report in both languages
with its verdict, opened in place; the ledger page's table and counts equal to the data; its
filters in a browser; the build's rules on claims as located errors."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import append, edit, problems_of, real_data

from explainer.pages_out.labels import LABELS

DATA = real_data()
CLAIMS = DATA.claims.claims
SENTENCES = DATA.by_id["sentences"]


def parse(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("name, lang", [("report.html", "en"), ("ar/report.html", "ar")])
def test_every_claim_is_marked_with_its_verdict_and_has_its_note(real_site, name, lang):
    soup = parse(real_site, name)
    labels = LABELS[lang]
    assert len(CLAIMS) >= 30
    for claim in CLAIMS:
        sentence = soup.find(id=claim.sentence)
        for text_lang, css in (("ar", "p.original"), ("en", "p.translation")):
            marks = sentence.select(f'{css} mark[data-notes~="claim-{claim.id}"]')
            assert marks, (claim.id, text_lang)
            assert getattr(claim.span, text_lang) in marks[0].get_text()
            label = labels["claim_of"].format(verdict=labels["verdicts"][claim.verdict])
            assert label in marks[0]["data-verdict"]
        # The marks never change the verbatim text.
        assert sentence.select_one("p.original").get_text() == SENTENCES[claim.sentence].ar
        note = sentence.select_one(f"details.notes-claim #claim-{claim.id}")
        assert note.select_one(".verdict-badge").get_text() == labels["verdicts"][claim.verdict]
        assert len(note.select("ul.accounts > li")) == len(claim.accounts)
        assert len(note.select("sup.cite a")) >= len(set(claim.cite)) + len(claim.accounts) * (claim.accounts != [])


@pytest.mark.parametrize("name, lang", [("claims.html", "en"), ("ar/claims.html", "ar")])
def test_the_ledger_lists_every_claim_with_counts_equal_to_the_data(real_site, name, lang):
    soup = parse(real_site, name)
    rows = soup.select("table.ledger-table tbody tr")
    assert [row["id"] for row in rows] == [f"ledger-{c.id}" for c in CLAIMS]
    counts = {span["data-verdict"]: int(span.get_text()) for span in soup.select(".ledger-count")}
    assert counts == {v: Counter(c.verdict for c in CLAIMS)[v] for v in counts} and sum(counts.values()) == len(CLAIMS)
    for row, claim in zip(rows, CLAIMS):
        assert row["data-verdict"] == claim.verdict and row["data-kind"] == claim.kind
        links = [a["href"] for a in row.select("a[href]") if "report.html" in a["href"]]
        assert links == [f"report.html#claim-{claim.id}", f"report.html#{claim.sentence}"], links
        assert getattr(claim.span, lang) in row.select_one("q").get_text()


def test_how_others_reported_the_same_day(real_site):
    soup = parse(real_site, "claims.html")
    outlets = soup.select(".outlet")
    assert len(outlets) == len(DATA.claims.coverage.outlets) >= 3
    for outlet, data in zip(outlets, DATA.claims.coverage.outlets):
        assert outlet.select_one(f'sup.cite a[href="sources.html#src-{data.source}"]')


# --- the rules ----------------------------------------------------------------------------------

def test_claim_rules_are_located_errors(mini):
    append(mini, "data/claims.yaml", """
  - id: not-there
    sentence: p1-s2
    span: {ar: "كلمة غائبة", en: "ended"}
    kind: fact
    verdict: unverified
    en: Not found.
    ar: لم نجده.
  - id: overlapping
    sentence: p1-s1
    span: {ar: "المدينة صباحاً", en: "town"}
    kind: fact
    verdict: disputed
    en: Disputed.
    ar: موضع خلاف.
    cite: [wire-one]
  - id: no-sources
    sentence: p1-s2
    span: {ar: "انتهى", en: "ended"}
    kind: quote
    verdict: corroborated
    en: Said.
    ar: قيل.
    accounts:
      - {source: no-such-wire, en: It says so., ar: يقول ذلك.}
""")
    assert problems_of(mini) == [
        "data/claims.yaml:15:16: claims[1].span.ar: 'كلمة غائبة' is not in sentence p1-s2's ar text; copy the phrase "
        "exactly from its 'ar:' line",
        "data/claims.yaml:20:5: claims[2].accounts: a 'disputed' verdict shows what the other sources say; add "
        "'accounts:' with at least one source and its account",
        "data/claims.yaml:22:16: claims[2].span.ar: overlaps the phrase of claim 'no-agreement' in the same sentence; "
        "make the two phrases separate",
        "data/claims.yaml:28:5: claims[3].cite: a 'corroborated' verdict rests on sources; cite at least one id from "
        "data/sources.yaml (or make the verdict 'unverified')",
        "data/claims.yaml:36:18: claims[3].accounts[0].source: unknown source 'no-such-wire'; correct the id, or add "
        "the source to data/sources.yaml",
    ]


def test_a_claim_about_an_unknown_sentence_or_of_an_unknown_kind(mini):
    edit(mini, "data/claims.yaml", "kind: fact", "kind: rumour")
    assert problems_of(mini) == ["data/claims.yaml:7:11: claims[0].kind: found 'rumour'; use one of 'fact', "
                                 "'quote', 'attribution' or 'characterisation'"]
    edit(mini, "data/claims.yaml", "kind: rumour", "kind: fact")
    edit(mini, "data/claims.yaml", "sentence: p1-s1", "sentence: p9-s9")
    assert problems_of(mini) == ["data/claims.yaml:3:15: claims[0].sentence: unknown sentence 'p9-s9' (did you mean "
                                 "'p3-s2'?); correct the id, or add the sentence to data/report.yaml"]


# --- in the browser ---------------------------------------------------------------------------

def test_filtering_the_ledger(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.goto(f"{server}/claims.html")
    assert page.locator("form.ledger-filters").is_visible()
    rows = page.locator("table.ledger-table tbody tr")
    page.select_option("form.ledger-filters select[name=verdict]", "corroborated")
    wanted = sum(c.verdict == "corroborated" for c in CLAIMS)
    assert page.locator("table.ledger-table tbody tr:visible").count() == wanted
    page.select_option("form.ledger-filters select[name=kind]", "quote")
    both = sum(c.verdict == "corroborated" and c.kind == "quote" for c in CLAIMS)
    assert page.locator("table.ledger-table tbody tr:visible").count() == both
    assert page.locator(".ledger-status").text_content() == f"{both} of {len(CLAIMS)} claims shown"
    page.select_option("form.ledger-filters select[name=verdict]", "")
    page.select_option("form.ledger-filters select[name=kind]", "")
    assert page.locator("table.ledger-table tbody tr:visible").count() == rows.count() == len(CLAIMS)
    context.close()


def test_the_ledger_is_a_plain_table_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/ar/claims.html")
    assert not page.locator("form.ledger-filters").is_visible()
    assert page.locator("table.ledger-table tbody tr:visible").count() == len(CLAIMS)
    context.close()


def test_a_claim_opens_by_keyboard_and_its_verdict_is_not_colour_alone(page, server):
    claim = next(c for c in CLAIMS if c.verdict == "disputed")
    page.goto(f"{server}/report.html")
    note = page.locator(f"#claim-{claim.id}")
    assert not note.is_visible()
    page.locator(f"#{claim.sentence} details.notes-claim summary").focus()
    page.keyboard.press("Enter")
    assert note.is_visible()
    assert note.locator(".verdict-badge").inner_text().strip().endswith("Disputed")
    mark = page.locator(f'#{claim.sentence} p.translation mark[data-notes~="claim-{claim.id}"]')
    after = mark.evaluate("m => getComputedStyle(m, '::after').content")
    assert "✗" in after  # an icon, whose accessible name is the data-verdict label
    colours = {v: page.evaluate(f"getComputedStyle(document.querySelector('.verdict-badge.verdict-{v}')).color")
               for v in ("corroborated", "disputed")}
    assert colours["corroborated"] != colours["disputed"]


def test_each_marked_claim_has_its_verdict_in_the_accessibility_tree(page, server):
    """The icon after a claim's phrase is CSS content whose alternative text is the verdict:
    a screen reader reads 'Claim check: Disputed' there, not a symbol."""
    page.goto(f"{server}/report.html")
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")
    spoken = [str(node.get("name", {}).get("value", "")) for node in tree["nodes"]]
    wanted = Counter(f"Claim check: {LABELS['en']['verdicts'][c.verdict]}" for c in CLAIMS for _ in ("ar", "en"))
    assert Counter(name for name in spoken if name.startswith("Claim check: ")) == wanted
