"""Two rules about sources, each proved on a broken copy of the small fixture project: a
statement rests only on a source read at its page (no citation of a source marked
`reconstructed: true`, no source without `supports`), and a mirror or aggregator is no
publisher's own site (not in `sites:`, not as a source's URL without `via:`). Messages are
pinned exactly: they are what the author reads."""
from __future__ import annotations

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
        "data/sources.yaml:3:5: sources[0].supports: missing field 'supports'; add 'supports:' here"]


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
