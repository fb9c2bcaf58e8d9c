"""Turn pydantic's errors into DataErrors with file, line, column and an actionable message."""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataError, format_path
from .loader import Mark, MarkedDict, MarkedList


def locate(raw: Any, loc: tuple[Any, ...]) -> tuple[Mark | None, tuple[str | int, ...]]:
    """Follow a pydantic location through marked YAML; return the deepest mark and the clean path."""
    mark: Mark | None = getattr(raw, "mark", None)
    path: list[str | int] = []
    node = raw
    for part in loc:
        if isinstance(node, MarkedDict) and isinstance(part, str) and part in node:
            mark, node = node.key_marks[part], node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and 0 <= part < len(node):
            mark, node = node.item_marks[part], node[part]
        elif isinstance(node, MarkedDict) and isinstance(part, str) and not part.startswith(("function-", "str", "int")):
            path.append(part)  # a missing key: point at its parent mapping
            node = None
            continue
        else:
            continue
        path.append(part)
    return mark, tuple(path)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def fields_at(model: type[BaseModel], path: tuple[str | int, ...]) -> list[str]:
    """The field names the model accepts at a path (for 'did you mean')."""
    current: type[BaseModel] | None = model
    for part in path:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            continue  # a free dict key (facts label): stay on the value type below
        annotation = field.annotation
        origin = typing.get_origin(annotation)
        if origin is dict or (isinstance(origin, type) and issubclass(origin, dict)):
            annotation = typing.get_args(annotation)[1]
        current = _model_in(annotation)
    return list(current.model_fields) if current else []


def suggest(word: str, choices: typing.Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


_TYPE_WORDS = {
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "list_type": "a list (- item)",
    "string_type": "a text value",
    "int_parsing": "a whole number",
    "float_parsing": "a number",
    "bool_parsing": "true or false",
}


_BOUNDS = {
    "greater_than_equal": ("of at least", "ge"),
    "less_than_equal": ("of at most", "le"),
    "greater_than": ("above", "gt"),
    "less_than": ("below", "lt"),
}


def _describe(raw: Any) -> str:
    if isinstance(raw, dict):
        return "a mapping"
    if isinstance(raw, list):
        return "a list"
    if raw is None:
        return "nothing"
    return f"'{raw}'" if len(str(raw)) <= 60 else f"'{str(raw)[:60]}…'"


def explain(error: dict[str, Any], model: type[BaseModel], path: tuple[str | int, ...]) -> str:
    """One sentence: what is wrong, what was expected, what to do."""
    kind = error["type"]
    value = error.get("input")
    last = path[-1] if path else ""
    if kind in ("missing", "too_short") and last == "sources":
        return "no source given; cite at least one source id in 'sources'"
    if kind == "missing":
        return f"missing required field '{error['loc'][-1]}'; add it"
    if kind == "extra_forbidden":
        allowed = fields_at(model, path[:-1])
        return f"unknown field '{last}'{suggest(str(last), allowed)}; expected one of: {', '.join(allowed)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ", ").split(",")]
        return f"'{value}' is not allowed{suggest(str(value), options)}; expected one of: {', '.join(options)}"
    if kind == "string_pattern_mismatch" and "a-z0-9" in str(error.get("ctx", {}).get("pattern", "")):
        return f"'{value}' is not a valid id; use lowercase letters, digits and single hyphens, like 'infantry-battalion-47'"
    if kind == "too_short":
        return f"needs at least {error.get('ctx', {}).get('min_length', 1)} item(s)"
    if kind in _TYPE_WORDS:
        return f"expected {_TYPE_WORDS[kind]}, found {_describe(value)}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    if kind == "finite_number":
        return f"{_describe(value)} is not a finite number; write a number like 12.5"
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        bound = error.get("ctx", {}).get(key)
        limit = f"; expected a number {word} {bound:g}" if isinstance(bound, int | float) else ""
        return f"{_describe(value)} is out of range{limit}"
    if kind == "too_long":
        return f"too many items ({error.get('ctx', {}).get('actual_length')}); keep at most {error.get('ctx', {}).get('max_length')}"
    if kind == "string_too_long":
        return f"text is too long; keep it under {error.get('ctx', {}).get('max_length')} characters"
    return f"{error['msg']} (found {_describe(value)})"


def validate_item(model: type[BaseModel], raw: Any, file: str, prefix: tuple[str | int, ...], at: Mark | None = None) -> tuple[Any, list[DataError]]:
    """Validate one item of a data file against its model; `at` is where the item stands."""
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors(include_url=False):
            # A rule across fields (an end before its start) names the field to point at.
            loc = (*error["loc"], *getattr(error.get("ctx", {}).get("error"), "fields", ()))
            mark, path = locate(raw, loc)
            mark = mark or at
            line, col = (mark.line, mark.column) if mark else (1, 1)
            errors.append(DataError(file, line, col, format_path(prefix + path), explain(error, model, path)))
        return None, errors


__all__ = ["locate", "suggest", "validate_item"]
