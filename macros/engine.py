"""The pipeline in one call: data folder -> validated dataset -> checks -> index.

Under `mkdocs serve` every save rebuilds the site in the same process; a save that left the data
as it was (a page edit) reuses the last valid index instead of loading, validating and indexing
again. The index is read-only once built, so reusing it gives the same site as a fresh build.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .checks import check
from .dataset import find_files, load_dataset
from .errors import DataError, DataErrors
from .index import Index, build_index
from .loader import MAX_BYTES

_last: dict[str, Index] = {}  # fingerprint of the data files -> their index (the latest only)


def fingerprint(data_dir: Path, root: Path) -> str | None:
    """A hash of every data file's path and bytes, or None if the folder has problems to report."""
    files, errors, misfiled = find_files(data_dir, root)
    if errors or misfiled:
        return None
    digest = hashlib.sha256(f"{data_dir.resolve()}\0{root.resolve()}".encode())
    try:
        for kind, path in files:
            if path.stat().st_size > MAX_BYTES:
                return None
            digest.update(f"\0{kind}\0{path}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError:
        return None
    return digest.hexdigest()


def collect(data_dir: Path, root: Path) -> tuple[Index | None, list[DataError]]:
    """Everything that can be said about the data, without raising."""
    key = fingerprint(data_dir, root)
    if key is not None and key in _last:
        return _last[key], []
    data, errors = load_dataset(data_dir, root)
    errors += check(data)
    if errors:
        return None, errors
    index = build_index(data)
    _last.clear()
    if key is not None and fingerprint(data_dir, root) == key:  # unchanged while it was read
        _last[key] = index
    return index, []


def load_index(data_dir: Path, root: Path) -> Index:
    """Raise DataErrors with every problem at once, or return the index."""
    index, errors = collect(data_dir, root)
    if errors or index is None:
        raise DataErrors(errors)
    return index
