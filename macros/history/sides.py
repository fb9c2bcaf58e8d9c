"""A side of a diff, named on the command line: a git revision or a folder.

A folder holding `data/` is a project (its `docs/` are compared too); any other folder is a
data folder, whose pages are those of a `docs/` beside it. A revision is read from git into a
temporary folder. Snapshots are kept in-process by the record's tree id, so walking history
loads each state of the record once.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from . import revs
from .snapshot import Snapshot, load

_SNAPSHOTS: dict[tuple[str, str], Snapshot] = {}
EMPTY = "empty"  # the side before a root commit


def from_folder(path: Path) -> Snapshot:
    path = path.resolve()
    if (path / "data").is_dir():
        return load(path, str(path))
    return load(path.parent, str(path), data_dir=path)


def from_commit(repo: Path, sha: str) -> Snapshot:
    """The record as it was at a commit (a full sha); shared with every later call."""
    key = (str(repo.resolve()), revs.tree_id(repo, sha))
    if key not in _SNAPSHOTS:
        with tempfile.TemporaryDirectory(prefix="record-rev-") as tmp:
            snap = load(revs.export(repo, sha, Path(tmp)), sha)
        _SNAPSHOTS[key] = snap
    cached = _SNAPSHOTS[key]
    return cached if cached.label == sha else _relabel(cached, sha)


def _relabel(snap: Snapshot, label: str) -> Snapshot:
    return dataclasses.replace(snap, label=label)


def empty() -> Snapshot:
    return Snapshot(EMPTY)


def side(repo: Path, name: str) -> Snapshot:
    """A folder if one exists by that name, else a revision of the repository at `repo`."""
    if Path(name).is_dir():
        return from_folder(Path(name))
    return from_commit(repo, revs.resolve(repo, name))
