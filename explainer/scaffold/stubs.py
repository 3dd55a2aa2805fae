"""The data files of a new publication: the report as segmented, and a stub of every other
kind, each gap marked (`TODO`, `cite: []`, `null`) so that a draft build shows it and a
normal build refuses it until an author fills it in.

Values are written as JSON strings, which are valid YAML double-quoted strings, so that no
character of the source can change meaning in the YAML.
"""
from __future__ import annotations

import json

from ..data_in.json_schema import header_line
from .segment import Segmented

TRANSLATE = "TODO: translate"


def q(value: str) -> str:
    """A YAML double-quoted scalar for any text."""
    return json.dumps(value, ensure_ascii=False)


def todo(what: str) -> str:
    return q(f"TODO: {what}")


def report_yaml(segmented: Segmented, source_file: str, sha256: str, report_id: str = "") -> str:
    """The report as segmented; a further report's ids start with its own id ('agreement-p1-s1'),
    as ids are unique across a collection, and its file names its schema from its own folder."""
    prefix = f"{report_id}-" if report_id else ""
    lines = [header_line("report", _data_file("report", report_id)),
             "# The report, sentence by sentence (model: explainer/data_in/schema/report.py). Each 'ar' is the",
             "# source's text exactly; translate each 'en'; add notes under a sentence as you annotate it.",
             f"file: {q(source_file)}", f"sha256: {q(sha256)}", "provenance:",
             f"  en: {todo('who published the report, when, and what is not known')}",
             f"  ar: {todo('من نشر التقرير ومتى، وما لا يُعرف عنه')}", "paragraphs:"]
    for p_number, paragraph in enumerate(segmented.paragraphs, start=1):
        lines += [f"- id: {prefix}p{p_number}", f"  role: {paragraph.role}", f"  followed_by: {q(paragraph.followed_by)}", "  sentences:"]
        for s_number, sentence in enumerate(paragraph.sentences, start=1):
            lines += [f"  - id: {prefix}p{p_number}-s{s_number}", f"    ar: {q(sentence.text)}", f"    en: {q(TRANSLATE)}"]
            if s_number < len(paragraph.sentences):
                lines.append(f"    followed_by: {q(sentence.followed_by)}")
    lines.append(f"ends_with: {q(segmented.ends_with)}")
    return "\n".join(lines) + "\n"


def alignment_yaml(segmented: Segmented) -> str:
    """One phrase pair a sentence, the whole sentence and its TODO translation: a draft builds,
    and each sentence, once translated, is divided into its pairs."""
    lines = [header_line("alignment"),
             "# The report as an aligned parallel text (model: explainer/data_in/schema/alignment.py): each",
             "# sentence in phrase pairs, in the order of the Arabic. Once a sentence is translated,",
             "# `python -m explainer align --propose p1-s1` proposes its pairs; correct them, and paste them here.",
             "sentences:"]
    for p_number, paragraph in enumerate(segmented.paragraphs, start=1):
        for s_number, sentence in enumerate(paragraph.sentences, start=1):
            lines += [f"- sentence: p{p_number}-s{s_number}", "  pairs:", f"  - ar: {q(sentence.text)}",
                      f"    en: {q(TRANSLATE)}"]
    return "\n".join(lines) + "\n"


def list_items(segmented: Segmented) -> list[str]:
    """Ids of the sentences that are list items: the points the roadmap page explains."""
    return [f"p{p}-s{s}" for p, paragraph in enumerate(segmented.paragraphs, start=1) if paragraph.role == "list"
            for s in range(1, len(paragraph.sentences) + 1)]


def roadmap_yaml(segmented: Segmented) -> str:
    lines = [header_line("roadmap"),
             "# The report's list, point by point (model: explainer/data_in/schema/roadmap.py): a title for",
             "# each point, then 'explanation:' and 'outcome:' (en, ar, cite) as you research them.",
             "title:", f"  en: {todo('what the list is called')}", f"  ar: {todo('اسم القائمة')}"]
    items = list_items(segmented)
    lines.append("points:" if items else "points: []")
    for number, sentence in enumerate(items, start=1):
        lines += [f"- id: \"{number}\"", f"  number: {number}", f"  sentence: {sentence}", "  title:",
                  f"    en: {todo('a short title')}", f"    ar: {todo('عنوان قصير')}"]
    return "\n".join(lines) + "\n"


def event_yaml(report_id: str = "") -> str:
    return "\n".join([
        header_line("event", _data_file("event", report_id)),
        "# The event, for the home page (model: explainer/data_in/schema/event.py).",
        "title:", f"  en: {todo('the publication title')}", f"  ar: {todo('عنوان المنشور')}",
        "date: null  # the day of the event, YYYY-MM-DD",
        "date_label:", f"  en: {todo('the day written out')}", f"  ar: {todo('اليوم مكتوباً')}",
        "place: null  # the id of a place in data/places.yaml",
        "summary:", f"  en: {todo('what happened, in one paragraph')}", f"  ar: {todo('ما جرى، في فقرة واحدة')}",
        "  cite: []  # ids from data/sources.yaml",
    ]) + "\n"


# Each list starts empty, with one commented example entry showing its fields.
_LISTS = {
    "glossary": ("terms", "Terms and loaded words", [
        "id: a-term", "term: {en: \"the term\", ar: \"المصطلح\"}", "ar_forms: [\"the form the report uses\"]",
        "definition: {en: \"...\", ar: \"...\"}"]),
    "actors": ("actors", "People, groups and institutions", [
        "id: a-person", "name: {en: \"Name\", ar: \"الاسم\"}", "kind: person  # or armed-group, government, military, state, organisation, media",
        "description: {en: \"...\", ar: \"...\", cite: [a-source]}", "in_report: {en: \"...\", ar: \"...\"}"]),
    "places": ("places", "Places, with coordinates", [
        "id: a-place", "name: {en: \"Name\", ar: \"الاسم\"}", "latitude: 0.0", "longitude: 0.0",
        "coordinates_cite: [a-source]", "position: {en: \"...\", ar: \"...\", cite: [a-source]}",
        "description: {en: \"...\", ar: \"...\", cite: [a-source]}"]),
    "timeline": ("entries", "Dated events, oldest first", [
        "id: an-event", "date: 2000-01-31", "en: \"...\"", "ar: \"...\"", "cite: [a-source]"]),
    "sources": ("sources", "Every public source cited", [
        "id: a-source", "publisher: \"...\"",
        "title: \"...\"  # as published; if not recorded, instead: untitled: {en: \"...\", ar: \"...\"}",
        "date: 2000-01-31", "url: \"https://...\"",
        "via: {en: \"...\", ar: \"...\"}  # only for a copy on another site: the site we read it on",
        "language: en", "supports: \"a short quotation\""]),
    "names": ("names", "The transliteration table: one English spelling per name", [
        "id: a-name", "ar: \"الاسم\"", "en: \"The Name\""]),
    "claims": ("claims", "The claims ledger: the report's checkable assertions, each checked", [
        "id: a-claim", "sentence: p1-s1", "span: {ar: \"the phrase, exactly\", en: \"its translation, exactly\"}",
        "kind: fact  # or quote, attribution, characterisation",
        "verdict: corroborated  # or corroborated-with-differences, disputed, unverified, opinion",
        "en: \"...\"", "ar: \"...\"", "cite: [a-source]",
        "accounts: [{source: a-source, en: \"...\", ar: \"...\"}]  # for differences and disputes"]),
}


def list_yaml(kind: str, report_id: str = "") -> str:
    key, what, example = _LISTS[kind]
    lines = [header_line(kind, _data_file(kind, report_id))]
    if kind == "sources":  # the sites a source's URL may be on without 'via:' (data_in/source_urls.py)
        lines += ["# The publishers' own sites (host names cover their subdomains), and archives. A source's",
                  "# URL without 'via:' must be on its publisher's site. An entry:",
                  "# - host: example.org", "#   publisher: \"Example Wire\"  # how its sources' publisher begins",
                  "sites: []"]
    return "\n".join([*lines, f"# {what} (model: explainer/data_in/schema/{kind}.py). An entry:",
                      *(f"# {'- ' if i == 0 else '  '}{line}" for i, line in enumerate(example)),
                      f"{key}: []"]) + "\n"


def _data_file(kind: str, report_id: str) -> str | None:
    """Where a report's file of this kind lives: data/ for a publication's first report."""
    return f"data/reports/{report_id}/{kind}.yaml" if report_id else None


def report_data_files(segmented: Segmented, report_id: str, source_file: str, sha256: str) -> dict[str, str]:
    """A further report's own files (data/reports/<id>/): its report, and stubs of its claims and
    event; roadmap and alignment are optional for a further report, and added when wanted."""
    folder = f"data/reports/{report_id}"
    return {f"{folder}/report.yaml": report_yaml(segmented, source_file, sha256, report_id),
            f"{folder}/claims.yaml": list_yaml("claims", report_id),
            f"{folder}/event.yaml": event_yaml(report_id)}


def data_files(segmented: Segmented, source_file: str, sha256: str) -> dict[str, str]:
    """Every data file of a new publication, by its path in the project."""
    files = {"data/event.yaml": event_yaml(), "data/report.yaml": report_yaml(segmented, source_file, sha256),
             "data/roadmap.yaml": roadmap_yaml(segmented), "data/alignment.yaml": alignment_yaml(segmented)}
    files.update({f"data/{kind}.yaml": list_yaml(kind) for kind in _LISTS})
    return files
