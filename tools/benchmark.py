"""Measure what readers and authors wait for, against plain Material as the anchor.

Run with ./run bench (--quick for a short try). In a temporary folder it builds the real
project, and from the very docs/ that build rendered, the anchor: the same pages built by
Material and mkdocs-static-i18n with their default settings (no hook, no theme overrides, no
extra CSS or JS). Both are served gzipped from loopback; for each page and language it records
the bytes of a first visit by kind, and what opening search adds (tools/bench_web.py), and
Lighthouse's four mobile scores. Then build times, in alternating pairs to damp the noise of a
shared machine: the full build against a plain `mkdocs build` of the same rendered docs/ with
our mkdocs.yml minus the hook; and the scale series, the data grown 10x and 50x
(tools/bench_data.py). It prints one table and writes it all to bench/results.json.
"""
from __future__ import annotations

import argparse
import datetime
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
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    pages = QUICK_PAGES if args.quick else [(page, lang) for page in PAGES for lang in ("en", "ar")]
    results = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "quick": args.quick,
               "machine": {"cpus": os.cpu_count(), "load": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        tmp = Path(folder)
        with bench_web.serve(tmp / "real" / "site") as real_url, bench_web.serve(tmp / "anchor" / "site") as anchor_url:
            real = build_real(tmp / "real", real_url)
            build_anchor(tmp / "anchor", real, anchor_url)
            results["pages"] = measure_pages(pages, {"site": real_url, "anchor": anchor_url})
            results["builds"] = time_builds(real, plain_project(tmp / "plain", real), 1 if args.quick else 3)
        results["scale"] = [] if args.quick else scale_series(tmp)
    results["machine"]["load_end"] = os.getloadavg()  # a busy machine lowers the performance scores
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written to {args.out}")


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
    """Our mkdocs.yml without the hook, over the docs/ already rendered: what MkDocs and
    Material cost alone, the yardstick of the engine's overhead."""
    target.mkdir(parents=True)
    for folder in ("docs", "overrides", "data", "content"):  # data, content: mkdocs.yml's watch: wants them
        shutil.copytree(real / folder, target / folder)
    lines, skipping = [], False
    for line in (real / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True):
        if re.match(r"hooks\s*:", line):
            skipping = True
        elif skipping and not re.match(r"(\s|-|#|$)", line):
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


def time_builds(real: Path, plain: Path, pairs: int) -> dict:
    """The full build against the plain one, in pairs whose order alternates."""
    build(plain)  # a first plain build warms the same caches the real one already has
    times = {"full": [], "plain": []}
    for index in range(pairs):
        order = ("full", "plain") if index % 2 == 0 else ("plain", "full")
        for name in order:
            times[name].append(round(build(real if name == "full" else plain), 3))
    full, plain_s = statistics.median(times["full"]), statistics.median(times["plain"])
    return {"full_s": full, "plain_s": plain_s, "ratio": round(full / plain_s, 2), "runs": times}


def scale_series(tmp: Path) -> list[dict]:
    """Build time of the data grown 10x and 50x against 1x (each after a warming build)."""
    rows = []
    for factor in SCALES:
        project = make_project(tmp / f"scale-{factor}")
        if factor > 1:
            bench_data.grow(project, factor)
        note = own_engine(project, max(p.stat().st_size for p in (project / "data").glob("*.yaml")))
        build(project)
        seconds = build(project)
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
    """Give the project its own copy of the engine (same code), raising the engine's guard on
    a data file's size in that copy when grown data passes it: the guard is against pasted
    mistakes, and a publication 50 times this one would raise it."""
    engine = project / "explainer"
    if engine.is_symlink():
        engine.unlink()
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
    lines = [head]
    for row in results.get("pages", []):
        for site in ("site", "anchor"):
            data = row[site]
            load, search = data["bytes"]["load"], data["bytes"]["search"]
            scores = "/".join("-" if v is None else str(v) for v in data["lighthouse"]["scores"].values())
            lines.append((row["path"] if site == "site" else "", "this" if site == "site" else "anchor", scores,
                          *(kib(load[k]) for k in bench_web.KINDS), kib(load["all"]),
                          "-" if search is None else kib(search["all"]), f"{row['ratio_load']:.2f}" if site == "site" else ""))
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head))]
    out = ["  ".join(str(c).rjust(w) if i > 2 else str(c).ljust(w) for i, (c, w) in enumerate(zip(line, widths)))
           for line in lines]
    builds = results["builds"]
    out.append("")
    out.append(f"build: full {builds['full_s']:.2f} s, plain mkdocs build of the same docs/ {builds['plain_s']:.2f} s"
               f" (medians of {len(builds['runs']['full'])}), ratio {builds['ratio']:.2f}")
    for row in results.get("scale", []):
        out.append(f"scale {row['factor']:>2}x: data {row['data_bytes'] / 1024:8.0f} KiB ({row['size_ratio']:5.2f}x),"
                   f" build {row['build_s']:6.1f} s ({row['time_ratio']:5.2f}x), time/size {row['time_per_size']:.2f}"
                   + (f"  [{row['note']}]" if row["note"] else ""))
    return "\n".join(out)


if __name__ == "__main__":
    main()
