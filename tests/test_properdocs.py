"""The site builds under ProperDocs (the maintained continuation of MkDocs 1.x, PyPI `properdocs`)
as under MkDocs 1.6.1, to the same files, so that moving host when MkDocs' and Material's
maintenance ends is a change of pins.

ProperDocs installs beside MkDocs without a clash: its package is `properdocs` (its command
`properdocs`, or `python -m properdocs`), it reads `mkdocs.yml` when there is no
`properdocs.yml`, loads the plugins registered under the `mkdocs.plugins` entry point (Material's,
mkdocs-static-i18n's and ours, `explainer`), and, in its own process only, answers every
`import mkdocs...` with its own modules (properdocs/replacement.py), so our plugin runs unchanged.
ProperDocs is in requirements-test.txt: a missing one fails here rather than skipping.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, make_project


# The one difference, explained: each host names itself in every page's generator tag
# ("mkdocs-1.6.1, mkdocs-material" and "mkdocs-ProperDocs 1.6.7, mkdocs-material"; Material
# writes "mkdocs-" before MkDocs' `__version__`, which ProperDocs' module reports as its own).
GENERATOR = re.compile(r'<meta name="generator" content="mkdocs-[^"]*">')


def build(project: Path, host: str, cache: Path) -> str:
    """`python -m <host> build` in `project`, each host with its own empty cache (nothing one
    build made is reused by the other); its output, which must be a success."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "XDG_CACHE_HOME": str(cache), "COLUMNS": "0"}
    result = subprocess.run([sys.executable, "-m", host, "build"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{host}:\n{result.stdout}{result.stderr}"
    return result.stdout + result.stderr


def files_of(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the offline archive opened into its members."""
    files = {}
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if path.suffix == ".zip":
            with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as archive:
                files.update({f"{name}!{member}": archive.read(member) for member in archive.namelist()})
        elif path.is_file():
            files[name] = path.read_bytes()
    return files


def without_generator(content: bytes) -> bytes:
    return re.sub(GENERATOR.pattern.encode(), b'<meta name="generator" content="...">', content)


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    sites = {}
    for host in ("mkdocs", "properdocs"):
        project = make_project(tmp_path / host, FIXTURES / "mini")
        output = build(project, host, tmp_path / f"cache-{host}")
        assert "ERROR" not in output and "WARNING" not in output, output
        sites[host] = files_of(project / "site")
    mkdocs, properdocs = sites["mkdocs"], sites["properdocs"]
    assert sorted(mkdocs) == sorted(properdocs)
    # The pages name their host (so this is ProperDocs' build, not MkDocs' again)...
    assert GENERATOR.search(properdocs["index.html"].decode()).group().startswith('<meta name="generator" content="mkdocs-ProperDocs 1.')
    assert GENERATOR.search(mkdocs["index.html"].decode()).group() == '<meta name="generator" content="mkdocs-1.6.1, mkdocs-material">'
    # ... and apart from that name, every file, every page in both languages and every member of
    # the offline archive, is the same byte for byte.
    differ = [name for name in mkdocs if name.endswith(".html") and mkdocs[name] != properdocs[name]]
    assert differ, "the generator tags should differ"
    assert [name for name in mkdocs if without_generator(mkdocs[name]) != without_generator(properdocs[name])] == []
