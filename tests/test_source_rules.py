"""Two rules about sources, each proved on a broken copy of the small fixture project: a
statement rests only on a source read at its page (no citation of a source marked
`reconstructed: true`, no source without `supports`), and a mirror or aggregator is no
publisher's own site (not in `sites:`, not as a source's URL without `via:`). Messages are
pinned exactly: they are what the author reads."""
from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import append, edit, first_stage_problems, mkdocs_build, problems_of

# A second source, read only through its address: listed, but not to be cited.
UNREAD = ("  - id: wire-two\n    publisher: Example Wire\n    title: Another headline\n    date: 2018-07-06\n"
          "    url: https://example.org/wire-two\n    language: en\n"
          "    supports: \"The page address reads: another-headline.\"\n    reconstructed: true\n")
WHERE = "(reconstructed: true, data/sources.yaml line 17)"
WAY_OUT = ("read the page and quote it in 'supports', then remove 'reconstructed', or cite a source "
           "that says it")


def test_an_unread_source_may_be_listed(mini):
    append(mini, "data/sources.yaml", UNREAD)
    assert first_stage_problems(mini) == []
    assert mkdocs_build(mini).returncode == 0
    assert "Another headline" in (mini / "site/sources.html").read_text(encoding="utf-8")


def test_citing_an_unread_source_is_located_at_the_citation(mini):
    append(mini, "data/sources.yaml", UNREAD)
    edit(mini, "data/timeline.yaml", "cite: [wire-one]", "cite: [wire-one, wire-two]")
    edit(mini, "data/claims.yaml", "    cite: [wire-one]\n",
         "    cite: [wire-one]\n    accounts:\n      - source: wire-two\n        en: The other wire.\n"
         "        ar: الوكالة الأخرى.\n")
    assert problems_of(mini) == [
        f"data/claims.yaml:13:17: claims[0].accounts[0].source: cites source 'wire-two', whose 'supports' text "
        f"was not read on its page {WHERE}; {WAY_OUT}",
        f"data/timeline.yaml:7:22: entries[0].cite[1]: cites source 'wire-two', whose 'supports' text was not "
        f"read on its page {WHERE}; {WAY_OUT}",
    ]


def test_citing_an_unread_source_in_a_page_is_located_at_the_macro(mini):
    append(mini, "data/sources.yaml", UNREAD)
    edit(mini, "content/en/index.md", "{{ cite(*data.event.summary.cite) }}",
         "{{ cite(*data.event.summary.cite) }} Also said elsewhere.{{ cite('wire-two') }}")
    assert problems_of(mini) == [
        f"content/en/index.md:3:93: cite('wire-two'): cites source 'wire-two', whose 'supports' text was not "
        f"read on its page (reconstructed: true, data/sources.yaml); {WAY_OUT}"]


def test_reading_the_page_lifts_the_rule(mini):
    append(mini, "data/sources.yaml", UNREAD.replace("    reconstructed: true\n", "    reconstructed: false\n"))
    edit(mini, "data/timeline.yaml", "cite: [wire-one]", "cite: [wire-one, wire-two]")
    assert first_stage_problems(mini) == []


def test_a_source_without_supports_is_located_at_the_source(mini):
    edit(mini, "data/sources.yaml", "    supports: “A test quotation.”\n", "")
    assert problems_of(mini) == [
        "data/sources.yaml:3:5: sources[0]: has no 'supports:'; quote what we read on the page, or, when it is "
        "not words to quote (a data record), write 'supports_note:' on an 'en:' and an 'ar:' line"]


def test_a_mirror_cannot_be_listed_as_a_publishers_site(mini):
    edit(mini, "data/sources.yaml", "sites: [{host: example.org, publisher: \"Example Wire\"}]",
         "sites: [{host: example.org, publisher: \"Example Wire\"}, {host: docslib.org, publisher: UN OCHA}]")
    assert problems_of(mini) == [
        "data/sources.yaml:1:64: sites[1].host: docslib.org republishes other sites' pages and is no publisher's "
        "own site, not even UN OCHA's; remove this entry, and give each source read there a 'via:' naming the copy"]


def test_a_source_on_a_document_sharing_site_or_a_proxy_needs_via(mini):
    for url in ("https://right-docs.org/doc/a-hrc-39-65", "https://rp.liu233w.com/https/example.org/wire-one"):
        edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", f"url: {url}")
        host = url.split("/")[2]
        assert problems_of(mini) == [
            f"data/sources.yaml:7:10: sources[0].url: {host} republishes other sites' pages; link the "
            "publisher's own page, or say where we read the copy with 'via:'"]
        edit(mini, "data/sources.yaml", f"url: {url}", "url: https://example.org/wire-one")


def test_where_we_read_a_copy_is_said_in_both_languages(mini):
    """`via:` is our sentence about the copy: one string, as it was once written, is refused
    with what to write instead."""
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one",
         "url: https://wikimili.com/en/Testtown\n    via: WikiMili, a mirror")
    assert problems_of(mini) == [
        "data/sources.yaml:8:10: sources[0].via: expected the text in both languages, found 'WikiMili, a mirror'; "
        "write it on an 'en:' line and an 'ar:' line under this field"]


def test_an_untitled_page_is_described_in_each_pages_language(mini):
    """A bracketed title was our words passed off as the source's: it is refused, and
    `untitled:` is shown in brackets, in English on the English page and in Arabic (its Latin
    name isolated) on the Arabic one, in the list and in a citation's preview."""
    edit(mini, "data/sources.yaml", "title: A test headline", 'title: "[Headline not recorded]"')
    assert problems_of(mini) == [
        "data/sources.yaml:5:12: sources[0].title: is in brackets, so it is our words, not the headline; write it "
        "under 'untitled:' instead, without the brackets, on an 'en:' and an 'ar:' line, found '[Headline not recorded]'"]
    edit(mini, "data/sources.yaml", 'title: "[Headline not recorded]"',
         "untitled:\n      en: Headline not recorded; Example Wire item 42\n"
         "      ar: العنوان غير مسجَّل؛ خبر Example Wire رقم 42")
    assert mkdocs_build(mini).returncode == 0
    for folder, lang, shown in (("", "en", "[Headline not recorded; Example Wire item 42]"),
                                ("ar/", "ar", "[العنوان غير مسجَّل؛ خبر Example Wire رقم 42]")):
        soup = BeautifulSoup((mini / f"site/{folder}sources.html").read_text(encoding="utf-8"), "html.parser")
        title = soup.select_one("#src-wire-one cite")
        assert (title.get_text(), title["lang"], title.get("class")) == (shown, lang, ["untitled"])
        assert [b.get_text() for b in title.find_all("bdi")] == (["Example Wire"] if lang == "ar" else [])
        previews = [a["data-preview"] for page in (mini / f"site/{folder}").glob("*.html")
                    for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[data-preview]")
                    if "#src-wire-one" in a["href"]]
        # Plain text has no <bdi>: on the Arabic page the Latin run is isolated with FSI/PDI.
        plain = shown.replace("Example Wire", "\u2068Example Wire\u2069") if lang == "ar" else shown
        assert previews and all(p.endswith(f". {plain}") for p in previews), previews



def _entry(mini, folder: str):
    soup = BeautifulSoup((mini / f"site/{folder}sources.html").read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("#src-wire-one")


def _previews(mini, folder: str) -> list[str]:
    return [a["data-preview"] for page in (mini / f"site/{folder}").glob("*.html")
            for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a[data-preview]")
            if "#src-wire-one" in a["href"]]


def test_our_note_about_a_publisher_is_said_in_each_pages_language(mini):
    """A publisher's name is its own; what we add about it ("quoting Reuters", ", AFP") was
    written inside the name and shown in English on Arabic pages. Left there it is refused where
    it is written; under `publisher_note:` it follows the name in brackets, in the page's language,
    outside the name's <bdi>, in the list and in a citation's preview."""
    for written, held in (("Example Wire (quoting Reuters)", "(quoting Reuters)"), ("Example Wire, AFP", ",")):
        edit(mini, "data/sources.yaml", "    publisher: Example Wire\n", f"    publisher: {written}\n")
        assert problems_of(mini) == [
            f"data/sources.yaml:4:16: sources[0].publisher: '{written}' holds '{held}', a note of ours about the "
            "publisher; keep here only its name as it writes it (its Arabic name may follow in brackets), and "
            "write the note under 'publisher_note:', without brackets, on an 'en:' and an 'ar:' line"]
        edit(mini, "data/sources.yaml", f"    publisher: {written}\n", "    publisher: Example Wire\n")
    # Its own name in Arabic script, in brackets, is no note of ours.
    edit(mini, "data/sources.yaml", "    publisher: Example Wire\n",
         "    publisher: Example Wire (وكالة المثال)\n    publisher_note:\n      en: quoting Reuters\n"
         "      ar: نقلاً عن رويترز\n")
    assert mkdocs_build(mini).returncode == 0
    for folder, note, separator in (("", "quoting Reuters", ", "), ("ar/", "نقلاً عن رويترز", "، ")):
        entry = _entry(mini, folder)
        assert entry.find("bdi").get_text() == "Example Wire (وكالة المثال)"
        assert entry.get_text().strip().startswith(f"Example Wire (وكالة المثال) ({note}){separator}"), entry.get_text()
        previews = _previews(mini, folder)
        assert previews and all(f"({note}){separator}" in p for p in previews), previews


def test_a_note_in_place_of_a_quotation_is_in_each_pages_language(mini):
    """`supports` is a quotation, in the source's language; what we read in a data record is
    described in our words (`supports_note:`), shown in the page's language. Both at once is refused."""
    note = ("    supports_note:\n      en: record 42, country SY\n"
            "      ar: السجل 42، البلد SY\n")
    edit(mini, "data/sources.yaml", "    supports: “A test quotation.”\n", "    supports: “A test quotation.”\n" + note)
    assert problems_of(mini) == [
        "data/sources.yaml:3:5: sources[0]: has both 'supports:' and 'supports_note:'; keep 'supports:' for a "
        "quotation read on the page, else 'supports_note:'"]
    edit(mini, "data/sources.yaml", "    supports: “A test quotation.”\n", "")
    assert mkdocs_build(mini).returncode == 0
    for folder, lang, shown in (("", "en", "record 42, country SY"), ("ar/", "ar", "السجل 42، البلد SY")):
        supports = _entry(mini, folder).select_one("span.supports")
        assert (supports.get_text(), supports["lang"], supports["dir"], supports["class"]) == (
            shown, lang, "rtl" if lang == "ar" else "ltr", ["supports", "note"])
