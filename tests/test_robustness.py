"""Any bytes in any author's file give a clean result: the build passes, or it stops with
located problem lines and exit status 1. Never a traceback, never a hang. One case for each
class of input that once ended in a traceback or an unlocated message."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import append, edit, mkdocs_build, problems_of

from explainer.__main__ import main as explainer_main


def check(project: Path, capsys, *options: str) -> list[str]:
    """`python -m explainer check` as an author runs it; the problem lines it printed."""
    status = explainer_main(["check", *options, str(project)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert status == 1, captured.out
    lines = captured.err.splitlines()
    assert lines and lines[-1].endswith("fix them and run again") or "site build failed" in lines[-1], lines
    return [line for line in lines[:-1]]


def write(project: Path, relative: str, data: bytes) -> None:
    (project / relative).write_bytes(data)


# --- data files ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, message", [
    ("2018-02-30", "data/sources.yaml:6:11: '2018-02-30' is not a date (day is out of range for month); "
                   "write a real day as YYYY-MM-DD"),
    ("!!int abc", "data/sources.yaml:6:11: tag 'tag:yaml.org,2002:int': data files do not use YAML tags; "
                  "remove it (quote a value to make it text)"),
    ("!!float x", "data/sources.yaml:6:11: tag 'tag:yaml.org,2002:float': data files do not use YAML tags; "
                  "remove it (quote a value to make it text)"),
    ("!!bool maybe", "data/sources.yaml:6:11: tag 'tag:yaml.org,2002:bool': data files do not use YAML tags; "
                     "remove it (quote a value to make it text)"),
    ("!!str 5", "data/sources.yaml:6:11: tag 'tag:yaml.org,2002:str': data files do not use YAML tags; "
                "remove it (quote a value to make it text)"),
    ("!!set {a}", "data/sources.yaml:6:11: tag 'tag:yaml.org,2002:set': data files do not use YAML tags; "
                  "remove it (quote a value to make it text)"),
    ("&a 2018-07-05", "data/sources.yaml:6:11: anchor '&a': data files do not use anchors and aliases; "
                      "write the value out"),
])
def test_yaml_values_that_used_to_raise(mini, capsys, value, message):
    edit(mini, "data/sources.yaml", "date: 2018-07-05", f"date: {value}")
    assert check(mini, capsys, "--quick") == [message]


def test_deep_nesting_is_refused_without_recursion(mini, capsys):
    write(mini, "data/event.yaml", "".join(f"{'  ' * level}a:\n" for level in range(400)).encode())
    assert check(mini, capsys, "--quick") == [
        "data/event.yaml:17:33: nested more than 16 levels deep; data files need far fewer, check the indentation"]
    write(mini, "data/event.yaml", b"title: " + b"[" * 5000 + b"]" * 5000 + b"\n")
    assert check(mini, capsys, "--quick") == [
        "data/event.yaml:1:1007: invalid YAML: exceeded maximum nesting depth (while increasing flow level "
        "started at line 1, column 1007); fix the syntax here"]


def test_alias_bomb_is_refused(mini, capsys):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9))
    write(mini, "data/event.yaml", bomb.encode())
    assert check(mini, capsys, "--quick") == [
        "data/event.yaml:1:4: anchor '&a': data files do not use anchors and aliases; write the value out"]


def test_control_character_is_located_where_it_is(mini, capsys):
    edit(mini, "data/places.yaml", "en: A town.", "en: A to\x07wn.")
    assert check(mini, capsys, "--quick") == [
        "data/places.yaml:14:15: contains the invisible control character U+0007; delete it"]


def test_invalid_utf8_in_data_is_located(mini, capsys):
    text = (mini / "data/places.yaml").read_bytes()
    write(mini, "data/places.yaml", text.replace("البلدة".encode(), "البلدة".encode()[:5], 1))
    assert check(mini, capsys, "--quick") == [
        "data/places.yaml:5:13: not UTF-8 text (byte 0xD8 here); save the file as UTF-8"]


def test_a_byte_order_mark_is_accepted(mini, capsys):
    for relative in ("data/places.yaml", "content/en/about.md"):
        write(mini, relative, b"\xef\xbb\xbf" + (mini / relative).read_bytes())
    assert explainer_main(["check", "--quick", str(mini)]) == 0


def test_second_document_and_duplicate_key(mini, capsys):
    edit(mini, "data/places.yaml", "    latitude: 32.5", "    latitude: 32.5\n    latitude: 33.5")
    append(mini, "data/event.yaml", "---\nsecond: document\n")
    assert check(mini, capsys, "--quick") == [
        "data/event.yaml:13:1: a second YAML document ('---'); keep one document a file",
        "data/places.yaml:7:5: duplicate key 'latitude' (first on line 6); remove one of them",
    ]


def test_huge_id_and_text_are_refused(mini, capsys):
    edit(mini, "data/places.yaml", "  - id: town", "  - id: " + "t" * 1_000_000)
    edit(mini, "data/places.yaml", "en: A town.", "en: " + "A town. " * 1000)
    lines = check(mini, capsys, "--quick")
    assert lines[:2] == [
        "data/places.yaml:2:9: places[0].id: is 1000000 characters long, more than the 64 allowed; shorten it",
        "data/places.yaml:14:11: places[0].description.en: is 7999 characters long, more than the 5000 allowed; "
        "shorten it",
    ]


def test_internal_names_never_reach_a_message(mini, capsys):
    edit(mini, "data/places.yaml", "latitude: 32.5", "latitude: [1, 2]")
    assert check(mini, capsys, "--quick") == [
        "data/places.yaml:6:5: places[0].latitude: expected a number, found a list"]


# --- content pages ---------------------------------------------------------------------------

@pytest.mark.parametrize("call, message", [
    ("{{ date('2018-07-04') }}", "content/en/about.md:6:9: date('2018-07-04'): expects a date from data "
                                 "(like data.event.date), found str '2018-07-04'; a date in a page is written out as text"),
    ("{{ date(5) }}", "content/en/about.md:6:1: date(5): expects a date from data (like data.event.date), "
                      "found int 5; a date in a page is written out as text"),
    ("{{ term(5) }}", "content/en/about.md:6:1: term(5): expects an id in quotes, found int 5; "
                      "write term('an-id') with an id from data/glossary.yaml"),
    ("{{ block('nope') }}", "content/en/about.md:6:10: block('nope'): unknown section 'nope'; use one of actors, "
                            "claims, corrections, coverage, glossary, map, open_data, places, report, reports, roadmap, sources, timeline"),
    ("{{ 1/0 }}", "content/en/about.md:6:1: cannot compute this (ZeroDivisionError: division by zero); "
                  "fix the expression here"),
    ("{{ 'x' * 10**9 }}", "content/en/about.md:6:1: cannot compute this (ValueError: repeats a text or list "
                          "into more than 100,000 items); fix the expression here"),
    ("{{ range(10**9)|list }}", "content/en/about.md:6:1: cannot compute this (OverflowError: Range too big. "
                                "The sandbox blocks ranges larger than MAX_RANGE (100000).); fix the expression here"),
    ("{{ ''.__class__.__mro__ }}", "content/en/about.md:6:1: access to attribute '__class__' of 'str' object "
                                   "is unsafe.; fix the template here"),
    ("{% macro loop() %}{{ loop() }}{% endmacro %}{{ loop() }}",
     "content/en/about.md:6:1: the template calls itself without end; remove the loop"),
])
def test_wrong_expressions_in_pages_are_located(mini, capsys, call, message):
    edit(mini, "content/en/about.md", "We translate.", f"We translate.\n{call}")
    assert check(mini, capsys, "--quick") == [message]


@pytest.mark.parametrize("raw, message", [
    (b"We tr\xffanslate.", "content/en/about.md:5:6: not UTF-8 text (byte 0xFF here); save the file as UTF-8"),
    ("We translate. ب".encode()[:-1], "content/en/about.md:5:15: not UTF-8 text (byte 0xD8 here); save the file as UTF-8"),
    (b"We \x00translate.", "content/en/about.md:5:4: contains the invisible control character U+0000; delete it"),
    (b"We \x1b[31mtranslate.", "content/en/about.md:5:4: contains the invisible control character U+001B; delete it"),
    (b"We \x07translate.", "content/en/about.md:5:4: contains the invisible control character U+0007; delete it"),
])
def test_bad_bytes_in_pages_are_located(mini, capsys, raw, message):
    page = mini / "content/en/about.md"
    write(mini, "content/en/about.md", page.read_bytes().replace(b"We translate.", raw))
    assert check(mini, capsys, "--quick") == [message]


def test_a_broken_link_is_located_by_check_and_by_the_build(mini, capsys):
    edit(mini, "content/en/about.md", "We translate.", "We translate.\n\nSee [the places](places.md#nowhere).")
    expected = ("content/en/about.md:7:18: links to 'places.html#nowhere', but places.html has no anchor "
                "'#nowhere'; correct the anchor or add the id")
    lines = check(mini, capsys, "--site")
    assert expected in lines
    result = mkdocs_build(mini)
    assert result.returncode == 1
    assert expected in result.stdout + result.stderr


def test_the_build_reports_the_same_lines(mini):
    edit(mini, "data/sources.yaml", "date: 2018-07-05", "date: !!int abc")
    assert problems_of(mini) == ["data/sources.yaml:6:11: tag 'tag:yaml.org,2002:int': data files do not use "
                                 "YAML tags; remove it (quote a value to make it text)"]
