"""`python -m explainer align [project] --propose p1-s1 ... | --all [--report ID]`: print a first
alignment of one report's sentences as YAML, for the author to correct and paste into that
report's alignment file (data/alignment.yaml for the first report, data/reports/<id>/alignment.yaml
for a further one)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..data_in.dataset import FIRST_REPORT, load_dataset
from ..data_in.references import did_you_mean
from ..data_in.reports import report_files
from ..data_in.schema import FILES
from ..problems.errors import AuthorErrors
from ..scaffold.align_proposal import as_yaml, propose

HEADER = ("# Proposed by `explainer align`: a first division, from the punctuation and the phrases of the\n"
          "# notes and claims. Check every pair against both texts, correct it, and paste each entry under\n"
          "# 'sentences:' in {file} (in place of the sentence's entry, if it has one).\n")


def run_align(project: Path, sentence_ids: list[str], every: bool, report_id: str | None = None) -> int:
    try:
        data = load_dataset(project, draft=True)  # a draft's sentences may still be TODO
    except AuthorErrors as errors:
        for problem in errors.problems:
            print(problem, file=sys.stderr)
        print(f"{len(errors.problems)} problem(s) in data/; fix them first, then ask again", file=sys.stderr)
        return 1
    sentences, owner = data.by_id["sentences"], data.report_of["sentences"]
    unknown = [s for s in sentence_ids if s not in sentences]
    for sentence_id in unknown:
        print(f"unknown sentence '{sentence_id}'{did_you_mean(sentence_id, list(sentences))}; give ids from "
              "data/report.yaml ('p1-s1'), or --all", file=sys.stderr)
    if report_id is not None and report_id not in owner.values():
        print(f"unknown report '{report_id}'{did_you_mean(report_id, sorted(set(owner.values())))}; give the "
              "name of its folder in data/reports/", file=sys.stderr)
        return 1
    if unknown:
        return 1
    # One report's alignment at a time: each report has its own file.
    reports = {owner[s] for s in sentence_ids} if not every else {report_id or FIRST_REPORT}
    if len(reports) > 1:
        print(f"the sentences are in different reports ({', '.join(sorted(reports))}); ask for one report's "
              "at a time, each has its own alignment file", file=sys.stderr)
        return 1
    report = data.report_data(reports.pop())
    chosen = [s for s in sentences if owner[s] == report.id] if every else sentence_ids
    alignment_file = FILES["alignment"][0] if report.id == FIRST_REPORT else report_files(report.id)["alignment"]
    print(HEADER.format(file=alignment_file), end="")
    for sentence_id in chosen:
        claims = [claim for claim in report.models["claims"].claims if claim.sentence == sentence_id]
        print(as_yaml(sentence_id, propose(sentences[sentence_id], claims)), end="")
    return 0
