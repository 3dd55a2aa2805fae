"""`python -m explainer align [project] --propose p1-s1 ... | --all`: print a first alignment of
sentences as YAML, for the author to correct and paste into data/alignment.yaml."""
from __future__ import annotations

import sys
from pathlib import Path

from ..data_in.dataset import load_dataset
from ..data_in.references import did_you_mean
from ..problems.errors import AuthorErrors
from ..scaffold.align_proposal import as_yaml, propose

HEADER = ("# Proposed by `explainer align`: a first division, from the punctuation and the phrases of the\n"
          "# notes and claims. Check every pair against both texts, correct it, and paste each entry under\n"
          "# 'sentences:' in data/alignment.yaml (in place of the sentence's entry, if it has one).\n")


def run_align(project: Path, sentence_ids: list[str], every: bool) -> int:
    try:
        data = load_dataset(project, draft=True)  # a draft's sentences may still be TODO
    except AuthorErrors as errors:
        for problem in errors.problems:
            print(problem, file=sys.stderr)
        print(f"{len(errors.problems)} problem(s) in data/; fix them first, then ask again", file=sys.stderr)
        return 1
    sentences = data.by_id["sentences"]
    unknown = [s for s in sentence_ids if s not in sentences]
    for sentence_id in unknown:
        print(f"unknown sentence '{sentence_id}'{did_you_mean(sentence_id, list(sentences))}; give ids from "
              "data/report.yaml ('p1-s1'), or --all", file=sys.stderr)
    if unknown:
        return 1
    chosen = list(sentences) if every else sentence_ids
    print(HEADER, end="")
    for sentence_id in chosen:
        claims = [claim for claim in data.claims.claims if claim.sentence == sentence_id]
        print(as_yaml(sentence_id, propose(sentences[sentence_id], claims)), end="")
    return 0
