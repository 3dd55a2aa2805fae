"""The rules of the claims ledger that a schema cannot say: a claim's phrase is in its
sentence (both languages), claims of one sentence do not overlap, a verdict that rests on
sources cites them, and one that finds differences shows the other accounts."""
from __future__ import annotations

from ..problems.errors import Problem
from ..languages import LANGUAGES
from .load import YamlDocument
from .spans import not_in_sentence
from .schema.claims import VERDICTS_NEEDING_ACCOUNTS, VERDICTS_NEEDING_SOURCES


def check_claims(doc: YamlDocument, claims, sentences: dict) -> list[Problem]:
    """A located problem for every claim that breaks a rule."""
    problems = []

    def problem(path: list, message: str) -> None:
        problems.append(doc.problem(path, message))

    taken: dict[str, list[tuple[int, int, str]]] = {}
    for index, claim in enumerate(claims.claims):
        path = ["claims", index]
        sentence = sentences.get(claim.sentence)
        if sentence is None:
            continue  # an unknown sentence is reported by the reference check
        for lang in sorted(LANGUAGES):  # ar before en, as the messages always listed them
            phrase, text = getattr(claim.span, lang), getattr(sentence, lang)
            if phrase not in text:
                problem([*path, "span", lang], not_in_sentence(phrase, sentence.id, lang))
            elif lang == "ar":
                start = text.index(phrase)
                for other_start, other_end, other in taken.get(sentence.id, []):
                    if start < other_end and other_start < start + len(phrase):
                        problem([*path, "span", "ar"], f"overlaps the phrase of claim '{other}' in the same sentence; "
                                "make the two phrases separate")
                taken.setdefault(sentence.id, []).append((start, start + len(phrase), claim.id))
        if claim.verdict in VERDICTS_NEEDING_SOURCES and not claim.cite:
            problem([*path, "cite"], f"a '{claim.verdict}' verdict rests on sources; cite at least one id from "
                    "data/sources.yaml (or make the verdict 'unverified')")
        if claim.verdict in VERDICTS_NEEDING_ACCOUNTS and not claim.accounts:
            problem([*path, "accounts"], f"a '{claim.verdict}' verdict shows what the other sources say; add "
                    "'accounts:' with at least one source and its account")
    return problems
