"""The rules of data/corrections.yaml that a schema cannot say: each correction names an entry
that exists, once, in date order, on a day the publication existed.

`resolve` says which kind of entry a correction's target is; the checks, the corrections page
and the marks at each corrected place all use it, so that they agree.
"""
from __future__ import annotations

import datetime
from pathlib import Path

from ..problems.errors import Problem
from .load import YamlDocument, load_yaml
from .references import did_you_mean

CORRECTIONS_FILE = "data/corrections.yaml"

# What a target may name: the `kind:` an author writes, the lookup it is found in (Dataset.by_id),
# and its name in messages.
KINDS = {
    "sentence": ("sentences", "a sentence of the report"),
    "claim": ("claims", "a claim"),
    "point": ("points", "a roadmap point"),
    "timeline": ("timeline", "a timeline entry"),
    "actor": ("actors", "an actor"),
    "place": ("places", "a place"),
    "term": ("terms", "a glossary term"),
    "source": ("sources", "a source"),
}
_EVERY_KIND = "sentence, claim, roadmap point, timeline entry, actor, place, glossary term or source"


def kinds_of(target: str, lookups: dict) -> list[str]:
    """Every kind of entry whose id is `target` (two, where an actor and a term share an id)."""
    return [kind for kind, (lookup, _) in KINDS.items() if target in lookups.get(lookup, {})]


def resolve(correction, lookups: dict) -> str | None:
    """The kind of entry a correction concerns ('sentence', 'claim'...), or None if it names none
    or more than one without saying which (the check reports both)."""
    if correction.kind is not None:
        return correction.kind if correction.target in lookups.get(KINDS[correction.kind][0], {}) else None
    kinds = kinds_of(correction.target, lookups)
    return kinds[0] if len(kinds) == 1 else None


def check_corrections(doc: YamlDocument, corrections, lookups: dict,
                      today: datetime.date | None = None) -> list[Problem]:
    """A located problem for every id used twice, every target that names no entry (or two),
    every correction out of date order, and every one dated after today."""
    today = today or datetime.datetime.now(datetime.timezone.utc).date()
    problems = []

    def problem(path: tuple, message: str) -> None:
        problems.append(doc.problem(path, message))

    seen: dict[str, int] = {}
    for index, correction in enumerate(corrections.corrections):
        if correction.id in seen:
            problem(("corrections", index, "id"), f"duplicate id '{correction.id}' (first used by "
                    f"corrections[{seen[correction.id]}]); give each correction its own id, and never reuse one")
        else:
            seen[correction.id] = index
        _check_target(correction, index, lookups, problem)
        if index and correction.date < corrections.corrections[index - 1].date:
            before = corrections.corrections[index - 1]
            problem(("corrections", index, "date"), f"{correction.date} comes after {before.date} ('{before.id}'); "
                    "move the correction up, the log is oldest first")
        if correction.date > today:
            problem(("corrections", index, "date"), f"{correction.date} is after today ({today}); give the day "
                    "the correction is published")
    return problems


def _check_target(correction, index: int, lookups: dict, problem) -> None:
    target = correction.target
    if correction.kind is not None:
        lookup, noun = KINDS[correction.kind]
        if target not in lookups.get(lookup, {}):
            known = list(lookups.get(lookup, {}))
            problem(("corrections", index, "target"), f"'{target}' is not the id of {noun} (kind: "
                    f"{correction.kind}){did_you_mean(target, known)}; correct the id or the kind")
        return
    kinds = kinds_of(target, lookups)
    if not kinds:
        known = [entry for lookup, _ in KINDS.values() for entry in lookups.get(lookup, {})]
        problem(("corrections", index, "target"), f"'{target}' names nothing in the publication"
                f"{did_you_mean(target, known)}; give the id of the {_EVERY_KIND} the correction concerns")
    elif len(kinds) > 1:
        nouns = " and ".join(KINDS[kind][1] for kind in kinds)
        choices = " or ".join(f"'kind: {kind}'" for kind in kinds)
        problem(("corrections", index, "target"), f"'{target}' is the id of {nouns}; add {choices} "
                "to say which the correction concerns")


def check_first_edition(project: Path, corrections, first_published: datetime.date | None) -> list[Problem]:
    """A located problem for every correction dated before the first edition (the masthead's
    `first_published`, in mkdocs.yml, which the data checks do not read): what was changed
    before then was the first edition being written, not corrected."""
    if first_published is None or corrections is None:
        return []
    early = [index for index, c in enumerate(corrections.corrections) if c.date < first_published]
    if not early:
        return []
    doc = load_yaml(project, CORRECTIONS_FILE)
    if isinstance(doc, Problem):  # changed since the data was read, and no longer valid YAML
        return [doc]
    return [doc.problem(("corrections", index, "date"),
                        f"{corrections.corrections[index].date} is before the first edition ({first_published}, "
                        "plugins.explainer.masthead.first_published in mkdocs.yml); a correction is a change "
                        "after first publication: give the day it was published, or remove it")
            for index in early]
