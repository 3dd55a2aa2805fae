"""The `explainer` MkDocs plugin: each event says what it does and when, and hands off.

mkdocs-static-i18n runs the whole build once more per language on the same config object, so
the render of data/ and content/ runs once per config: `mkdocs serve` loads a new config for
every rebuild (this plugin object is kept across them, as it has on_startup), and that is when
data/ or content/ may have changed.
"""
from __future__ import annotations

import logging
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.utils import get_relative_url

from ..build_cache import cache_folder
from ..build_date import set_source_date, source_date
from ..pages_out.font_preloads import faces_drawn, first_screen_runs
from ..pages_out.labels import LABELS
from ..pages_out.macros import archive_name
from ..pages_out.masthead import PLACEHOLDER, masthead_html, public_url, read_masthead
from ..pages_out.render import build_docs
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
        self.archive = archive_name(None)  # the offline copy's name, without .zip
        self.build = None       # AtomicBuild
        self.root = None        # the folder this build writes the site into
        self.conversions = ConversionCache(None)
        self.not_found = {}     # each language's 404 page, as rendered
        self.problems = []      # under serve: the problems shown over the last good pages

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
                self.masthead = read_masthead(dict(self.config.masthead), Path(config.config_file_path), source_date())
                self.problems = []
            except AuthorErrors as errors:
                self.build.abandon()
                if not (serving(self.command, config.site_dir) and self.data is not None):
                    self._refuse(errors.problems, "in data/ or content/")
                self.problems = keep_serving(errors.problems, "data/ or content/", stale=True)
            self.archive = archive_name(self.data.models.get("event"))
            self.conversions = ConversionCache(cache_folder(project))
            self.root = self.build.stage(config.site_dir, self.command)
        config.site_dir = self.root
        return config

    def on_pre_build(self, *, config):
        self.depth += 1

    def on_files(self, files, *, config):
        return material_fixes.without_unused_scripts(files)

    def on_env(self, env, *, config, files):
        """Keep the theme's compiled templates between builds; give the templates our words and
        the masthead, fonts and offline copy they show."""
        language = config.theme["language"]
        keep_compiled_templates(env, Path(config.config_file_path).parent)
        env.globals["explainer_words"] = LABELS.get(language, LABELS["en"])
        env.globals["explainer_first_screen_faces"] = self._first_screen_faces
        env.globals["explainer_masthead"] = self._masthead
        env.globals["explainer_offline_copy"] = f"{self.archive}.zip"
        return env

    @event_priority(-100)  # after every plugin that edits the Markdown: the key is the final text
    def on_page_markdown(self, markdown, *, page, config, files):
        """Reuse the conversion of a page whose Markdown has not changed."""
        self.conversions.wrap(page, markdown, config, files)
        return markdown

    def on_page_content(self, html, *, page, config, files):
        """The masthead where a content page asks for it (`{{ masthead() }}`), as in the footer."""
        if PLACEHOLDER not in html:
            return html
        offline = get_relative_url(f"{self.archive}.zip", page.url)
        return html.replace(PLACEHOLDER, masthead_html(self.masthead, config.theme["language"], offline), 1)

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
        if self.build is not None:
            self.build.end(log)

    def _built_site(self, config) -> BuiltSite:
        """What the post-build steps need to know of this build (site_built/pipeline.py)."""
        project = Path(config.config_file_path).parent
        names = self.data.models["names"].names if self.data is not None else []
        return BuiltSite(root=Path(self.root), project=project, cache=cache_folder(project),
                         site_url=config.site_url or "", timestamp=source_date(), data=self.data,
                         names=name_variants(names), archive=self.archive, not_found=self.not_found,
                         folders=material_fixes.language_folders(config), serving=serving(self.command, self.root))

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
                             public_url(config.site_url or "", url) if url else "")

    def _first_screen_faces(self, faces, stacks, page, config) -> list[str]:
        """For the fonts partial: the font files of `faces` this page's first screen draws."""
        title = Markup(page.title or "").striptags() if page is not None else ""  # as the theme's `| striptags`
        content = (page.content or "") if page is not None else ""
        runs = first_screen_runs(config.site_name, title, content, config.theme["language"])
        return faces_drawn(runs, faces, stacks)
