"""The fuzz's strategies and checks, shared by the fuzz tests (a helper module: pytest collects
only test_*.py). Hypothesis changes one file of the real publication at a time: random edits of
its lines and bytes (`mutations`), edits that break one rule of one data kind and must be
refused at that file (`invalid_mutations`), and hostile text in a field that reaches a page
(`injections`), whose rendered HTML must hold no markup it asks for (`unsafe_markup`)."""
from __future__ import annotations

import json
import os
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
LOCATED = re.compile(r"^((?:data|content)/[^:]+):(\d+):(\d+): \S")
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "content").glob("*/*.md"))
BOUNDARIES = "data/map/boundaries.json"
# What a case is drawn from, kind first: every data kind, the boundary data, the source text,
# the pages' front matter and their bodies are equally likely, whatever their number of files.
TARGETS = {**{p.stem: [p.relative_to(ROOT).as_posix()] for p in sorted((ROOT / "data").glob("*.yaml"))},
           "boundaries": [BOUNDARIES], "source": ["data/source/article-ar.txt"], "front matter": PAGES, "page": PAGES}
FILES = sorted({name for names in TARGETS.values() for name in names})
PRISTINE = {name: (ROOT / name).read_bytes() for name in FILES}

VALUES = ["", "~", "null", "true", "yes", "0", "-1", "1e999", "3.5", ".nan", "[]", "{}", "[1, 2]", "{a: 1}",
          "2018-02-30", "2018-13-01", "0000-00-00", "!!int abc", "!!float x", "!!bool maybe", "!!str 5",
          "!!set {a}", "!!python/object:os.system x", "&a x", "*a", "'unclosed", '"unclosed', "[unclosed",
          "{unclosed", "a: b: c", "- item", "|", ">", "%YAML 1.1", "@at", "`tick`", "? complex",
          "javascript:alert(1)", "https://x.example/a b", "x" * 6000, "ب" * 6000, "Busra al-Sham",
          "Bosra", "[x](javascript:alert(1))", "<script>alert(1)</script>", "{{ 7*7 }}", "\t", "\u202e",
          "nonexistent-id", "NOT-AN-ID", "a" * 70]
MACRO_CALLS = ["{{ term(5) }}", "{{ term() }}", "{{ term('nope') }}", "{{ actor(None) }}", "{{ place([1]) }}",
               "{{ point(99) }}", "{{ point(-1) }}", "{{ point('x', 5) }}", "{{ cite() }}", "{{ cite(5, 'x') }}",
               "{{ cite(*range(3)) }}", "{{ sentence('p9-s9') }}", "{{ sentence({}) }}", "{{ block('nope') }}",
               "{{ block(5) }}", "{{ block('report', sentence=1) }}", "{{ date('2018-07-04') }}", "{{ date(5) }}",
               "{{ date(data.event.date, 'x') }}", "{{ 1/0 }}", "{{ data.nope }}", "{{ data.event.nope.en }}",
               "{{ nope() }}", "{% for %}", "{% if %}", "{{", "}}", "{% endfor %}", "{{ 'x' * 10**9 }}",
               "{{ range(10**9)|list }}", "{{ ''.__class__ }}", "{{ lang.upper()[99] }}", "{## unclosed",
               "{% include 'nope.md' %}", "{% extends 'about.md' %}", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
               "[broken](nowhere.md)", "## Heading without id", "## New section { #only-in-one-language }"]
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


class Edit(NamedTuple):
    """A case: one file's new bytes, and what was done (a failing case shows only that)."""
    name: str
    data: bytes
    what: str

    def __repr__(self) -> str:
        return f"Edit({self.name!r}, {self.what!r})"


class Probe(NamedTuple):
    """A case with what it aims at: the file that must be named, or the payload."""
    name: str
    data: bytes
    what: str
    aim: str

    def __repr__(self) -> str:
        return f"Probe({self.name!r}, {self.what!r})"


def _line_mutation(draw, name: str, lines_from: int = 0, lines_to: int | None = None) -> Edit:
    """One random change to the lines or bytes of a file."""
    data = PRISTINE[name]
    text = data.decode("utf-8")
    lines = text.split("\n")
    kind = draw(st.sampled_from(["drop-line", "duplicate-line", "value", "reference", "id", "yaml-syntax",
                                 "bytes", "truncate", "arabic", "indent", "macro", "text"]))
    last = len(lines) - 1 if lines_to is None else min(lines_to, len(lines) - 1)
    index = draw(st.integers(min(lines_from, last), max(last, 0)))
    line = lines[index]
    if kind == "drop-line":
        del lines[index]
    elif kind == "duplicate-line":
        lines.insert(index, line)
    elif kind == "value" and ":" in line:
        key = line.split(":", 1)[0]
        lines[index] = f"{key}: {draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=30)))}"
    elif kind == "reference":
        references = [i for i, l in enumerate(lines) if re.search(r"(cite|sentence|place|coordinates_cite): ", l)]
        if references:
            index = draw(st.sampled_from(references))
            lines[index] = re.sub(r"([a-z0-9])(\]|$|,)", r"\1x\2", lines[index], count=1)
    elif kind == "id":
        ids = [i for i, l in enumerate(lines) if re.match(r"\s*-?\s*id: ", l)]
        if ids:
            index = draw(st.sampled_from(ids))
            lines[index] = draw(st.sampled_from([lines[index] + "-renamed", lines[index].split("id:")[0] + "id: " +
                                                 draw(st.sampled_from(VALUES))]))
    elif kind == "yaml-syntax":
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + draw(st.sampled_from(["[", "{", "]", "}", ": :", "\t", "- ", '"', "'", "&a ",
                                                             "*a", "!!", "%", "@", "#", "|", ">", "? ", "---\n"])) + line[column:]
    elif kind == "bytes":
        position = draw(st.integers(0, len(data)))
        return Edit(name, data[:position] + draw(st.binary(min_size=1, max_size=4)) + data[position:], f"{kind} at {position}")
    elif kind == "truncate":
        position = draw(st.integers(0, len(data)))
        return Edit(name, data[:position], f"{kind} at byte {position}")
    elif kind == "arabic":
        positions = [i for i, c in enumerate(text) if c in ARABIC_LETTERS]
        if positions:
            position = draw(st.sampled_from(positions))
            text = text[:position] + draw(st.sampled_from(ARABIC_LETTERS)) + text[position + 1:]
            return Edit(name, text.encode("utf-8"), f"{kind} at {position}")
    elif kind == "indent":
        lines[index] = draw(st.sampled_from(["  " + line, line[1:], line.lstrip(), "\t" + line]))
    elif kind == "macro":
        lines.insert(index, draw(st.sampled_from(MACRO_CALLS)))
    elif kind == "text":
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + draw(st.text(max_size=20)) + line[column:]
    return Edit(name, "\n".join(lines).encode("utf-8", "surrogatepass"), f"{kind} at line {index + 1}")


# ---------------------------------------------------------------- edits known to be invalid
@dataclass(frozen=True)
class Rule:
    """An edit that breaks one rule: in `file`, group 1 of one match of `pattern` becomes one of
    `values` ('{}' stands for the text replaced); the build must refuse it at `refused_at`."""
    file: str
    pattern: str
    values: tuple[str, ...]
    refused_at: str = ""


_SPAN_EN = r'span:\n *ar: "[^"\n]*"\n *en: ("[^"\n]*")$'
_ENTRY_ID = r"^( *- id: [^\n]*)$"
RULES = {
    "a claim's verdict unknown": Rule("data/claims.yaml", r"^    verdict: (\S+)$",
                                      ("confirmed", "Corroborated", "corroborated with differences", '""')),
    "a claim's kind unknown": Rule("data/claims.yaml", r"^    kind: (\S+)$", ("rumour", "Fact", "[fact]")),
    "a claim's span not in its sentence": Rule("data/claims.yaml", r'^    ' + _SPAN_EN,
                                               ('"words the sentence does not have"', '"a phrase of no sentence"')),
    "a claim's Arabic span not in its sentence": Rule("data/claims.yaml", r'^    span:\n      ar: ("[^"\n]*")$',
                                                      ('"كلمات ليست في الجملة"',)),
    "a claim on an unknown sentence": Rule("data/claims.yaml", r"^    sentence: (\S+)$", ('"p99-s1"', '"p1-s99"')),
    "an account citing an unknown source": Rule("data/claims.yaml", r"^      - source: (\S+)$",
                                                ("no-such-source", "{}x")),
    "a coverage outlet citing an unknown source": Rule("data/claims.yaml", r"^    - source: (\S+)$", ("{}x",)),
    "the map's frame inverted, west of east": Rule("data/map.yaml", r"^  west: (\S+)$", ("37.5", "40")),
    "the map's frame inverted, south of north": Rule("data/map.yaml", r"^  north: (\S+)$", ("32.0", "-{}")),
    "the map's coordinates out of range": Rule("data/map.yaml", r"^  \w+: (\S+)$", ("181", "-181", '"north"')),
    "the map's reference unknown": Rule("data/map.yaml", r"^reference: (\S+)$", ("no-such-place",)),
    "a map area not in the boundary data": Rule("data/map.yaml", r'\{feature: ("[^"]*")', ('"Atlantis"',)),
    "a map country not in the boundary data": Rule("data/map.yaml", r"\{country: (\w+)", ("XXX", "jor", "JO")),
    "the map's boundary file missing": Rule("data/map.yaml", r"^boundaries: (\S+)$",
                                            ("data/map/missing.json", "../boundaries.json")),
    "a place's coordinates out of range": Rule("data/places.yaml", r"^    (?:latitude|longitude): (\S+)$",
                                               ("195.5", "-200", '"north"', "[]", "1e999")),
    "the event's date impossible": Rule("data/event.yaml", r"^date: (\S+)$", ("2018-02-30", "2018-13-01", "yesterday")),
    "the event's place unknown": Rule("data/event.yaml", r"^place: (\S+)$", ("nowhere",)),
    "a note's span not in its sentence": Rule("data/report.yaml", r"^      " + _SPAN_EN,
                                              ('"words the sentence does not have"',)),
    "a note's kind unknown": Rule("data/report.yaml", r"^    - kind: (\S+)$", ("rumour",)),
    "the source's hash wrong": Rule("data/report.yaml", r"^sha256: (\w+)$", ("0" * 64,)),
    "a roadmap point misnumbered": Rule("data/roadmap.yaml", r"^  number: (\d+)$", ("99", "0")),
    "a roadmap point on an unknown sentence": Rule("data/roadmap.yaml", r"^  sentence: (\S+)$", ("p99-s1",)),
    "the timeline out of order": Rule("data/timeline.yaml", r"^    date: (\S+)$", ("1900-01-01",)),
    "a source's URL unsafe": Rule("data/sources.yaml", r"^    url: (\S+)$", ('"javascript:alert(1)"', '"https://x.example/a b"')),
    "a source's language not a code": Rule("data/sources.yaml", r"^    language: (\S+)$", ('"english"', '"EN"')),
    "a name's English spelling empty": Rule("data/names.yaml", r'^    en: ("[^"\n]*")$', ('""', "null", "[]")),
    "a glossary term with an unknown field": Rule("data/glossary.yaml", _ENTRY_ID, ("{}\n    colour: red",)),
    "an actor's kind unknown": Rule("data/actors.yaml", r'^    kind: ("\w+")$', ('"alien"',)),
    "an actor citing an unknown source": Rule("data/actors.yaml", r"cite: \[([\w-]+)", ("no-such-source",)),
    # The boundary data is JSON: its problems are located at the line of map.yaml that names it.
    "the boundary data corrupted": Rule(BOUNDARIES, r"(?s)\A(.*)\Z", (
        "", "{ }", "[]", "<html>", '{"features": null}', '{"features": [{"name": 5, "country": "SYR", "rings": []}]}',
        '{"features": [{"name": "Dar`a", "country": "SYR", "rings": [[[36.1, 32.6, 1]]]}]}',
        '{"features": [{"name": "Dar`a", "country": "SYR", "rings": [[["36.1", 32.6]]]}]}',
        PRISTINE[BOUNDARIES].decode()[:-20], "\udcff{}"), "data/map.yaml"),
    "the boundary data nested too deep": Rule(BOUNDARIES, r"(?s)\A(.*)\Z", ("[" * 100_000 + "]" * 100_000,),
                                              "data/map.yaml"),
    "a front matter key unknown": Rule("front matter", r"\A---\n()", ("colour: red\n", "Description: x\n")),
    "a front matter key duplicated": Rule("front matter", r"\A---\n(description: [^\n]*)$", ("{}\n{}",)),
    "a front matter description typed wrong": Rule("front matter", r"\A---\ndescription: ([^\n]*)$", (
        "5", "[a, b]", "{a: b}", "null", "true", "2018-07-04", '""', "!!str {}", "&a {}", "TODO {}")),
    "a front matter block unclosed": Rule("front matter", r"\A---\n[^\n]*\n(---)$", ("", "--", "...x")),
    "a front matter block dropped": Rule("front matter", r"\A(---\n[^\n]*\n---\n)", ("",)),
}

# Rules the engine does not keep yet (its bugs, reported): rule -> why; their test is an expected
# failure, and the random cases leave them out. None now (the last: load_boundaries let json's
# RecursionError through, for deeply nested brackets).
ENGINE_BUGS: dict[str, str] = {}


@st.composite
def invalid_mutations(draw, rule: str | None = None):
    """One edit known to be invalid, aimed at the file the build must name."""
    rule = rule or draw(st.sampled_from(sorted(RULES)))
    spec = RULES[rule]
    name = draw(st.sampled_from(PAGES)) if spec.file == "front matter" else spec.file
    text = PRISTINE[name].decode("utf-8")
    matches = list(re.finditer(spec.pattern, text, re.M))
    assert matches, f"{rule}: the pattern no longer matches {name}; update RULES"
    match = draw(st.sampled_from(matches))
    if spec.file == "data/timeline.yaml" and match is matches[0]:
        match = matches[-1]  # an earlier date than the first entry's breaks nothing
    value = draw(st.sampled_from(spec.values))
    new = value.replace("{}", match.group(1))
    data = (text[:match.start(1)] + new + text[match.end(1):]).encode("utf-8", "surrogatepass")
    line = text.count("\n", 0, match.start(1)) + 1
    return Probe(name, data, f"{rule}: {new[:60]!r} at line {line}", spec.refused_at or name)


@st.composite
def mutations(draw):
    """One random change to one file, of a kind drawn first;
    a quarter of the data's and front matter's changes break one of their rules on purpose."""
    target = draw(st.sampled_from(sorted(TARGETS)))
    name = draw(st.sampled_from(TARGETS[target]))
    rules = [r for r, spec in RULES.items() if spec.file in (name, target) and r not in ENGINE_BUGS]
    if rules and draw(st.integers(0, 3)) == 0:
        return Edit(*draw(invalid_mutations(draw(st.sampled_from(rules))))[:3])
    if target == "front matter":
        return _line_mutation(draw, name, 0, 3)
    return _line_mutation(draw, name)


# ---------------------------------------------------------------- hostile text in the pages
# Each asks for one way text could become markup; "xss" marks whatever they would create.
# The first seven are test_injection.py's, which poisons every field with each.
MARKUP_PAYLOADS = [
    '<img src="https://evil.example/xss.png" onerror="window.__xss=1">',
    "[xss](javascript:window.__xss=1)",
    "![xss](https://evil.example/xss.png)",
    '{: onclick="window.__xss=1" .xss }',
    '" onmouseover="window.__xss=1" data-xss="',
    "{{ 7*7 }} *xss-em* **xss-strong** `xss-code` <script>window.__xss=1</script>",
    "<https://evil.example/xss> &lt;b&gt; | xss | cell |",
]
PAYLOADS = [
    *MARKUP_PAYLOADS,
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)", "{{ 7*7 }}",
    "{% raw %}", "{% endraw %}{{ 7*7 }}", "](javascript:alert(1))", "<!--", "-->", "&lt;", "\u202e", "\u202ealert",
    '{: onclick="x" }', "[x](javascript:alert(1)){: onclick=alert(1) }", "</p><p onclick=alert(1)>", "\n\n<div>",
    "<svg onload=alert(1)>", "{## x ##}{#", "${7*7}", "'><a href=javascript:alert(1)>x</a>", "*", "\\",
]
EVIL_HOST = "evil.example"
# Fields whose values are plainly not free text (ids, references, codes): the schema refuses
# most text there, which the fuzz tries too, but the markup checks aim at the rest.
NOT_TEXT = {"id", "cite", "coordinates_cite", "boundaries_cite", "url", "language", "kind", "role", "file",
            "sha256", "followed_by", "sites", "boundaries", "source", "sentence", "reference", "countries",
            "country", "feature", "verdict"}


def text_fields(text: str, offset: int = 0, path: tuple = ()):
    """(path, start, end) of every free-text string of a YAML text, as character offsets."""
    def walk(node, path):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value not in NOT_TEXT:
                    yield from walk(value, (*path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                yield from walk(value, (*path, index))
        elif node.tag == "tag:yaml.org,2002:str" and node.value:
            yield path, offset + node.start_mark.index, offset + node.end_mark.index
    yield from walk(yaml.compose(text, Loader=yaml.SafeLoader), path)


def _fields(name: str) -> list:
    text = PRISTINE[name].decode("utf-8")
    if name.startswith("content/"):
        block = re.match(r"---\n(.*?\n)---\n", text, re.S)
        return list(text_fields(block.group(1), 4)) if block else []
    # The report's own Arabic is verbatim, checked against the source: a payload there is refused.
    return [f for f in text_fields(text) if not (name == "data/report.yaml" and f[0][-1] == "ar"
                                                 and "sentences" in f[0] and "notes" not in f[0])]


FIELDS = {name: _fields(name) for name in FILES if name.endswith((".yaml", ".md"))}


@st.composite
def injections(draw):
    """A payload put into one free-text field of one data kind, or into one page's description,
    at its start, its end or in its place; aimed at the payload."""
    target = draw(st.sampled_from(sorted(set(TARGETS) - {"boundaries", "source", "page"})))
    name = draw(st.sampled_from(TARGETS[target]))
    path, start, end = draw(st.sampled_from(FIELDS[name]))
    payload = draw(st.sampled_from(PAYLOADS))
    text = PRISTINE[name].decode("utf-8")
    old = yaml.safe_load(text[start:end])
    how = draw(st.sampled_from(["after", "before", "instead"]))
    new = {"after": f"{old} {payload}", "before": f"{payload} {old}", "instead": payload}[how]
    data = text[:start] + json.dumps(new, ensure_ascii=False) + text[end:]
    return Probe(name, data.encode("utf-8"), f"{payload!r} {how} {'.'.join(map(str, path))}", payload)


# ---------------------------------------------------------------- checks
def located_problems(project: Path, what: str, problems: list) -> list[re.Match]:
    """Every problem line has the located shape and points inside an author's file."""
    found = []
    for problem in problems:
        line = str(problem)
        match = LOCATED.match(line)
        assert match, f"{what}: unlocated message {line!r}"
        file = project / match.group(1)
        if file.is_file():
            count = file.read_bytes().count(b"\n") + 1
            assert 1 <= int(match.group(2)) <= count + 1, f"{what}: line out of the file: {line!r}"
        found.append(match)
    return found


def unsafe_markup(soup, clean_tags: set[str], clean_comments: int = 0) -> list[str]:
    """What hostile text made of a parsed page: an element the clean page does not have, an
    event handler, a script, a link to javascript: or to the payloads' host, a comment."""
    from bs4 import Comment
    found = []
    for tag in soup.find_all(True):
        if tag.name not in clean_tags and tag.name != "bdi":
            found.append(str(tag)[:200])
        for attribute, value in tag.attrs.items():
            values = value if isinstance(value, list) else [value]
            if attribute.startswith("on") or "xss" in attribute or (attribute == "class" and any("xss" in v for v in values)):
                found.append(str(tag)[:200])
            if attribute in ("href", "src", "srcset", "action", "formaction", "data", "xlink:href") and any(
                    urlsplit(v.strip()).scheme.lower() in ("javascript", "data", "vbscript") or EVIL_HOST in v
                    for v in values):
                found.append(str(tag)[:200])
        if tag.name in ("em", "strong", "code") and "xss" in tag.get_text():
            found.append(str(tag)[:200])
        if tag.name == "script" and tag.get("type") == "application/ld+json":
            # Structured data quotes the data's text, payloads included, as JSON strings: inert
            # while the element still holds one whole JSON document (a payload that closed the
            # element would leave broken JSON, and its markup would be found as elements above).
            try:
                json.loads(tag.string or "")
            except ValueError:
                found.append(str(tag)[:200])
        elif tag.name == "script" and re.search(r"__xss|alert\(", tag.string or ""):
            found.append(str(tag)[:200])
    if len(soup.find_all(string=lambda s: isinstance(s, Comment))) > clean_comments:
        found.append("a comment the clean page does not have")
    return found


def markdown_converter():
    """Python-Markdown set up as mkdocs.yml sets it up for MkDocs."""
    import markdown

    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        name, option = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        options[name] = option or {}
    return markdown.Markdown(extensions=names, extension_configs=options)


def profile(examples: int, small: int):
    """Hypothesis settings for `examples` cases: a small run (CI's) is deterministic, so that a
    red CI can be rerun as it was; a large one draws new cases every time."""
    return settings(max_examples=examples, deadline=None, database=None, derandomize=examples <= small,
                    suppress_health_check=list(HealthCheck))


def requested(config, option: str) -> int | None:
    """The option's value when the run asks for it (`--fuzz-cases 1000`); None in the default
    suite, which runs a short sample instead of the option's default."""
    args = [*config.invocation_params.args, *shlex.split(os.environ.get("PYTEST_ADDOPTS", ""))]
    if any(arg == option or arg.startswith(option + "=") for arg in args):
        return config.getoption(option)
    return None
