"""The publication's validated data, offered in the built site for re-use: one JSON file
with every kind of data (data/publication.json), the JSON Schema of each kind
(data/schema/<kind>.schema.json), linked from the about page, and, where the report is
aligned, the aligned text as a corpus (data/alignment.json)."""
from __future__ import annotations

import json
from pathlib import Path

from ..data_in.alignment import place
from ..data_in.dataset import Dataset
from ..data_in.json_schema import schema_texts


def write_open_data(data: Dataset, site: Path) -> None:
    """Write the JSON files into the built site (before the site gates check its links)."""
    folder = site / "data"
    folder.mkdir(parents=True, exist_ok=True)
    document = {kind: model.model_dump(mode="json") for kind, model in data.models.items()}
    further = {report.id: {kind: model.model_dump(mode="json") for kind, model in report.models.items()}
               for report in data.reports if report.folder}
    if further:  # a collection: each further report's own kinds, by its id (the first's are above)
        document["reports"] = further
    _write_json(folder / "publication.json", document)
    if any("alignment" in report.models for report in data.reports):
        _write_json(folder / "alignment.json", aligned_corpus(data))
    for relative, text in schema_texts().items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def aligned_corpus(data: Dataset) -> dict:
    """The aligned sentences in the report's order, each with its texts and its pairs, every
    phrase with its place in its text, for re-use as an Arabic-English parallel corpus."""
    sentences = []
    for sentence_id, sentence in data.by_id["sentences"].items():
        entry = data.by_id["alignment"].get(sentence_id)
        if entry is None:
            continue
        placed = place(sentence, entry.pairs)
        pairs = [{"ar": _phrase(sentence.ar, piece), "en": [], "cut": pair.cut}
                 for pair, piece in zip(entry.pairs, placed.ar)]
        for piece in placed.en:
            pairs[piece.pair - 1]["en"].append(_phrase(sentence.en, piece))
        sentences.append({"id": sentence.id, "ar": sentence.ar, "en": sentence.en, "pairs": pairs})
    return {"description": "The report's sentences (ar, the original) and our translation (en), divided "
            "into aligned phrase pairs in the order of the Arabic. Offsets count Unicode code points "
            "from 0; 'end' is exclusive: text[start:end] is the phrase. 'cut': a note's or claim's "
            "phrase starts or ends inside the Arabic phrase.",
            "sentences": sentences}


def _phrase(text: str, piece) -> dict:
    return {"text": text[piece.start:piece.end], "start": piece.start, "end": piece.end}


def _write_json(target: Path, document: dict) -> None:
    # Compact: the json module's fast encoder writes no indentation (an indented publication.json
    # took a second of every `serve` rebuild at ten reports); a reader's viewer indents it.
    target.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
