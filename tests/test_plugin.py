"""The MkDocs adapter (issue 30): the plugin's options are checked by MkDocs and every mistake
is located in mkdocs.yml; only explainer/plugin/ imports MkDocs (the command line does not);
and the one private part of MkDocs the conversion cache relies on is still what it expects."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, edit, mkdocs_build


def line_of(project: Path, text: str) -> int:
    lines = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def test_wrong_plugin_options_are_refused_at_their_line(mini):
    edit(mini, "mkdocs.yml", "  - explainer:\n", "  - explainer:\n      draft: maybe\n")
    result = mkdocs_build(mini)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert (f"mkdocs.yml:{line_of(mini, 'draft: maybe')}:14: plugins.explainer.draft: Expected type: "
            "<class 'bool'> but received: <class 'str'>; see the plugin's options in the engine's README") in output
    # Unknown names are MkDocs' warnings, which a strict build (ours) refuses.
    edit(mini, "mkdocs.yml", "      draft: maybe\n", "      colour: blue\n")
    edit(mini, "mkdocs.yml", 'contact: !ENV [EXPLAINER_CONTACT, ""]', 'contact: ""\n        editor: "someone"')
    result = mkdocs_build(mini)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"mkdocs.yml:{line_of(mini, 'colour: blue')}:15: plugins.explainer.colour: Unrecognised configuration name: colour" in output
    assert f"mkdocs.yml:{line_of(mini, 'editor:')}:17: plugins.explainer.masthead.editor: Unrecognised configuration name: editor" in output
    assert not (mini / "site").exists()


def test_only_the_adapter_imports_mkdocs():
    importers = []
    for path in (ROOT / "explainer").rglob("*.py"):
        if path.parent.name == "plugin":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n") for name in names):
                importers.append(path.relative_to(ROOT).as_posix())
    assert importers == []
    # ...and running the command line loads none of it.
    loaded = subprocess.run([sys.executable, "-c", "import sys, explainer.cli.check, explainer.cli.new, explainer.__main__; "
                             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"],
                            capture_output=True, text=True, cwd=ROOT, check=True).stdout.strip()
    assert loaded == "[]"


def test_the_page_attributes_the_conversion_cache_keeps_are_what_mkdocs_sets(tmp_path):
    """The cache restores what Page.render set (among it the private `_title_from_render`).
    If MkDocs renames or drops one, this fails: update PAGE_RESULT in conversion_cache.py."""
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from explainer.plugin.conversion_cache import PAGE_RESULT

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# A title from the page\n\nText with an [anchor](#a-title-from-the-page).\n")
    config = MkDocsConfig()
    config.load_dict({"site_name": "test", "docs_dir": str(docs), "site_dir": str(tmp_path / "site")})
    errors, _ = config.validate()
    assert not errors
    file = File("index.md", str(docs), str(tmp_path / "site"), False)
    page = Page(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    for name in (*PAGE_RESULT, "links_to_anchors"):
        assert hasattr(page, name), f"MkDocs' Page no longer sets {name}"
    assert page._title_from_render == "A title from the page" and page.title == "A title from the page"
    assert "a-title-from-the-page" in page.present_anchor_ids
