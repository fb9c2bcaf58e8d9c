"""The pipeline in one call: data folder -> validated dataset -> checks -> index."""

from __future__ import annotations

from pathlib import Path

from .checks import check
from .dataset import load_dataset
from .errors import DataError, DataErrors
from .index import Index, build_index


def collect(data_dir: Path, root: Path) -> tuple[Index | None, list[DataError]]:
    """Everything that can be said about the data, without raising."""
    data, errors = load_dataset(data_dir, root)
    errors += check(data)
    if errors:
        return None, errors
    return build_index(data), []


def load_index(data_dir: Path, root: Path) -> Index:
    """Raise DataErrors with every problem at once, or return the index."""
    index, errors = collect(data_dir, root)
    if errors or index is None:
        raise DataErrors(errors)
    return index
