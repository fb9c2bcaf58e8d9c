"""The diff for people (Markdown) and its JSON Schema for tools."""

from __future__ import annotations

import json
from typing import Any

MAX_VALUE = 120  # characters of a value shown in Markdown; the JSON has it whole


def _short(value: Any) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = " ".join(text.split())
    text = text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"
    return "`" + text.replace("`", "'") + "`"


def summary(diff: dict[str, Any]) -> str:
    """One line: '2 events changed, 1 source added; 1 new disagreement; 5 pages'."""
    counts: dict[tuple[str, str], int] = {}
    for entry in diff["items"]:
        key = (entry["change"], entry["kind"])
        counts[key] = counts.get(key, 0) + 1
    parts = [f"{n} {kind if n != 1 else _one(kind)} {change}" for (change, kind), n in sorted(counts.items())]
    line = ", ".join(parts) or "no change to the data"
    new, gone = len(diff["disagreements"]["new"]), len(diff["disagreements"]["resolved"])
    if new or gone:
        line += f"; {new} new and {gone} resolved disagreement{'s' if new + gone != 1 else ''}"
    return line + f"; {len(diff['pages'])} page{'s' if len(diff['pages']) != 1 else ''} change"


def _one(kind: str) -> str:
    return {"people": "person", "parties": "party", "battle": "battle"}.get(kind, kind.removesuffix("s"))


def markdown(diff: dict[str, Any]) -> str:
    """The whole diff as Markdown, for a pull request's summary."""
    out = [f"## Changes to the record: {diff['base']} → {diff['head']}", "", summary(diff) + ".", ""]
    for side in ("base", "head"):
        if diff["errors"][side]:
            out += [f"> {side} has {diff['errors'][side]} validation errors; only its valid items are compared.", ""]
    if diff["items"]:
        out += ["### Items", ""]
    for entry in diff["items"]:
        out.append(f"- **{entry['change']}** {_one(entry['kind'])} `{entry['id']}` ({entry['file']}:{entry['line']})")
        for f in entry.get("fields", []):
            out.append(f"  - {f['what']} `{f['path']}` ({f['file']}:{f['line']}): {_short(f['old'])} → {_short(f['new'])}")
    for state in ("new", "resolved"):
        rows = diff["disagreements"][state]
        if rows:
            out += ["", f"### {state.capitalize()} disagreements", ""]
            out += [f"- `{d['id']}` `{d['field']}` ({d['file']}:{d['line']}): {', '.join(_short(v) for v in d['values'])}" for d in rows]
    if diff["pages"]:
        out += ["", "### Pages whose output changes", ""]
        for page in diff["pages"]:
            because = f"shows {', '.join(f'`{i}`' for i in page['ids'])}" if page["ids"] else ""
            edited = "" if page["change"] == "shows" else f"page {page['change']}"
            out.append(f"- {page['page']}: {'; '.join(x for x in (edited, because) if x)}")
    return "\n".join(out) + "\n"


_VALUE: dict[str, Any] = {"description": "A value as JSON (a string, number, list or mapping), or null where absent"}
_WHERE = {"file": {"type": "string"}, "line": {"type": "integer", "minimum": 0}}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Semantic diff of the record (python -m macros.diff --format json)",
    "type": "object",
    "required": ["base", "head", "errors", "items", "disagreements", "pages"],
    "additionalProperties": False,
    "properties": {
        "base": {"type": "string"}, "head": {"type": "string"},
        "errors": {"type": "object", "required": ["base", "head"], "additionalProperties": False,
                   "properties": {"base": {"type": "integer"}, "head": {"type": "integer"}}},
        "items": {"type": "array", "items": {
            "type": "object", "required": ["change", "kind", "id", "file", "line", "old", "new"], "additionalProperties": False,
            "properties": {
                "change": {"enum": ["added", "removed", "changed"]}, "kind": {"type": "string"}, "id": {"type": "string"},
                **_WHERE, "old": _VALUE, "new": _VALUE,
                "fields": {"type": "array", "items": {
                    "type": "object", "required": ["what", "path", "file", "line", "old", "new"], "additionalProperties": False,
                    "properties": {"what": {"enum": ["claim-added", "claim-removed", "value", "claimant", "date", "control", "sources", "field"]},
                                   "path": {"type": "string"}, **_WHERE, "old": _VALUE, "new": _VALUE}}},
            }}},
        "disagreements": {"type": "object", "required": ["new", "resolved"], "additionalProperties": False,
                          "properties": {state: {"type": "array", "items": {
                              "type": "object", "required": ["id", "field", "file", "line", "values"], "additionalProperties": False,
                              "properties": {"id": {"type": "string"}, "field": {"type": "string"}, **_WHERE,
                                             "values": {"type": "array", "items": {"type": "string"}}}}}
                                         for state in ("new", "resolved")}},
        "pages": {"type": "array", "items": {
            "type": "object", "required": ["page", "url", "change", "ids"], "additionalProperties": False,
            "properties": {"page": {"type": "string"}, "url": {"type": "string"},
                           "change": {"enum": ["added", "removed", "edited", "shows"]},
                           "ids": {"type": "array", "items": {"type": "string"}}}}},
    },
}
