"""Editorial rules checked on the real publication's data: one spelling per name, every
source used, every place on the map with its source, and both languages saying as much."""
from __future__ import annotations

import re

from conftest import ROOT, real_data
from pydantic import BaseModel


DATA = real_data()
# Every report's Arabic, as its source file has it (the first report's and each further one's).
REPORT_AR = "\n".join((ROOT / r.models["report"].file).read_text(encoding="utf-8") for r in DATA.reports)


def forms(name) -> list[str]:
    return [name.ar, *name.ar_forms]


def test_each_arabic_form_maps_to_one_name():
    owners: dict[str, list[str]] = {}
    for name in DATA.names.names:
        for form in forms(name):
            owners.setdefault(form, []).append(name.id)
    assert {form: ids for form, ids in owners.items() if len(ids) > 1} == {}


def test_every_place_and_person_named_in_the_report_is_in_the_table_with_its_spelling():
    named = [(entry.name, "place") for entry in DATA.places.places]
    named += [(actor.name, actor.kind) for actor in DATA.actors.actors if actor.kind == "person"]
    checked = 0
    for name, kind in named:
        core = name.ar.removeprefix("معبر ").removeprefix("مدينة ")
        if core not in REPORT_AR:
            continue
        matches = [n for n in DATA.names.names if core in forms(n) or n.ar in name.ar]
        assert matches, f"{kind} {name.ar} is named in the report but not in data/names.yaml"
        assert any(n.en in name.en for n in matches), f"{name.en} does not use the table's spelling {[n.en for n in matches]}"
        checked += 1
    assert checked >= 8


def test_english_report_translation_uses_the_table_spellings():
    english = " ".join(s.en for r in DATA.reports for p in r.models["report"].paragraphs for s in p.sentences)
    for name in DATA.names.names:
        for bad in name.en_avoid:
            assert not re.search(rf"(?<![\w-]){re.escape(bad)}(?![\w-])", english), (name.id, bad)
    for name in DATA.names.names:
        if any(form in REPORT_AR for form in forms(name)):
            assert any(form in english for form in [name.en, *name.en_forms]), name.id


def test_every_source_is_cited_somewhere():
    cited = set()
    for path in [*(ROOT / "data").rglob("*.yaml"), *(ROOT / "content").rglob("*.md")]:  # every report too
        if path.name != "sources.yaml":
            cited.update(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", path.read_text(encoding="utf-8")))
    unused = [s.id for s in DATA.sources.sources if s.id not in cited]
    assert unused == []


def written_in_arabic(n: int, found: set[int]) -> bool:
    """n among the Arabic text's numbers: as digits, as "N ألفاً", or as "N ألفاً وM"."""
    return n in found or (n // 1000 in found and (n % 1000 == 0 or n % 1000 in found))


def test_both_languages_carry_the_same_numbers():
    """Every number of our English texts (dates, counts, distances) appears in the Arabic twin.
    Numbers up to ten are often words in Arabic ("البند الخامس"), and thousands are written
    "285 ألفاً" or "234 ألفاً و500": all are allowed for."""
    def numbers(text: str) -> set[int]:
        return {int(n) for n in re.findall(r"\d+", text.replace(",", ""))}

    def missing(english: str, arabic: str) -> list[int]:
        found = numbers(arabic)
        return sorted(n for n in numbers(english)
                      if n > 10 and not written_in_arabic(n, found))

    def pairs(value):
        if hasattr(value, "en") and hasattr(value, "ar") and isinstance(value.en, str):
            yield value
        if isinstance(value, BaseModel):
            for field in type(value).model_fields:
                yield from pairs(getattr(value, field))
        elif isinstance(value, list):
            for item in value:
                yield from pairs(item)

    mismatches = []
    for kind, model in DATA.models.items():
        if kind == "report":
            model = [note for p in model.paragraphs for s in p.sentences for note in s.notes]
        for pair in pairs(model):
            if missing(pair.en, pair.ar):
                mismatches.append((kind, pair.en[:60], missing(pair.en, pair.ar)))
    assert mismatches == []


def test_pages_carry_the_same_numbers_and_citations_in_both_languages():
    def numbers(text: str) -> set[int]:
        prose = re.sub(r"\{\{.*?\}\}|\{ #[^}]*\}|\]\([^)]*\)", " ", text)
        return {int(n) for n in re.findall(r"\d+", prose.replace(",", ""))}

    def citations(text: str) -> list[str]:
        return sorted(re.findall(r"cite\(([^)]*)\)", text))

    for english_page in sorted((ROOT / "content/en").rglob("*.md")):
        arabic_page = ROOT / "content/ar" / english_page.relative_to(ROOT / "content/en")
        english, arabic = (p.read_text(encoding="utf-8") for p in (english_page, arabic_page))
        found = numbers(arabic)
        lost = sorted(n for n in numbers(english) if n > 10 and not written_in_arabic(n, found))
        assert lost == [], english_page.name
        assert citations(english) == citations(arabic), english_page.name
