"""Our own words about a source are in the page's language. On an Arabic page, the sources list
and the source previews (the pop-up of a citation number) may show English only as a source's
own title, its publisher's name, the quotation read in it, or a name isolated inside a sentence
of ours. A review found English there: bracketed notes in place of an unrecorded headline
("[Headline not recorded; ...]") and where we read a copy ("قرأناه على Hubbry, a site that
republishes Wikipedia articles")."""
from __future__ import annotations

import copy
import re

from conftest import PAGES, parse, real_data

# Words that no name, record number or address is on its own: a run holding one is English
# prose. Whole words only, so that an address's tail ("talks-over-battered-south-syria") or a
# file's path counts as one name; lower case only, so that a name's "The" does not count.
ENGLISH = re.compile(r"(?<![\w/.\-’'])(?:the|of|on|in|a|an|and|by|from|to|which|that|not|we|its|is|it|was)"
                     r"(?![\w/.\-’'])")
LATIN = re.compile(r"[A-Za-z]")


def _our_words(entry):
    """A copy of a sources-page entry without what is the source's own: its publisher's name (the
    first <bdi>), its title, the quotation from it; and without the copy-citation button."""
    entry = copy.copy(entry)
    entry.find("bdi").decompose()
    for own in entry.select("cite:not(.untitled), span.supports, .entry-tools"):
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
            if ENGLISH.search(rest):
                english.append((page, source.id, link["data-preview"]))
    assert seen and not english, english[:10]
