"""One side of a comparison: the record (data/ and docs/) in a folder, loaded by the engine's own loader.

A side that no longer validates (an old commit under a newer model) is still read: the items
that validate are compared, and the errors are counted, never raised.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..checks import check
from ..dataset import Dataset, load_dataset
from ..index import Index, build_index
from ..links import SiteMap, page_url
from ..pagecheck import check_pages
from ..walk import references

# Site-wide macros and what they show (besides the ids named in a page's macro calls).
_ALL_EVENTS = re.compile(r"\b(?:chronology\s*\(|timeline\s*\(\s*(?:\)|[a-z_]+\s*=))")
_ALL_CONTROL = re.compile(r"\b(?:control\s*\(\s*\)|control_summary\s*\()")
_ALL_SOURCES = re.compile(r"\bsources\s*\(\s*\)")
_DISAGREEMENTS = re.compile(r"\bdisagreements\s*\(")


@dataclass(frozen=True)
class Item:
    kind: str
    ident: str
    file: str
    line: int
    model: Any
    dump: dict[str, Any]
    raw: Any  # the marked YAML: where each field stands


@dataclass
class Snapshot:
    label: str
    items: dict[str, Item] = field(default_factory=dict)
    index: Index | None = None
    errors: int = 0
    pages: dict[str, str] = field(default_factory=dict)  # docs/… path -> sha256 of its bytes
    urls: dict[str, str] = field(default_factory=dict)  # docs/… path -> site URL
    shows: dict[str, set[str]] = field(default_factory=dict)  # docs/… path -> ids it shows in full
    names: dict[str, set[str]] = field(default_factory=dict)  # docs/… path -> ids it names (links to)


def load(root: Path, label: str, data_dir: Path | None = None) -> Snapshot:
    """The record under `root`: its data/ (or `data_dir`) and docs/ folders."""
    snap = Snapshot(label)
    data, errors = load_dataset(data_dir or root / "data", root)
    if data.battle is not None:
        errors += check(data)
    snap.errors = len(errors)
    _read_items(snap, data)
    if data.battle is not None:
        try:
            snap.index = build_index(data)
        except Exception:  # a side too broken to index is compared item by item only
            snap.index = None
    docs = root / "docs"
    if docs.is_dir():
        _read_pages(snap, root, docs)
    return snap


def _read_items(snap: Snapshot, data: Dataset) -> None:
    everything = [("battle", data.battle)] if data.battle is not None else []
    everything += [(kind, item) for kind, items in data.items.items() for item in items]
    for kind, item in everything:
        origin = data.origin(item)
        mark = getattr(origin.raw, "mark", None)
        dump = item.model_dump(mode="json", exclude_defaults=True)
        snap.items[item.id] = Item(kind, item.id, origin.file, mark.line if mark else 1, item, dump, origin.raw)


def _read_pages(snap: Snapshot, root: Path, docs: Path) -> None:
    index = snap.index
    for page in sorted(docs.rglob("*.md")):
        path = page.relative_to(root).as_posix()
        snap.pages[path] = hashlib.sha256(page.read_bytes()).hexdigest()
        snap.urls[path] = page_url(page.relative_to(docs))
    if index is None:
        return
    calls, _errors = check_pages(docs, root, index, prose=False)  # only the calls are kept
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    own = {url: ident for ident, url in SiteMap.scan(docs, ids, index.battle.id).pages.items()}
    named: dict[str, set[tuple[str, str]]] = {}
    refs: dict[int, list[tuple[Any, str, Any]]] = {}  # shared by the pages: many show every event
    for ident, page_calls in calls.items():
        for call in page_calls:
            named.setdefault(call.url, set()).add((call.name, ident))
    for path, url in snap.urls.items():
        text = (root / path).read_text(encoding="utf-8", errors="replace")
        here = named.get(url, set()) | ({("infobox", own[url])} if url in own else set())
        snap.shows[path], snap.names[path] = shown(index, here, text, refs)


_LISTS_EVENTS = ("timeline", "mentions")


def _control_events(index: Index, ident: str) -> list[Any]:
    """Events that change control of a site or a unit's garrison (an infobox's control history)."""
    sites = {ident, getattr(index.entities.get(ident), "garrison", None)}
    return [span.event for site in sites if site in index.control for span in index.control[site]]


def shown(index: Index, calls: set[tuple[str, str]], text: str,
          refs: dict[int, list[tuple[Any, str, Any]]] | None = None) -> tuple[set[str], set[str]]:
    """The ids whose data a page shows in full (its infoboxes and facts, the events its timelines,
    mentions and control histories list, every source it cites), and those it only names."""
    full = [index.entities[i] for name, i in calls if name in ("infobox", "fact", "cite") and i in index.entities]
    for name, ident in calls:
        if name in _LISTS_EVENTS:
            full += index.events_for(ident)
        elif name in ("infobox", "control"):
            full += _control_events(index, ident)
            if name == "control":
                full += [e for e in index.events_for(ident) if e.control]
    if _ALL_EVENTS.search(text):
        full += index.events
    if _ALL_CONTROL.search(text):
        full += [e for e in index.events if e.control]
    if _ALL_SOURCES.search(text):
        full += index.by_kind.get("sources", [])
    if _DISAGREEMENTS.search(text):
        full += [d.owner for d in index.disagreements]
    out = {item.id for item in full}
    names = {ident for _name, ident in calls} - out
    refs = {} if refs is None else refs  # each item's references, by object (alive with the index), walked once
    for item in full:  # a page shows the sources of what it shows in full, and names what that refers to
        if id(item) not in refs:
            refs[id(item)] = list(references(item))
        for _loc, target, _ref in refs[id(item)]:
            if index.kind_of.get(target) == "sources":
                out.add(target)
            elif target in index.entities:
                names.add(target)
    return out, names - out


def mark_at(raw: Any, path: tuple[str | int, ...]) -> int:
    """The line of the deepest part of `path` found in the marked YAML."""
    line = getattr(getattr(raw, "mark", None), "line", 0)
    node = raw
    for part in path:
        marks = getattr(node, "key_marks", None) if isinstance(part, str) else getattr(node, "item_marks", None)
        try:
            line = (marks[part] if marks is not None else node.mark).line
            node = node[part]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return line
