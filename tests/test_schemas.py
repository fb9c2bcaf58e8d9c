"""The editor schemas: committed copies match the models, every data file points at its own,
and they accept the real data (and refuse what the model refuses)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from jsonschema import Draft202012Validator

from macros.dataset import find_files
from macros.loader import load_file
from macros.schemas import render_all

SCHEMAS = ROOT / "schemas"
DATA_FILES = find_files(ROOT / "data", ROOT)[0]


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schemas_equal_the_models() -> None:
    rendered = render_all()
    committed = {p.name: p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.schema.json")}
    assert committed == rendered, "run `make schemas` and commit schemas/"


def test_there_are_data_files() -> None:
    assert {kind for kind, _ in DATA_FILES} >= {"sources", "battle"}


@pytest.mark.parametrize(("kind", "path"), DATA_FILES, ids=[str(p.relative_to(ROOT)) for _, p in DATA_FILES])
def test_each_data_file_points_at_its_schema(kind: str, path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    up = "../" * (len(path.relative_to(ROOT).parts) - 1)
    assert first == f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json"


ALL_FILES = DATA_FILES + find_files(FIXTURES / "valid" / "data", ROOT)[0]


@pytest.mark.parametrize(("kind", "path"), ALL_FILES, ids=[str(p.relative_to(ROOT)) for _, p in ALL_FILES])
def test_schemas_accept_the_data(kind: str, path: Path) -> None:
    data, errors = load_file(path, str(path))
    assert errors == []
    problems = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(kind).iter_errors(data)]
    assert problems == []


@pytest.mark.parametrize(("kind", "item", "why"), [
    ("units", {"id": "u", "name": "U", "kind": "battalion", "party": "p", "sources": ["s"], "garisson": "x"}, "Additional properties"),
    ("units", {"id": "u", "name": "U", "kind": "batallion", "party": "p", "sources": ["s"]}, "is not one of"),
    ("units", {"id": "U_1", "name": "U", "kind": "battalion", "party": "p", "sources": ["s"]}, "does not match"),
    ("units", {"id": "u", "name": "U", "kind": "battalion", "sources": ["s"]}, "'party' is a required property"),
    ("parties", {"id": "p", "name": "P", "kind": "militia", "sources": []}, "should be non-empty"),
])
def test_schemas_refuse_what_the_model_refuses(kind: str, item: dict, why: str) -> None:
    messages = [e.message for e in _validator(kind).iter_errors({kind: [item]})]
    assert any(why in m for m in messages), messages
