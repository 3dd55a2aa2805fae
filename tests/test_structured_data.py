"""Structured data (issue 26): every page's JSON-LD parses, uses only schema.org's terms for
its types, speaks the page's language and agrees with what the page shows; each claim of the
ledger has one ClaimReview with the verdict the page shows; a correction is a CorrectionComment;
text from the data cannot end the script element."""
from __future__ import annotations

import json
import shutil

from conftest import LANGS, PAGES, ROOT, mkdocs_build, parse, real_data

from explainer.pages_out.reader import claim_anchor

# The properties each type may carry, with its parent type: copied from schema.org's
# vocabulary, release 29.4 (schemaorg/schemaorg, data/releases/29.4/schemaorg-current-https-types.csv:
# the rows of ArchiveComponent and Comment for CreativeWork's and Comment's properties, of
# ClaimReview, and of 3DModel for MediaObject's), cut to the terms this engine writes. Claim,
# Rating, Dataset, DataDownload, WebSite, Article and Organization are listed by hand from
# schema.org's pages of those types.
THING = {"name", "description", "url", "alternateName", "image", "mainEntityOfPage", "@id"}
VOCABULARY = {
    "Thing": (None, THING),
    "CreativeWork": ("Thing", {"author", "correction", "creator", "dateModified", "datePublished", "headline",
                               "inLanguage", "isBasedOn", "isPartOf", "publisher", "text"}),
    "Article": ("CreativeWork", set()),
    "WebSite": ("CreativeWork", set()),
    "Comment": ("CreativeWork", set()),
    "CorrectionComment": ("Comment", set()),
    "Review": ("CreativeWork", {"itemReviewed", "reviewRating", "reviewBody"}),
    "ClaimReview": ("Review", {"claimReviewed"}),
    "Claim": ("CreativeWork", {"appearance", "firstAppearance", "claimInterpreter"}),
    "Rating": ("Thing", {"ratingValue", "bestRating", "worstRating", "author"}),
    "Dataset": ("CreativeWork", {"distribution"}),
    "MediaObject": ("CreativeWork", {"contentUrl", "encodingFormat"}),
    "DataDownload": ("MediaObject", set()),
    "Organization": ("Thing", set()),
}


def allowed(kind: str) -> set[str]:
    parent, own = VOCABULARY[kind]
    return own | (allowed(parent) if parent else set())


def nodes(value):
    """Every node (an object with @type) of a JSON-LD value, nested ones included."""
    if isinstance(value, dict):
        if "@type" in value:
            yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def graph_of(soup) -> list[dict]:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, len(scripts)
    document = json.loads(scripts[0].string)
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def test_every_page_has_json_ld_in_its_language_with_only_schema_org_terms(real_site):
    for lang, (folder, _) in LANGS.items():
        for page in PAGES:
            soup = parse(real_site, folder + page)
            graph = graph_of(soup)
            for node in nodes(graph):
                assert node["@type"] in VOCABULARY, (page, node["@type"])
                unknown = set(node) - {"@type"} - allowed(node["@type"])
                assert not unknown, (folder + page, node["@type"], unknown)
            main = graph[0]
            assert main["@type"] == ("WebSite" if page == "index.html" else "Article"), page
            assert main["inLanguage"] == soup.html["lang"] == lang
            if page != "index.html":  # the headline is the page's own title, as shown
                # (the page keeps a date on one line: a no-break space, a word joiner)
                shown = soup.h1.get_text(strip=True).replace("\xa0", " ").replace("\u2060", "")
                assert main["headline"].replace("\u2060", "") == shown, page
                assert main["url"] == soup.find("link", rel="canonical")["href"]
            for review in (n for n in graph if n["@type"] == "ClaimReview"):
                assert review["inLanguage"] == lang


def test_each_claim_has_one_claim_review_with_the_verdict_the_ledger_shows(real_site):
    claims = real_data().models["claims"].claims
    for lang, (folder, _) in LANGS.items():
        soup = parse(real_site, folder + "claims.html")
        reviews = [node for node in graph_of(soup) if node["@type"] == "ClaimReview"]
        assert len(reviews) == len(claims)
        canonical = soup.find("link", rel="canonical")["href"]
        for claim in claims:
            mine = [r for r in reviews if r["url"] == f"{canonical}#ledger-{claim.id}"]
            assert len(mine) == 1, claim.id
            review = mine[0]
            row = soup.find(id=f"ledger-{claim.id}")  # the anchor the url names is on the page
            assert row is not None, claim.id
            assert review["reviewRating"]["alternateName"] == row.select_one(".verdict-badge").get_text(strip=True)
            assert review["claimReviewed"] == row.q.get_text(strip=True) == getattr(claim.span, lang)
            rating = review["reviewRating"]
            if claim.verdict in ("unverified", "opinion"):  # not a finding of truth: no position on the scale
                assert "ratingValue" not in rating, claim.id
            else:
                assert (rating["worstRating"], rating["bestRating"]) == (1, 3)
                assert rating["ratingValue"] == {"corroborated": 3, "corroborated-with-differences": 2,
                                                 "disputed": 1}[claim.verdict]
            appearance = review["itemReviewed"]["appearance"]
            assert appearance["url"].endswith(f"{folder}report.html#{claim.sentence}")
            assert "author" not in review["itemReviewed"]  # the report names no author


def test_the_open_data_is_a_dataset_on_the_page_that_links_it(real_site):
    for folder in ("", "ar/"):
        soup = parse(real_site, folder + "about.html")
        datasets = [n for n in graph_of(soup) if n["@type"] == "Dataset"]
        assert len(datasets) == 1
        urls = [d["contentUrl"] for d in datasets[0]["distribution"]]
        assert urls[0].endswith("/data/publication.json")
        for url in urls:  # each file it names is in the site
            assert (real_site / url.split("/", 3)[3]).is_file(), url
        others = [n for page in PAGES if page != "about.html" for n in graph_of(parse(real_site, folder + page))]
        assert not [n for n in others if n["@type"] == "Dataset"]


CORRECTION = """corrections:
  - id: wrong-day
    date: 2018-07-09
    target: p1-s1
    wrong: {en: "The translation said Tuesday.", ar: "قالت الترجمة الثلاثاء."}
    now: {en: "It says Wednesday.", ar: "تقول الأربعاء."}
    why: {en: "A reader's report.", ar: "بلاغ من قارئ."}
"""


def test_a_correction_is_a_correction_comment_and_data_cannot_end_the_script(mini, monkeypatch):
    (mini / "data" / "corrections.yaml").write_text(CORRECTION, encoding="utf-8")
    schema = mini / "data" / "schema" / "corrections.schema.json"
    if not schema.exists():  # written by `python -m explainer schema`; the fixture may predate it
        shutil.copy(ROOT / "data" / "schema" / "corrections.schema.json", schema)
    monkeypatch.setenv("EXPLAINER_PUBLISHER", "Example Desk </script><script>alert(1)</script><!--")
    monkeypatch.setenv("EXPLAINER_FIRST_PUBLISHED", "2018-07-06")
    monkeypatch.setenv("EXPLAINER_SITE_URL", "https://news.example.org/explainer/")
    result = mkdocs_build(mini)
    assert result.returncode == 0, result.stdout + result.stderr
    site = mini / "site"
    for folder, lang in (("", "en"), ("ar/", "ar")):
        soup = parse(site, folder + "report.html")
        assert not [s for s in soup.find_all("script") if "alert(1)" in (s.string or "")
                    and s.get("type") != "application/ld+json"]
        article = graph_of(soup)[0]
        assert article["publisher"] == {"@type": "Organization",
                                        "name": "Example Desk </script><script>alert(1)</script><!--"}
        assert article["datePublished"] == "2018-07-06"
        correction = article["correction"]
        assert len(correction) == 1 and correction[0]["@type"] == "CorrectionComment"
        assert correction[0]["datePublished"] == "2018-07-09"
        assert ("Tuesday" if lang == "en" else "الثلاثاء") in correction[0]["text"]
        # Only the page that shows the corrected sentence carries it.
        assert "correction" not in graph_of(parse(site, folder + "timeline.html"))[0]


def test_a_correction_is_told_on_the_page_of_the_entry_it_concerns_only():
    """An id two kinds share (an actor and a glossary term: tansiqiyat) names the one its `kind`
    says, as the checks and the marks read it: the term's correction belongs on the glossary,
    not on the actors page too."""
    from explainer.data_in.schema.corrections import Correction
    from explainer.pages_out.structured_data import _anchors

    data = real_data()
    assert "tansiqiyat" in data.by_id["actors"] and "tansiqiyat" in data.by_id["terms"]
    text = {"en": "x", "ar": "س"}
    fields = {"id": "c", "date": "2018-07-09", "wrong": text, "now": text, "why": text}
    assert _anchors(Correction(target="tansiqiyat", kind="term", **fields), data) == ["term-tansiqiyat"]
    assert _anchors(Correction(target="tansiqiyat", kind="actor", **fields), data) == ["actor-tansiqiyat"]
    claim = data.models["claims"].claims[0].id
    assert _anchors(Correction(target=claim, **fields), data) == [f"ledger-{claim}", claim_anchor(claim)]
