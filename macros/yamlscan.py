"""A pass over YAML parser events, run before composing when a file looks risky.

libyaml's composer recurses in C (very deep input crashes the interpreter) and keeps anchors
for aliases to reuse. Walking the flat event stream instead finds the first node nested too
deeply and the first anchor or alias, with its line, column and field path, without building
or expanding anything.
"""

from __future__ import annotations

import re

import yaml

MAX_DEPTH = 64

_BRACKETS = re.compile(r"[\[\]{}]")
_INDENT = re.compile(r"^ +", re.MULTILINE)
_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.MULTILINE)
_COMPACT = re.compile(r"(?:[-?][ \t]+){" + str(MAX_DEPTH // 2) + "}")


def looks_risky(text: str) -> bool:
    """A cheap over-estimate: True when the text may nest deeply or use anchors or aliases."""
    if _ANCHOR.search(text) or _COMPACT.search(text):
        return True
    depth = deepest = 0
    for match in _BRACKETS.finditer(text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    widest = max((len(m.group()) for m in _INDENT.finditer(text)), default=0)
    return deepest > MAX_DEPTH or widest > MAX_DEPTH


class _Frame:
    __slots__ = ("is_map", "key", "want_key")

    def __init__(self, is_map: bool) -> None:
        self.is_map = is_map
        self.key: str | int = -1
        self.want_key = True


def scan(text: str) -> tuple[int, int, tuple[str | int, ...], str] | None:
    """(line, column, path, message) of the first anchor, alias or too-deep node; None if clean.

    Raises yaml.YAMLError for malformed input, like the loader itself.
    """
    frames: list[_Frame] = []
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frames.pop()
            continue
        if not isinstance(event, yaml.NodeEvent):
            continue
        top = frames[-1] if frames else None
        if top is not None and top.is_map and top.want_key:
            top.want_key = False
            top.key = event.value if isinstance(event, yaml.ScalarEvent) else "?"
            path = tuple(f.key for f in frames[:-1])
        else:
            if top is not None and top.is_map:
                top.want_key = True
            elif top is not None:
                top.key = int(top.key) + 1
            path = tuple(f.key for f in frames)
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            return (*where, path, f"a YAML alias (*{event.anchor}) is not allowed; write the value out in full")
        if event.anchor is not None:
            return (*where, path, f"a YAML anchor (&{event.anchor}) is not allowed; write the value out in full wherever it is needed")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            frames.append(_Frame(isinstance(event, yaml.MappingStartEvent)))
            if len(frames) > MAX_DEPTH:
                return (*where, path[:2], f"nested deeper than {MAX_DEPTH} levels; flatten the structure")
    return None
