"""Compare two snapshots: what the record says differently, item by item and claim by claim.

Claims are matched with the model's own rule (`group_by_statement`): two claims stating the same
thing are one claim, changed or not; a claim whose statement differs is removed and added (or,
alone in its field, a changed value). Everything returned is plain JSON-ready data.
"""

from __future__ import annotations

from typing import Any

from ..model import KINDS
from ..model.claim import group_by_statement
from ..walk import claim_fields
from .snapshot import Item, Snapshot, mark_at

Path_ = tuple[str | int, ...]
DATE_FIELDS = {"date", "end", "start", "as_of"}
NAMING = {"name", "title", "aliases", "claim_label"}  # what a link to an item shows


def dotted(path: Path_) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))


def what_changed(path: Path_) -> str:
    """The kind of a changed field, for people: a claimant, a date, control, a citation, a value."""
    names = [p for p in path if isinstance(p, str)]
    if "claimed_by" in names:
        return "claimant"
    if path and path[0] == "control":
        return "control"
    if names and names[-1] in DATE_FIELDS:
        return "date"
    if "sources" in names:
        return "sources"
    if names and names[-1] in ("value", "ref"):
        return "value"
    return "field"


def _get(tree: Any, path: Path_) -> Any:
    """The value at `path` in a dump or a model, or None."""
    for part in path:
        try:
            tree = tree[part] if isinstance(tree, dict | list) else getattr(tree, str(part))
        except (KeyError, IndexError, TypeError, AttributeError):
            return None
    return tree


def _pos(seq: list[Any], obj: Any) -> int:
    return next(i for i, x in enumerate(seq) if x is obj)


def _leaves(tree: Any, path: Path_, keep: set[Path_], skip: set[Path_], out: dict[Path_, Any]) -> None:
    """Flatten a dump; lists are leaves unless a claim field lies below them (then by index)."""
    if path in skip:
        return
    if isinstance(tree, dict):
        for key, value in tree.items():
            _leaves(value, (*path, key), keep, skip, out)
    elif isinstance(tree, list) and any(k[: len(path)] == path and len(k) > len(path) for k in keep):
        for position, value in enumerate(tree):
            _leaves(value, (*path, position), keep, skip, out)
    else:
        out[path] = tree


def _field(kind: str, path: Path_, item: Item, old: Any, new: Any) -> dict[str, Any]:
    return {"what": kind, "path": dotted(path), "file": item.file, "line": mark_at(item.raw, path) or item.line,
            "old": old, "new": new}


def _claim_changes(old: Item, new: Item, loc: Path_) -> list[dict[str, Any]]:
    olds = _get(old.model, loc) or []
    news = _get(new.model, loc) or []
    dumps = {id(c): d for cs, ds in ((olds, _get(old.dump, loc) or []), (news, _get(new.dump, loc) or [])) for c, d in zip(cs, ds, strict=True)}
    removed, added, out = [], [], []
    for group in group_by_statement([*olds, *news]):
        before = [c for c in group if any(c is o for o in olds)]
        after = [c for c in group if any(c is n for n in news)]
        for position, claim in enumerate(after):
            if position >= len(before):
                added.append((_pos(news, claim), claim))
                continue
            was, now = dumps[id(before[position])], dumps[id(claim)]
            here = (*loc, _pos(news, claim))
            for key in sorted(set(was) | set(now)):
                if was.get(key) != now.get(key):
                    out.append(_field(what_changed((*here, key)), (*here, key), new, was.get(key), now.get(key)))
        removed += [(_pos(olds, c), c) for c in before[len(after):]]
    if len(removed) == 1 and len(added) == 1:  # one claim restated: a changed value
        (_, was), (position, now) = removed[0], added[0]
        return [*out, _field("value", (*loc, position), new, dumps[id(was)], dumps[id(now)])]
    out += [_field("claim-removed", (*loc, p), new, dumps[id(c)], None) for p, c in removed]
    out += [_field("claim-added", (*loc, p), new, None, dumps[id(c)]) for p, c in added]
    return out


def item_changes(old: Item, new: Item) -> list[dict[str, Any]]:
    """Every changed field of one item, claims matched by what they state."""
    if old.dump == new.dump:
        return []
    claims = {loc for loc, _c in claim_fields(old.model)} | {loc for loc, _c in claim_fields(new.model)}
    out = []
    for loc in sorted(claims, key=str):
        if _get(old.dump, loc) != _get(new.dump, loc):
            out += _claim_changes(old, new, loc)
    was: dict[Path_, Any] = {}
    now: dict[Path_, Any] = {}
    _leaves(old.dump, (), claims, claims, was)
    _leaves(new.dump, (), claims, claims, now)
    for path in sorted(set(was) | set(now), key=str):
        if was.get(path) != now.get(path):
            out.append(_field(what_changed(path), path, new, was.get(path), now.get(path)))
    return sorted(out, key=lambda f: (f["line"], f["path"]))


def _order(item: Item) -> tuple[int, str, int, str]:
    return KINDS.index(item.kind) if item.kind in KINDS else len(KINDS), item.file, item.line, item.ident


def _entry(change: str, item: Item, fields: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    entry = {"change": change, "kind": item.kind, "id": item.ident, "file": item.file, "line": item.line,
             "old": item.dump if change == "removed" else None, "new": item.dump if change == "added" else None}
    if fields is not None:
        entry["fields"] = fields
    return entry


def _said(claim: Any) -> Any:
    """What a claim states, as a reader sees it (the model's own `text` where it has one)."""
    return getattr(claim, "text", None) or claim.value or claim.ref


def _disagreements(snap: Snapshot) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    if snap.index is None:
        return out
    for d in snap.index.disagreements:
        item = snap.items.get(d.owner.id)
        values = [str(_said(g[0])) for g in group_by_statement(d.claims)]
        out[(d.owner.id, dotted(d.path))] = {
            "id": d.owner.id, "field": dotted(d.path), "file": item.file if item else "",
            "line": mark_at(item.raw, d.path) if item else 0, "values": values,
        }
    return out


def compare(old: Snapshot, new: Snapshot) -> dict[str, Any]:
    """The semantic diff of two snapshots (see schema.py for its shape)."""
    items = []
    for ident in set(old.items) | set(new.items):
        was, now = old.items.get(ident), new.items.get(ident)
        if was is None or now is None:
            items.append((_order(now or was), _entry("added" if was is None else "removed", now or was)))
        elif fields := item_changes(was, now):
            items.append((_order(now), _entry("changed", now, fields)))
    entries = [entry for _key, entry in sorted(items, key=lambda pair: pair[0])]
    changed = {entry["id"] for entry in entries}
    renamed = {e["id"] for e in entries if e["change"] != "changed" or any(f["path"].split(".")[0].split("[")[0] in NAMING for f in e["fields"])}
    before, after = _disagreements(old), _disagreements(new)
    pages = []
    for path in sorted(set(old.pages) | set(new.pages)):
        why = sorted(changed & (old.shows.get(path, set()) | new.shows.get(path, set()))
                     | renamed & (old.names.get(path, set()) | new.names.get(path, set())))
        edited = old.pages.get(path) != new.pages.get(path)
        if edited or why:
            state = "added" if path not in old.pages else "removed" if path not in new.pages else "edited" if edited else "shows"
            pages.append({"page": path, "url": new.urls.get(path, old.urls.get(path, "")), "change": state, "ids": why})
    return {
        "base": old.label, "head": new.label,
        "errors": {"base": old.errors, "head": new.errors},
        "items": entries,
        "disagreements": {"new": [v for k, v in sorted(after.items()) if k not in before],
                          "resolved": [v for k, v in sorted(before.items()) if k not in after]},
        "pages": pages,
    }
