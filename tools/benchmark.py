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
many rebuilds it starts; and the scale series, the data grown 10x and 50x (tools/bench_data.py),
built cold. It prints one table and writes it all to bench/results.json. --builds-only runs the
build timings and serve's latency alone (a few minutes, no browser).
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
import bench_data  # noqa: E402
import bench_web  # noqa: E402
import yaml  # noqa: E402
from conftest import ARGS, CHROMIUM, make_project, mkdocs_build  # noqa: E402

PAGES = ("index", "report", "roadmap", "glossary", "timeline")
QUICK_PAGES = (("index", "en"), ("report", "ar"))
SCALES = (1, 10, 50)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="two pages, one build pair, no scale series")
    parser.add_argument("--builds-only", action="store_true",
                        help="only the build timings and serve's latency (no pages, no Lighthouse, no scale series)")
    parser.add_argument("--pairs", type=int, default=None, help="build pairs per state (default 5, --quick 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    pairs = args.pairs or (1 if args.quick else 5)
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


def serve_latency(project: Path, edits: int) -> dict:
    """In `mkdocs serve`, the seconds from saving a one-line edit of data/ to the edited text in
    the glossary page the server sends, and how many rebuilds each edit started (one is right:
    a rebuild that rewrote a watched folder would start another)."""
    import subprocess
    import threading
    import urllib.request

    from test_serve import REBUILD, free_port
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: [log.append((time.perf_counter(), line)) for line in server.stdout],
                              daemon=True)
    reader.start()
    url = f"http://127.0.0.1:{port}/glossary.html"

    def page() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return html.unescape(response.read().decode("utf-8"))  # the page writes ( as &#40;
        except OSError:
            return ""

    def rebuilds_since(start: float) -> int:
        return sum(1 for when, line in list(log) if when >= start and REBUILD in line)

    try:
        deadline = time.perf_counter() + 180
        while not any("Serving on" in line for _, line in list(log)) or not page():
            if time.perf_counter() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start:\n" + "".join(line for _, line in log)[-3000:])
            time.sleep(0.2)
        seconds, rebuilds = [], []
        for index in range(edits):
            time.sleep(1.5)  # let the watcher settle
            start = time.perf_counter()
            shown = edit_one_line(project, f"serve {index}")
            while shown not in page():
                if time.perf_counter() - start > 60:
                    raise SystemExit("the edit never showed:\n" + "".join(line for _, line in log)[-3000:])
                time.sleep(0.02)
            seconds.append(round(time.perf_counter() - start, 3))
            time.sleep(3)  # a second rebuild, if the first one set one off, starts within this
            rebuilds.append(rebuilds_since(start))
    finally:
        server.terminate()
        server.wait(timeout=30)
        edit_one_line(project, None)
    return {"visible_s": statistics.median(seconds), "runs": seconds, "rebuilds_per_edit": rebuilds}


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
    for row in results.get("scale", []):
        out.append(f"scale {row['factor']:>2}x: data {row['data_bytes'] / 1024:8.0f} KiB ({row['size_ratio']:5.2f}x),"
                   f" build {row['build_s']:6.1f} s ({row['time_ratio']:5.2f}x), time/size {row['time_per_size']:.2f}"
                   + (f"  [{row['note']}]" if row["note"] else ""))
    return "\n".join(out)


if __name__ == "__main__":
    main()
