"""The thin MkDocs adapter: the only module that knows MkDocs.

It renders data/ and content/ into docs/ before MkDocs reads them, turns author problems
into one log line each, and makes `mkdocs build` atomic. mkdocs-static-i18n runs the whole
build once more per language on the same config object, so the render runs once per config:
`mkdocs serve` loads a new config for every rebuild (while MkDocs caches this module), and
that is when data/ or content/ may have changed.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import re
import subprocess
import sys
import tempfile
from copy import deepcopy
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from explainer.build_cache import cache_folder, read_entry, write_atomically
from explainer.pages_out.content_policy import with_content_policy
from explainer.pages_out.font_preloads import faces_drawn, first_screen_runs
from explainer.pages_out.labels import DIRECTION
from explainer.pages_out.macros import archive_name
from explainer.pages_out.masthead import PLACEHOLDER, masthead_html, public_url, read_masthead
from explainer.pages_out.render import TemplateCache, build_docs, compiled_templates
from explainer.problems.errors import AuthorErrors
from explainer.site_built.pipeline import BuiltSite, finish_site
from explainer.site_built.publish import BuildLock, discard, publish, staging_dir
from explainer.site_built.search_index import name_variants

# A 'mkdocs.*' logger: MkDocs prints it and counts its warnings in strict mode.
log = logging.getLogger("mkdocs.explainer")

_state = {"command": None, "config": None, "failed": False, "site": None, "staging": None,
          "root": None, "depth": 0, "lock": None, "data": None, "conversions": set(), "files_key": None,
          "archive": archive_name(None)}  # the offline copy's name (without .zip), from the data once read


def on_startup(command, dirty):
    _state["command"] = command


@event_priority(100)  # before mkdocs-static-i18n reads the config and the docs folder
def on_config(config):
    if _state["config"] is not config:
        _state["config"] = config  # held, not just its id(), so the id cannot be reused
        _state["depth"] = 0
        _state["conversions"] = set()
        project = Path(config.config_file_path).parent
        lock = _state["lock"] = _state["lock"] or BuildLock(project)
        lock.acquire()  # held until on_shutdown for `build`; released after the render for `serve`
        try:
            data = _state["data"] = build_docs(project, draft=is_draft(config))
            _state["archive"] = archive_name(data.models.get("event"))
            _reproducible_dates(project, data)
            _state["masthead"] = read_masthead(config.extra, Path(config.config_file_path), _source_date())
        except AuthorErrors as errors:
            lock.release()
            for problem in errors.problems:
                log.error(str(problem))
            count = len(errors.problems)
            raise PluginError(f"{count} problem{'s' * (count != 1)} in data/ or content/; "
                              "fix them and build again (the previous site is unchanged)") from None
        if _is_atomic_build(config):
            _state["site"] = Path(config.site_dir)
            _state["staging"] = staging_dir(Path(config.site_dir))
        else:
            lock.release()
        _state["root"] = Path(config.site_dir) if _state["staging"] is None else _state["staging"]
    if _state["staging"] is not None:
        config.site_dir = str(_state["staging"])
    return config


def is_draft(config) -> bool:
    """A draft build (`extra: draft: true` in mkdocs.yml, or EXPLAINER_DRAFT=1 for one build;
    EXPLAINER_DRAFT=0 builds the publication) shows the work left instead of failing on it."""
    override = os.environ.get("EXPLAINER_DRAFT", "").strip().lower()
    if override in ("1", "true", "yes"):
        return True
    if override in ("0", "false", "no"):
        return False
    return bool(config.extra.get("draft"))


def _reproducible_dates(project: Path, data) -> None:
    """MkDocs dates the sitemap by the clock unless SOURCE_DATE_EPOCH is set: set it to the
    last commit's time (or, outside git, the newest date in the data), so that two builds of
    the same commit give identical files."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        stamp = subprocess.run(["git", "-C", str(project), "log", "-1", "--format=%ct"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        stamp = ""
    os.environ["SOURCE_DATE_EPOCH"] = stamp if stamp.isdigit() else str(data.newest_timestamp())


def _source_date() -> int:
    """The build's date (SOURCE_DATE_EPOCH, set by _reproducible_dates), in seconds."""
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)


def on_env(env, config, files):
    """MkDocs compiles the theme's templates afresh in every build and for every language
    (about half a second each): keep the compiled code between builds, as the render does for
    ours. Jinja checks each template's text, so an edited override is compiled again. One
    cache for every language: MkDocs makes each language's environment alike (the language
    is read when a page is rendered, not compiled in), so the second language loads what the
    first compiled, in a build from an empty cache too."""
    folder = compiled_templates(Path(config.config_file_path).parent)
    if folder is not None:
        env.bytecode_cache = TemplateCache(str(folder), "theme-%s.cache")
    env.globals["explainer_first_screen_faces"] = _first_screen_faces
    env.globals["explainer_masthead"] = _masthead
    env.globals["explainer_offline_copy"] = f"{_state['archive']}.zip"
    return env


def _masthead(page, config, offline_href: str) -> Markup:
    """For the footer partial: the masthead in the page's language."""
    url = page.url if page is not None and page.url else ""
    return masthead_html(_state["masthead"], config.theme["language"], offline_href,
                         public_url(config.site_url or "", url) if url else "")


def on_page_content(html, page, config, files):
    """The masthead where a content page asks for it (`{{ masthead() }}`), as in the footer."""
    if PLACEHOLDER not in html:
        return html
    offline = get_relative_url(f"{_state['archive']}.zip", page.url)
    return html.replace(PLACEHOLDER, masthead_html(_state["masthead"], config.theme["language"], offline), 1)


def _first_screen_faces(faces, stacks, page, config) -> list[str]:
    """For the fonts partial: the font files of `faces` this page's first screen draws."""
    title = Markup(page.title or "").striptags() if page is not None else ""  # as the theme's `| striptags`
    content = (page.content or "") if page is not None else ""
    runs = first_screen_runs(config.site_name, title, content, config.theme["language"])
    return faces_drawn(runs, faces, stacks)


def on_pre_build(config):
    _state["depth"] += 1  # static-i18n runs one nested build per other language


def on_serve(server, config, builder):
    """MkDocs watches docs_dir, but docs/ is our output: every rebuild writes the pages an
    edit changed there, which would trigger a second full rebuild and a second reload. The
    sources (data/, content/, overrides/) are watched through `watch:` in mkdocs.yml."""
    try:
        server.unwatch(config.docs_dir)
    except KeyError:
        pass  # not watched (another plugin already stopped it): nothing to undo
    _poll_sooner(server, config)
    return server


SERVE_POLL_SECONDS = 0.1


def _poll_sooner(server, config) -> None:
    """MkDocs looks for changed files every 0.5 s, a quarter of a second of waiting on average
    before each rebuild starts (a third of the time from saving a one-line edit to seeing it).
    The watched folders are a few dozen files, so looking every 0.1 s costs nothing: move the
    watches made so far (mkdocs.yml, and the theme's folders with --watch-theme) to an observer
    of the same kind that polls that often; those of `watch:` are added to it after this."""
    moved = []
    for path in (config.config_file_path, *config.theme.dirs):
        try:
            server.unwatch(path)
        except (KeyError, TypeError):
            continue  # not watched
        moved.append(path)
    server.observer = type(server.observer)(timeout=SERVE_POLL_SECONDS)
    for path in moved:
        server.watch(path)


@event_priority(-100)  # after every plugin that edits the Markdown: the key is the final text
def on_page_markdown(markdown, page, config, files):
    """Reuse Python-Markdown's conversion of a page whose Markdown has not changed.

    Converting the pages is most of MkDocs' own time (1.0 of 1.7 s here), and an edit of data/
    changes the Markdown of a few pages only (a glossary entry: the glossary and the pages that
    use the term), so `mkdocs serve` would otherwise convert all twenty again for each edit.
    What the conversion yields (the HTML, the contents, the title, the anchors) depends on the
    Markdown, the page's place among the site's files, the Markdown settings and the library
    versions alone: that is the key. A conversion that logged a warning is never kept, so a
    strict build fails as often as it would without the cache."""
    folder = cache_folder(Path(config.config_file_path).parent)
    if folder is not None:
        key = _conversion_key(markdown, page, config, files)
        page.render = functools.partial(_render_or_reuse, page, folder / "conversions" / f"{key}.pickle",
                                        type(page).render.__get__(page))
    return markdown


_LIBRARIES = ("mkdocs", "markdown", "pymdownx", "material")


def _conversion_key(markdown: str, page, config, files) -> str:
    if _state["files_key"] is None or _state["files_key"][0] is not files:
        listing = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
        versions = []
        for name in _LIBRARIES:
            module = sys.modules.get(name)
            versions.append(f"{name} {getattr(module, '__version__', '?')}")
        settings = repr((listing, versions, config["markdown_extensions"], sorted(config["mdx_configs"].items()),
                         config["use_directory_urls"], dict(config["validation"]), Path(__file__).read_bytes()))
        _state["files_key"] = (files, hashlib.sha256(settings.encode()).hexdigest())
    digest = hashlib.sha256(_state["files_key"][1].encode())
    digest.update(f"\0{page.file.src_uri}\0".encode())
    digest.update(markdown.encode("utf-8"))
    return digest.hexdigest()[:32]


def _render_or_reuse(page, entry: Path, convert, config, files) -> None:
    """Page.render, from the kept conversion when there is one."""
    _state["conversions"].add(entry.name)
    try:
        kept = pickle.loads(read_entry(entry))  # signed by this user's builds (build_cache.py)
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = kept["result"]
        page.links_to_anchors = {files.get_file_from_path(src): anchors
                                 for src, anchors in kept["links"].items()} if kept["links"] is not None else None
        return
    except Exception:  # noqa: BLE001 - missing, truncated, or from another version: convert
        pass
    warnings = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        convert(config, files)
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    if warnings.count:
        return
    links = page.links_to_anchors
    try:
        kept = pickle.dumps({"result": (page.content, page.toc, page._title_from_render, page.present_anchor_ids),
                             "links": None if links is None else {f.src_uri: anchors for f, anchors in links.items()}},
                            protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable: convert again next time
        return
    write_atomically(entry, kept)


class _WarningCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


def _forget_unused_conversions(folder: Path | None) -> None:
    """Keep only the conversions this build used: the cache holds one site, not its history."""
    used, _state["conversions"] = _state["conversions"], set()
    if folder is None or not (folder / "conversions").is_dir():
        return
    for entry in (folder / "conversions").glob("*.pickle"):
        if entry.name not in used:
            entry.unlink(missing_ok=True)


def on_post_page(output, page, config):
    return _fix_material_page(output, config)


def on_pre_template(template, template_name, config):
    """static-i18n points the language links (config.extra.alternate) at the twins of the last
    page it built; the 404 page has no twin: point them at each language's home, as it first
    computed them."""
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and getattr(i18n, "extra_alternate", None):
        homes = config.extra["alternate"] = deepcopy(i18n.extra_alternate)
        if hasattr(config.extra, "__dict__"):
            # static-i18n sets them per page as an attribute of the extra config, which shadows
            # the key for the templates' `config.extra.alternate`: set that one too.
            config.extra.alternate = homes
    return template


def on_post_template(output, template_name, config):
    """The 404 page is a theme template, not a page: it needs the same fixes. MkDocs writes it
    to the site's root in every language's build, each over the last: keep each language's, for
    on_post_build to put in that language's folder."""
    if not template_name.endswith(".html"):
        return output
    output = _fix_material_page(output, config)
    if template_name == "404.html":
        _state.setdefault("not_found", {})[config.theme["language"]] = output
    return output


def _language_folders(config) -> dict[str, str]:
    """Each built language's folder in the site: '' for the default language, 'ar' for ar."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme["language"]: ""}
    return {language.locale: language.link.strip("/") for language in i18n.config.languages if language.build}


def _fix_material_page(output, config):
    """Two fixes to Material's page: it puts `dir` on <body> only (assistive tech and the bidi
    algorithm want it on <html>, with `lang`), and it puts `autocomplete` on checkboxes, which
    HTML allows on text-like inputs only (the Nu checker's one error on every page; browsers
    ignore it there anyway)."""
    output = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    lang = config.theme["language"]
    output = output.replace(f'<html lang="{lang}"', f'<html lang="{lang}" dir="{DIRECTION.get(lang, "ltr")}"', 1)
    return with_content_policy(output)  # last: the policy hashes the page's final inline scripts


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input [^>]*type="checkbox"[^>]*?) autocomplete="off"')


@event_priority(-300)  # after mkdocs-static-i18n has built every language
def on_post_build(config):
    """Once every language is built: the post-build pipeline (explainer/site_built/pipeline.py:
    the 404 pages, the search index, the purge, the open data, the sitemap, the offline
    archive, then the gates); a problem the gates find fails the build."""
    _state["depth"] -= 1
    if _state["depth"] > 0:
        return  # a nested language build: the site is not complete yet
    data = _state["data"]
    cache = cache_folder(Path(config.config_file_path).parent)
    _forget_unused_conversions(cache)
    problems = finish_site(BuiltSite(
        root=_state["root"] or Path(config.site_dir), project=Path(config.config_file_path).parent, cache=cache,
        site_url=config.site_url or "", timestamp=_source_date(), data=data,
        names=name_variants(data.models["names"].names) if data is not None else [], archive=_state["archive"],
        not_found=_state.pop("not_found", {}), folders=_language_folders(config)))
    if problems:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(f"{len(problems)} problem{'s' * (len(problems) != 1)} in the built site; "
                          "fix them and build again (the previous site is unchanged)")


def on_build_error(error):
    _state["failed"] = True


def on_shutdown():
    staging = _state["staging"]
    try:
        if staging is None:
            return
        if _state["failed"]:
            discard(staging)
            log.error(f"Build failed: {_state['site']} was left as it was.")
        else:
            publish(staging, _state["site"])
            log.info(f"Site published to {_state['site']} (open {_state['site'] / 'index.html'} offline).")
    finally:
        if _state["lock"] is not None:
            _state["lock"].release()


def build_and_check(project: Path, draft: bool = False) -> tuple[int, list[str]]:
    """For `python -m explainer check`: build the site into a throw-away folder with the real
    `mkdocs build` (every gate runs) and return its exit status and its problem lines."""
    with tempfile.TemporaryDirectory(prefix="explainer-check-") as folder:
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(Path(folder) / "site")],
                                cwd=project, capture_output=True, text=True,
                                env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "EXPLAINER_DRAFT": "1" if draft else "0"})
    lines = [line.split("-  ", 1)[1] for line in (result.stdout + result.stderr).splitlines()
             if line.startswith(("ERROR", "WARNING")) and "-  " in line]
    return result.returncode, lines


def _is_atomic_build(config) -> bool:
    """Only `mkdocs build`: `serve` builds into a temporary folder it serves from itself."""
    site = Path(config.site_dir)
    in_serve_temp = site.parent == Path(tempfile.gettempdir()) and site.name.startswith("mkdocs_")
    return _state["command"] == "build" and not in_serve_temp
