"""The strict YAML loader: strings stay strings, marks are right, YAML's risky features are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import loader
from macros.loader import MarkedDict, MarkedList, load_file, load_text


@pytest.mark.parametrize("scalar", ["no", "yes", "on", "off", "true", "False", "3.10", "0x10", "1e3", "012", ".inf", "2024-12-01", "12:30", "+1"])
def test_plain_scalars_stay_strings(scalar: str) -> None:
    data, errors = load_text(f"value: {scalar}\n", "f.yaml")
    assert errors == []
    assert data["value"] == scalar
    assert type(data["value"]) is str


@pytest.mark.parametrize("text", ["value: ~\n", "value: null\n", "value:\n"])
def test_null_forms_are_none(text: str) -> None:
    assert load_text(text, "f.yaml") == ({"value": None}, [])


def test_marks_are_one_based_lines_and_columns() -> None:
    text = "units:\n  - id: a\n    name: A\n  - id: b\n    tags: [x, yy]\n"
    data, errors = load_text(text, "f.yaml")
    assert errors == []
    assert isinstance(data, MarkedDict) and isinstance(data["units"], MarkedList)
    assert (data.key_marks["units"].line, data.key_marks["units"].column) == (1, 1)
    items = data["units"]
    assert [(m.line, m.column) for m in items.item_marks] == [(2, 5), (4, 5)]
    assert (items[0].key_marks["name"].line, items[0].key_marks["name"].column) == (3, 5)
    tags = items[1]["tags"]
    assert [(m.line, m.column) for m in tags.item_marks] == [(5, 12), (5, 15)]


def _only_error(text: str) -> tuple[int, int, str, str]:
    data, errors = load_text(text, "f.yaml")
    assert data is None and len(errors) == 1
    e = errors[0]
    return e.line, e.column, e.path, e.message


def test_duplicate_key_is_refused_with_both_lines() -> None:
    line, col, path, message = _only_error("a:\n  - b: 1\n    c: 2\n    b: 3\n")
    assert (line, col, path) == (4, 5, "a[0].b")
    assert message == "duplicate key 'b' (first set on line 2); keep one"


def test_anchor_and_alias_are_refused() -> None:
    assert _only_error("a: &x [1]\nb: *x\n")[:3] == (1, 4, "a")
    # An alias to an undefined anchor is a syntax error, not a crash.
    assert "alias" in _only_error("a: *nowhere\n")[3]


def test_alias_bomb_is_refused_without_expansion() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 30)]
    line, _col, path, message = _only_error("\n".join(lines) + "\n")
    assert (line, path) == (1, "a0") and "anchor (&a0)" in message


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system [echo]\n",
    "a: !!python/object:os.system {}\n",
    "a: !!python/name:os.system ''\n",
    "a: !!int 3\n",
    "a: !custom x\n",
    "a: !!set {x, y}\n",
])
def test_explicit_tags_are_refused(text: str) -> None:
    line, col, path, message = _only_error(text)
    assert (line, col, path) == (1, 4, "a")
    assert message.startswith("explicit YAML tag") and message.endswith("is not allowed; remove it")


def test_str_tag_is_harmless_and_allowed() -> None:
    assert load_text("a: !!str 3\n", "f.yaml") == ({"a": "3"}, [])


def test_merge_key_is_refused_but_a_quoted_key_is_just_a_key() -> None:
    assert _only_error("a:\n  <<: {b: c}\n")[3].startswith("YAML merge keys (<<) are not allowed")
    assert load_text("a:\n  '<<': x\n", "f.yaml") == ({"a": {"<<": "x"}}, [])


@pytest.mark.parametrize("text", ["a:\n  - " + "[" * 100_000 + "\n", "- " * 50_000 + "x\n", "{a: " * 50_000 + "\n"])
def test_deep_nesting_is_refused_without_crashing(text: str) -> None:
    assert "nested deeper than 64 levels" in _only_error(text)[3]


def test_tab_indentation_and_second_document() -> None:
    assert _only_error("a:\n\t- b\n")[:2] == (2, 1)
    assert "tab" in _only_error("a:\n\t- b\n")[3]
    assert _only_error("a: 1\n---\nb: 2\n")[3] == "a second YAML document (---) in the file; keep one document per file"


def test_parsed_text_is_cached_by_content_and_file() -> None:
    text = "cached: value\n"
    first = load_text(text, "one.yaml")
    assert load_text(text, "one.yaml") is first
    assert load_text(text, "two.yaml") is not first
    assert load_text(text + "# edit\n", "one.yaml") is not first
    assert any(key.endswith("one.yaml") for key in loader._cache)


def _file(tmp_path: Path, content: bytes) -> tuple[object, list]:
    path = tmp_path / "units.yaml"
    path.write_bytes(content)
    return load_file(path, "data/units.yaml")


def test_file_encoding_problems(tmp_path: Path) -> None:
    assert [str(e) for e in _file(tmp_path, b"\xef\xbb\xbfunits: []\n")[1]] == [
        "data/units.yaml:1:1: file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"]
    # The column counts characters, not bytes: two-byte 'é' before the bad byte is one column.
    assert [str(e) for e in _file(tmp_path, "units:\n  - é".encode() + b"\xff\n")[1]] == [
        "data/units.yaml:2:6: not UTF-8 (byte 0xff); save the file as UTF-8"]
    assert [str(e) for e in _file(tmp_path, b"units:\n  - a\x00\n")[1]] == [
        "data/units.yaml:2:1: a NUL character; save the file as plain UTF-8 text"]
    assert [str(e) for e in _file(tmp_path, b"  \n\n")[1]] == [
        "data/units.yaml:1:1: file is empty; add its top-level key or delete the file"]


def test_file_size_limit(tmp_path: Path) -> None:
    data, errors = _file(tmp_path, b"units:\n" + b"#" * loader.MAX_BYTES)
    assert data is None
    assert errors[0].message.startswith(f"file is {loader.MAX_BYTES + 7:,} bytes, over the 8 MiB limit")
