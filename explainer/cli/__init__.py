"""The command line: `explainer check | new | schema | align` (or `python -m explainer ...`; see README.md)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description="The explainer engine's commands.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="every problem the build would refuse, and the work left, without publishing")
    check.add_argument("project", nargs="?", default=".", type=Path, help="the publication's folder (default: here)")
    check.add_argument("--draft", action="store_true", help="work left (TODO texts, missing sources) is not a failure")
    check.add_argument("--quick", action="store_true",
                       help="check data/ and content/ only, not the built site (links, anchors, other hosts)")
    check.add_argument("--site", action="store_true", help=argparse.SUPPRESS)  # the default now; kept for old scripts
    new = commands.add_parser("new", help="start a draft publication from an Arabic news text, or add a report to one")
    new.add_argument("--source", required=True, type=Path, help="the report's text, a UTF-8 .txt file")
    new.add_argument("--into", type=Path, help="a new (or empty) folder for the publication; with --report, the "
                     "publication to add it to (default: here)")
    new.add_argument("--report", metavar="ID", help="add the text as a further report of an existing publication, "
                     "with this id (lowercase letters, digits and hyphens: its pages' folder)")
    schema = commands.add_parser("schema", help="write the JSON Schemas of the data files into data/schema/")
    schema.add_argument("project", nargs="?", default=".", type=Path, help="the publication's folder (default: here)")
    align = commands.add_parser("align", help="propose a first alignment of sentences, as YAML for data/alignment.yaml")
    align.add_argument("project", nargs="?", default=".", type=Path, help="the publication's folder (default: here)")
    which = align.add_mutually_exclusive_group(required=True)
    which.add_argument("--propose", nargs="+", metavar="SENTENCE_ID", help="the sentences to propose ('p1-s1')")
    which.add_argument("--all", action="store_true", help="every sentence of the report")
    align.add_argument("--report", metavar="ID", help="with --all: a further report's (its folder in data/reports/)")
    try:
        options = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if options.command == "check":
        from .check import run_check
        return run_check(options.project, options.draft, options.quick)
    if options.command == "new":
        from .new import run_new, run_new_report
        if options.report is not None:
            return run_new_report(options.source, options.into or Path("."), options.report)
        if options.into is None:
            print("new: --into: missing; give a new folder for the publication, or --report ID to add a report "
                  "to the publication here", file=sys.stderr)
            return 2
        return run_new(options.source, options.into)
    if options.command == "align":
        from .align import run_align
        return run_align(options.project, options.propose or [], options.all, options.report)
    from ..data_in.json_schema import write_schemas
    for changed in write_schemas(options.project):
        print(f"wrote {changed}")
    return 0


def entry() -> None:
    """The `explainer` command an install puts on the PATH."""
    sys.exit(main(sys.argv[1:]))
