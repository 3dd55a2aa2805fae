"""`check`'s site build: the real `mkdocs build` in a child process, into a throw-away folder,
so every gate runs exactly as in a publication's build (and nothing here imports MkDocs)."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def build_and_check(project: Path, draft: bool = False) -> tuple[int, list[str]]:
    """The build's exit status and the problem lines it logged (ERROR and WARNING)."""
    with tempfile.TemporaryDirectory(prefix="explainer-check-") as folder:
        result = subprocess.run([sys.executable, "-m", host(), "build", "--site-dir", str(Path(folder) / "site")],
                                cwd=project, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_DRAFT": "1" if draft else "0"})
    lines = [line.split("-  ", 1)[1] for line in (result.stdout + result.stderr).splitlines()
             if line.startswith(("ERROR", "WARNING")) and "-  " in line]
    return result.returncode, lines


def host() -> str:
    """The command that builds the site: MkDocs, or ProperDocs where only it is installed."""
    if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs") is not None:
        return "properdocs"
    return "mkdocs"
