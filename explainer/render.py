"""Render content/<lang>/**/*.md (Jinja-templated Markdown) into docs/<lang>/, from the data.

Everything is rendered in memory first and written only if no page had a problem, and then
only the files whose text changed: `mkdocs serve` watches docs/, and rewriting identical
files would make it rebuild in a loop.
"""
from __future__ import annotations

import traceback
from pathlib import Path

from jinja2 import (Environment, FileSystemLoader, PackageLoader, StrictUndefined, TemplateError,
                    TemplateSyntaxError, UndefinedError)

from . import markup
from .consistency import check_page_spellings
from .dataset import Dataset, load_dataset
from .errors import AuthorErrors, Problem
from .labels import LANGUAGES
from .macros import PageMacros
from .sections import check_sections


def build_docs(project: Path, content_dir: str = "content", docs_dir: str = "docs") -> Dataset:
    """Validate data/, render content/ into docs/; raise AuthorErrors with every problem."""
    data = load_dataset(project)
    pages = render_pages(project, data, content_dir)
    write_changed(project / docs_dir, pages)
    return data


def render_pages(project: Path, data: Dataset, content_dir: str) -> dict[str, str]:
    """Rendered text of every page, keyed by its path under docs/ ('ar/report.md')."""
    problems: list[Problem] = []
    sources = _page_sources(project / content_dir, content_dir, problems)
    rendered: dict[str, str] = {}
    for lang in LANGUAGES:
        blocks = _environment(PackageLoader("explainer", "templates"), lang)
        env = _environment(FileSystemLoader(project / content_dir / lang), lang)
        for page in sources[lang]:
            source_path = f"{content_dir}/{lang}/{page}"
            macros = PageMacros(data, lang, page, source_path, blocks, problems)
            text = _render_one(env, page, macros, source_path, problems)
            if text is not None:
                rendered[f"{lang}/{page}"] = text
    raw = {f"{lang}/{page}": (project / content_dir / lang / page).read_text(encoding="utf-8")
           for lang in LANGUAGES for page in sources[lang]}
    problems.extend(check_sections(raw, content_dir))
    for key, text in raw.items():
        if key.startswith("en/"):
            problems.extend(check_page_spellings(f"{content_dir}/{key}", text, data.names.names))
    if problems:
        raise AuthorErrors(problems)
    return rendered


def _environment(loader, lang: str) -> Environment:
    # StrictUndefined: a misspelt variable is an error, never an empty string on the page.
    # Comments are {## ##}, not {# #}, so that Markdown's heading ids ({#an-id}) stay Markdown.
    return Environment(loader=loader, undefined=StrictUndefined, autoescape=False,
                       finalize=markup.finalizer(lang), keep_trailing_newline=True,
                       comment_start_string="{##", comment_end_string="##}")


def _page_sources(content: Path, content_dir: str, problems: list[Problem]) -> dict[str, list[str]]:
    """Pages per language; a page without its twin in the other language is a problem."""
    pages = {lang: sorted(p.relative_to(content / lang).as_posix() for p in (content / lang).rglob("*.md"))
             for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for page in sorted(set(pages[lang]) - set(pages[other])):
                problems.append(Problem(f"{content_dir}/{lang}/{page}", 1, 1, "",
                                        f"has no {other} twin; create {content_dir}/{other}/{page} "
                                        f"(every page exists in both languages at the same path)"))
    return pages


def _render_one(env: Environment, page: str, macros: PageMacros, source_path: str,
                problems: list[Problem]) -> str | None:
    try:
        return env.get_template(page).render(**macros.globals())
    except TemplateSyntaxError as error:
        problems.append(Problem(source_path, error.lineno or 1, 1, "", f"template syntax: {error.message}; fix the {{{{ }}}} or {{% %}} here"))
    except UndefinedError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"{error.message}; check the spelling of the name, or see README.md for the macros"))
    except TemplateError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "", f"{error}; fix the template here"))
    except TypeError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"wrong macro call: {error}; see README.md for the macros and their arguments"))
    return None


def _template_line(error: Exception, source_path: str) -> int:
    """Jinja rewrites tracebacks so that template frames carry the template's own line numbers."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(source_path):
            return frame.lineno or 1
    return 1


def write_changed(docs: Path, pages: dict[str, str]) -> None:
    """Make docs/ hold exactly `pages`, touching only files whose text differs."""
    for relative, text in pages.items():
        target = docs / relative
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if docs.exists():
        for stale in sorted(docs.rglob("*"), reverse=True):
            relative = stale.relative_to(docs).as_posix()
            if stale.name.startswith("."):
                continue  # docs/.gitignore keeps the folder in git (MkDocs needs it to exist)
            if stale.is_file() and relative not in pages:
                stale.unlink()
            elif stale.is_dir() and not any(stale.iterdir()):
                stale.rmdir()
