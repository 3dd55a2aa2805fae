"""Every mistake an author can make stops the build with one located line per problem,
all problems at once, and no Python traceback. Messages are pinned exactly: they are the
engine's user interface."""
from __future__ import annotations


from conftest import append, edit, error_lines, first_stage_problems, mkdocs_build, problems_of


def test_the_real_build_prints_the_same_lines_and_stops(mini):
    """`mkdocs build` itself, as an author runs it: one ERROR line per problem (the lines the
    other tests get in process from problems_of), a summary, exit 1, no traceback."""
    edit(mini, "data/sources.yaml", "    publisher: Example Wire", "    publisher: [Example Wire")
    edit(mini, "content/en/index.md", "\n## ", "\n{{ term('no-such-term') }}\n\n## ")
    expected = problems_of(mini)
    result = mkdocs_build(mini)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output, output
    lines = error_lines(output)
    assert lines[:-1] == expected and len(expected) >= 1
    assert lines[-1].endswith("in data/ or content/; fix them and build again (the previous site is unchanged)")


def test_invalid_yaml_is_located(mini):
    edit(mini, "data/sources.yaml", "    publisher: Example Wire", "    publisher: [Example Wire")
    assert problems_of(mini) == [
        "data/sources.yaml:5:10: invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence started at line 4, column 16); fix the syntax here"
    ]


def test_wrong_type(mini):
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: north")
    assert problems_of(mini) == [
        "data/places.yaml:6:15: places[0].latitude: expected a number, found 'north'"
    ]


def test_missing_translation_points_at_the_parent(mini):
    edit(mini, "data/roadmap.yaml", "    title:\n      en: Ceasefire\n      ar: وقف إطلاق النار\n",
         "    title:\n      en: Ceasefire\n")
    assert problems_of(mini) == [
        "data/roadmap.yaml:8:5: points[0].title.ar: missing Arabic text; add 'ar:' here"
    ]


def test_unknown_field_is_named(mini):
    edit(mini, "data/actors.yaml", "    kind: organisation", "    kind: organisation\n    colour: blue")
    assert problems_of(mini) == [
        "data/actors.yaml:7:13: actors[0].colour: unknown field 'colour'; remove it or correct its spelling"
    ]


def test_duplicate_id(mini):
    edit(mini, "data/glossary.yaml", "  - id: militants", "  - id: ceasefire")
    assert problems_of(mini) == [
        "data/glossary.yaml:11:9: terms[1].id: duplicate id 'ceasefire' (first used on line 2); give each entry its own id"
    ]


def test_unknown_citation_and_reference(mini):
    edit(mini, "data/timeline.yaml", "cite: [wire-one]", "cite: [wire-two]")
    edit(mini, "data/roadmap.yaml", "sentence: p3-s2", "sentence: p3-s9")
    assert problems_of(mini) == [
        "data/roadmap.yaml:13:15: points[1].sentence: unknown sentence 'p3-s9' (did you mean 'p3-s2'?); "
        "correct the id, or add the sentence to data/report.yaml",
        "data/timeline.yaml:7:12: entries[0].cite[0]: unknown source 'wire-two' (did you mean 'wire-one'?); "
        "correct the id, or add the source to data/sources.yaml",
    ]


def test_changed_source_text_fails(mini):
    edit(mini, "data/source/text.txt", "صباحاً", "مساءً")
    lines = problems_of(mini)
    assert len(lines) == 2
    assert lines[0].startswith("data/report.yaml:2:9: sha256: data/source/text.txt has changed (its SHA-256 is now ")
    assert lines[0].endswith("the source must stay as received: restore it from the original, do not update this hash")
    assert lines[1].startswith("data/report.yaml:11:13: paragraphs[0].sentences[0].ar: differs from "
                               "data/source/text.txt at its line 1, column 23: the source has ")


def test_sentence_edited_in_data_fails(mini):
    edit(mini, "data/report.yaml", "ar: انتهى الاجتماع من دون اتفاق.", "ar: انتهى الاجتماع دون اتفاق.")
    lines = problems_of(mini)
    assert len(lines) == 1
    assert lines[0] == ("data/report.yaml:19:13: paragraphs[0].sentences[1].ar: differs from "
                        "data/source/text.txt at its line 1, column 46: the source has 'هى الاجتماع من دون اتفاق' "
                        "where this has 'هى الاجتماع دون اتفاق.'; copy the text from the source exactly")


def test_unknown_macro_id_names_file_line_and_column(mini):
    edit(mini, "content/en/index.md", "A {{ term('ceasefire') }}", "A {{ term('ceasfire') }}")
    edit(mini, "content/ar/index.md", "{{ place('town') }}", "{{ place('city') }}")
    assert problems_of(mini) == [
        "content/ar/index.md:7:67: place('city'): unknown id 'city'; use an id from data/places.yaml",
        "content/en/index.md:7:11: term('ceasfire'): unknown id 'ceasfire' (did you mean 'ceasefire'?); "
        "use an id from data/glossary.yaml",
    ]


def test_undefined_variable_in_template(mini):
    edit(mini, "content/en/about.md", "We translate.", "We translate {{ dta.event }}.")
    assert problems_of(mini) == [
        "content/en/about.md:5:1: 'dta' is undefined; check the spelling of the name, or see README.md for the macros"
    ]


def test_page_without_twin(mini):
    (mini / "content/en/extra.md").write_text("# Extra\n", encoding="utf-8")
    assert problems_of(mini) == [
        "content/en/extra.md:1:1: has no ar twin; create content/ar/extra.md "
        "(every page exists in both languages at the same path)"
    ]


def test_section_missing_in_twin_and_heading_without_id(mini):
    edit(mini, "content/ar/about.md", "## المنهج { #method }\n", "## المنهج\n")
    assert problems_of(mini) == [
        "content/ar/about.md:1:1: section '#method' (content/en/about.md:3) is missing here; "
        "add it, translated, with the same id",
        "content/ar/about.md:3:1: section heading without an id; end it with {#an-id} shared by both languages",
    ]


def test_all_problems_reported_at_once(mini):
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: 132.5")
    edit(mini, "data/event.yaml", "  ar: حدث تجريبي\n", "")
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", "url: javascript:alert(1)")
    assert problems_of(mini) == [
        "data/event.yaml:1:1: title.ar: missing Arabic text; add 'ar:' here",
        "data/places.yaml:6:15: places[0].latitude: input should be less than or equal to 90, found 132.5",
        "data/sources.yaml:7:10: sources[0].url: must be an http(s) URL made of URL characters only "
        "(no spaces, quotes or angle brackets; percent-encode them); copy the address of the page, "
        "found 'javascript:alert(1)'",
    ]


def test_untranslated_field(mini):
    edit(mini, "data/event.yaml", "  ar: حدث تجريبي", "  ar: A test event")
    assert problems_of(mini) == [
        "data/event.yaml:3:7: title.ar: has no Arabic letters ('A test event'); write the Arabic text here"
    ]


def test_names_are_spelt_as_the_transliteration_table_says(mini):
    append(mini, "data/names.yaml", "  - id: madina\n    ar: المدينة\n    en: Madina\n")
    edit(mini, "data/actors.yaml", "en: A negotiating team.", "en: A negotiating team from Test Town.")
    assert problems_of(mini) == [
        "data/actors.yaml:8:11: actors[0].description.en: spells 'Test Town'; write 'Testtown' "
        "(the spelling in data/names.yaml)",
        "data/report.yaml:12:13: paragraphs[0].sentences[0].en: the Arabic names المدينة but the translation "
        "lacks 'Madina'; spell the name as data/names.yaml does",
    ]


def test_pages_use_the_table_spelling_too(mini):
    edit(mini, "content/en/about.md", "We translate.", "We translate in Test Town.")
    assert problems_of(mini) == [
        "content/en/about.md:5:17: spells 'Test Town'; write 'Testtown' (the spelling in data/names.yaml)",
    ]


def test_source_without_date(mini):
    edit(mini, "data/sources.yaml", "    date: 2018-07-05\n", "")
    assert problems_of(mini) == [
        "data/sources.yaml:3:5: sources[0]: has no date; add 'date:' (when it was published) or, for an "
        "undated reference page, 'accessed:' (when we read it)"
    ]


def test_claim_without_citation_and_source_without_url(mini):
    edit(mini, "data/timeline.yaml", "    cite: [wire-one]\n", "")
    edit(mini, "data/places.yaml", "      en: A town.\n      ar: بلدة.\n      cite: [wire-one]", "      en: A town.\n      ar: بلدة.\n      cite: []")
    edit(mini, "data/sources.yaml", "    url: https://example.org/wire-one\n", "")
    assert problems_of(mini) == [
        "data/places.yaml:16:13: places[0].description.cite: is empty; cite at least one id from "
        "data/sources.yaml (a draft build shows it as 'citation needed')",
        "data/sources.yaml:3:5: sources[0].url: missing field 'url'; add 'url:' here",
        "data/timeline.yaml:2:5: entries[0].cite: missing field 'cite'; add 'cite:' here",
    ]


def test_two_sources_with_one_url(mini):
    append(mini, "data/sources.yaml", "  - id: wire-copy\n    publisher: Example Wire\n    title: Same page\n"
                                      "    date: 2018-07-05\n    url: https://EXAMPLE.org/wire-one/\n    language: en\n"
                                      "    supports: The same page.\n")
    assert problems_of(mini) == [
        "data/sources.yaml:14:10: sources[1].url: the same page as source 'wire-one'; merge the two entries "
        "and cite one id"]


def test_a_mirror_needs_via(mini):
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", "url: https://wikimili.com/en/Testtown")
    assert problems_of(mini) == [
        "data/sources.yaml:7:10: sources[0].url: wikimili.com republishes other sites' pages; link the publisher's "
        "own page, or say where we read the copy with 'via:'"]
    edit(mini, "data/sources.yaml", "url: https://wikimili.com/en/Testtown",
         "url: https://wikimili.com/en/Testtown\n    via:\n      en: WikiMili, a mirror of the English Wikipedia\n"
         "      ar: WikiMili، وهو موقع ينسخ ويكيبيديا الإنجليزية")
    assert mkdocs_build(mini).returncode == 0
    entry = (mini / "site/sources.html").read_text(encoding="utf-8")
    assert "(read on WikiMili, a mirror of the English Wikipedia)" in entry
    entry = (mini / "site/ar/sources.html").read_text(encoding="utf-8")
    assert '(قرأناه على <bdi dir="ltr">WikiMili</bdi>، وهو موقع ينسخ ويكيبيديا الإنجليزية)' in entry


def test_a_url_off_its_publishers_site_needs_via(mini):
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", "url: https://news-copies.example.net/wire-one")
    assert problems_of(mini) == [
        "data/sources.yaml:7:10: sources[0].url: news-copies.example.net is not listed in 'sites:' as a publisher's "
        "own site or an archive; if it is Example Wire's own site, add it there (host: news-copies.example.net, "
        "publisher: Example Wire), else say where we read the copy with 'via:'"]
    edit(mini, "data/sources.yaml", "sites: [{host: example.org, publisher: \"Example Wire\"}]",
         "sites: [{host: example.org, publisher: \"Example Wire\"}, {host: example.net, publisher: Other Paper}]")
    assert problems_of(mini) == [
        "data/sources.yaml:7:10: sources[0].url: news-copies.example.net is listed in 'sites:' as Other Paper's "
        "site, not Example Wire's; say where we read the copy with 'via:', or correct the publisher"]
    edit(mini, "data/sources.yaml", "url: https://news-copies.example.net/wire-one",
         "url: https://news-copies.example.net/wire-one\n    via: {en: \"Other Paper's site, which carried the wire\", "
         "ar: \"موقع Other Paper، الذي نقل البرقية\"}")
    assert first_stage_problems(mini) == []


def test_a_subdomain_of_the_publishers_site_and_an_archive_need_no_via(mini):
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", "url: https://www.english.example.org/wire-one")
    assert first_stage_problems(mini) == []
    edit(mini, "data/sources.yaml", "url: https://www.english.example.org/wire-one",
         "url: https://web.archive.org/web/2018/https://example.org/wire-one")
    edit(mini, "data/sources.yaml", "sites: [{host: example.org, publisher: \"Example Wire\"}]",
         "sites: [{host: example.org, publisher: \"Example Wire\"}, {host: web.archive.org, archive: true}]")
    assert first_stage_problems(mini) == []


def test_a_host_name_ending_in_a_dot(mini):
    edit(mini, "data/sources.yaml", "url: https://example.org/wire-one", "url: https://example.org./wire-one")
    assert problems_of(mini) == ["data/sources.yaml:7:10: sources[0].url: the host name ends with a dot; remove it"]


def test_a_site_names_its_publisher_or_is_an_archive(mini):
    edit(mini, "data/sources.yaml", "sites: [{host: example.org, publisher: \"Example Wire\"}]",
         "sites: [{host: www.example.org, publisher: Example Wire, archive: true}]")
    assert problems_of(mini) == [
        "data/sources.yaml:1:9: sites[0]: write the host without 'www.' (it covers www. and every other subdomain)"]


def test_a_copy_is_named_in_via_not_in_the_publisher(mini):
    edit(mini, "data/sources.yaml", "publisher: Example Wire", "publisher: Example Wire (copy on an aggregator)")
    assert problems_of(mini) == [
        "data/sources.yaml:4:16: sources[0].publisher: says 'copy' in the publisher's name; name the original "
        "publisher there and the site we read the copy on in 'via:'"]


def test_timeline_entries_out_of_date_order(mini):
    append(mini, "data/timeline.yaml", "  - id: earlier\n    date: 2018-06-01\n    en: An earlier event.\n    ar: حدث سابق.\n"
                                       "    cite: [wire-one]\n")
    assert problems_of(mini) == [
        "data/timeline.yaml:9:11: entries[1].date: 2018-06-01 comes after 2018-07-04 ('meeting'); move the entry "
        "up, the timeline is in date order"]
