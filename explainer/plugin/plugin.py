"""The `explainer` MkDocs plugin: each event says what it does and when, and hands off.

mkdocs-static-i18n runs the whole build once more per language on the same config object, so
the render of data/ and content/ runs once per config: `mkdocs serve` loads a new config for
every rebuild (this plugin object is kept across them, as it has on_startup), and that is when
data/ or content/ may have changed.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from ..build_cache import cache_folder
from ..build_date import set_source_date, source_date
from ..data_in.corrections import check_first_edition
from ..pages_out import citation
from ..pages_out.labels import LABELS
from ..pages_out.macros import archive_name
from ..pages_out.masthead import read_masthead, with_corrections
from ..pages_out.render import build_docs
from ..pages_out.share_image import share_images, write_share_images
from ..problems.errors import AuthorErrors
from ..site_built.pipeline import BuiltSite, finish_site
from ..site_built.search_index import name_variants
from ..site_built.serve_overlay import as_served, keep_serving, serve_pages
from . import material_fixes
from .atomic_build import AtomicBuild, serving
from .config import ExplainerConfig, is_draft, locate_options
from .conversion_cache import ConversionCache
from .editions_step import start_editions, write_editions
from .page_parts import PageParts
from .rendered_pages import RenderedPages
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
        # What the templates ask for one page, and the masthead and offline copy's name they show.
        self.parts = PageParts(archive=archive_name(None))
        self.build = None       # AtomicBuild
        self.root = None        # the folder this build writes the site into
        self.conversions = ConversionCache(None)
        self.rendered = RenderedPages(None)
        self.nav = None         # this language's navigation, as the theme draws it
        self.not_found = {}     # each language's 404 page, as rendered
        self.site_names = {}    # each language's site_name (static-i18n sets it per build), for the citations
        self.problems = []      # under serve: the problems shown over the last good pages
        self.serving = False    # this build is one of `serve`'s
        self.notice_shown = False  # under serve: the last build's pages carry the problems' notice
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
            self.serving = serving(self.command, config.site_dir)
            project = Path(config.config_file_path).parent
            add_theme(config)
            list_visible_files(config.theme)
            self.build = AtomicBuild(project)
            self.build.begin()
            try:
                self.data = build_docs(project, draft=is_draft(self.config.draft),
                                       reuse=self.serving)
                set_source_date(project, self.data.newest_timestamp())
                masthead = read_masthead(dict(self.config.masthead), Path(config.config_file_path), source_date())
                log_of_corrections = self.data.models.get("corrections")
                early = check_first_edition(project, log_of_corrections, masthead.first_published)
                if early:
                    raise AuthorErrors(early)
                self.parts.masthead = with_corrections(masthead, log_of_corrections)
                self.parts.share = share_images(self.data, project, cache_folder(project))
                self.problems = []
            except AuthorErrors as errors:
                self.build.abandon()
                if not (self.serving and self.data is not None):
                    self._refuse(errors.problems, "in data/ or content/")
                self.problems = keep_serving(errors.problems, "data/ or content/", stale=True)
            self.parts.data, self.parts.archive = self.data, archive_name(self.data.models.get("event"))
            self._start_editions(project, config)
            self.parts.editions = bool(self.config.editions)
            self.conversions = ConversionCache(cache_folder(project))
            self.rendered, self.parts.given = RenderedPages(cache_folder(project)), {}
            self.root = self.build.stage(config.site_dir, self.command)
        config.site_dir = self.root
        return config

    def on_pre_build(self, *, config):
        self.depth += 1

    def on_files(self, files, *, config):
        return material_fixes.without_unused_scripts(files)

    @event_priority(-200)  # after mkdocs-static-i18n has made this language's navigation
    def on_nav(self, nav, *, config, files):
        self.parts.note_corrections_page(nav)
        self.nav = nav
        return nav

    def on_env(self, env, *, config, files):
        """Keep the theme's compiled templates between builds; give the templates our words and
        the masthead, fonts and offline copy they show."""
        language = config.theme["language"]
        keep_compiled_templates(env, Path(config.config_file_path).parent)
        env.globals["explainer_words"] = LABELS.get(language, LABELS["en"])
        self.site_names[language] = config.site_name
        env.globals["explainer_cite"] = citation.page_words(language if language in LABELS else "en")
        env.globals["explainer_first_screen_faces"] = self.parts.first_screen_faces
        env.globals["explainer_masthead"] = self.parts.masthead_for
        env.globals["explainer_offline_copy"] = f"{self.parts.archive}.zip"
        env.globals["explainer_share_image"] = self.parts.share_image(language, config)
        env.globals["explainer_structured_data"] = self.parts.structured_data
        env.globals["explainer_report_neighbours"] = self.parts.report_neighbours
        env.globals["explainer_report_label"] = self.parts.report_label
        # Every page is converted now, none drawn yet: those whose HTML is kept are not drawn again.
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        self.rendered.plan(pages, self.nav, config, lambda page: self.parts.page_values(page, config))
        return env

    @event_priority(-100)  # after every plugin that edits the Markdown: the key is the final text
    def on_page_markdown(self, markdown, *, page, config, files):
        """Reuse the conversion of a page whose Markdown has not changed."""
        self.conversions.wrap(page, markdown, config, files)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        """What a content page asks for by placeholder (plugin/page_parts.py)."""
        return self.parts.fill_placeholders(html, page, config)

    def on_post_page(self, output, *, page, config):
        kept = self.rendered.reused(page)
        if kept is not None:
            return as_served(kept) if self.serving else kept
        output = material_fixes.fix_page(output, config.theme["language"])
        self.rendered.keep(page, output)
        return as_served(output) if self.serving else output

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
            self.not_found[config.theme["language"]] = as_served(output) if self.serving else output
        return output

    @event_priority(-300)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, *, config):
        """Once every language is built: the steps that need the whole site, then its gates."""
        self.depth -= 1
        if self.depth > 0:
            return  # a nested language build: the site is not complete yet
        self.conversions.forget_unused()
        self.rendered.forget_unused()
        write_share_images(Path(self.root), self.parts.share)  # before the steps: the offline copy holds every file
        sizes = write_editions(self.editions, Path(self.root), config)  # before them too: the archive, sitemap, gates
        problems = finish_site(self._built_site(config, sizes))
        if self.serving:  # never a failed build: the pages say what is wrong
            stale = bool(self.problems)
            shown = self.problems + keep_serving(problems, "the built site", stale)
            # Every page already has the reload script (on_post_page); the notice is added, or
            # taken off the pages a `serve --dirty` build left as they were.
            if shown or self.notice_shown:
                serve_pages(Path(self.root), shown, stale)
            self.notice_shown = bool(shown)
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

    def _built_site(self, config, edition_sizes: dict[str, int] | None) -> BuiltSite:
        """What the post-build steps need to know of this build (site_built/pipeline.py)."""
        project = Path(config.config_file_path).parent
        names = self.data.models["names"].names if self.data is not None else []
        return BuiltSite(root=Path(self.root), project=project, cache=cache_folder(project),
                         site_url=config.site_url or "", timestamp=source_date(), data=self.data,
                         names=name_variants(names), archive=self.parts.archive, not_found=self.not_found,
                         folders=material_fixes.language_folders(config), serving=self.serving,
                         site_names=dict(self.site_names), masthead=self.parts.masthead, edition_sizes=edition_sizes)

    def _refuse(self, problems, where: str):
        for problem in problems:
            log.error(str(problem))
        count = len(problems)
        raise PluginError(f"{count} problem{'s' * (count != 1)} {where}; "
                          "fix them and build again (the previous site is unchanged)")

    def _start_editions(self, project: Path, config) -> None:
        """Once the data is loaded: the editions from the cache, or started (plugin/editions_step.py)."""
        if self.editions is not None:
            self.editions.stop()
        self.editions = None
        # Not under `serve`: two layouts of some 100 pages on every edit would take the cores the
        # rebuild needs (the editions come with `mkdocs build`).
        if self.config.editions and self.data is not None and not self.serving:
            self.editions = start_editions(project, self.data, self.parts.masthead, self.parts.archive, config)
