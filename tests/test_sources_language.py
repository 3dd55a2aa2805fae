"""Our own words about a source are in the page's language. On an Arabic page, the sources list
and the source previews (the pop-up of a citation number) may show English only as a source's
own title, its publisher's name, the quotation read in it, or a name isolated inside a sentence
of ours. A review found English there: bracketed notes in place of an unrecorded headline
("[Headline not recorded; ...]") and where we read a copy ("قرأناه على Hubbry, a site that
republishes Wikipedia articles"). A second review found more: our notes written into a
publisher's name ("Al Jazeera English (quoting Reuters)", "Wikipedia (Arabic)") and our
descriptions of data records in place of a quotation (GeoNames, Natural Earth)."""
from __future__ import annotations

import copy
import re

from conftest import PAGES, parse, real_data

# Words that no name, record number or address is on its own: a run holding one is English
# prose. Whole words only, so that an address's tail ("talks-over-battered-south-syria") or a
# file's path counts as one name; lower case only, so that a name's "The" does not count.
ENGLISH = re.compile(r"(?<![\w/.\-’'])(?:the|of|on|in|a|an|and|by|from|to|which|that|not|we|its|is|it|was)"
                     r"(?![\w/.\-’'])")
LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")  # with the letters of transliterations: "Dā‘il"
# Our notes about a publisher, as they were once written inside its name: after a comma, or in
# brackets with Latin letters (its own name in Arabic script may stand in brackets).
NOTE_IN_NAME = re.compile(r",|\([^)]*[A-Za-z][^)]*\)")
NOTE_WORDS = re.compile(r"\b(?:quoting|citing|partly|edition|service|byline)\b")


def _our_words(entry):
    """A copy of a sources-page entry without what is the source's own: its publisher's name (the
    first <bdi>), its title, the quotation from it (not our note in its place); and without the
    copy-citation button."""
    entry = copy.copy(entry)
    entry.find("bdi").decompose()
    for own in entry.select("cite:not(.untitled), span.supports:not(.note), .entry-tools"):
        own.decompose()
    return entry


def test_the_arabic_sources_page_says_in_arabic_what_we_say_about_a_source(real_site):
    entries = parse(real_site, "ar/sources.html").select("ol.sources > li")
    assert len(entries) == len(real_data().sources.sources)
    english, unisolated = [], []
    for entry in entries:
        ours = _our_words(entry)
        english += [(entry["id"], ours.get_text(" ").strip())] if ENGLISH.search(ours.get_text(" ")) else []
        # A Latin name inside our Arabic is isolated, or its punctuation lands on the wrong side.
        unisolated += [(entry["id"], str(text)) for text in ours.find_all(string=LATIN)
                       if text.find_parent("bdi") is None]
    assert not english, english
    assert not unisolated, unisolated


def test_the_arabic_sources_page_names_each_publisher_without_a_note_of_ours_in_english(real_site):
    """What passes for the publisher's own name (its <bdi>, which the test above leaves out) holds
    no note of ours; our notes follow it in Arabic, and what we read in a data record is said in
    Arabic, not quoted in English."""
    entries = parse(real_site, "ar/sources.html").select("ol.sources > li")
    in_names = [(entry["id"], entry.find("bdi").get_text()) for entry in entries
                if NOTE_IN_NAME.search(entry.find("bdi").get_text())]
    assert not in_names, in_names
    sources, notes, records = real_data().by_id["sources"], 0, 0
    for entry in entries:
        source = sources[entry["id"].removeprefix("src-")]
        if source.publisher_note is not None:
            shown = entry.get_text().replace("\u2060", "").lstrip()  # the joiner a slash pair gets
            assert shown.startswith(f"{source.publisher} ({source.publisher_note.ar})"), (source.id, shown[:80])
            notes += 1
        supports = entry.select_one("span.supports")
        if "note" in supports["class"]:
            assert (supports["lang"], supports["dir"]) == ("ar", "rtl"), source.id
            records += 1
    assert notes and records, (notes, records)


def test_an_arabic_pages_source_previews_say_in_arabic_what_we_say(real_site):
    sources = real_data().by_id["sources"]
    english, seen = [], 0
    for page in PAGES:
        for link in parse(real_site, f"ar/{page}").select('a[data-preview][href*="sources.html#src-"]'):
            source = sources[link["href"].split("#src-")[1]]
            # What is left once the publisher's name and the source's own title are taken out (the
            # page joins a day to its month with a no-break space and a slash pair with a joiner).
            preview = link["data-preview"].replace("\xa0", " ").replace("\u2060", "")
            rest = preview.replace(source.publisher, "").replace(source.title or "\0", "")
            seen += 1
            if ENGLISH.search(rest) or NOTE_WORDS.search(rest):
                english.append((page, source.id, link["data-preview"]))
    assert seen and not english, english[:10]
