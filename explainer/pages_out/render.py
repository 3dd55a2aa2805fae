"""Render content/<lang>/**/*.md (Jinja-templated Markdown) into docs/<lang>/, from the data.

Everything is rendered in memory first and written only if no page had a problem, and then
only the files whose text changed: `mkdocs serve` watches docs/, and rewriting identical
files would make it rebuild in a loop. Whatever a page says, the result is rendered text or
located problems: pages are read and checked before Jinja sees them, run sandboxed, and any
failure of an expression is reported at its line.
"""
from __future__ import annotations

import shutil
import traceback
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemBytecodeCache,
    FunctionLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from ..build_cache import (  # noqa: F401 - CACHE_DIR: the folder's name, for tests
    CACHE_DIR,
    cache_folder,
    cache_key,
    read_entry,
    write_atomically,
)
from ..data_in.consistency import check_page_spellings
from ..data_in.corrections import CORRECTIONS_FILE
from ..data_in.dataset import Dataset, load_dataset
from ..data_in.load import read_text
from ..problems.errors import AuthorErrors, Problem, WorkLeft
from . import escape, unchanged
from .front_matter import FrontMatter, check_descriptions, read_front_matter
from ..languages import LANGUAGES
from .labels import LABELS
from .macros import PageMacros
from . import page_memo
from .page_memo import DataReads, PageMemo, sources_key
from .sections import check_sections

_SECTIONS = Path(__file__).resolve().parent / "templates"  # the data sections' templates


def build_docs(project: Path, content_dir: str = "content", docs_dir: str = "docs", draft: bool = False,
               reuse: bool = False) -> Dataset:
    """Validate data/, render content/ into docs/; raise AuthorErrors with every problem.
    A draft renders despite the work left in data/, and marks it in the pages. When nothing
    that shapes the result has changed since the last good build, its dataset is reused and
    docs/ left as it is (pages_out/unchanged.py). With `reuse` (serve), a page whose sources
    and the data it read are unchanged since the last render keeps its text (page_memo.py)."""
    cache = cache_folder(project)
    store = cache / "last-build.pickle" if cache else None
    key = unchanged.inputs_key(project, ("data", content_dir), draft)
    # Under serve, the first build renders, though the last build's result is at hand: it fills
    # the page memo, which would otherwise be empty at the first edit, rendering every page again
    # (minutes for a collection of 50 reports) instead of those that read what the edit changed.
    first_in_serve = reuse and not page_memo.has_last()
    data = None if first_in_serve else unchanged.load_unchanged(store, key, project / docs_dir)
    if data is not None:
        return data
    data, pages = validate(project, draft, content_dir, reuse)
    write_changed(project / docs_dir, pages)
    unchanged.keep(store, key, project / docs_dir, data)
    return data


def validate(project: Path, draft: bool, content_dir: str = "content", reuse: bool = False) -> tuple[Dataset, dict[str, str]]:
    """The build's first stage, which `check` runs too: data/ loaded and checked, then every page
    rendered from it; AuthorErrors with every problem. Mistakes in data/ stop before the pages
    (they need valid data). Work left in data/, which only a draft accepts, does not: the pages
    are rendered as in a draft (they need its placeholders) but their own work left (todo(), a
    TODO description) is refused too, so that a normal build lists all the work left at once."""
    try:
        data = load_dataset(project, draft)
    except WorkLeft as work_left:
        problems = list(work_left.problems)
        try:
            data = load_dataset(project, draft=True)
            render_pages(project, data, content_dir, accepts_todo=False)
        except AuthorErrors as errors:
            problems += errors.problems
        raise AuthorErrors(problems) from None
    return data, render_pages(project, data, content_dir, reuse=reuse)


def render_pages(project: Path, data: Dataset, content_dir: str, accepts_todo: bool = True,
                 reuse: bool = False) -> dict[str, str]:
    """Rendered text of every page, keyed by its path under docs/ ('ar/report.md'). In a draft,
    the pages' own work left is shown, unless `accepts_todo` is false. With `reuse`, the last
    render's pages whose sources and data read are unchanged (page_memo.py)."""
    problems: list[Problem] = []
    sources = _page_sources(project / content_dir, content_dir, problems)
    raw: dict[str, str] = {}
    fronts: dict[str, FrontMatter] = {}
    for lang in LANGUAGES:
        for page in sources[lang]:
            text = read_text(project, f"{content_dir}/{lang}/{page}")
            if isinstance(text, Problem):
                problems.append(text)
            else:
                front, front_problems = read_front_matter(text, f"{content_dir}/{lang}/{page}", data.draft and accepts_todo)
                problems.extend(front_problems)
                fronts[f"{lang}/{page}"], raw[f"{lang}/{page}"] = front, text
    problems.extend(check_descriptions(fronts, content_dir))
    rendered: dict[str, str] = {}
    compiled = compiled_templates(project)
    unfronted = {key: fronts[key].blanked(text) for key, text in raw.items()}
    # The data sections, one environment for both languages: each is compiled once.
    blocks = _environment(PackageLoader("explainer.pages_out", "templates"), None, Environment, compiled)
    memo = PageMemo(data, active=reuse)
    folders = {report.id: report.folder for report in data.reports}  # read once here, not by every page
    sections = [path.read_text(encoding="utf-8") for path in sorted(_SECTIONS.rglob("*")) if path.is_file()]
    for lang in LANGUAGES:
        env = _environment(_loader(project, content_dir, lang, unfronted), lang, _PageEnvironment, compiled)
        # A page may include or import another page of its language: all of them are its sources.
        texts = sources_key(*sections, *(f"{key}\0{text}" for key, text in raw.items() if key.startswith(f"{lang}/")))
        for page in sources[lang]:
            if f"{lang}/{page}" not in raw:
                continue
            source_path = f"{content_dir}/{lang}/{page}"
            key = (str(project), source_path, accepts_todo, texts)
            # A page in a report's folder renders that report's blocks (dataset.for_report).
            report_id = data.report_for_page(page)
            text = memo.get(key, report_id)
            if text is None:
                reads, before = DataReads(data.for_report(report_id)), len(problems)
                macros = PageMacros(reads, lang, page, source_path, blocks, problems, raw[f"{lang}/{page}"], accepts_todo,
                                    report_id, folders)
                text = _render_one(env, page, macros, source_path, problems)
                if text is not None:
                    front = fronts[f"{lang}/{page}"]  # kept out of Jinja, put back above the page for MkDocs
                    text = escape.keep_together(front.restored(text))
                    if len(problems) == before:
                        memo.keep(key, reads.reads, text, report_id)
            if text is not None:
                rendered[f"{lang}/{page}"] = fronts[f"{lang}/{page}"].block + (
                    _with_draft_banner(text, data, lang) if data.draft else text)
    problems.extend(check_sections(raw, content_dir))
    problems.extend(_corrections_page(data, sources, content_dir))
    for key, text in raw.items():
        if key.startswith("en/"):
            problems.extend(check_page_spellings(f"{content_dir}/{key}", text, data.names.names))
    if problems:
        raise AuthorErrors(problems)
    memo.done()
    return rendered


class _PageEnvironment(SandboxedEnvironment):
    """Authors' pages run sandboxed: no reaching Python internals from a template, ranges
    bounded, and `*` or `**` refused when the result would be huge (a page is not a program,
    and a typo must not hang the build)."""

    intercepted_binops = frozenset(["*", "**"])
    LIMIT = 100_000

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int) and abs(right) > 64:
            raise ValueError(f"exponent {right} is too large for a page")
        if operator == "*":
            sized, count = (left, right) if isinstance(right, int) else (right, left)
            if isinstance(sized, (str, list, tuple)) and isinstance(count, int) and len(sized) * count > self.LIMIT:
                raise ValueError(f"repeats a text or list into more than {self.LIMIT:,} items")
        return super().call_binop(context, operator, left, right)


def _with_draft_banner(text: str, data: Dataset, lang: str) -> str:
    """A draft says so under its title, with the count of the work left in data/."""
    todo = sum(gap.kind != "uncited" for gap in data.gaps)
    words = LABELS[lang]
    banner = words["draft_banner"].format(todo=todo, uncited=len(data.gaps) - todo,
                                          mark=f'<mark class="gap">{words["draft_mark"]}</mark>')
    title, newline, rest = text.partition("\n") if text.startswith("# ") else ("", "", text)
    return f'{title}{newline}\n<p class="draft-banner" role="note" markdown="0">{banner}</p>\n\n{rest}'


def _loader(project: Path, content_dir: str, lang: str, raw: dict[str, str]) -> FunctionLoader:
    """Pages from the texts already read and checked (UTF-8, no control characters), under
    their real file names, which Jinja's tracebacks then carry for locating problems."""
    def load(name: str):
        text = raw.get(f"{lang}/{name}")
        if text is None:
            return None
        return text, str(project / content_dir / lang / name), lambda: False
    return FunctionLoader(load)


def _environment(loader, lang: str | None, kind=Environment, compiled: Path | None = None) -> Environment:
    # StrictUndefined: a misspelt variable is an error, never an empty string on the page.
    # Comments are {## ##}, not {# #}, so that Markdown's heading ids ({#an-id}) stay Markdown.
    # Jinja folds constants through `finalize` at compile time, so compiled code is only valid
    # for one language and one kind of environment: each gets its own file names in the cache.
    # Without `lang` (our own sections, for both languages) the language is read from the
    # template's `lang` as it renders, and nothing is folded. Authors' pages keep one
    # environment a language: a page may import a macro without its context, and so its `lang`.
    # An environment lives for one render, so no template can change under it: auto_reload off
    # spares a file check at every {% include %} (thousands in the report's notes).
    cache = None if compiled is None else TemplateCache(str(compiled), f"{kind.__name__}-{lang or 'any'}-%s.cache")
    finalize = escape.finalizer(lang) if lang else escape.finalize_in_context
    return kind(loader=loader, undefined=StrictUndefined, autoescape=False,
                finalize=finalize, keep_trailing_newline=True, auto_reload=False,
                comment_start_string="{##", comment_end_string="##}", bytecode_cache=cache)


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, with each file signed (build_cache.py): compiled code runs when it is
    loaded, so only a file this user's build wrote is loaded. A file that cannot be read or
    written (the folder deleted during a build, a full disk), or is not signed, means compiling
    again, never a failed build."""

    def load_bytecode(self, bucket) -> None:
        stored = read_entry(Path(self._get_cache_filename(bucket)))
        if stored is None:
            return
        try:
            bucket.bytecode_from_string(stored)
        except Exception:  # noqa: BLE001 - from another Python or Jinja: compile instead
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        write_atomically(Path(self._get_cache_filename(bucket)), bucket.bytecode_to_string())


def compiled_templates(project: Path) -> Path | None:
    """The folder of compiled templates for this engine, or None where the project cannot be
    written. Compiling the pages and sections is half the render's time, and their text rarely
    changes between builds; Jinja keys each file by its name and checks its text, and the
    folder is named by the cache rule (build_cache.cache_key: the engine's code, whose escaping
    Jinja folds into constants, and Jinja's version), so a changed engine never reuses old
    code. Older folders are removed."""
    cache = cache_folder(project)
    if cache is None:
        return None
    root = cache / "templates"
    folder = root / cache_key("compiled templates")[:16]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    for old in root.iterdir():
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    return folder


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


def _corrections_page(data: Dataset, sources: dict[str, list[str]], content_dir: str) -> list[Problem]:
    """Corrections mark the places they concern with a link to corrections.md (macros.py): a
    publication made before the page existed must add it before its first correction."""
    log = data.models.get("corrections")
    if log is None or not log.corrections or all("corrections.md" in pages for pages in sources.values()):
        return []
    return [Problem(CORRECTIONS_FILE, 1, 1, "", f"the publication has corrections but no corrections page; create "
                    f"{content_dir}/en/corrections.md and {content_dir}/ar/corrections.md holding "
                    "{{ block('corrections') }}, and add corrections.md to the nav in mkdocs.yml")]


def _render_one(env: Environment, page: str, macros: PageMacros, source_path: str,
                problems: list[Problem]) -> str | None:
    try:
        return env.get_template(page).render(**macros.globals())
    except TemplateSyntaxError as error:
        problems.append(Problem(source_path, error.lineno or 1, 1, "", f"template syntax: {error.message}; fix the {{{{ }}}} or {{% %}} here"))
    except UndefinedError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"{error.message}; check the spelling of the name, or see README.md for the macros"))
    except TemplateNotFound as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"no page or section named '{error.name}'; check the name"))
    except TemplateError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "", f"{error}; fix the template here"))
    except TypeError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"wrong macro call: {error}; see README.md for the macros and their arguments"))
    except RecursionError as error:
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                "the template calls itself without end; remove the loop"))
    except Exception as error:  # noqa: BLE001 - any expression an author writes may fail
        problems.append(Problem(source_path, _template_line(error, source_path), 1, "",
                                f"cannot compute this ({type(error).__name__}: {error}); fix the expression here"))
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
