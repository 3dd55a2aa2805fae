"""Measure what readers and authors wait for, against plain Material as the anchor.

Run with ./run bench (--quick for a short try). In a temporary folder it builds the real
project, and from the very docs/ that build rendered, the anchor: the same pages built by
Material and mkdocs-static-i18n with their default settings (no explainer plugin, no theme of
ours, no extra CSS or JS). Both are served gzipped from loopback; for each page and language it records
the bytes of a first visit by kind, and what opening search adds (tools/bench_web.py), and
Lighthouse's four mobile scores. Then build times, in rounds whose order alternates to damp the
noise of a shared machine: our build against the anchor's and against a plain `mkdocs build` of
the same rendered docs/ with our mkdocs.yml minus the explainer plugin, with nothing changed, after a
one-line edit of data/, and from an empty cache (each ratio as the ratio of medians, and as the
median of each round's own ratio); the time `mkdocs serve` takes to show such an edit, and how
many rebuilds it starts; the scale series, the data grown 10x and 50x (tools/bench_data.py),
built cold; and the collection series (tools/bench_collection.py): collections of 1, 10 and 50
copies of the report built cold (seconds and CPU seconds per page, peak memory), and at 50, the
time `serve` takes to show a one-line edit of one report and how many pages it rendered again
(tools/bench_serve_count.py). It prints one table and writes it all to bench/results.json.
--builds-only runs the build timings and serve's latency alone (a few minutes, no browser);
--scale the collection series alone.
"""
from __future__ import annotations

import argparse
import datetime
import html
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tools")]
import bench_collection  # noqa: E402
import bench_data  # noqa: E402
import bench_web  # noqa: E402
import yaml  # noqa: E402
from conftest import ARGS, CHROMIUM, make_project, mkdocs_build  # noqa: E402

PAGES = ("index", "report", "roadmap", "glossary", "timeline")
QUICK_PAGES = (("index", "en"), ("report", "ar"))
SCALES = (1, 10, 50)
COLLECTIONS = (1, 10, 50)  # reports in the collection series


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="two pages, one build pair, no scale series")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the build timings and serve's latency (no pages, no Lighthouse, no scale series)")
    parser.add_argument("--scale", action="store_true",
                        help="only the collection series: 1, 10 and 50 reports built cold (time, pages, peak memory), "
                        "and serve's latency and re-rendered pages for an edit of one report at 50 (some 15 minutes)")
    parser.add_argument("--pairs", type=int, default=None, help="build pairs per state (default 5, --quick 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    pairs = args.pairs or (1 if args.quick else 5)
    if args.scale:
        return scale_only(args.out, 2 if args.quick else 5)
    if args.builds_only:
        return builds_only(args.out, pairs, 2 if args.quick else 5)
    pages = QUICK_PAGES if args.quick else [(page, lang) for page in PAGES for lang in ("en", "ar")]
    results = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "quick": args.quick,
               "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        with bench_web.serve(tmp / "real" / "site") as real_url, bench_web.serve(tmp / "anchor" / "site") as anchor_url:
            real = build_real(tmp / "real", real_url)
            build_anchor(tmp / "anchor", real, anchor_url)
            results["pages"] = measure_pages(pages, {"site": real_url, "anchor": anchor_url})
            results["builds"] = time_builds(real, {"anchor": tmp / "anchor", "plain": plain_project(tmp / "plain", real)},
                                            pairs)
            results["serve"] = serve_latency(real, 2 if args.quick else 5)
        results["scale"] = [] if args.quick else scale_series(tmp)
        results["collections"] = {} if args.quick else collection_series(tmp, 5)
    results["machine"]["load_end"] = os.getloadavg()  # a busy machine lowers the performance scores
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


def builds_only(out: Path, pairs: int, edits: int) -> None:
    """The build timings and serve's latency alone: a few minutes, and no browser."""
    results = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "builds_only": True,
               "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        real = build_real(tmp / "real", "https://explainer.invalid/")
        anchor = build_anchor(tmp / "anchor", real, "https://explainer.invalid/")
        results["builds"] = time_builds(real, {"anchor": anchor, "plain": plain_project(tmp / "plain", real)}, pairs)
        results["serve"] = serve_latency(real, edits)
    results["machine"]["load_end"] = os.getloadavg()
    print(table(results))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {out}")


def scale_only(out: Path, edits: int) -> None:
    """The collection series alone (--scale)."""
    results = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "scale_only": True,
               "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        results["collections"] = collection_series(Path(folder), edits)
    results["machine"]["load_end"] = os.getloadavg()
    print(collection_table(results["collections"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {out}")


def build_real(target: Path, site_url: str) -> Path:
    """The real project, built with `site_url` (absolute hreflang and canonical links)."""
    project = make_project(target)
    os.environ["EXPLAINER_SITE_URL"] = site_url
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "EXPLAINER_SITE_URL" not in text:  # mkdocs.yml does not read it (yet): write it in the copy
        config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {json.dumps(site_url)}", text), encoding="utf-8")
    build(project)
    return project


def build_anchor(target: Path, real: Path, site_url: str) -> Path:
    """Plain Material + static-i18n with their defaults, from the docs/ the real build rendered.
    Kept from our mkdocs.yml: the page list and the Markdown extensions (they make the pages the
    same pages, not a theme's weight) and the URL scheme (/report.html, as ours)."""
    ours = read_config(real / "mkdocs.yml")
    target.mkdir(parents=True)
    shutil.copytree(real / "docs", target / "docs")
    config = {"site_name": ours["site_name"], "site_url": site_url, "use_directory_urls": False,
              "nav": ours["nav"], "markdown_extensions": ours["markdown_extensions"], "theme": {"name": "material"},
              "plugins": ["search", {"i18n": {"docs_structure": "folder", "languages": [
                  {"locale": "en", "name": "English", "default": True}, {"locale": "ar", "name": "العربية"}]}}]}
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    build(target)
    return target


def plain_project(target: Path, real: Path) -> Path:
    """Our mkdocs.yml without the explainer plugin (and so without its theme, which needs the
    plugin), over the docs/ already rendered: what MkDocs, Material and static-i18n cost with our
    settings alone, the yardstick of the engine's overhead."""
    target.mkdir(parents=True)
    shutil.copytree(real / "docs", target / "docs")
    lines, skipping = [], False
    for line in (real / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True):
        if re.match(r"  - explainer\s*:?\s*$", line):
            skipping = True
        elif skipping and re.match(r"  - |\S", line):
            skipping = False
        if not skipping:
            lines.append(line)
    (target / "mkdocs.yml").write_text("".join(lines), encoding="utf-8")
    return target


def read_config(path: Path) -> dict:
    """mkdocs.yml as data, its tags (!ENV, !relative) read as their plain values."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: (
        loader.construct_sequence(node)[-1] if isinstance(node, yaml.SequenceNode) else loader.construct_scalar(node)))
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def build(project: Path) -> float:
    """Seconds one `mkdocs build` of `project` takes; stops the benchmark if it fails."""
    start = time.perf_counter()
    result = mkdocs_build(project)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"build of {project} failed:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return seconds


def measure_pages(pages, urls: dict[str, str]) -> list[dict]:
    """Bytes (first visit, and opening search) and Lighthouse scores of each page on each site."""
    from playwright.sync_api import sync_playwright
    cli = bench_web.lighthouse_cli(ROOT / ".venv" / "lighthouse")
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for page, lang in pages:
            path = f"{page}.html" if lang == "en" else f"{lang}/{page}.html"
            row = {"page": page, "lang": lang, "path": path}
            for site, base in urls.items():
                row[site] = {"bytes": bench_web.page_weight(browser, base + path)}
                print(f"  {path} ({site}): lighthouse...", file=sys.stderr, flush=True)
                row[site]["lighthouse"] = bench_web.lighthouse(cli, base + path, CHROMIUM)
            load = {site: row[site]["bytes"]["load"]["all"] for site in urls}
            row["ratio_load"] = round(load["site"] / load["anchor"], 2)
            rows.append(row)
        browser.close()
    return rows


def time_builds(real: Path, references: dict[str, Path], pairs: int) -> dict:
    """Our build against builds of the same docs/ by `references` (the anchor: plain Material
    and static-i18n with their default search, which issue 30's targets are measured against;
    plain: our mkdocs.yml without the explainer plugin), in rounds whose order alternates, in the three
    states an author meets: nothing changed since the last build (`rebuild`), one line of data/
    edited (`edit`: each run edits it again, so no cache holds its result), and an empty
    .explainer-cache/ (`cold`: a fresh clone). Ratios are of medians, against each reference."""
    for project in references.values():
        build(project)  # a first build warms the same caches the real one already has
    empty_cache = lambda n: shutil.rmtree(real / ".explainer-cache", ignore_errors=True)  # noqa: E731
    # `cold` leaves out the PDF and EPUB editions (a step the references have no counterpart of,
    # issue 30's comparison); `cold_editions` is a fresh clone's whole build, editions included.
    cases = {"rebuild": lambda n: None, "edit": lambda n: edit_one_line(real, f"run {n}"),
             "cold": empty_cache, "cold_editions": empty_cache}
    times = {name: [] for name in (*references, *cases)}
    paired = {(name, reference): [] for name in cases for reference in references}  # ours / reference, same round
    for index in range(pairs):
        for name, prepare in cases.items():
            order = [name, *references]
            if index % 2:
                order.reverse()
            for which in order:
                if which == name:
                    prepare(index)
                os.environ["EXPLAINER_EDITIONS"] = "true" if which == "cold_editions" else "false"
                times[which].append(round(build(real if which == name else references[which]), 3))
                os.environ["EXPLAINER_EDITIONS"] = "false"
            for reference in references:
                paired[name, reference].append(times[name][-1] / times[reference][-1])
            print(f"  builds {name} {index + 1}/{pairs}: " + ", ".join(f"{w} {times[w][-1]:.2f}" for w in order),
                  file=sys.stderr, flush=True)
    edit_one_line(real, None)
    result = {"runs": times, "references": list(references)}
    for reference in references:
        result[f"{reference}_s"] = statistics.median(times[reference])
    result["plain_s"] = result.get("plain_s", result[f"{next(iter(references))}_s"])
    for name in cases:
        result[f"{name}_s"] = statistics.median(times[name])
        for reference in references:
            result[f"{name}_ratio_{reference}"] = round(result[f"{name}_s"] / result[f"{reference}_s"], 2)
            # The median of each round's own ratio: a busy spell slows both builds of a round.
            result[f"{name}_paired_{reference}"] = round(statistics.median(paired[name, reference]), 2)
        result[f"{name}_ratio"] = result[f"{name}_ratio_{next(iter(references))}"]
    return result


EDITED = "data/glossary.yaml"


def edit_one_line(project: Path, marker: str | None) -> str | None:
    """Edit one line of data/ as an author would: the first glossary definition's English text
    gets `(marker)` appended (None restores it). Returns the text the glossary page then shows."""
    path = project / EDITED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.strip() == "definition:":
            target = number + 1
            break
    else:
        raise SystemExit(f"{EDITED}: no definition to edit")
    text = re.sub(r' \(bench [^)]*\)"$', '"', lines[target].rstrip("\n"))
    if marker is not None:
        text = text[:-1] + f' (bench {marker})"'
    lines[target] = text + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return None if marker is None else f"(bench {marker})"


def serve_latency(project: Path, edits: int, edit=edit_one_line, page_path: str = "glossary.html",
                  count_renders: bool = False, patience: float = 60, serve_args: tuple = ()) -> dict:
    """In `mkdocs serve`, the seconds from saving a one-line edit of data/ (`edit`) to the edited
    text in the page the server sends (`page_path`), and how many rebuilds each edit started (one
    is right: a rebuild that rewrote a watched folder would start another). With `count_renders`,
    serve runs under tools/bench_serve_count.py, and each edit's pages rendered and reused are kept.
    `patience`: the seconds an edit may take to show (three times that to start) before giving up."""
    import subprocess
    import threading
    import urllib.request

    from test_serve import REBUILD, free_port
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0"}
    command = [str(ROOT / "tools" / "bench_serve_count.py")] if count_renders else ["-m", "mkdocs"]
    server = subprocess.Popen([sys.executable, *command, "serve", "-a", f"127.0.0.1:{port}", *serve_args], cwd=project,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: [log.append((time.perf_counter(), line)) for line in server.stdout],
                              daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/{page_path}"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return html.unescape(response.read().decode("utf-8"))  # the page writes ( as &#40;
        except OSError:
            return ""

    def rebuilds_since(start: float) -> int:
        return sum(1 for when, line in list(log) if when >= start and REBUILD in line)

    try:
        deadline = time.perf_counter() + 3 * patience
        while not any("Serving on" in line for _, line in list(log)) or not page():
            if time.perf_counter() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start:\n" + "".join(line for _, line in log)[-3000:])
            time.sleep(0.2)
        seconds, rebuilds, renders, phases = [], [], [], []
        for index in range(edits):
            time.sleep(1.5)  # let the watcher settle
            start = time.perf_counter()
            shown = edit(project, f"serve {index}")
            while shown not in page():
                if time.perf_counter() - start > patience:
                    raise SystemExit("the edit never showed:\n" + "".join(line for _, line in log)[-3000:])
                time.sleep(0.02)
            seconds.append(round(time.perf_counter() - start, 3))
            time.sleep(3)  # a second rebuild, if the first one set one off, starts within this
            rebuilds.append(rebuilds_since(start))
            renders.append([line.split(COUNT_LINE, 1)[1].strip() for when, line in list(log)
                            if when >= start and COUNT_LINE in line])
            phases.append([(round(when - start, 2), line.strip()[:90]) for when, line in list(log)
                           if when >= start and any(mark in line for mark in PHASES)])
    finally:
        server.terminate()
        server.wait(timeout=30)
        edit(project, None)
    result = {"visible_s": statistics.median(seconds), "runs": seconds, "rebuilds_per_edit": rebuilds}
    if count_renders:
        result["renders_per_edit"] = renders
        result["phases_per_edit"] = phases  # when serve's log reached each stage, in seconds after the edit
    return result


COUNT_LINE = "bench-render:"  # tools/bench_serve_count.py's lines
PHASES = ("Building documentation...", COUNT_LINE, "Building 'ar'", "Documentation built",
          "Reloading browsers")


def collection_series(tmp: Path, edits: int) -> dict:
    """Collections of 1, 10 and 50 copies of the real report (tools/bench_collection.py), each
    built once from a fresh folder (no .explainer-cache/; the PDF and EPUB editions off): seconds,
    HTML pages written, seconds per page and peak memory (the build process's maximum resident
    set). Then, at the largest, `serve`'s latency for a one-line edit of one report's data and the
    pages each edit's render rendered and reused."""
    rows, project = [], None
    for reports in COLLECTIONS:
        project = make_project(tmp / f"collection-{reports}")
        bench_collection.make_collection(project, reports)
        seconds, cpu, peak_kib = measured_build(project)
        pages = sum(1 for _ in (project / "site").resolve().rglob("*.html"))
        rows.append({"reports": reports, "data_bytes": bench_collection.data_bytes(project), "build_s": round(seconds, 2),
                     "cpu_s": round(cpu, 2), "pages": pages, "s_per_page": round(seconds / pages, 4),
                     "cpu_s_per_page": round(cpu / pages, 4), "peak_mib": round(peak_kib / 1024)})
        print(f"  collection of {reports}: {seconds:.1f} s, {pages} pages, {peak_kib / 1024:.0f} MiB",
              file=sys.stderr, flush=True)
    edited = bench_collection.report_id(COLLECTIONS[-1])
    serve = serve_latency(project, edits, lambda p, marker: bench_collection.edit_sentence(p, edited, marker),
                          f"{edited}/report.html", count_renders=True, patience=900)
    return {"rows": rows, "serve": {**serve, "edited": f"data/reports/{edited}/report.yaml",
                                    "reports": COLLECTIONS[-1]}}


def measured_build(project: Path) -> tuple[float, float, int]:
    """Seconds of one `mkdocs build` of `project`, the CPU seconds it used (less disturbed than
    the clock by other work on the machine), and its peak memory in KiB (the process's maximum
    resident set), from wait4's resource usage of that one child."""
    import subprocess
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0", "EXPLAINER_EDITIONS": "false"}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env,
                                   stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            output.seek(0)
            raise SystemExit(f"build of {project} failed:\n{output.read()[-3000:].decode('utf-8', 'replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss  # KiB on Linux


def collection_table(collections: dict) -> str:
    """The collection series as lines of text."""
    if not collections:
        return ""
    rows = collections["rows"]
    base = rows[0]
    lines = ["reports  data MiB  pages  cold build s  CPU s  s/page  CPU s/page  pages x  time x  CPU x  peak MiB"]
    for row in rows:
        lines.append(f"{row['reports']:>7}  {row['data_bytes'] / 2**20:8.1f}  {row['pages']:5}  {row['build_s']:12.1f}"
                     f"  {row['cpu_s']:5.1f}  {row['s_per_page']:6.3f}  {row['cpu_s_per_page']:10.3f}"
                     f"  {row['pages'] / base['pages']:7.2f}  {row['build_s'] / base['build_s']:6.2f}"
                     f"  {row['cpu_s'] / base['cpu_s']:5.2f}  {row['peak_mib']:8}")
    serve = collections["serve"]
    lines.append(f"serve at {serve['reports']} reports: a one-line edit of {serve['edited']} visible after "
                 f"{serve['visible_s']:.2f} s (median of {len(serve['runs'])}: {', '.join(f'{s:.2f}' for s in serve['runs'])});"
                 f" rebuilds per edit {', '.join(map(str, serve['rebuilds_per_edit']))}; pages per edit: "
                 + "; ".join(" + ".join(counts) or "?" for counts in serve.get("renders_per_edit", [])))
    return "\n".join(lines)


def scale_series(tmp: Path) -> list[dict]:
    """Build time of the data grown 10x and 50x against 1x: each a build from an empty
    .explainer-cache/ (a rebuild from the cache would measure only what changed), after a
    warming build."""
    rows = []
    for factor in SCALES:
        project = make_project(tmp / f"scale-{factor}")
        if factor > 1:
            bench_data.grow(project, factor)
        note = own_engine(project, max(p.stat().st_size for p in (project / "data").glob("*.yaml")))
        before = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = str(project / "engine")  # the build imports that copy first
        try:
            build(project)  # warms the disk cache and Python's bytecode
            shutil.rmtree(project / ".explainer-cache", ignore_errors=True)  # ...but nothing of ours
            seconds = build(project)
        finally:
            if before is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = before
        rows.append({"factor": factor, "data_bytes": bench_data.data_bytes(project), "build_s": round(seconds, 3),
                     "note": note})
        print(f"  scale {factor}x: {seconds:.1f} s", file=sys.stderr, flush=True)
    base = rows[0]
    for row in rows:
        row["time_ratio"] = round(row["build_s"] / base["build_s"], 2)
        row["size_ratio"] = round(row["data_bytes"] / base["data_bytes"], 2)
        row["time_per_size"] = round(row["time_ratio"] / row["size_ratio"], 2)
    return rows


def own_engine(project: Path, largest: int) -> str:
    """Give the project its own copy of the engine (same code) in project/engine/, which the
    scale builds put first on PYTHONPATH, raising the engine's guard on a data file's size in that
    copy when grown data passes it: the guard is against pasted mistakes, and a publication 50
    times this one would raise it."""
    engine = project / "engine" / "explainer"
    shutil.copytree(ROOT / "explainer", engine, ignore=shutil.ignore_patterns("__pycache__"))
    load = engine / "data_in" / "load.py"
    text = load.read_text(encoding="utf-8")
    limit = re.search(r"(?m)^MAX_BYTES = ([0-9_]+)", text)
    if limit and largest > int(limit.group(1).replace("_", "")):
        load.write_text(text.replace(limit.group(0), f"MAX_BYTES = {2 * largest}"), encoding="utf-8")
        return f"engine's per-file limit of {limit.group(1)} bytes raised (largest file {largest} bytes)"
    return ""


def table(results: dict) -> str:
    """The results as one plain-text table (KiB of gzip on the wire; scores out of 100)."""
    kib = lambda n: f"{n / 1024:.1f}"  # noqa: E731
    head = ("page", "site", "perf/a11y/bp/seo", "HTML", "CSS", "JS", "fonts", "index", "img", "other", "load",
            "+search", "load ratio")
    lines = [head] if results.get("pages") else []
    for row in results.get("pages", []):
        for site in ("site", "anchor"):
            data = row[site]
            load, search = data["bytes"]["load"], data["bytes"]["search"]
            scores = "/".join("-" if v is None else str(v) for v in data["lighthouse"]["scores"].values())
            lines.append((row["path"] if site == "site" else "", "this" if site == "site" else "anchor", scores,
                          *(kib(load[k]) for k in bench_web.KINDS), kib(load["all"]),
                          "-" if search is None else kib(search["all"]), f"{row['ratio_load']:.2f}" if site == "site" else ""))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))] if lines else []
    out = ["  ".join(str(c).rjust(w) if i > 2 else str(c).ljust(w) for i, (c, w) in enumerate(zip(line, widths)))
           for line in lines]
    builds = results["builds"]
    out.append("")
    for reference in builds.get("references", ["plain"]):
        what = {"anchor": "plain Material + static-i18n (default search)", "plain": "our mkdocs.yml without the explainer plugin"}
        out.append(f"build (medians of {len(builds['runs'][reference])}) against {what.get(reference, reference)}, "
                   f"same docs/, {builds[f'{reference}_s']:.2f} s; ours: " + ", ".join(
                       f"{name} {builds[f'{name}_s']:.2f} s ({builds.get(f'{name}_ratio_{reference}', builds[f'{name}_ratio']):.2f}x"
                       + (f", paired {builds[f'{name}_paired_{reference}']:.2f}x" if f"{name}_paired_{reference}" in builds else "")
                       + ")" for name in ("rebuild", "edit", "cold", "cold_editions") if f"{name}_s" in builds))
    serve = results.get("serve")
    if serve:
        out.append(f"serve: a one-line edit of {EDITED} visible after {serve['visible_s']:.2f} s (median of "
                   f"{len(serve['runs'])}: {', '.join(f'{s:.2f}' for s in serve['runs'])}); rebuilds per edit "
                   f"{', '.join(map(str, serve['rebuilds_per_edit']))}")
    if results.get("collections"):
        out.append(collection_table(results["collections"]))
    for row in results.get("scale", []):
        out.append(f"scale {row['factor']:>2}x: data {row['data_bytes'] / 1024:8.0f} KiB ({row['size_ratio']:5.2f}x),"
                   f" build {row['build_s']:6.1f} s ({row['time_ratio']:5.2f}x), time/size {row['time_per_size']:.2f}"
                   + (f"  [{row['note']}]" if row["note"] else ""))
    return "\n".join(out)


if __name__ == "__main__":
    main()
