"""Make a synthetic collection of N reports for the benchmark's scale series: the real project
(its first report in data/, its shared base) and N-1 further reports, each a copy of the first
report with its ids renamed, so that the build does what a publication of N reports of this size
would do and the check passes.

A copy `r02` is data/reports/r02/ with the first report's files (report, claims, event, roadmap,
alignment) and source text; every id the ids are unique across (sentences, paragraphs, claims,
points) gets the prefix `r02-`, and every reference to them (a claim's or a point's sentence, an
alignment entry) follows. Its pages are copies of the first report's pages in content/<lang>/r02/,
their links to shared pages made to climb out of the folder; mkdocs.yml's nav gets a section for
each (explainer/scaffold/nav.py, as `new --report` does). The shared base (actors, places,
sources...) is not copied: every report refers to the same entries, as real reports of one story do.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench_data import _read, _write  # noqa: E402
from explainer.scaffold.nav import with_report  # noqa: E402

KINDS = ("report", "claims", "event", "roadmap", "alignment")
PAGES = ("report", "claims", "roadmap")
EDITED_SENTENCE = 0  # the benchmark's serve edit changes the first sentence's English of one report


def report_id(number: int) -> str:
    """The id of copy `number` (2, 3...): zero-padded, so that id order is story order."""
    return f"r{number:02d}"


def make_collection(project: Path, reports: int) -> list[str]:
    """Add reports 2..`reports` to `project` (a copy of the real one); return every report's
    page folder ('' for the first)."""
    config = project / "mkdocs.yml"
    nav = config.read_text(encoding="utf-8")
    for number in range(2, reports + 1):
        rid = report_id(number)
        _copy_data(project, rid)
        _copy_pages(project, rid)
        nav = with_report(nav, rid, [page for page in PAGES if (project / "content/en" / f"{page}.md").exists()])
    config.write_text(nav, encoding="utf-8")
    return ["", *(report_id(n) for n in range(2, reports + 1))]


def _copy_data(project: Path, rid: str) -> None:
    folder = project / "data" / "reports" / rid
    (folder / "source").mkdir(parents=True)
    prefix = lambda value: f"{rid}-{value}"  # noqa: E731
    for kind in KINDS:
        source = project / "data" / f"{kind}.yaml"
        if not source.exists():
            continue
        _, tree = _read(source)
        if kind == "report":
            shutil.copy(project / tree["file"], folder / "source" / Path(tree["file"]).name)
            tree["file"] = f"data/reports/{rid}/source/{Path(tree['file']).name}"
            for paragraph in tree["paragraphs"]:
                paragraph["id"] = prefix(paragraph["id"])
                for sentence in paragraph["sentences"]:
                    sentence["id"] = prefix(sentence["id"])
        elif kind in ("claims", "roadmap"):
            for entry in tree["claims" if kind == "claims" else "points"]:
                entry["id"], entry["sentence"] = prefix(entry["id"]), prefix(entry["sentence"])
        elif kind == "alignment":
            for entry in tree["sentences"]:
                entry["sentence"] = prefix(entry["sentence"])
        _write(folder / f"{kind}.yaml", f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n", tree)


def _copy_pages(project: Path, rid: str) -> None:
    """The first report's pages, for the copy: links to another page climb out of the folder
    (but a report's own pages are in it), and a sentence named by a macro is the copy's."""
    own = "|".join(PAGES)
    for lang in ("en", "ar"):
        for page in PAGES:
            source = project / "content" / lang / f"{page}.md"
            if not source.exists():
                continue
            text = source.read_text(encoding="utf-8")
            text = re.sub(r"\]\((?!https?:|#|(?:" + own + r")\.md)([^)]+\.md)", r"](../\1", text)
            text = re.sub(r"sentence\((['\"])(p\d+-s\d+)\1", lambda m: f"sentence({m[1]}{rid}-{m[2]}{m[1]}", text)
            target = project / "content" / lang / rid / f"{page}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")


def edit_sentence(project: Path, rid: str, marker: str | None) -> str | None:
    """Edit one line of one report's data as an author would: its first sentence's English gets
    `(marker)` appended (None restores it). Returns the text its report page then shows."""
    path = project / "data" / "reports" / rid / "report.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if re.match(r"\s+en: ", line) and i > _first_sentence(lines))
    text = re.sub(r" \(bench [^)]*\)(['\"]?)$", r"\1", lines[number].rstrip("\n"))
    if marker is not None:
        quote = text[-1] if text[-1] in "'\"" else ""
        text = (text[:-1] if quote else text) + f" (bench {marker}){quote}"
    lines[number] = text + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return None if marker is None else f"(bench {marker})"


def _first_sentence(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.lstrip().startswith("sentences:"))


def data_bytes(project: Path) -> int:
    """The size of what authors write: every data file and source text, every report's."""
    return sum(p.stat().st_size for p in (project / "data").rglob("*") if p.suffix in (".yaml", ".txt"))

