"""Walk the commits that changed the record, diffing each against its parent, with a cache.

Each diff is stored under the cache folder by commit pair (and by a hash of the engine's
code, so a changed rule is never served stale), so a build walks only new history. Without
git, or past the edge of a shallow clone, the walk stops with a note instead of failing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import revs, sides
from .compare import compare
from .report import summary

# The diffs depend on the loader, model, checks and page check as much as on this package, so the
# key covers every engine module: a changed rule anywhere is never served from a stale cache.
_ENGINE = Path(__file__).resolve().parent.parent
_CODE = hashlib.sha256(b"".join(p.relative_to(_ENGINE).as_posix().encode() + b"\0" + p.read_bytes()
                                for p in sorted(_ENGINE.rglob("*.py")))).hexdigest()[:12]
_MEMORY: dict[tuple[str, str], dict[str, Any]] = {}  # for `mkdocs serve`, which rebuilds in one process


@dataclass(frozen=True)
class Change:
    """One commit's change to the record."""

    sha: str
    date: str
    subject: str
    summary: str
    items: list[dict[str, Any]]  # change, kind, id of each item
    pages: list[str]  # docs/… paths whose output changed


@dataclass
class History:
    changes: list[Change] = field(default_factory=list)  # newest first
    note: str = ""  # why history is missing or incomplete

    def last_updated(self) -> dict[str, Change]:
        """docs/… path -> the newest change to its Markdown or to any item it shows."""
        out: dict[str, Change] = {}
        for change in sorted(self.changes, key=lambda c: (_when(c.date), c.sha)):
            for page in change.pages:
                out[page] = change
        return out


def _when(date: str) -> dt.datetime:
    return dt.datetime.fromisoformat(date)


def _cached(repo: Path, cache: Path | None, commit: revs.Commit) -> dict[str, Any]:
    key = (commit.parent or sides.EMPTY, commit.sha)
    if key in _MEMORY:
        return _MEMORY[key]
    path = cache / _CODE / f"{key[0]}-{key[1]}.json" if cache else None
    if path is not None and path.is_file():
        try:
            _MEMORY[key] = json.loads(path.read_text(encoding="utf-8"))
            return _MEMORY[key]
        except (OSError, ValueError):
            pass  # a damaged cache file is recomputed
    old = sides.from_commit(repo, commit.parent) if commit.parent else sides.empty()
    diff = compare(old, sides.from_commit(repo, commit.sha))
    brief = {"summary": summary(diff), "pages": [p["page"] for p in diff["pages"]],
             "items": [{k: e[k] for k in ("change", "kind", "id")} for e in diff["items"]]}
    _MEMORY[key] = brief
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(brief, sort_keys=True), encoding="utf-8")
        except OSError:
            pass  # a read-only checkout builds without a cache
    return brief


def _walkable(repo: Path) -> tuple[list[revs.Commit], bool]:
    """The record's commits the walk diffs, newest first, and whether a shallow clone cut them
    short (its oldest commit has no parent to diff against, though the history goes on)."""
    commits = revs.record_commits(repo)
    if revs.is_shallow(repo):
        edge = next((i for i, c in enumerate(commits) if c.parent is None), None)
        if edge is not None:
            return commits[:edge], True
    return commits, False


def walk(repo: Path, cache: Path | None = None) -> History:
    """Every commit that changed data/ or docs/, newest first, with what it changed."""
    if not revs.has_history(repo):
        return History(note="This copy has no git history, so recent changes and page dates are not shown.")
    history = History()
    try:
        commits, cut = _walkable(repo)
    except revs.GitError as error:
        return History(note=f"The git history could not be read ({error}).")
    if cut:
        history.note = "This is a shallow clone: changes before its oldest commit are not shown."
    for commit in commits:
        try:
            brief = _cached(repo, cache, commit)
        except revs.GitError:
            history.note = "Part of the git history could not be read: older changes are not shown."
            break
        history.changes.append(Change(commit.sha, commit.date, commit.subject, brief["summary"], brief["items"], brief["pages"]))
    return history


def fill(repo: Path, cache: Path, share: int, shares: int) -> int:
    """Compute and cache the diffs of one of `shares` contiguous runs of the record's commits, so
    that a cold cache can be filled by several processes at once (the walk then reads every diff
    from the cache, with the same result). Returns how many commits that share holds."""
    if not revs.has_history(repo):
        return 0
    commits, _ = _walkable(repo)
    size = -(-len(commits) // shares)
    mine = commits[share * size:(share + 1) * size]
    for commit in mine:
        try:
            _cached(repo, cache, commit)
        except revs.GitError:
            break  # the walk reports it
    return len(mine)
