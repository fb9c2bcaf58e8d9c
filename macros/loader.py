"""Strict YAML loading: UTF-8 only, no duplicate keys, no anchors or aliases, every scalar a string.

Built on libyaml's CSafeLoader for speed. Risky files are first walked as flat parser events
(`yamlscan`), so an alias bomb is refused unexpanded; an alias that still reaches the constructor
is a node already seen, refused there. Only `null` is resolved implicitly: other scalars stay
strings until the model validates them, so `no` never becomes False nor `3.10` 3.1.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError, format_path
from .lifetime import one_shot
from .textfile import decode_utf8
from .yamlscan import MAX_DEPTH, looks_risky, scan

MAX_BYTES = 8 * 1024 * 1024
_STD = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_STD + "str", _STD + "null", _STD + "map", _STD + "seq"}


class Mark:
    """A 1-based line and column."""
    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line, self.column = line, column


class MarkedDict(dict):
    """A mapping that remembers where it and each of its keys stood."""
    mark: Mark
    key_marks: dict[str, Mark]


class MarkedList(list):
    """A sequence that remembers where it and each of its items stood."""
    mark: Mark
    item_marks: list[Mark]


def _mark(node: Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


class _Problem(Exception):
    """A refused node; the path is filled in on the way up, so success costs nothing."""

    def __init__(self, mark: Mark, message: str, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.mark, self.message, self.path = mark, message, list(path)


_NULLS = frozenset(("~", "null", "Null", "NULL", ""))


class _NullOnlyResolver(yaml.resolver.BaseResolver):
    """Resolves `null`, `~` and empty values; every other plain scalar is a string."""

    def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
        # BaseResolver's answer for this one resolver, without its lists and regex for every scalar
        if kind is ScalarNode:
            return _STD + "null" if implicit[0] and value in _NULLS else self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


class StrictLoader(CParser, yaml.constructor.SafeConstructor, _NullOnlyResolver):  # type: ignore[misc]
    """CSafeLoader with a resolver that keeps scalars as strings and a strict constructor."""

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        yaml.constructor.SafeConstructor.__init__(self)
        _NullOnlyResolver.__init__(self)
        self._seen: set[int] = set()

    def construct_document(self, node: Node) -> Any:
        return self._build(node, 0)

    def _build(self, node: Node, depth: int) -> Any:
        if id(node) in self._seen:
            raise _Problem(_mark(node), "a YAML alias reuses the value anchored here; anchors and aliases are not allowed, write the value out in full")
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Problem(_mark(node), f"nested deeper than {MAX_DEPTH} levels; flatten the structure")
        if node.tag not in _PLAIN_TAGS:
            raise _Problem(_mark(node), f"explicit YAML tag '{node.tag.replace(_STD, '!!')}' is not allowed; remove it")
        if isinstance(node, MappingNode):
            return self._build_mapping(node, depth)
        if isinstance(node, SequenceNode):
            out = MarkedList()
            for index, item in enumerate(node.value):
                try:
                    out.append(self._build(item, depth + 1))
                except _Problem as problem:
                    problem.path.insert(0, index)
                    raise
            out.mark, out.item_marks = _mark(node), [_mark(item) for item in node.value]
            return out
        return None if node.tag == _STD + "null" else node.value

    def _build_mapping(self, node: MappingNode, depth: int) -> MarkedDict:
        out = MarkedDict()
        out.mark, out.key_marks = _mark(node), {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
                raise _Problem(_mark(key_node), "a mapping key must be a plain word")
            key = key_node.value
            if key == "<<" and not key_node.style:
                raise _Problem(_mark(key_node), "YAML merge keys (<<) are not allowed; write the fields out")
            if key in out.key_marks:
                first = out.key_marks[key].line
                raise _Problem(_mark(key_node), f"duplicate key '{key}' (first set on line {first}); keep one", (key,))
            out.key_marks[key] = _mark(key_node)
            try:
                out[key] = self._build(value_node, depth + 1)
            except _Problem as problem:
                problem.path.insert(0, key)
                raise
        return out


# Parsed files by content hash, so `mkdocs serve` re-parses only edits; a one-shot build keeps none (84 MiB at 10k events).
_cache: dict[str, tuple[Any, list[DataError]]] = {}


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, file: str) -> DataError:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    bad_line = (text.splitlines()[line - 1 : line] or [""])[0]
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())]:
        return DataError(file, line, 1, "", "line is indented with a tab; YAML indentation must be spaces, so replace the tab with spaces")
    if "single document" in str(exc.context):
        return DataError(file, line, col, "", "a second YAML document (---) in the file; keep one document per file")
    return DataError(file, line, col, "", f"not valid YAML: {exc.problem or exc.context or 'unreadable'}; fix the syntax here")


def _parse(text: str, file: str) -> tuple[Any, list[DataError]]:
    if looks_risky(text):
        found = scan(text)
        if found:
            line, col, path, message = found
            return None, [DataError(file, line, col, format_path(path), message)]
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        return (None if node is None else loader.construct_document(node)), []
    except _Problem as problem:
        return None, [DataError(file, problem.mark.line, problem.mark.column, format_path(tuple(problem.path)), problem.message)]
    finally:
        loader.dispose()


def load_text(text: str, file: str) -> tuple[Any, list[DataError]]:
    """Parse YAML text; return (data, errors). Never raises for bad input."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() + file
    if key in _cache:
        return _cache[key]
    try:
        result = _parse(text, file)
    except yaml.MarkedYAMLError as exc:
        result = (None, [_syntax_error(exc, text, file)])
    except (yaml.YAMLError, ValueError) as exc:
        result = (None, [DataError(file, 1, 1, "", f"not valid YAML: {exc}")])
    except RecursionError:
        result = (None, [DataError(file, 1, 1, "", f"nested too deeply; keep under {MAX_DEPTH} levels")])
    if one_shot():
        return result
    if len(_cache) > 512:
        _cache.clear()
    _cache[key] = result
    return result


def load_file(path: Path, display: str) -> tuple[Any, list[DataError]]:
    """Read a file as strict UTF-8 and parse it; problems with the file as a whole point at 1:1."""
    try:
        raw = path.read_bytes() if path.stat().st_size <= MAX_BYTES else None
    except OSError as exc:
        return None, [DataError(display, 1, 1, "", f"cannot read the file: {exc.strerror}")]
    if raw is None:
        size, mib = path.stat().st_size, MAX_BYTES // (1024 * 1024)
        return None, [DataError(display, 1, 1, "", f"file is {size:,} bytes, over the {mib} MiB limit; split it into a folder of smaller files")]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [DataError(display, 1, 1, "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    text, error = decode_utf8(raw, display, "file")
    if error is not None:
        return None, [error]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [DataError(display, line, 1, "", "a NUL character; save the file as plain UTF-8 text")]
    if not text.strip():
        return None, [DataError(display, 1, 1, "", "file is empty; add its top-level key or delete the file")]
    return load_text(text, display)
