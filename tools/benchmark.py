"""Measure what readers and authors wait for: build time, and the bytes a page costs.

Run with ./run bench. Builds a copy of the project three times (the first build also warms
caches) and reports the median, then the weight of each page: its HTML, and HTML plus every
stylesheet and script it loads (what a first visit downloads, before compression and gzip).
"""
from __future__ import annotations

import gzip
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import make_project, mkdocs_build  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder) / "project")
        times = []
        for _ in range(3):
            start = time.perf_counter()
            result = mkdocs_build(project)
            times.append(time.perf_counter() - start)
            if result.returncode:
                sys.exit(result.stdout + result.stderr)
        print(f"build (mkdocs build, both languages): median {statistics.median(times):.2f} s of {[round(t, 2) for t in times]}")
        site = project / "site"
        print(f"{'page':<22}{'html KiB':>10}{'html+css+js KiB':>17}{'gzip KiB':>10}")
        pages = [p for p in sorted(site.glob("*.html")) + sorted(site.glob("ar/*.html")) if p.name != "404.html"]
        for page in pages:
            html = page.read_bytes()
            assets = re.findall(rb'(?:href|src)="([^"]+\.(?:css|js))"', html)
            files = [html] + [(page.parent / a.decode()).resolve().read_bytes() for a in assets]
            total = sum(len(f) for f in files)
            zipped = sum(len(gzip.compress(f)) for f in files)
            print(f"{page.relative_to(site).as_posix():<22}{len(html) / 1024:>10.1f}{total / 1024:>17.1f}{zipped / 1024:>10.1f}")
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        print(f"whole site: {size / 1024 / 1024:.2f} MiB in {sum(1 for p in site.rglob('*') if p.is_file())} files")


if __name__ == "__main__":
    main()
