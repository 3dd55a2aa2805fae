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
from pathlib import Path

import tinycss2

from ..build_cache import cache_key, read_entry, write_atomically

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


# The pages are the theme's and our templates' output: attributes in quotes, one tag per match.
_ATTRIBUTE = re.compile(r"""\s(class|id|data-md-color-\w+|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SCRIPT_TAG = re.compile(r"<script\b[^>]*>")


def facts(_parsed, html: str) -> dict:
    """What a page names (JSON, for the page cache): its classes, ids, judged attribute values
    and the scripts it loads by a relative src. Read with patterns over the text, not from
    the parse, so that a name written in an inline script's markup counts too."""
    classes, ids, values, scripts = set(), set(), {}, []
    for name, double, single in _ATTRIBUTE.findall(html):
        value = double or single
        if name == "class":
            classes.update(value.split())
        elif name == "id":
            ids.add(value)
        elif name != "src":
            values.setdefault(name, set()).add(value)
    for tag in _SCRIPT_TAG.findall(html):
        for name, double, single in _ATTRIBUTE.findall(tag):
            src = (double or single).split("?")[0].split("#")[0]
            if name == "src" and "://" not in src:
                scripts.append(src)
    return {"classes": sorted(classes), "ids": sorted(ids), "values": {k: sorted(v) for k, v in values.items()},
            "scripts": scripts}


def used_names(pages: dict[Path, dict]) -> UsedNames:
    """What the built pages name (`pages`: each page's facts), plus every word of the scripts
    they load (a script may add a class or an id); a script no page loads, such as the theme's
    own bundle, is not asked."""
    used = UsedNames()
    scripts: set[Path] = set()
    for page, named in pages.items():
        used.classes.update(named["classes"])
        used.ids.update(named["ids"])
        for name, values in named["values"].items():
            used.values.setdefault(name, set()).update(values)
        scripts.update((page.parent / src).resolve() for src in named["scripts"])
    used.scripts = sorted(path for path in scripts if path.is_file())
    for script in used.scripts:
        words = set(_SCRIPT_WORD.findall(script.read_text(encoding="utf-8")))
        used.classes |= words
        used.ids |= words
    return used


def collect_used_names(pages: list[Path]) -> UsedNames:
    """used_names of pages read from the disk."""
    return used_names({page: facts(None, page.read_text(encoding="utf-8")) for page in pages})


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


_GROUPING = ("media", "supports", "layer", "container")  # at-rules that hold rules
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)")


def _is_group(rule) -> bool:
    return rule.type == "at-rule" and rule.lower_at_keyword in _GROUPING and rule.content is not None


def _nested(rule) -> list:
    """The rules inside a grouping at-rule (@media ...), or none for any other rule."""
    return tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True) if _is_group(rule) else []


def _rewrite(rules, qualified) -> list[str]:
    """The rules as text, each style rule as `qualified` rewrites it (None leaves it out), inside
    grouping at-rules too; a group left empty goes, and other at-rules (@font-face) stay."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            text = qualified(rule)
            if text:
                kept.append(text)
        elif _is_group(rule):
            inner = _rewrite(_nested(rule), qualified)
            if inner:
                kept.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude) + "{" + "".join(inner) + "}")
        elif rule.type == "at-rule":
            kept.append(rule.serialize())
    return kept


def _style_rules(rules):
    """Every style rule, inside grouping at-rules too."""
    for rule in rules:
        if rule.type == "qualified-rule":
            yield rule
        yield from _style_rules(_nested(rule))


def _declarations(rule) -> list:
    return tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)


def _purge_rules(rules, used: UsedNames) -> list[str]:
    def matching(rule):
        selectors = [s for s in _selectors(rule.prelude) if _can_match(s, used)]
        if selectors:
            return ",".join(tinycss2.serialize(s).strip() for s in selectors) + "{" + tinycss2.serialize(rule.content) + "}"
        return None
    return _rewrite(rules, matching)


def _drop_properties(rules, unused: set[str]) -> list[str]:
    """The rules without their declarations of the custom properties in `unused`."""
    def without(rule):
        body = ";".join(d.serialize() for d in _declarations(rule) if not (d.type == "declaration" and d.name in unused))
        return tinycss2.serialize(rule.prelude).strip() + "{" + body + "}" if body else None
    return _rewrite(rules, without)


def purge_css(text: str, used: UsedNames, elsewhere: str = "") -> str:
    """The rules that can match, without custom properties (--md-*) that nothing reads: not the
    kept rules, nor `elsewhere` (the site's other stylesheets, pages and scripts). Repeated until
    nothing changes, since one property may only be read by another that goes."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    purged = "\n".join(_purge_rules(rules, used))
    outside = set(_VAR_USE.findall(elsewhere))
    # Each round drops from the rules parsed once every property found unused so far, and
    # looks for uses in that text (parsing each round's text again gave the same rules, at
    # twice the cost: Material's sheet took four parses).
    rules = tinycss2.parse_stylesheet(purged, skip_comments=True, skip_whitespace=True)
    declared, dropped = _declared_properties(rules), set()
    while True:
        unused = declared - dropped - outside - set(_VAR_USE.findall(purged))
        if not unused:
            return purged + "\n"
        dropped |= unused
        purged = "\n".join(_drop_properties(rules, dropped))


def _declared_properties(rules) -> set[str]:
    return {d.name for rule in _style_rules(rules) for d in _declarations(rule)
            if d.type == "declaration" and d.name.startswith("--")}


def _key(text: str, used: UsedNames, elsewhere: str) -> str:
    """What a purge's result depends on (the cache rule: with the engine's version): the sheet,
    the names, the properties read elsewhere."""
    return cache_key(text, *("\0".join(sorted(names)) for names in (
        used.classes, used.ids, set(_VAR_USE.findall(elsewhere)),
        {f"{name}={value}" for name, values in used.values.items() for value in values})))


def _purge_cached(stem: str, text: str, used: UsedNames, elsewhere: str, cache: Path | None) -> str:
    """purge_css, kept in `cache` by its inputs: an edit of a page's words leaves the names, and
    so the result, as they were (half a second of every rebuild otherwise)."""
    if cache is None:
        return purge_css(text, used, elsewhere)
    stored = cache / f"purged-{stem}-{_key(text, used, elsewhere)}.css"
    kept = read_entry(stored)
    if kept is not None:
        return kept.decode("utf-8")
    purged = purge_css(text, used, elsewhere)
    write_atomically(stored, purged.encode("utf-8"), replaces=f"purged-{stem}-*.css")  # over an earlier cut
    return purged


def purge_stylesheets(site: Path, stylesheets: list[Path], cache: Path | None = None) -> list[tuple[str, int, int]]:
    """purge_pages over the pages as they are on the disk."""
    texts = {page: page.read_text(encoding="utf-8") for page in sorted(site.rglob("*.html"))}
    report, _ = purge_pages(site, stylesheets, texts, {page: facts(None, text) for page, text in texts.items()}, cache)
    return report


def purge_pages(site: Path, stylesheets: list[Path], texts: dict[Path, str], names: dict[Path, dict],
                cache: Path | None = None) -> tuple[list[tuple[str, int, int]], dict[str, str]]:
    """Purge each stylesheet (a path inside `site`) against every page of the site (`texts`, each
    page's text, and `names`, its facts), write it under a name made from its new content, and
    point every page at it, on the disk and in `texts`. Returns (new name, bytes before, bytes
    after) per stylesheet, and the renames (old path from the site's root: new one). `cache`, a
    folder, keeps results between builds."""
    pages = sorted(texts)
    used = used_names(names)
    others = [path for path in sorted(site.rglob("*.css")) if path not in stylesheets]
    elsewhere = "".join([*(path.read_text(encoding="utf-8") for path in others), *(texts[page] for page in pages),
                         *(path.read_text(encoding="utf-8") for path in used.scripts)])
    sheets = {sheet: sheet.read_text(encoding="utf-8") for sheet in stylesheets}
    renames, report = {}, []
    for sheet, text in sheets.items():
        stem = sheet.name.split(".")[0]
        purged = _purge_cached(stem, text, used, elsewhere + "".join(t for other, t in sheets.items() if other != sheet), cache)
        digest = hashlib.sha256(purged.encode("utf-8")).hexdigest()[:8]
        target = sheet.with_name(f"{stem}.{digest}.purged.css")
        target.write_text(purged, encoding="utf-8")
        sheet.unlink()
        for stale in sheet.parent.glob(sheet.name + ".map"):
            stale.unlink()
        renames[sheet.relative_to(site).as_posix()] = target.relative_to(site).as_posix()
        report.append((target.name, len(text.encode("utf-8")), len(purged.encode("utf-8"))))
    for page in pages:
        html = texts[page]
        changed = html
        for old, new in renames.items():
            changed = changed.replace(old, new)  # from any folder, a page's link ends in this path
        if changed != html:
            page.write_text(changed, encoding="utf-8")
            texts[page] = changed
    return report, renames


def without_comments(text: str) -> str:
    """One of our own stylesheets as served: its comments, written for its authors and a half of
    its bytes, left out, and each run of white space one character. Parsed, not cut with a
    pattern, so a string or url() holding '/*' stays as it is."""
    def lean(tokens):
        for token in tokens:
            if token.type == "whitespace":
                token.value = "\n" if "\n" in token.value else " "
            content = getattr(token, "content", None)
            if isinstance(content, list):
                lean(content)
            arguments = getattr(token, "arguments", None)
            if isinstance(arguments, list):
                lean(arguments)
        return tokens
    tokens = lean(tinycss2.parse_component_value_list(text, skip_comments=True))
    return re.sub(r"\n\s*\n+", "\n", tinycss2.serialize(tokens)).strip() + "\n"


def serve_without_comments(stylesheets: list[Path], cache: Path | None = None) -> None:
    """Rewrite each of `stylesheets` (in the built site) without its comments. `cache`, a
    folder, keeps the result by the sheet's text (tokenizing them is a tenth of a second of
    every build otherwise)."""
    for path in stylesheets:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        stored = cache / f"lean-{path.stem}-{cache_key(text)}.css" if cache is not None else None
        kept = read_entry(stored) if stored is not None else None
        lean = kept.decode("utf-8") if kept is not None else without_comments(text)
        if stored is not None and kept is None:
            write_atomically(stored, lean.encode("utf-8"), replaces=f"lean-{path.stem}-*.css")
        path.write_text(lean, encoding="utf-8")
