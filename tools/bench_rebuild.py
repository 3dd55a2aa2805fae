"""`serve`'s rebuilds measured in one process, as `mkdocs serve` runs them: load the config, tell
the plugins it is `serve`, build; once from nothing, once with nothing changed, then after edits of
one report's first sentence (tools/bench_collection.py's edit). Prints each build's CPU seconds of
this process (the main thread's work, less sensitive to a loaded machine than the clock) and its
wall seconds. Run it in a project, with the engine to measure first on the path, editions off:

    EXPLAINER_EDITIONS=false PYTHONPATH=. python tools/bench_rebuild.py . r05
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_collection import edit_sentence  # noqa: E402


def rebuild(project: Path, site: str) -> tuple[float, float]:
    config = load_config(str(project / "mkdocs.yml"), site_dir=site)
    config.plugins.on_startup(command="serve", dirty=False)
    cpu, wall = time.process_time(), time.perf_counter()
    build(config, serve_url=None, dirty=False)
    return round(time.process_time() - cpu, 2), round(time.perf_counter() - wall, 2)


def main(project: Path, report: str, edits: int = 2) -> None:
    os.chdir(project)
    site = tempfile.mkdtemp(prefix="mkdocs_")  # as serve's own folder
    print("first (cpu, wall)", rebuild(project, site))
    print("nothing changed", rebuild(project, site))
    try:
        for index in range(edits):
            edit_sentence(project, report, f"e{index}")
            print(f"edit {index + 1}", rebuild(project, site))
    finally:
        edit_sentence(project, report, None)


if __name__ == "__main__":
    main(Path(sys.argv[1]).resolve(), sys.argv[2])
