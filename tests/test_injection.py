"""No data can make markup: every free-text field of every data file of the real publication
gets hostile payloads, the site is built, and the HTML (parsed, and in Chromium's DOM) must
hold no element, attribute or link that the payloads ask for, while the payloads' text is
shown as text. URL fields accept only inert http(s) addresses."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Comment
from conftest import make_project, mkdocs_build, once_per_run
from fuzzing import EVIL_HOST, MARKUP_PAYLOADS, text_fields, unsafe_markup
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from explainer.__main__ import main as explainer_main
from explainer.data_in.dataset import load_dataset
from explainer.problems.errors import AuthorErrors

# Each payload aims at one way Markdown or HTML could turn text into markup. They mark what
# they would create with "xss", so that any element or attribute they made can be found.
PAYLOADS = MARKUP_PAYLOADS
# Fields whose values are plainly not free text (ids, references, codes; addresses are tested
# apart below). Any other string the schema refuses with a payload is found by trial.
NOT_TEXT = {"id", "cite", "coordinates_cite", "url", "language", "kind", "role", "file", "sha256",
            "followed_by", "sites"}  # sites: host names and publishers' names, a table no page shows


def _text_leaves(tree, path=()):
    """(container, key, path) of every free-text string in a YAML tree."""
    if isinstance(tree, CommentedMap):
        for key, value in tree.items():
            if key in NOT_TEXT:
                continue
            if isinstance(value, str):
                yield tree, key, (*path, key)
            else:
                yield from _text_leaves(value, (*path, key))
    elif isinstance(tree, CommentedSeq):
        for index, value in enumerate(tree):
            if isinstance(value, str):
                yield tree, index, (*path, index)
            else:
                yield from _text_leaves(value, (*path, index))


def _poison(project: Path) -> int:
    """Append a payload to every free-text value of every data file; return how many. A value
    the schema refuses with the payload (an id or a code the list above missed) is put back,
    found by the field its problem names, so that the build gets as far as the pages."""
    from explainer.data_in.load import load_yaml
    from explainer.problems.locate import format_field
    trees, poisoned = {}, {}
    for file in sorted(f for f in (project / "data").rglob("*.yaml") if f.parent.name != "schema"):  # every report's
        relative = file.relative_to(project).as_posix()
        trees[relative] = tree = load_yaml(project, relative).tree
        for number, (container, key, path) in enumerate(_text_leaves(tree)):
            if relative.endswith("report.yaml") and path[-1] == "ar" and "sentences" in path and "notes" not in path:
                continue  # the report's own Arabic: verbatim, checked against the source
            poisoned[(relative, format_field(path))] = (container, key, container[key])
            container[key] = f"{container[key]} {PAYLOADS[number % len(PAYLOADS)]}"
    for _ in range(5):
        for relative, tree in trees.items():
            (project / relative).write_text(yaml.safe_dump(_plain(tree), allow_unicode=True, sort_keys=False,
                                                           width=10_000), encoding="utf-8")
        try:
            load_dataset(project)
            break
        except AuthorErrors as errors:
            for problem in errors.problems:
                container, key, original = poisoned.pop((problem.path, problem.field), (None, None, None))
                if container is not None:
                    container[key] = original
    return len(poisoned) + _poison_descriptions(project)


def _poison_descriptions(project: Path) -> int:
    """Append a payload to the description in every page's front matter; return how many."""
    pages = sorted((project / "content").rglob("*.md"))  # a further report's pages too
    for number, page in enumerate(pages):
        text = page.read_text(encoding="utf-8")
        block = text[4:text.index("\n---\n", 4) + 1]
        (_, start, end), = text_fields(block, 4)
        value = f"{yaml.safe_load(text[start:end])} {PAYLOADS[number % len(PAYLOADS)]}"
        page.write_text(text[:start] + json.dumps(value, ensure_ascii=False) + text[end:], encoding="utf-8")
    return len(pages)


def _plain(tree):
    if isinstance(tree, dict):
        return {key: _plain(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [_plain(value) for value in tree]
    return tree


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    """The real publication poisoned and built, once for the run (the tests only read it)."""
    def build(folder: Path) -> None:
        project = make_project(folder / "project")
        poisoned = _poison(project)
        assert poisoned > 900, poisoned  # 986 free-text values and 20 descriptions today
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return once_per_run(tmp_path_factory, "poisoned", build) / "project" / "site"


def _pages(site: Path):
    for file in sorted(site.rglob("*.html")):
        yield file.relative_to(site).as_posix(), BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def _is_comment(text) -> bool:
    return isinstance(text, Comment)


def test_no_payload_becomes_markup(poisoned_site, real_site):
    clean = {name: ({tag.name for tag in soup.find_all(True)}, len(soup.find_all(string=_is_comment)))
             for name, soup in _pages(real_site)}
    shown = 0
    for name, soup in _pages(poisoned_site):
        assert not unsafe_markup(soup, *clean[name]), (name, unsafe_markup(soup, *clean[name]))
        if not name.endswith("404.html"):  # the pages' descriptions hold their payload as text
            assert "xss" in soup.find("meta", attrs={"name": "description"})["content"], name
        text = soup.get_text()
        shown += text.count("[xss](javascript:window.__xss=1)") + text.count("{{ 7*7 }} *xss-em*")
    # The payloads are on the pages as plain text, not dropped.
    assert shown > 200, shown


def test_no_payload_runs_in_chromium(poisoned_site, page):
    page.route("**/*", lambda route: route.abort() if EVIL_HOST in route.request.url else route.continue_())
    for name in ("sources", "report", "glossary", "index", "ar/actors", "ar/timeline", "ar/places"):
        page.goto((poisoned_site.resolve() / f"{name}.html").as_uri())
        found = page.evaluate("""() => {
            const hits = [];
            for (const el of document.querySelectorAll('*')) {
                for (const a of el.attributes) {
                    if (a.name.startsWith('on') || a.name.includes('xss')) hits.push(el.outerHTML.slice(0, 120));
                    if (['href', 'src'].includes(a.name) && /^\\s*javascript:/i.test(a.value)) hits.push(a.value);
                }
            }
            for (const el of document.querySelectorAll('a, area')) {
                el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
            }
            return {hits, xss: window.__xss || null};
        }""")
        assert found == {"hits": [], "xss": None}, (name, found)


def test_a_url_with_markdown_in_it_stays_one_inert_link(mini):
    # The mini fixture: one source, one URL, one sources page (the real site's build cost 10 s).
    project = mini
    sources = project / "data/sources.yaml"
    text = sources.read_text(encoding="utf-8")
    first = re.search(r"^    url: (.*)$", text, re.M)
    tricky = "https://x.example/![onmouseover=alert(1)//](https://evil.example/i.png)?a=[b](c)&d=*e*"
    copy = '\n    via: {en: "a test copy", ar: "نسخة للاختبار"}'  # x.example is no publisher's listed site
    sources.write_text(text[:first.start(1)] + f'"{tricky}"' + copy + text[first.end(1):], encoding="utf-8")
    assert mkdocs_build(project).returncode == 0
    soup = BeautifulSoup((project / "site/sources.html").read_text(encoding="utf-8"), "html.parser")
    entry = soup.select_one("ol.sources li")
    links = [a for a in entry.select("a") if a.find_parent(class_="appears-in") is None]  # not where it is cited
    assert [a["href"] for a in links] == [tricky]
    assert not entry.select("img") and not [a for t in entry.find_all(True) for a in t.attrs if a.startswith("on")]


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>alert(1)</script>",
    "https://x.example/\"onmouseover=\"alert(1)", "https://x.example/<script>", "https://x.example/a b",
    "https:///no-host", "//x.example/protocol-relative", "https://x.example/\u00e9t\u00e9",
    "https://x.example/`code`", "https://x.example/{attr}", "ftp://x.example/file",
])
def test_unsafe_urls_are_refused_with_a_located_error(mini, url, capsys):
    sources = mini / "data/sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("url: https://example.org/wire-one", f"url: {yaml.safe_dump(url).splitlines()[0]}"),
                       encoding="utf-8")
    assert explainer_main(["check", "--quick", str(mini)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("data/sources.yaml:7:10: sources[0].url: must be an http(s) URL made of URL "
                                "characters only"), errors


def test_every_data_kind_has_free_text_that_was_poisoned(poisoned_site):
    # The poisoning above reaches every data file: a kind without free text would go untested.
    project = poisoned_site.parent  # poisoned once for the run (the build leaves data/ as it was)
    try:
        data = load_dataset(project)
    except AuthorErrors as errors:  # pragma: no cover - the message is the point
        pytest.fail(str(errors))
    for kind in ("event", "report", "claims", "roadmap", "glossary", "actors", "places", "map", "timeline", "sources",
                 "names"):
        dumped = repr(data.models[kind].model_dump())
        assert "javascript:window.__xss=1" in dumped or "window.__xss=1" in dumped, kind
