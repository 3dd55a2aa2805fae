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
    document = {kind: _Json(_model_json(model)) for kind, model in data.models.items()}
    further = {report.id: _Json(_object_text({kind: _Json(_model_json(model)) for kind, model in report.models.items()}))
               for report in data.reports if report.folder}
    if further:  # a collection: each further report's own kinds, by its id (the first's are above)
        document["reports"] = _Json(_object_text(further))
    _write_text(folder / "publication.json", _object_text(document))
    if any("alignment" in report.models for report in data.reports):
        _write_text(folder / "alignment.json", _object_text({"description": _CORPUS_DESCRIPTION, "sentences": _Json(
            "[" + ",".join(_sentence_json(data, sentence_id) for sentence_id in _aligned(data)) + "]")}))
    _forget_unused()
    for relative, text in schema_texts().items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


_CORPUS_DESCRIPTION = (
    "The report's sentences (ar, the original) and our translation (en), divided "
    "into aligned phrase pairs in the order of the Arabic. Offsets count Unicode code points "
    "from 0; 'end' is exclusive: text[start:end] is the phrase. 'cut': a note's or claim's "
    "phrase starts or ends inside the Arabic phrase.")


def aligned_corpus(data: Dataset) -> dict:
    """The aligned sentences in the report's order, each with its texts and its pairs, every
    phrase with its place in its text, for re-use as an Arabic-English parallel corpus."""
    return {"description": _CORPUS_DESCRIPTION,
            "sentences": [_aligned_sentence(data.by_id["sentences"][sentence_id], data.by_id["alignment"][sentence_id])
                          for sentence_id in _aligned(data)]}


def _aligned(data: Dataset) -> list[str]:
    return [sentence_id for sentence_id in data.by_id["sentences"] if sentence_id in data.by_id["alignment"]]


def _aligned_sentence(sentence, entry) -> dict:
    placed = place(sentence, entry.pairs)
    pairs = [{"ar": _phrase(sentence.ar, piece), "en": [], "cut": pair.cut}
             for pair, piece in zip(entry.pairs, placed.ar)]
    for piece in placed.en:
        pairs[piece.pair - 1]["en"].append(_phrase(sentence.en, piece))
    return {"id": sentence.id, "ar": sentence.ar, "en": sentence.en, "pairs": pairs}


def _phrase(text: str, piece) -> dict:
    return {"text": text[piece.start:piece.end], "start": piece.start, "end": piece.end}


# Each model's and aligned sentence's JSON, by the objects it was made from (kept with it, so no
# other object takes their id): a model is the object of its file's last parse (data_in/file_memo.py),
# never changed after it, so under `serve` an edit of one file dumps that file's models alone (the
# whole dataset's dump was a second of every rebuild at 50 reports). Only the last write's are kept.
_texts: dict[tuple[int, ...], tuple[tuple, str]] = {}
_used: set[tuple[int, ...]] = set()


def _kept_text(objects: tuple, make) -> str:
    key = tuple(id(item) for item in objects)
    _used.add(key)
    kept = _texts.get(key)
    if kept is None or any(a is not b for a, b in zip(kept[0], objects)):
        kept = _texts[key] = (objects, make())
    return kept[1]


def _forget_unused() -> None:
    for key in set(_texts) - _used:
        del _texts[key]
    _used.clear()


def _model_json(model) -> str:
    return _kept_text((model,), lambda: _dumps(model.model_dump(mode="json")))


def _sentence_json(data: Dataset, sentence_id: str) -> str:
    sentence, entry = data.by_id["sentences"][sentence_id], data.by_id["alignment"][sentence_id]
    return _kept_text((sentence, entry), lambda: _dumps(_aligned_sentence(sentence, entry)))


class _Json(str):
    """A value's JSON text, written as it is into the object around it."""


def _object_text(members: dict) -> str:
    """The JSON object of `members` (each a value or a _Json text), as json.dumps writes it with
    _dumps' settings: a document made of kept parts is the same bytes as one dumped whole."""
    return "{" + ",".join(f"{_dumps(key)}:{value if isinstance(value, _Json) else _dumps(value)}"
                          for key, value in members.items()) + "}"


def _dumps(value) -> str:
    # Compact: the json module's fast encoder writes no indentation (an indented publication.json
    # took a second of every `serve` rebuild at ten reports); a reader's viewer indents it.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _write_text(target: Path, text: str) -> None:
    target.write_text(text + "\n", encoding="utf-8")
