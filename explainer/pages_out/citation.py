""""Cite this": the control each citable item carries, the words the script needs on a page,
and the whole publication's citation in common styles for the about page.

The control is a button with the item's anchor and label in data- attributes; the script
(theme/assets/javascripts/cite.js) adds the publication's title, the page's canonical address and
the reader's date, which only the browser knows. Nothing is invented: the styles use the
publication's name and address (mkdocs.yml) and the masthead's publisher and first edition only
when they are set.
"""
from __future__ import annotations

import datetime
from markupsafe import Markup, escape

from .escape import FSI, PDI, for_attribute, for_text, isolate_plain, keep_together
from .labels import _MONTHS, LABELS, format_date

PLACEHOLDER = "<!-- explainer:citation -->"  # where the about page asks for it (macros.py)
_EN_MONTHS = _MONTHS["en"]


def cite_button(lang: str, anchor: str, label: str) -> Markup:
    """The control (the templates put it in the item's tools row, shown only when scripts run).
    Attribute values are escaped for Markdown too: the templates are Markdown. The label is
    plain text, copied as it is: its runs of the other script are isolated (escape.isolate_plain)."""
    words = LABELS[lang]["cite"]
    label = isolate_plain(label, lang)
    return Markup(f'<button type="button" class="cite-this" data-cite="{for_attribute(anchor)}" '
                  f'data-cite-label="{for_attribute(label)}" '
                  f'aria-label="{for_attribute(words["name"].format(label=label))}">{for_text(words["button"], lang)}</button>')


def isolated(text: str, lang: str, text_lang: str) -> str:
    """A text in another language than the page's (a source's title), whole between FSI and PDI:
    in plain text a Latin title would merge with the Latin address after it on an Arabic page, and
    an Arabic headline's quotation marks and "!!" would land on the wrong side on an English one.
    On an Arabic page a name of unknown language ('': a publisher) is isolated whole; text in
    the page's language has its other-script runs isolated."""
    if (lang == "ar" and text_lang != "ar") or (lang == "en" and text_lang == "ar"):
        return f"{FSI}{text}{PDI}"
    return isolate_plain(text, lang)


def page_words(lang: str) -> dict:
    """What cite.js needs besides the page's title and address (the theme writes it as JSON in a
    data- attribute): the citation's pattern, what is announced, the month names."""
    words = LABELS[lang]["cite"]
    return {**{key: words[key] for key in ("text", "copied", "selected", "field", "done")}, "months": _MONTHS[lang]}


def styles(lang: str, title: str, url: str, publisher: str, published: datetime.date | None) -> list[tuple[str, Markup]]:
    """The whole publication in APA 7, Chicago and MLA, each from the fields we have."""
    words = LABELS[lang]["cite"]
    # Titles in italics, as the styles ask, but not in Arabic, which has no italics (a browser
    # slants the letters): bold, as Arabic references set titles.
    name = Markup(f"<i>{escape(title)}</i>" if lang == "en" else f"<b>{escape(title)}</b>")
    link = Markup(f'<bdi dir="ltr">{escape(url)}</bdi>') if url else ""  # none for a placeholder host
    who = Markup(f"<bdi>{escape(publisher)}</bdi>") if publisher else ""
    if lang == "en" and published:
        apa_date = f"{published.year}, {_EN_MONTHS[published.month - 1]} {published.day}"
        chicago_date = f"{_EN_MONTHS[published.month - 1]} {published.day}, {published.year}"
        month = _EN_MONTHS[published.month - 1]
        # MLA shortens the months of more than four letters, September to "Sept.".
        short = month if len(month) <= 4 else ("Sept." if month == "September" else month[:3] + ".")
        mla_date = f"{published.day} {short} {published.year}"
    else:  # Arabic writes one date form (labels.format_date) in every style
        apa_date = chicago_date = mla_date = format_date(published, lang) if published else ""
    no_date = words["no_date"]
    apa = Markup(" ".join(part for part in ((f"{who}. ({apa_date or no_date}). {name}." if who else
                                             f"{name}. ({apa_date or no_date})."), link) if part))
    chicago = Markup(". ".join(part for part in (name, who, chicago_date, link) if part) + ".")
    comma = LABELS[lang]["list_separator"]
    mla = Markup(f"{name}. " + comma.join(part for part in (who, mla_date, link) if part) + ".")
    return [("APA 7", apa), ("Chicago", chicago), ("MLA 9", mla)]


def citation_html(lang: str, title: str, url: str, publisher: str, published: datetime.date | None,
                  bib_href: str, json_href: str) -> Markup:
    """The about page's block: the styles as a list, and the two downloads."""
    words = LABELS[lang]["cite"]
    items = "".join(f'<li><span class="cite-style"><bdi dir="ltr">{escape(style)}</bdi></span> '
                    f'<span class="cite-text">{text}</span></li>'
                    for style, text in styles(lang, title, url, publisher, published))
    files = escape(words["files"]).format(
        bibtex=Markup('<bdi dir="ltr">BibTeX</bdi>'), csl=Markup('<bdi dir="ltr">CSL-JSON</bdi>'),
        bib=Markup(f'<a href="{escape(bib_href)}" type="application/x-bibtex" download><code dir="ltr">cite.bib</code></a>'),
        json=Markup(f'<a href="{escape(json_href)}" type="application/vnd.citationstyles.csl+json" download>'
                    f'<code dir="ltr">cite.json</code></a>'))
    # Kept together as the rest of the page is (a month pair such as تموز/يوليو never breaks at
    # its slash): the placeholder this block replaces is filled after the page's own pass.
    return Markup(keep_together(f'<div class="cite-whole"><p>{escape(words["whole"])}</p><ul class="cite-styles">{items}</ul>'
                                f"<p>{files}</p></div>"))
