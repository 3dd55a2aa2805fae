"""The publication's validated data, offered in the built site for re-use: one JSON file
with every kind of data (data/publication.json) and the JSON Schema of each kind
(data/schema/<kind>.schema.json), linked from the about page."""
from __future__ import annotations

import json
from pathlib import Path

from ..data_in.dataset import Dataset
from ..data_in.json_schema import schema_texts


def write_open_data(data: Dataset, site: Path) -> None:
    """Write the JSON files into the built site (before the site gates check its links)."""
    folder = site / "data"
    folder.mkdir(parents=True, exist_ok=True)
    document = {kind: model.model_dump(mode="json") for kind, model in data.models.items()}
    (folder / "publication.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for relative, text in schema_texts().items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
