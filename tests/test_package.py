"""The engine as a package (issue 30): a wheel built from this repository, installed into a
fresh virtual environment outside the checkout, starts and builds a publication from another
folder with nothing of the engine copied into it; the wheel holds the engine and its theme and
nothing of this report; an upgrade of the installed theme reaches the publication.

The fresh environment gets the wheel itself (--no-deps) and borrows the dependencies already
installed for the tests (one line in a .pth file), which saves the 40 s of downloading them
again; `--package-full-install` installs them from the registry as a newsroom would. Either
way the engine that runs is the wheel's: the test checks where `explainer` is imported from.
"""
from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, any_whole_word, once_per_run

REPORT = ROOT / "tests" / "fixtures" / "second-report-ar.txt"
PAGES = ["index", "report", "claims", "timeline", "actors", "places", "glossary", "sources", "about"]


def run(command: list, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**clean, "NO_MKDOCS_2_WARNING": "1", "COLUMNS": "0", **env})


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel of the repository's files (git's list: no build/ left over from an earlier
    build can slip a file in that the package data would miss), built once for the run."""
    return next(once_per_run(tmp_path_factory, "wheel", _build_wheel).glob("explainer-*.whl"))


def _build_wheel(folder: Path) -> None:
    listed = run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], ROOT).stdout.split("\0")
    checkout = folder / "checkout"
    for relative in filter(None, listed):
        if (ROOT / relative).is_file():
            (checkout / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / relative, checkout / relative)
    result = run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", folder, checkout], folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(folder.glob("explainer-*.whl"))) == 1


@pytest.fixture(scope="module")
def fresh(wheel, tmp_path_factory, request) -> Path:
    """A new virtual environment, outside the checkout, with the wheel installed."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    result = run([sys.executable, "-m", "venv", "--without-pip", venv], venv.parent)
    assert result.returncode == 0, result.stderr
    python = venv / "bin" / "python"
    if request.config.getoption("--package-full-install"):
        install = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel]
    else:
        site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], venv).stdout.strip())
        # The test environment's packages, after the venv's own: the wheel's explainer wins.
        (site / "borrowed-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
        install = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", wheel]
    result = run(install, venv.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    return venv


def test_the_wheel_holds_the_engine_and_its_theme_and_nothing_of_this_report(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert all(name.startswith(("explainer/", "explainer-")) for name in names), names
    for expected in ("explainer/plugin/plugin.py", "explainer/theme/main.html", "explainer/theme/404.html",
                     "explainer/theme/partials/explainer-search.html", "explainer/theme/assets/stylesheets/explainer.css",
                     "explainer/theme/assets/javascripts/reader.js", "explainer/theme/assets/fonts/naskh-400.woff2",
                     "explainer/pages_out/templates/report.md", "explainer/scaffold/pages/ar/report.md"):
        assert expected in names, expected
    assert not [name for name in names if re.search(r"(^|/)(tests?|data|content|docs|site)/", name.split("/", 1)[1])]
    # Nothing of this report: no sentence of its text, no name of its names list, in any file.
    source = (ROOT / "data/source/article-ar.txt").read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"[.\n]", source) if len(s.strip()) > 25]
    registry = yaml.safe_load((ROOT / "data/names.yaml").read_text(encoding="utf-8"))["names"]
    forms = {form for name in registry for form in (name["ar"], name["en"]) if len(form) > 3}
    any_form = any_whole_word(forms)
    with zipfile.ZipFile(wheel) as archive:
        for name in names:
            if name.endswith((".py", ".html", ".js", ".css", ".md", ".txt", ".json")) or "METADATA" in name:
                text = archive.read(name).decode("utf-8", errors="ignore")
                assert not [s for s in sentences if s in text], name
                named = any_form.search(text)
                assert named is None, (name, named and named.group())


def test_the_wheel_declares_every_library_its_code_imports(wheel):
    """What a full install would catch: an import of a library the package does not require."""
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(archive.read(n).decode() for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        imported = set()
        for name in archive.namelist():
            if name.endswith(".py"):
                for node in ast.walk(ast.parse(archive.read(name))):
                    if isinstance(node, ast.Import):
                        imported |= {alias.name.split(".")[0] for alias in node.names}
                    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                        imported.add(node.module.split(".")[0])
    required = {re.split(r"[<>=!~; \[]", line.split(":", 1)[1].strip())[0].lower().replace("_", "-")
                for line in metadata.splitlines() if line.startswith("Requires-Dist:")}
    providers = importlib.metadata.packages_distributions()
    third_party = {module for module in imported - set(sys.stdlib_module_names) - {"explainer", "__future__"}}
    missing = {module for module in third_party
               if not {d.lower().replace("_", "-") for d in providers.get(module, [module])} & required}
    assert third_party and not missing, missing


def test_new_from_an_install_builds_a_bilingual_site_with_the_installed_theme(fresh, tmp_path):
    python, explainer = fresh / "bin" / "python", fresh / "bin" / "explainer"
    where = run([python, "-c", "import explainer; print(explainer.__file__)"], tmp_path).stdout.strip()
    assert where.startswith(str(fresh)), where  # the wheel's engine, not this checkout's
    result = run([explainer, "new", "--source", REPORT, "--into", "pub"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    publication = tmp_path / "pub"
    top = sorted(p.name for p in publication.iterdir())
    assert top == [".gitignore", "README.md", "content", "data", "docs", "mkdocs.yml"], top
    assert not list(publication.rglob("*.py")) and not list(publication.rglob("*.html"))  # no engine, no theme
    config = (publication / "mkdocs.yml").read_text(encoding="utf-8")
    assert "- explainer:" in config and "hooks:" not in config and "custom_dir" not in config.split("#")[0]

    result = run([python, "-m", "mkdocs", "build"], publication)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    site = publication / "site"
    for lang, prefix in (("en", ""), ("ar", "ar/")):
        for page in PAGES:
            html = BeautifulSoup((site / f"{prefix}{page}.html").read_text(encoding="utf-8"), "html.parser")
            assert html.html["lang"] == lang and html.html["dir"] == ("rtl" if lang == "ar" else "ltr"), page
    report = BeautifulSoup((site / "ar/report.html").read_text(encoding="utf-8"), "html.parser")
    source = REPORT.read_text(encoding="utf-8")
    originals = [element.get_text() for element in report.select('[lang="ar"].original, .original [lang="ar"]')] \
        or [element.get_text() for element in report.select('[id^="p"][id*="-s"] [lang="ar"]')]
    assert originals and all(text.strip() in source for text in originals)

    # An upgrade of the installed engine reaches the publication: change the installed theme's
    # stylesheet, build again, and the site carries the change.
    installed = Path(where).parent / "theme" / "assets" / "stylesheets" / "explainer.css"
    installed.write_text(installed.read_text(encoding="utf-8") + "\n.upgraded-theme{color:red}\n", encoding="utf-8")
    result = run([python, "-m", "mkdocs", "build"], publication)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ".upgraded-theme" in (site / "assets/stylesheets/explainer.css").read_text(encoding="utf-8")
