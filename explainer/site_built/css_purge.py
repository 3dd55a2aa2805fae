"""Drop the rules of a theme's stylesheet that no page of the built site can match.

Material's stylesheet (137 KB, 22 KiB gzip) styles every feature Material has; a page of this
site uses a fifth of it, and the rest is downloaded, parsed and matched on every first visit.
After the build, every class, id and palette value the pages' HTML and scripts can produce is
known, so a rule whose selector needs a class or id that appears nowhere can never apply and is
left out. The test is one-sided on purpose: a selector is kept unless it *requires* a missing
class or id (at its top level, outside :not() and the like), or a palette value
(`[data-md-color-primary=pink]`) that no page offers. Tags, pseudo-classes and other attributes
are not judged, so a state a script reaches later (an open dialog, a checked toggle) keeps its
rules. The purged file gets a name from its content, so a host's cache never serves an old cut.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import tinycss2

# Attributes whose values select whole families of rules; their values are judged.
_JUDGED_VALUES = re.compile(r"data-md-color-\w+")
# Any identifier-like word in a script: a class or id it might add.
_SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")


@dataclass
class UsedNames:
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    values: dict[str, set[str]] = field(default_factory=dict)  # judged attribute -> values
    scripts: list[Path] = field(default_factory=list)  # the scripts the pages load


class _Collector(HTMLParser):
    def __init__(self, used: UsedNames, page: Path):
        super().__init__(convert_charrefs=True)
        self.used = used
        self.page = page
        self.scripts: set[Path] = set()

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("src"):
            src = dict(attrs)["src"].split("?")[0].split("#")[0]
            if "://" not in src:
                self.scripts.add((self.page.parent / src).resolve())
        for name, value in attrs:
            if value is None:
                continue
            if name == "class":
                self.used.classes.update(value.split())
            elif name == "id":
                self.used.ids.add(value)
            elif _JUDGED_VALUES.fullmatch(name):
                self.used.values.setdefault(name, set()).add(value)

    handle_startendtag = handle_starttag


def collect_used_names(pages: list[Path]) -> UsedNames:
    """What the built pages name, plus every word of the scripts they load (a script may add a
    class or an id); a script no page loads, such as the theme's own bundle, is not asked."""
    used = UsedNames()
    scripts: set[Path] = set()
    for page in pages:
        collector = _Collector(used, page)
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
        scripts |= collector.scripts
    used.scripts = sorted(path for path in scripts if path.is_file())
    for script in used.scripts:
        words = set(_SCRIPT_WORD.findall(script.read_text(encoding="utf-8")))
        used.classes |= words
        used.ids |= words
    return used


def _selectors(prelude) -> list[list]:
    """A rule's selector list split at its top-level commas."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def _can_match(selector: list, used: UsedNames) -> bool:
    for index, token in enumerate(selector):
        if token.type == "literal" and token.value == "." and index + 1 < len(selector):
            following = selector[index + 1]
            if following.type == "ident" and following.value not in used.classes:
                return False
        elif token.type == "hash" and token.is_identifier and token.value not in used.ids:
            return False
        elif token.type == "[] block":
            parts = [part for part in token.content if part.type != "whitespace"]
            if (len(parts) == 3 and parts[0].type == "ident" and _JUDGED_VALUES.fullmatch(parts[0].value)
                    and parts[1].type == "literal" and parts[1].value == "="
                    and parts[2].type in ("ident", "string")
                    and parts[2].value not in used.values.get(parts[0].value, set())):
                return False
    return True


def _purge_rules(rules, used: UsedNames) -> list[str]:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _selectors(rule.prelude) if _can_match(s, used)]
            if selectors:
                prelude = ",".join(tinycss2.serialize(s).strip() for s in selectors)
                kept.append(prelude + "{" + tinycss2.serialize(rule.content) + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING \
                and rule.content is not None:
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), used)
            if inner:
                kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return kept


_GROUPING = ("media", "supports", "layer", "container")  # at-rules that hold rules
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _drop_properties(rules, unused: set[str]) -> list[str]:
    """The rules without their declarations of the custom properties in `unused`."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
            body = ";".join(d.serialize() for d in declarations
                            if not (d.type == "declaration" and d.name in unused))
            if body:
                kept.append(tinycss2.serialize(rule.prelude).strip() + "{" + body + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING \
                and rule.content is not None:
            inner = _drop_properties(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), unused)
            if inner:
                kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        else:
            kept.append(rule.serialize())
    return kept


def purge_css(text: str, used: UsedNames, elsewhere: str = "") -> str:
    """The rules that can match, without custom properties (--md-*) that nothing reads: not the
    kept rules, nor `elsewhere` (the site's other stylesheets, pages and scripts). Repeated until
    nothing changes, since one property may only be read by another that goes."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    purged = "\n".join(_purge_rules(rules, used))
    outside = set(_VAR_USE.findall(elsewhere))
    while True:
        rules = tinycss2.parse_stylesheet(purged, skip_comments=True, skip_whitespace=True)
        unused = _declared_properties(rules) - outside - set(_VAR_USE.findall(purged))
        if not unused:
            return purged + "\n"
        purged = "\n".join(_drop_properties(rules, unused))


def _declared_properties(rules) -> set[str]:
    declared = set()
    for rule in rules:
        if rule.type == "qualified-rule":
            declared |= {d.name for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
                         if d.type == "declaration" and d.name.startswith("--")}
        elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None:
            declared |= _declared_properties(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
    return declared


def purge_stylesheets(site: Path, stylesheets: list[Path]) -> list[tuple[str, int, int]]:
    """Purge each stylesheet (a path inside `site`) against every page of the site, write it under
    a name made from its new content, and point every page at it. Returns (new name, bytes
    before, bytes after) per stylesheet."""
    pages = sorted(site.rglob("*.html"))
    used = collect_used_names(pages)
    others = [path for path in sorted(site.rglob("*.css")) if path not in stylesheets]
    elsewhere = "".join(path.read_text(encoding="utf-8") for path in others + pages + used.scripts)
    texts = {sheet: sheet.read_text(encoding="utf-8") for sheet in stylesheets}
    renames, report = {}, []
    for sheet, text in texts.items():
        purged = purge_css(text, used, elsewhere + "".join(t for other, t in texts.items() if other != sheet))
        digest = hashlib.sha256(purged.encode("utf-8")).hexdigest()[:8]
        stem = sheet.name.split(".")[0]
        target = sheet.with_name(f"{stem}.{digest}.purged.css")
        target.write_text(purged, encoding="utf-8")
        sheet.unlink()
        for stale in sheet.parent.glob(sheet.name + ".map"):
            stale.unlink()
        renames[sheet.name] = target.name
        report.append((target.name, len(text.encode("utf-8")), len(purged.encode("utf-8"))))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        changed = html
        for old, new in renames.items():
            changed = changed.replace(f"assets/stylesheets/{old}", f"assets/stylesheets/{new}")
        if changed != html:
            page.write_text(changed, encoding="utf-8")
    return report
