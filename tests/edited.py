"""The fictional fixture's data with some files edited, checked as `make check` would."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES

from macros.checks import check
from macros.dataset import load_dataset
from macros.errors import DataError

VALID = FIXTURES / "valid" / "data"


def edited_errors(tmp_path: Path, **edits: Callable[[str], str]) -> list[DataError]:
    """Every loading and cross-file error of the fixture with `edits` (kind name -> text edit) applied, sorted."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    for name, edit in edits.items():
        path = data / f"{name}.yaml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    dataset, errors = load_dataset(data, tmp_path)
    return sorted(set(errors + check(dataset)))
