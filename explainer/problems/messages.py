"""Turn pydantic's validation errors into sentences an author can act on.

pydantic speaks of types and constraints; authors need to hear what is wrong with their
text and what to write instead.
"""
from __future__ import annotations

from typing import Any

LANGUAGE_NAMES = {"en": "English", "ar": "Arabic"}


def describe(error: dict[str, Any], field_name: str) -> str:
    """One message for one pydantic error dict: what was expected, what was found, what to do."""
    kind = error["type"]
    found = _show(error.get("input"))
    if kind == "missing":
        what = f"{LANGUAGE_NAMES[field_name]} text" if field_name in LANGUAGE_NAMES else f"field '{field_name}'"
        return f"missing {what}; add '{field_name}:' here"
    if kind == "extra_forbidden":
        return f"unknown field '{field_name}'; remove it or correct its spelling"
    if kind in ("string_type", "str_type"):
        return f"expected text, found {found}; write it as text (quote it if needed)"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {found}"
    if kind in ("float_type", "float_parsing"):
        return f"expected a number, found {found}"
    if kind in ("bool_type", "bool_parsing"):
        return f"expected true or false, found {found}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"expected a date written YYYY-MM-DD, found {found}"
    if kind in ("list_type", "tuple_type"):
        return f"expected a list ('- ' items), found {found}"
    if kind == "model_type" and error.get("ctx", {}).get("class_name") == "Text" and isinstance(error.get("input"), str):
        # One string where both languages are wanted (a field that once took one, like a source's 'via').
        return f"expected the text in both languages, found {found}; write it on an 'en:' line and an 'ar:' line under this field"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected a block of 'key: value' lines, found {found}"
    if kind == "too_short":
        return "is empty; add at least one item"
    if kind == "string_too_short":
        return "is empty; write the text"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"is {len(str(error.get('input')))} characters long, more than the {limit} allowed; shorten it"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern.startswith("^data/"):
            return f"found {found}; give the path of a .txt file under data/, like 'data/source/article-ar.txt'"
        if "a-z0-9" in pattern:
            return f"found {found}; ids are lower-case letters, digits and single hyphens, like 'busra-al-sham'"
        if "0-9a-f" in pattern:
            return f"found {found}; write the 64 lower-case hex digits of the SHA-256"
        return f"found {found}; write a two-letter language code such as 'en' or 'ar'"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"found {found}; use one of {expected}"
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        expected = error.get("ctx", {}).get("expected_tags", "")
        return f"'kind' is {found}; use one of {expected}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{error['msg'].lower()}, found {found}"
    if kind == "value_error":
        message = error["msg"].removeprefix("Value error, ")
        return message if isinstance(error.get("input"), dict) else f"{message}, found {found}"
    return f"{error['msg']}, found {found}"


def _show(value: Any) -> str:
    """A short, readable rendering of what the author wrote."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    text = repr(str(value)) if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
