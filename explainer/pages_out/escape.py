"""Escape data for the place it lands in, in one module, so that YAML text can never inject
HTML, script or Markdown syntax into a page. Jinja's autoescape knows HTML only; our pages are
Markdown, and Python-Markdown also parses Markdown inside raw HTML tags of `markdown="1"` blocks
(their attribute values included: its link and image patterns run before its raw-HTML one).

So every escape here writes punctuation as numeric character references (`&#91;`), which mean
the same character to a browser in every context and nothing to Markdown, instead of
backslashes, which Markdown removes in some contexts and leaves on the page in others.
Each helper is named for the context it serves: `for_text`, `for_attribute`, `for_url`.
"""
from __future__ import annotations

import re
import unicodedata

from jinja2 import pass_context
from markupsafe import Markup

from ..data_in.gaps import is_todo
from ..data_in.schema.base import is_safe_url
from ..languages import LANGUAGES

# Characters that start Markdown inline syntax (emphasis, links, images, code, attribute
# lists, tables, raw HTML, entities), written as references wherever data text lands.
_INLINE_SYNTAX = re.compile(r"""[\\`*_\[\]{}()#+!|~<>&"']""")
# At the start of a value, which may start a Markdown line, these would start a block
# (heading, list, quotation, rule, table, indented code, numbered list).
_BLOCK_START = re.compile(r"^(?:[\s\-+*=>#|:]|\d+[.)])")
# Inside an attribute value, any ASCII character but letters, digits, spaces and the few
# punctuation marks that mean nothing to Markdown inline (ids and dates keep their hyphens).
_ATTRIBUTE_UNSAFE = re.compile(r"[^A-Za-z0-9 \-.,:;/?@%\u00a0-\U0010ffff]")

# A run of Arabic words (with the spaces and Arabic punctuation between them), and a run of
# Latin words: letters, digits, apostrophes, hyphens, with the spaces, commas and other Latin
# punctuation between them and whole (bracketed) groups, so that "Example Wire (London), Other Agency"
# is one left-to-right unit (split at its comma and brackets, an Arabic page laid its parts out
# right to left). A run never ends on punctuation (a final full stop belongs to the sentence
# around it) nor takes one bracket of a pair.
_ARABIC_RUN = re.compile(r"[\u0600-\u06FF](?:[\u0600-\u06FF\u200c-\u200f\s]*[\u0600-\u06FF])?")
# Latin letters include those of transliterations ("Dā‘il", with ‘ for the ayn inside a word):
# ASCII only, an Arabic page isolated "D" and "il" apart and laid the name out as "il‘āD".
_LETTER = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF"
_LATIN_WORD = rf"[{_LETTER}0-9][{_LETTER}0-9’‘'\-]*"
_LATIN_GROUP = r"\([^()\u0600-\u06FF]*\)"
_LATIN_RUN = re.compile(rf"[{_LETTER}][{_LETTER}0-9’‘'\-]*(?:(?:[\s,.;:&/–]|{_LATIN_GROUP})*(?:{_LATIN_WORD}|{_LATIN_GROUP}))*")


def _reference(match: re.Match) -> str:
    return "".join(f"&#{ord(character)};" for character in match.group())


def _escape_run(value: str) -> str:
    return _INLINE_SYNTAX.sub(_reference, value)


def _one_line(value: object) -> str:
    # A data text is inline text: a line break in it could start a Markdown block.
    return re.sub(r"\s*[\r\n\u2028\u2029]+\s*", " ", str(value))


def for_text(value: object, lang: str | None = None) -> Markup:
    """Text inside Markdown or inside raw HTML: no character of it can become markup. On a page
    in `lang`, runs of the other script are isolated in <bdi>, so that an Arabic phrase quoted in
    English (or a Latin name in Arabic) keeps its quotation marks and brackets in place."""
    value = _one_line(value)
    if is_todo(value):
        # Only a draft build lets a placeholder through: show it as the work left.
        return Markup(f'<mark class="gap">{_escape_run(value)}</mark>')
    start = _BLOCK_START.match(value)
    head = _reference(start) if start else ""
    value = value[start.end():] if start else value
    if lang not in LANGUAGES:
        return Markup(head + _escape_run(value))
    minority, tag = ((_ARABIC_RUN, '<bdi lang="ar" dir="rtl">') if lang == "en"
                     else (_LATIN_RUN, '<bdi dir="ltr">'))
    parts, position = [head], 0
    for run in minority.finditer(value):
        parts.append(_escape_run(value[position:run.start()]))
        parts.append(f"{tag}{_escape_run(run.group())}</bdi>")
        position = run.end()
    parts.append(_escape_run(value[position:]))
    return Markup("".join(parts))


FSI, PDI = "\u2068", "\u2069"
# A run already between FSI and PDI (a whole title, citation.isolated) is left as it is.
_ISOLATE = re.compile("(\u2068[^\u2068\u2069]*\u2069)")


def isolate_plain(value: object, lang: str) -> str:
    """Plain text (an attribute: a preview, a name, a copied citation) on a page in `lang`, with
    each run of the other script between FSI and PDI, the <bdi> of text that has no tags: in
    "في قاعدة GeoNames، «Dā‘il»" Chromium otherwise lays "GeoNames، «Dā‘il" out as one
    left-to-right run, and an English page moves an Arabic headline's quotation marks."""
    value = str(value)
    if lang not in LANGUAGES:
        return value
    minority = _ARABIC_RUN if lang == "en" else _LATIN_RUN
    return "".join(part if part.startswith(FSI) else minority.sub(lambda run: f"{FSI}{run.group()}{PDI}", part)
                   for part in _ISOLATE.split(value))


def for_attribute(value: object) -> Markup:
    """A value inside a double-quoted attribute, of a raw HTML tag or of a Markdown attribute
    list (`{ aria-label="..." }`): every ASCII punctuation character that Markdown or HTML could
read as syntax becomes a reference."""
    return Markup(_ATTRIBUTE_UNSAFE.sub(_reference, str(value)))


def for_url(value: object) -> Markup:
    """A link target from data (an `href`). The schema admits only safe URLs; this refuses
    anything else again, so that a template can never print an unchecked one."""
    if not is_safe_url(str(value)):
        raise ValueError(f"refused to print an unsafe URL: {value!r}")
    return for_attribute(value)


def finalizer(lang: str):
    """Jinja `finalize` for pages in `lang`: anything printed with {{ }} is escaped (and its
    other-script runs isolated) unless a macro already made it markup."""
    def finalize(value: object) -> object:
        return value if isinstance(value, Markup) else for_text(value, lang)
    return finalize


@pass_context
def finalize_in_context(context, value: object) -> object:
    """finalizer() for templates rendered in either language: the language is the `lang` the
    template is rendered with. Jinja cannot fold it into constants at compile time, so one
    compiled template serves both languages (the data sections, compiled once, not twice)."""
    return value if isinstance(value, Markup) else for_text(value, context.parent["lang"])


def url_for_reading(url: str) -> str:
    """A URL as a browser's address bar shows it, for print: a percent-encoded Arabic path is
    hundreds of characters no one can type. Decodes UTF-8 letters, marks, digits and
    punctuation only; never %2F or %3F, spaces or bidi controls, which would change the address
    or how it reads. The result still needs escaping for where it lands."""
    def decode(match: re.Match) -> str:
        try:
            text = bytes.fromhex(match.group().replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return match.group()
        return text if all(unicodedata.category(c)[0] in "LMNP" for c in text) else match.group()
    return _PERCENT_ENCODED_NON_ASCII.sub(decode, url)


_PERCENT_ENCODED_NON_ASCII = re.compile(r"(?:%[89a-fA-F][0-9a-fA-F])+")


# Two Arabic words joined by a slash (a month named both ways, "تموز/يوليو", or the two names of
# one place) may break at the slash, leaving "تموز/" at the end of one line: a WORD JOINER after
# the slash keeps the pair on one line. It is invisible, and search splits words at it as at
# the slash.
_SLASH_PAIR = re.compile(r"([\u0621-\u064a])/([\u0621-\u064a])")


# A day's number, or a range of days, and its month ("4 تموز/يوليو", "30–31 July") are one unit
# too: the space between them is a no-break space, the range's dash is followed by a word joiner.
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "كانون|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين")
# Each pattern below starts with the character it looks for and only then looks behind it (a
# look-behind two characters wide): a pattern that starts with a look-behind is tried at every
# character of a page, which made these two most of keep_together's time (a tenth of the render).
_DAY_MONTH = re.compile(rf"(\d(?<![\d.,]\d)\d?(?:–\d{{1,2}})?) (?=(?:{_MONTHS})\b)")

# A numbered point and its number ("point 5", «البند 5», the roadmap's points) likewise: "(point"
# at the end of one line and "5)" at the start of the next read as two things.
_NOT_IN_A_WORD = r"(?<![\w\u0621-\u064a].)"  # after the word's first letter: no letter before that one
_POINT_NUMBER = re.compile(rf"(P{_NOT_IN_A_WORD}oints?|p{_NOT_IN_A_WORD}oints?|ا{_NOT_IN_A_WORD}(?:لبند|لبندين|لبنود)) (?=\d)")


# The report's own text (a sentence, a quoted sentence: class="original") is reproduced as
# written, character for character: it is left as it is.
_VERBATIM = re.compile(r'<(p|blockquote)\b[^>]*\bclass="original"[^>]*>.*?</\1>', re.DOTALL)


def keep_together(text: str) -> str:
    """`text` (a rendered page) with every pair of Arabic words joined by a slash unbreakable
    at its slash, every day's number held to its month and every point's number to its word;
    the report's own text untouched."""
    def day(match: re.Match) -> str:  # a range of days ("30–31") does not break at its dash either
        return match.group(1).replace("–", "–\u2060") + "\u00a0"

    def ours(part: str) -> str:
        return _POINT_NUMBER.sub("\\1\u00a0", _DAY_MONTH.sub(day, _SLASH_PAIR.sub("\\1/\u2060\\2", part)))
    parts, position = [], 0
    for verbatim in _VERBATIM.finditer(text):
        parts += [ours(text[position:verbatim.start()]), verbatim.group()]
        position = verbatim.end()
    return "".join(parts) + ours(text[position:])
