"""The YAML loader (explainer/data_in/load.py) builds its trees from libyaml's events, for
speed; ruamel.yaml's round-trip loader is the reference it must match: the same values of
the same types, and the same line and column for every node, since every error message an
author reads is placed with them."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from explainer.data_in.load import load_yaml
from explainer.problems.errors import Problem

ROOT = Path(__file__).resolve().parents[1]
PLAIN = (str, int, float, bool, type(None), datetime.date)


def ours(tmp_path: Path, text: str):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "x.yaml").write_text(text, encoding="utf-8")
    return load_yaml(tmp_path, "data/x.yaml")


def reference(text: str):
    return YAML(typ="rt").load(text)


def assert_same(mine, theirs, path=()):
    """Equal values, plain Python types (no ruamel scalar wrappers leak into the models),
    and for every collection the position of the node and of each key and value."""
    if isinstance(theirs, (CommentedMap, CommentedSeq)):
        assert type(mine) is type(theirs), path
        assert (mine.lc.line, mine.lc.col) == (theirs.lc.line, theirs.lc.col), path
        keys = list(theirs) if isinstance(theirs, CommentedMap) else range(len(theirs))
        assert list(mine if isinstance(mine, CommentedMap) else range(len(mine))) == list(keys), path
        for key in keys:
            assert mine.lc.data[key] == theirs.lc.data[key], (*path, key)
            assert_same(mine[key], theirs[key], (*path, key))
    else:
        assert isinstance(mine, PLAIN), (path, type(mine))
        assert mine == theirs and isinstance(theirs, type(mine)), (path, mine, theirs)


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "data").glob("*.yaml")))
def test_real_data_loads_as_ruamel_reads_it(name):
    loaded = load_yaml(ROOT, f"data/{name}")
    assert not isinstance(loaded, Problem), str(loaded)
    assert_same(loaded.tree, reference((ROOT / "data" / name).read_text(encoding="utf-8-sig")))


# YAML 1.1 booleans (no, yes, on, off, y, n) stay text under YAML 1.2, as authors of Arabic
# and English prose expect; dates, decimal numbers, true/false and the nulls are typed.
AGREED = ["no", "yes", "on", "off", "y", "n", "No", "YES", "true", "True", "FALSE", "tRue", "null", "~",
          "Null", "0", "7", "-1", "+1", "007", "1.5", ".5", "1.", "1e3", "-2.5E-3", "2018-07-04", "2018-7-4",
          "'2018-07-04'", "\"12\"", "12:30", "a: b", "text with: colon"]


@pytest.mark.parametrize("scalar", AGREED)
def test_scalar_types_agree_with_ruamel(tmp_path, scalar):
    text = f"value: {scalar}\n" if ": " not in scalar else f"value: '{scalar}'\n"
    assert_same(ours(tmp_path, text).tree, reference(text))


# Where ruamel reads a number or a timestamp, data files mean text (no field takes a hex
# number, an infinity or a time of day): these stay exactly as written.
@pytest.mark.parametrize("scalar", ["0x1F", "0o17", "0b101", "1_000", ".inf", "-.inf", ".nan", "2018-07-04T10:00:00"])
def test_numbers_beyond_decimal_and_timestamps_stay_text(tmp_path, scalar):
    assert ours(tmp_path, f"value: {scalar}\n").tree["value"] == scalar


def test_duplicate_key_is_an_error_at_the_second_key(tmp_path):
    problem = ours(tmp_path, "terms:\n  - id: a\n    term: x\n    id: b\n")
    assert isinstance(problem, Problem)
    assert str(problem) == "data/x.yaml:4:5: duplicate key 'id' (first on line 2); remove one of them"


# Broken files: the error is placed where ruamel.yaml places it.
BROKEN = {
    "unclosed flow list": "a:\n  b: [1, 2\n  c: 3\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "unclosed quote": 'a: "text\nb: 1\n',
    "tab indentation": "a:\n\tb: 1\n",
    "colon in a plain value": "a: b: c\n",
    "list item after a mapping": "a: 1\n- b\n",
    "key without a colon": "- a: 1\n  b\n",
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_syntax_errors_are_placed_where_ruamel_places_them(tmp_path, name):
    with pytest.raises(MarkedYAMLError) as expected:
        reference(BROKEN[name])
    mark = expected.value.problem_mark
    problem = ours(tmp_path, BROKEN[name])
    assert isinstance(problem, Problem)
    assert (problem.line, problem.column) == (mark.line + 1, mark.column + 1)
    assert str(problem).startswith(f"data/x.yaml:{mark.line + 1}:{mark.column + 1}: invalid YAML: ")
