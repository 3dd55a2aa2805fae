"""What the theme's templates and a content page's placeholders ask of the engine for one page:
the masthead, the structured data, the share image, the fonts its first screen draws, the about
page's citation, the empty corrections log's sentence. Each reads MkDocs' page and config
(their addresses, titles and language) and hands the rest to pages_out/; the plugin keeps one
`PageParts` per build and gives its methods to the templates.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from ..editions.links import FOLDER, edition_links
from ..pages_out import citation, collection
from ..pages_out.font_preloads import faces_drawn, first_screen_runs
from ..pages_out.masthead import NO_CORRECTIONS, PLACEHOLDER, masthead_html, no_corrections_html, public_url
from ..pages_out.structured_data import PageInfo, json_ld, page_graph
from . import material_fixes


@dataclass
class PageParts:
    data: object = None           # the validated data (data_in/dataset.py)
    masthead: object = None       # pages_out/masthead.py's Masthead
    archive: str = ""             # the offline copy's name, without .zip
    editions: bool = False        # whether the PDF and EPUB editions are made (the masthead links them)
    share: dict = field(default_factory=dict)  # each language's share image (pages_out/share_image.py)
    corrections_url: str = ""     # this language's corrections page, as MkDocs addresses it
    # What the template functions below gave each page of this build, by (language, page source):
    # computed once, for the page's key in plugin/rendered_pages.py and then for its render.
    given: dict = field(default_factory=dict)

    def page_values(self, page, config) -> dict:
        """What the theme draws of the engine's for `page`, besides the page itself: the key of
        its kept HTML (plugin/rendered_pages.py) changes with any of it."""
        masthead = repr((self.masthead, self.archive, self.editions, self.corrections_url))
        return {"structured_data": str(self.structured_data(page, config)),
                "neighbours": str(self.report_neighbours(page, config)),
                "label": self.report_label(page, config), "masthead": masthead,
                "share": self.share_image(config.theme["language"], config)}

    def note_corrections_page(self, nav) -> None:
        """Where this language's corrections page is, for the masthead's link to it."""
        self.corrections_url = next((page.url for page in nav.pages
                                     if posixpath.basename(page.file.src_uri) == "corrections.md"), "")

    def fill_placeholders(self, html: str, page, config) -> str:
        """A content page's masthead (`{{ masthead() }}`), as in the footer; the whole
        publication's citation (`{{ citation() }}`); and, on an empty corrections log, that
        there are none since the first edition (its date is in mkdocs.yml, not in the data the
        page was rendered from)."""
        language = config.theme["language"]
        if citation.PLACEHOLDER in html:
            html = html.replace(citation.PLACEHOLDER, self.citation(page, config), 1)
        if NO_CORRECTIONS in html:
            html = html.replace(NO_CORRECTIONS, no_corrections_html(self.masthead, language), 1)
        if PLACEHOLDER in html:
            offline = get_relative_url(f"{self.archive}.zip", page.url)
            html = html.replace(PLACEHOLDER, masthead_html(self.masthead, language, offline,
                                                           corrections_href=self._corrections_href(page),
                                                           editions=self._edition_links(page, config)), 1)
        return html

    def citation(self, page, config) -> Markup:
        """The about page's citation block, in the page's language (pages_out/citation.py)."""
        language = config.theme["language"]
        folder = material_fixes.language_folders(config).get(language, "")
        home = (config.site_url or "").rstrip("/") + "/" + (f"{folder}/" if folder else "")
        return citation.citation_html(language, config.site_name, home, getattr(self.masthead, "publisher", ""),
                                      getattr(self.masthead, "first_published", None),
                                      get_relative_url("data/cite.bib", page.url), get_relative_url("data/cite.json", page.url))

    def masthead_for(self, page, config, offline_href: str) -> Markup:
        """For the footer partial: the masthead in the page's language."""
        url = page.url if page is not None and page.url else ""
        return masthead_html(self.masthead, config.theme["language"], offline_href,
                             public_url(config.site_url or "", url) if url else "", self._corrections_href(page),
                             self._edition_links(page, config))

    def share_image(self, language: str, config) -> dict | None:
        """For the meta partial and the structured data: the language's share image, by its
        absolute address (None without a site_url or an image)."""
        image = self.share.get(language)
        if image is None or not config.site_url:
            return None
        return {"url": config.site_url.rstrip("/") + "/" + image.path, "width": image.width,
                "height": image.height, "alt": image.alt}

    def structured_data(self, page, config) -> Markup:
        """For the meta partial: the page's JSON-LD (pages_out/structured_data.py)."""
        if page is None or not page.url or self.data is None:
            return Markup("")
        return self._once("structured_data", page, config, self._structured_data)

    def _structured_data(self, page, config) -> Markup:
        language = config.theme["language"]
        site_url = config.site_url.rstrip("/") + "/" if config.site_url else ""
        info = PageInfo(lang=language, path=page.file.src_uri.split("/", 1)[-1],
                        title=Markup(page.title or "").striptags(),
                        description=(page.meta or {}).get("description") or config.site_description or "",
                        site_name=config.site_name, site_description=config.site_description or "",
                        site_url=site_url, content=page.content or "", image=self.share_image(language, config))
        return json_ld(page_graph(self.data, self.masthead, info))

    def report_neighbours(self, page, config) -> Markup:
        """For the end of a report's page: the previous and next report (pages_out/collection.py)."""
        if page is None or not page.url:
            return Markup("")
        return self._once("neighbours", page, config,
                          lambda page, config: collection.neighbours_html(self.data, config.theme["language"], _inner_path(page)))

    def report_label(self, page, config) -> str:
        """For the page's head: the report its search results are labelled with ('' for none)."""
        if page is None or not page.url:
            return ""
        return self._once("label", page, config,
                          lambda page, config: collection.search_label(self.data, config.theme["language"], _inner_path(page)))

    def _once(self, part: str, page, config, make):
        """`make(page, config)`, computed once a build for each page (see `given`)."""
        key = (part, config.theme["language"], page.file.src_uri)
        if key not in self.given:
            self.given[key] = make(page, config)
        return self.given[key]

    @staticmethod
    def first_screen_faces(faces, stacks, page, config) -> list[str]:
        """For the fonts partial: the font files of `faces` this page's first screen draws."""
        title = Markup(page.title or "").striptags() if page is not None else ""  # as the theme's `| striptags`
        content = (page.content or "") if page is not None else ""
        runs = first_screen_runs(config.site_name, title, content, config.theme["language"])
        return faces_drawn(runs, faces, stacks)

    def _corrections_href(self, page) -> str:
        """The link from a page to its language's corrections page ('' where there is none)."""
        if page is None or not page.url or not self.corrections_url:
            return ""
        return get_relative_url(self.corrections_url, page.url)

    def _edition_links(self, page, config) -> str:
        """The page's language's editions, linked from the masthead (sizes: editions/links.py)."""
        if page is None or not page.url or not self.editions:
            return ""
        lang = config.theme["language"]
        prefix = get_relative_url(f"{FOLDER}/x", page.url)[:-len(f"{FOLDER}/x")]
        return edition_links(self.archive, lang, prefix, languages=(lang,))


def _inner_path(page) -> str:
    """The page's source inside its language's folder ('agreement/report.md' for en/ and ar/)."""
    return page.file.src_uri.split("/", 1)[-1]
