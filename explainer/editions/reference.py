"""The reference sections, as the site's pages have them: a report's roadmap (its points, in
that report's chapters), then, shared by every report, the timeline, who's who, places, the
glossary and the sources (with their addresses written out, for paper). Each entry keeps the
site's anchor and links back to it on the web."""
from __future__ import annotations

from ..pages_out import escape
from ..pages_out.labels import format_span, report_words
from .context import Edition, text, url, verbatim


def _section(edition: Edition, page: str, body: str, classes: str = "reference") -> str:
    link = edition.web(edition.page(page))
    address = (f'<p class="page-link"><a class="web" href="{link}"><bdi dir="ltr">{text(link)}</bdi></a></p>'
               if link else "")
    return (f'<section id="{edition.anchor(page)}" class="{classes}"><h2>{text(edition.titles[edition.page(page)])}</h2>'
            f'{address}{body}</section>')


def _entry(edition: Edition, page: str, anchor: str, title: str, body: str) -> str:
    link = edition.web_link(edition.page(page), anchor, f"#{anchor}")
    return (f'<div class="entry" id="{anchor}"><h3>{title}</h3>'
            + (f'<p class="entry-link">{link}</p>' if link else "") + f"{body}</div>")


def _cited(edition: Edition, statement) -> str:
    return edition.localized(statement) + edition.cite(statement.cite)


def _facts(pairs) -> str:
    return "<dl>" + "".join(f"<dt>{text(term)}</dt><dd>{value}</dd>" for term, value in pairs) + "</dl>"


def roadmap(edition: Edition) -> str:
    """A report's roadmap (`edition`: that report's view), or '' for a report without one."""
    if edition.data.models.get("roadmap") is None:
        return ""
    labels, entries = edition.labels, []
    for point in edition.data.roadmap.points:
        sentence = edition.data.by_id["sentences"][point.sentence]
        title = text(labels["point"].format(number=point.number)) + ": " + edition.localized(point.title)
        body = (f'<p class="original" lang="ar" dir="rtl">{verbatim(sentence.ar)}</p>'
                f'<p class="translation" lang="en" dir="ltr">{text(sentence.en, "en")} '
                f'<a href="#{sentence.id}"><bdi dir="ltr">#{sentence.id}</bdi></a></p>')
        body += _facts([(labels["explanation"], _cited(edition, point.explanation) if point.explanation
                         else text(labels["not_yet"])),
                        (labels["outcome"], _cited(edition, point.outcome) if point.outcome else text(labels["not_yet"]))])
        entries.append(_entry(edition, "roadmap", f"point-{point.id}", title, body))
    return _section(edition, "roadmap", "".join(entries), edition.section_class("reference"))


def timeline(edition: Edition) -> str:
    labels, entries = edition.labels, []
    for entry in edition.data.timeline.entries:
        flags = [labels[flag] for flag, on in (("report_day", entry.is_report_day), ("dates_differ", entry.dates_differ)) if on]
        when = text(format_span(entry.date, entry.end_date, edition.lang)) + "".join(
            f' <span class="flag">({text(flag)})</span>' for flag in flags)
        entries.append(_entry(edition, "timeline", f"time-{entry.id}", when, f"<p>{_cited(edition, entry)}</p>"))
    return _section(edition, "timeline", "".join(entries))


def actors(edition: Edition) -> str:
    labels = edition.labels
    entries = [_entry(edition, "actors", f"actor-{actor.id}", edition.localized(actor.name),
                      f"<p>{_cited(edition, actor.description)}</p>"
                      f"<p><strong>{text(report_words(edition.lang, len(edition.data.reports)))}:</strong> "
                      f"{edition.localized(actor.in_report)}</p>")
               for actor in edition.data.actors.actors]
    return _section(edition, "actors", "".join(entries))


def places(edition: Edition) -> str:
    labels, entries = edition.labels, []
    for place in edition.data.places.places:
        coordinates = (f'<p><strong>{text(labels["coordinates"])}:</strong> <bdi dir="ltr">{place.latitude:.4f}, '
                       f'{place.longitude:.4f}</bdi> ({text(labels["coordinates_source"])}'
                       f'{edition.cite(place.coordinates_cite)})</p>')
        entries.append(_entry(edition, "places", f"place-{place.id}", edition.localized(place.name),
                              f"<p>{_cited(edition, place.description)}</p><p>{_cited(edition, place.position)}</p>"
                              + coordinates))
    return _section(edition, "places", "".join(entries))


def glossary(edition: Edition) -> str:
    labels, entries = edition.labels, []
    for term in edition.data.glossary.terms:
        body = f"<p>{edition.localized(term.definition)}{edition.cite(term.definition.cite)}</p>"
        if term.loaded:
            body += _facts([(labels["used_by"], _cited(edition, term.loaded.used_by)),
                            (labels["neutral"], edition.localized(term.loaded.neutral))])
        entries.append(_entry(edition, "glossary", f"term-{term.id}", edition.localized(term.term), body))
    return _section(edition, "glossary", "".join(entries))


def sources(edition: Edition) -> str:
    """The numbered list of sources, each with its address written out (on paper a link is
    only its text)."""
    labels, items = edition.labels, []
    separator = text(labels["list_separator"])
    for source in edition.data.sources.sources:
        day = (edition.date(source.date) if source.date
               else f'{text(labels["accessed"])} {edition.date(source.accessed)}')
        # `via`, our note about the publisher and an untitled page's description are our words, in
        # the edition's language.
        via = f' ({text(labels["read_via"])} {text(getattr(source.via, edition.lang), edition.lang)})' if source.via else ""
        shown = text(escape.url_for_reading(source.url))
        title, title_lang = source.shown_title(edition.lang)
        title = (f'<cite lang="{title_lang}" dir="auto">{text(title)}</cite>' if source.untitled is None
                 else f'<cite class="untitled" lang="{title_lang}">{text(title, title_lang)}</cite>')
        note = f' ({text(getattr(source.publisher_note, edition.lang), edition.lang)})' if source.publisher_note else ""
        items.append(f'<li id="src-{source.id}"><bdi>{text(source.publisher)}</bdi>{note}{separator}'
                     f'{title}{separator}{day}{via}. '
                     f'<a class="url" href="{url(source.url)}"><bdi dir="ltr">{shown}</bdi></a></li>')
    return _section(edition, "sources", f'<ol class="sources">{"".join(items)}</ol>')


REPORT_SECTIONS = (roadmap,)  # in each report's chapters, after its notes
SECTIONS = (timeline, actors, places, glossary, sources)  # once, after every report
