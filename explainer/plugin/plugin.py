"""The `explainer` MkDocs plugin: each event says what it does and when, and hands off.

mkdocs-static-i18n runs the whole build once more per language on the same config object, so
the render of data/ and content/ runs once per config: `mkdocs serve` loads a new config for
every rebuild (this plugin object is kept across them, as it has on_startup), and that is when
data/ or content/ may have changed.
"""
from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from ..build_cache import cache_folder
from ..build_date import set_source_date, source_date
from ..data_in.corrections import check_first_edition
from ..editions.build import INSTALL, Editions, unavailable
from ..editions.links import FOLDER, edition_links, fill_sizes
from ..editions.make import Job
from ..pages_out.font_preloads import faces_drawn, first_screen_runs
from ..pages_out.labels import LABELS
from ..pages_out.macros import archive_name
from ..pages_out import citation
from ..pages_out.masthead import (
    NO_CORRECTIONS,
    PLACEHOLDER,
    masthead_html,
    no_corrections_html,
    public_url,
    read_masthead,
    with_corrections,
)
from ..pages_out.render import build_docs
from ..pages_out.share_image import share_images, write_share_images
from ..pages_out.structured_data import PageInfo, json_ld, page_graph
from ..problems.errors import AuthorErrors
from ..site_built.pipeline import BuiltSite, finish_site
from ..site_built.search_index import name_variants
from ..site_built.serve_overlay import keep_serving, serve_pages
from . import material_fixes
from .atomic_build import AtomicBuild, serving
from .config import ExplainerConfig, is_draft, locate_options
from .conversion_cache import ConversionCache
from .serve_watch import watch_sources
from .theme_setup import add_theme, keep_compiled_templates, list_visible_files

log = logging.getLogger("mkdocs.explainer")  # a 'mkdocs.*' logger: MkDocs prints it, strict mode counts its warnings

_OPTIONS_ADVICE = "see the plugin's options in the engine's README"


class ExplainerPlugin(BasePlugin[ExplainerConfig]):
    def __init__(self):
        self.command = None
        self.seen = None        # the config object the render ran for
        self.depth = 0          # static-i18n's nested builds, one per other language
        self.data = None        # the validated data, read once per config
        self.masthead = None
        self.share = {}         # each language's share image (pages_out/share_image.py)
        self.corrections_url = ""  # this language's corrections page, as MkDocs addresses it
        self.archive = archive_name(None)  # the offline copy's name, without .zip
        self.build = None       # AtomicBuild
        self.root = None        # the folder this build writes the site into
        self.conversions = ConversionCache(None)
        self.not_found = {}     # each language's 404 page, as rendered
        self.site_names = {}    # each language's site_name (static-i18n sets it per build), for the citations
        self.problems = []      # under serve: the problems shown over the last good pages
        self.editions = None    # the PDF and EPUB editions, made beside the build (editions/build.py)

    def load_config(self, options, config_file_path=None):
        """MkDocs' checks of our options, each message located in mkdocs.yml."""
        errors, warnings = super().load_config(options, config_file_path)
        return (locate_options(errors, config_file_path, _OPTIONS_ADVICE),
                locate_options(warnings, config_file_path, _OPTIONS_ADVICE))

    def on_startup(self, *, command, dirty):
        self.command = command

    @event_priority(100)  # before mkdocs-static-i18n reads the config and the docs folder
    def on_config(self, config):
        """Once per config: add our theme, render data/ and content/ into docs/ (every problem
        at once, located), and point the build at a staging folder (`mkdocs build`). Under
        `serve`, problems do not stop the build: the last good docs/ is built, the problems
        over its pages (site_built/serve_overlay.py), since MkDocs' server would hang."""
        if self.seen is not config:
            self.seen, self.depth, self.not_found = config, 0, {}
            project = Path(config.config_file_path).parent
            add_theme(config)
            list_visible_files(config.theme)
            self.build = AtomicBuild(project)
            self.build.begin()
            try:
                self.data = build_docs(project, draft=is_draft(self.config.draft),
                                       reuse=serving(self.command, config.site_dir))
                set_source_date(project, self.data.newest_timestamp())
                masthead = read_masthead(dict(self.config.masthead), Path(config.config_file_path), source_date())
                log_of_corrections = self.data.models.get("corrections")
                early = check_first_edition(project, log_of_corrections, masthead.first_published)
                if early:
                    raise AuthorErrors(early)
                self.masthead = with_corrections(masthead, log_of_corrections)
                self.share = share_images(self.data, project, cache_folder(project))
                self.problems = []
            except AuthorErrors as errors:
                self.build.abandon()
                if not (serving(self.command, config.site_dir) and self.data is not None):
                    self._refuse(errors.problems, "in data/ or content/")
                self.problems = keep_serving(errors.problems, "data/ or content/", stale=True)
            self.archive = archive_name(self.data.models.get("event"))
            self._start_editions(project, config)
            self.conversions = ConversionCache(cache_folder(project))
            self.root = self.build.stage(config.site_dir, self.command)
        config.site_dir = self.root
        return config

    def on_pre_build(self, *, config):
        self.depth += 1

    def on_files(self, files, *, config):
        return material_fixes.without_unused_scripts(files)

    def on_nav(self, nav, *, config, files):
        """Note where this language's corrections page is, for the masthead's link to it."""
        self.corrections_url = next((page.url for page in nav.pages
                                     if posixpath.basename(page.file.src_uri) == "corrections.md"), "")
        return nav

    def on_env(self, env, *, config, files):
        """Keep the theme's compiled templates between builds; give the templates our words and
        the masthead, fonts and offline copy they show."""
        language = config.theme["language"]
        keep_compiled_templates(env, Path(config.config_file_path).parent)
        env.globals["explainer_words"] = LABELS.get(language, LABELS["en"])
        self.site_names[language] = config.site_name
        env.globals["explainer_cite"] = citation.page_words(language if language in LABELS else "en")
        env.globals["explainer_first_screen_faces"] = self._first_screen_faces
        env.globals["explainer_masthead"] = self._masthead
        env.globals["explainer_offline_copy"] = f"{self.archive}.zip"
        env.globals["explainer_share_image"] = self._share_image(language, config)
        env.globals["explainer_structured_data"] = self._structured_data
        return env

    @event_priority(-100)  # after every plugin that edits the Markdown: the key is the final text
    def on_page_markdown(self, markdown, *, page, config, files):
        """Reuse the conversion of a page whose Markdown has not changed."""
        self.conversions.wrap(page, markdown, config, files)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        """The masthead where a content page asks for it (`{{ masthead() }}`), as in the footer;
        the whole publication's citation where it asks for it (`{{ citation() }}`); and, on an
        empty corrections log, that there are none since the first edition (its date is in
        mkdocs.yml, not in the data the page was rendered from)."""
        language = config.theme["language"]
        if citation.PLACEHOLDER in html:
            html = html.replace(citation.PLACEHOLDER, self._citation(page, config), 1)
        if NO_CORRECTIONS in html:
            html = html.replace(NO_CORRECTIONS, no_corrections_html(self.masthead, language), 1)
        if PLACEHOLDER not in html:
            return html
        offline = get_relative_url(f"{self.archive}.zip", page.url)
        return html.replace(PLACEHOLDER, masthead_html(self.masthead, language, offline,
                                                       corrections_href=self._corrections_href(page),
                                                       editions=self._edition_links(page, config)), 1)

    def _citation(self, page, config) -> Markup:
        """The about page's citation block, in the page's language (pages_out/citation.py)."""
        language = config.theme["language"]
        folder = material_fixes.language_folders(config).get(language, "")
        home = (config.site_url or "").rstrip("/") + "/" + (f"{folder}/" if folder else "")
        return citation.citation_html(language, config.site_name, home, getattr(self.masthead, "publisher", ""),
                                      getattr(self.masthead, "first_published", None),
                                      get_relative_url("data/cite.bib", page.url), get_relative_url("data/cite.json", page.url))

    def on_post_page(self, output, *, page, config):
        return material_fixes.fix_page(output, config.theme["language"])

    def on_pre_template(self, template, *, template_name, config):
        if template_name == "404.html":
            material_fixes.point_404_alternates(config)
        return template

    def on_post_template(self, output_content, *, template_name, config):
        """The 404 page is a theme template, not a page: the same fixes; kept per language."""
        if not template_name.endswith(".html"):
            return output_content
        output = material_fixes.fix_page(output_content, config.theme["language"])
        if template_name == "404.html":
            self.not_found[config.theme["language"]] = output
        return output

    @event_priority(-300)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, *, config):
        """Once every language is built: the steps that need the whole site, then its gates."""
        self.depth -= 1
        if self.depth > 0:
            return  # a nested language build: the site is not complete yet
        self.conversions.forget_unused()
        write_share_images(Path(self.root), self.share)  # before the steps: the offline copy holds every file
        self._write_editions(config)  # before finish_site: the archive, the sitemap and the gates see them
        problems = finish_site(self._built_site(config))
        if serving(self.command, self.root):  # never a failed build: the pages say what is wrong
            stale = bool(self.problems)
            serve_pages(Path(self.root), self.problems + keep_serving(problems, "the built site", stale), stale)
            return
        if problems:
            self._refuse(problems, "in the built site")

    def on_serve(self, server, *, config, builder):
        watch_sources(server, config)
        return server

    def on_build_error(self, *, error):
        if self.build is not None:
            self.build.failed = True

    def on_shutdown(self):
        if self.editions is not None:
            self.editions.stop()
        if self.build is not None:
            self.build.end(log)

    def _built_site(self, config) -> BuiltSite:
        """What the post-build steps need to know of this build (site_built/pipeline.py)."""
        project = Path(config.config_file_path).parent
        names = self.data.models["names"].names if self.data is not None else []
        return BuiltSite(root=Path(self.root), project=project, cache=cache_folder(project),
                         site_url=config.site_url or "", timestamp=source_date(), data=self.data,
                         names=name_variants(names), archive=self.archive, not_found=self.not_found,
                         folders=material_fixes.language_folders(config), serving=serving(self.command, self.root),
                         site_names=dict(self.site_names), masthead=self.masthead)

    def _refuse(self, problems, where: str):
        for problem in problems:
            log.error(str(problem))
        count = len(problems)
        raise PluginError(f"{count} problem{'s' * (count != 1)} {where}; "
                          "fix them and build again (the previous site is unchanged)")

    def _masthead(self, page, config, offline_href: str) -> Markup:
        """For the footer partial: the masthead in the page's language."""
        url = page.url if page is not None and page.url else ""
        return masthead_html(self.masthead, config.theme["language"], offline_href,
                             public_url(config.site_url or "", url) if url else "", self._corrections_href(page),
                             self._edition_links(page, config))

    def _corrections_href(self, page) -> str:
        """The link from a page to its language's corrections page ('' where there is none)."""
        if page is None or not page.url or not self.corrections_url:
            return ""
        return get_relative_url(self.corrections_url, page.url)

    def _share_image(self, language: str, config) -> dict | None:
        """For the meta partial and the structured data: the language's share image, by its
        absolute address (None without a site_url or an image)."""
        image = self.share.get(language)
        if image is None or not config.site_url:
            return None
        return {"url": config.site_url.rstrip("/") + "/" + image.path, "width": image.width,
                "height": image.height, "alt": image.alt}

    def _structured_data(self, page, config) -> Markup:
        """For the meta partial: the page's JSON-LD (pages_out/structured_data.py)."""
        if page is None or not page.url or self.data is None:
            return Markup("")
        language = config.theme["language"]
        site_url = config.site_url.rstrip("/") + "/" if config.site_url else ""
        info = PageInfo(lang=language, path=page.file.src_uri.split("/", 1)[-1],
                        title=Markup(page.title or "").striptags(),
                        description=(page.meta or {}).get("description") or config.site_description or "",
                        site_name=config.site_name, site_description=config.site_description or "",
                        site_url=site_url, content=page.content or "", image=self._share_image(language, config))
        return json_ld(page_graph(self.data, self.masthead, info))

    def _edition_links(self, page, config) -> str:
        """The page's language's editions, linked from the masthead (sizes: editions/links.py)."""
        if page is None or not page.url or not self.config.editions:
            return ""
        lang = config.theme["language"]
        prefix = get_relative_url(f"{FOLDER}/x", page.url)[:-len(f"{FOLDER}/x")]
        return edition_links(self.archive, lang, prefix, languages=(lang,))

    def _start_editions(self, project: Path, config) -> None:
        """Once the data is loaded: the editions from the cache, or their process started (so
        they are made while MkDocs builds the pages); a located error if they cannot be made."""
        if self.editions is not None:
            self.editions.stop()
        self.editions = None
        if not self.config.editions or self.data is None or serving(self.command, config.site_dir):
            # Not under `serve`: two layouts of some 100 pages on every edit would take the cores
            # the rebuild needs (the editions come with `mkdocs build`).
            return
        missing = unavailable()
        if missing:
            [(_, message)] = locate_options([("editions", missing)], config.config_file_path,
                                            f"{INSTALL}, or set `editions: false`")
            raise PluginError(message)
        job = Job(project, self.data, self.masthead, config.site_url or "", source_date(), self.archive)
        self.editions = Editions(job, cache_folder(project))

    def _write_editions(self, config) -> None:
        """The editions into site/editions/ and their sizes into the pages' links (or, when they
        are turned off, the links out)."""
        sizes = None
        if self.editions is not None:
            try:
                sizes = self.editions.write(Path(self.root))
            except RuntimeError as error:
                [(_, message)] = locate_options([("editions", f"the editions could not be made: {error}")],
                                                config.config_file_path, "fix it, or set `editions: false`")
                raise PluginError(message) from None
        fill_sizes(Path(self.root), sizes)

    def _first_screen_faces(self, faces, stacks, page, config) -> list[str]:
        """For the fonts partial: the font files of `faces` this page's first screen draws."""
        title = Markup(page.title or "").striptags() if page is not None else ""  # as the theme's `| striptags`
        content = (page.content or "") if page is not None else ""
        runs = first_screen_runs(config.site_name, title, content, config.theme["language"])
        return faces_drawn(runs, faces, stacks)
