"""Strict YAML loading: UTF-8 only, no duplicate keys, no aliases, every scalar a string.

Built on libyaml's CSafeLoader for speed. The C parser ignores a `compose_node` override,
but an alias reaches the constructor as a node object it has already seen, so aliases are
refused at construction time without ever being expanded (an alias bomb costs nothing).
Only `null` is resolved implicitly: every other scalar stays a string until the model
validates it, so `no` never becomes False and `3.10` never becomes 3.1.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser
from yaml.constructor import ConstructorError
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import DataError

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64


class Mark:
    """A 1-based line and column."""

    __slots__ = ("column", "line")

    def __init__(self, line: int, column: int) -> None:
        self.line = line
        self.column = column


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
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.mark = _mark(node)
        self.message = message


class _NullOnlyResolver(yaml.resolver.BaseResolver):
    """Resolves `null`, `~` and empty values; every other plain scalar is a string."""


_NullOnlyResolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", yaml.resolver.re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


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
            raise _Problem(node, "a YAML alias (*name) reuses the value anchored here; anchors and aliases are not allowed, write the value out in full")
        self._seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Problem(node, f"nested deeper than {MAX_DEPTH} levels; flatten the structure")
        if isinstance(node, MappingNode):
            return self._build_mapping(node, depth)
        if isinstance(node, SequenceNode):
            out = MarkedList(self._build(item, depth + 1) for item in node.value)
            out.mark = _mark(node)
            out.item_marks = [_mark(item) for item in node.value]
            return out
        if isinstance(node, ScalarNode):
            if node.tag == "tag:yaml.org,2002:null":
                return None
            if node.tag not in ("tag:yaml.org,2002:str",):
                raise _Problem(node, f"explicit YAML tag {node.tag!r} is not allowed; remove it")
            return node.value
        raise _Problem(node, "unsupported YAML node")

    def _build_mapping(self, node: MappingNode, depth: int) -> MarkedDict:
        out = MarkedDict()
        out.mark = _mark(node)
        out.key_marks = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Problem(key_node, "YAML merge keys (<<) are not allowed; write the fields out")
            if not isinstance(key_node, ScalarNode):
                raise _Problem(key_node, "a mapping key must be a plain word")
            key = key_node.value
            if key in out.key_marks:
                first = out.key_marks[key].line
                raise _Problem(key_node, f"duplicate key '{key}' (first set on line {first}); keep one")
            out.key_marks[key] = _mark(key_node)
            out[key] = self._build(value_node, depth + 1)
        return out


# Parsed files keyed by content hash, so that `mkdocs serve` rebuilds re-parse only edits.
_cache: dict[str, tuple[Any, list[DataError]]] = {}


_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^ +", re.MULTILINE)


def _too_deep(text: str) -> int:
    """Line of the first node nested deeper than MAX_DEPTH, or 0.

    libyaml's composer recurses in C and crashes the interpreter on very deep input, so depth
    is measured before composing. A cheap over-estimate (brackets counted even inside quotes,
    indentation) lets ordinary files skip the exact scan over parser events.
    """
    naive = depth = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        naive = max(naive, depth)
    widest = max((len(m.group()) for m in _INDENT.finditer(text)), default=0)
    if naive <= MAX_DEPTH and widest <= MAX_DEPTH:
        return 0
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return 0


def load_text(text: str, file: str) -> tuple[Any, list[DataError]]:
    """Parse YAML text; return (data, errors). Never raises for bad input."""
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest() + file
    if key in _cache:
        return _cache[key]
    loader = StrictLoader(text)
    try:
        deep = _too_deep(text)
        if deep:
            message = f"nested deeper than {MAX_DEPTH} levels; flatten the structure"
            raise _Problem(yaml.ScalarNode("", "", yaml.Mark("", 0, deep - 1, 0, None, None)), message)
        node = loader.get_single_node()
        data = None if node is None else loader.construct_document(node)
        result: tuple[Any, list[DataError]] = (data, [])
    except _Problem as problem:
        result = (None, [DataError(file, problem.mark.line, problem.mark.column, "", problem.message)])
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or "invalid YAML"
        lines = text.splitlines()
        bad_line = lines[line - 1] if 0 < line <= len(lines) else ""
        hint = " (a tab character; indent with spaces)" if "\t" in bad_line[: max(col, 1)] else ""
        msg = f"not valid YAML: {what}{hint}"
        result = (None, [DataError(file, line, col, "", msg)])
    except (yaml.YAMLError, ConstructorError) as exc:
        result = (None, [DataError(file, 0, 0, "", f"not valid YAML: {exc}")])
    except RecursionError:
        result = (None, [DataError(file, 0, 0, "", f"nested too deeply; keep under {MAX_DEPTH} levels")])
    finally:
        loader.dispose()
    if len(_cache) > 512:
        _cache.clear()
    _cache[key] = result
    return result


def load_file(path: Path, display: str) -> tuple[Any, list[DataError]]:
    """Read a file as strict UTF-8 and parse it."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return None, [DataError(display, 0, 0, "", f"cannot read the file: {exc.strerror}")]
    if size > MAX_BYTES:
        mib = MAX_BYTES // (1024 * 1024)
        return None, [DataError(display, 0, 0, "", f"file is {size:,} bytes, over the {mib} MiB limit; split it into a folder of smaller files")]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [DataError(display, 1, 1, "", "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [DataError(display, line, col, "", f"not UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")]
    if "\x00" in text:
        return None, [DataError(display, 0, 0, "", "file contains a NUL character; save it as plain UTF-8 text")]
    if not text.strip():
        return None, [DataError(display, 1, 1, "", "file is empty; add its top-level key or delete the file")]
    return load_text(text, display)
