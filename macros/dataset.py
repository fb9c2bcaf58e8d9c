"""Collect: find the data files, load them strictly, validate each item against its model.

A broken item is reported and left out, but its id is remembered, so that references to it
do not also show up as dangling.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .errors import DataError
from .loader import MarkedDict, MarkedList, load_file
from .model import FILE_MODELS, KINDS, Battle
from .validate import suggest, validate_item

IGNORED = {"README.md"}
SINGLE = {"battle"}


@dataclass
class Origin:
    """Where an item came from: its file, its raw marked YAML and its path in that file."""

    file: str
    raw: Any
    path: tuple[str | int, ...]


@dataclass
class Dataset:
    items: dict[str, list[Any]] = field(default_factory=lambda: {k: [] for k in KINDS if k not in SINGLE})
    battle: Battle | None = None
    origins: dict[int, Origin] = field(default_factory=dict)
    broken_ids: set[str] = field(default_factory=set)
    failed_kinds: set[str] = field(default_factory=set)  # a file of this kind could not be read
    files: list[str] = field(default_factory=list)

    def origin(self, item: Any) -> Origin:
        return self.origins[id(item)]


def find_files(data_dir: Path, root: Path) -> tuple[list[tuple[str, Path]], list[DataError], set[str]]:
    """(kind, path) for each data file, every unexpected file as an error, and the kinds misfiled."""
    found: list[tuple[str, Path]] = []
    errors: list[DataError] = []
    misfiled: set[str] = set()
    expected = ", ".join(f"{k}.yaml" for k in KINDS)
    if not data_dir.is_dir():
        return [], [DataError(_show(data_dir, root), 0, 0, "", "data folder not found; create it with one YAML file per kind")], set()
    for path in sorted(data_dir.iterdir()):
        name = path.name
        if name.startswith(".") or name in IGNORED:
            continue
        stem = path.stem if path.is_file() else name
        if path.is_dir() and name in KINDS and name not in SINGLE:
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and not sub.name.startswith("."):
                    if sub.suffix == ".yaml":
                        found.append((name, sub))
                    else:
                        errors.append(DataError(_show(sub, root), 0, 0, "", f"unexpected file in data/{name}/; only .yaml files belong here, move it out"))
            continue
        if path.is_file() and path.suffix == ".yaml" and stem in KINDS:
            found.append((stem, path))
            continue
        close = suggest(stem, KINDS)
        if path.is_file() and path.suffix in (".yaml", ".yml") and (stem in KINDS or close):
            kind = stem if stem in KINDS else close.split("'")[1]
            misfiled.add(kind)
            errors.append(DataError(_show(path, root), 0, 0, "", f"unexpected file in data/; rename it to {kind}.yaml"))
            continue
        message = f"unexpected file in data/; expected {expected}, or a folder named after a kind; move it out of data/"
        errors.append(DataError(_show(path, root), 0, 0, "", message))
    return found, errors, misfiled


def _show(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _item_model(kind: str) -> type[BaseModel]:
    annotation = FILE_MODELS[kind].model_fields[kind].annotation
    args = getattr(annotation, "__args__", None)
    return args[0] if args else annotation  # list[Unit] -> Unit


def load_dataset(data_dir: Path, root: Path) -> tuple[Dataset, list[DataError]]:
    """Load and validate every data file; return the valid part and every error."""
    data = Dataset()
    files, errors, data.failed_kinds = find_files(data_dir, root)
    for kind, path in files:
        shown = _show(path, root)
        data.files.append(shown)
        raw, load_errors = load_file(path, shown)
        if load_errors or not _readable(kind, raw):
            data.failed_kinds.add(kind)  # its ids are unknown: references to them are not reported
        errors += load_errors or _read_file(data, kind, raw, shown)
    return data, errors


def _readable(kind: str, raw: Any) -> bool:
    body = raw.get(kind) if isinstance(raw, dict) else None
    return isinstance(body, dict) if kind in SINGLE else isinstance(raw, dict) and kind in raw and isinstance(body, list | None)


def _read_file(data: Dataset, kind: str, raw: Any, file: str) -> list[DataError]:
    if not isinstance(raw, MarkedDict):
        line = getattr(getattr(raw, "mark", None), "line", 1)
        shape = f"'{kind}:' holding a mapping" if kind in SINGLE else f"'{kind}:' holding a list"
        return [DataError(file, line, 1, "", f"expected a mapping with the single key {shape}")]
    errors = []
    for key in raw:
        if key != kind:
            mark = raw.key_marks[key]
            errors.append(DataError(file, mark.line, mark.column, key, f"unknown top-level key '{key}'{suggest(key, [kind])}; this file holds '{kind}:' only"))
    if kind not in raw:
        return errors or [DataError(file, raw.mark.line, raw.mark.column, "", f"missing the top-level key '{kind}:'")]
    body = raw[kind]
    model = _item_model(kind)
    if kind in SINGLE:
        item, item_errors = validate_item(model, body, file, (kind,), raw.key_marks[kind])
        if item is not None:
            if data.battle is not None:
                item_errors.append(DataError(file, raw.key_marks[kind].line, 1, kind, "a second battle; a site describes exactly one"))
            data.battle = item
            data.origins[id(item)] = Origin(file, body, (kind,))
        return errors + item_errors
    if body is None:
        return errors  # an empty list is allowed: "units:" with nothing under it yet
    if not isinstance(body, MarkedList):
        mark = raw.key_marks[kind]
        return [*errors, DataError(file, mark.line, mark.column, kind, f"expected a list of {kind} (lines starting with '- '), found a mapping or a value")]
    for index, raw_item in enumerate(body):
        item, item_errors = validate_item(model, raw_item, file, (kind, index), body.item_marks[index])
        errors += item_errors
        if item is None:
            if isinstance(raw_item, dict) and isinstance(raw_item.get("id"), str):
                data.broken_ids.add(raw_item["id"])
            continue
        data.items[kind].append(item)
        data.origins[id(item)] = Origin(file, raw_item, (kind, index))
    return errors
