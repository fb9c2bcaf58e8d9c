"""The disk cache of the api/ schemas (macros/export/schemacache.py): real builds with their own
temporary folder (TMPDIR), a model edited between two builds, and entries planted by an attacker."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build, make_project

from macros.export.schemacache import engine_key, entry, load, store

DESCRIPTION = "Whose account the phase (its dates and summary) is"  # a field description in macros/model/entities.py
CANARY = "bw-canary-planted-schema"


def _project(where: Path) -> Path:
    """The fictional project with its own copy of the engine, so that a test can edit a model."""
    valid = FIXTURES / "valid"
    project = make_project(where / "project", valid / "data", valid / "docs", valid / "mkdocs.yml")
    (project / "macros").unlink()
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    return project


def _cache_folder(tmp: Path) -> Path:
    """Jinja's per-user folder under this TMPDIR, as Jinja makes it (mode 0700)."""
    folder = tmp / f"_jinja2-cache-{os.getuid()}"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def _schema(site: Path) -> str:
    return (site / "api" / "schemas" / "phases.schema.json").read_text(encoding="utf-8")


def test_a_model_change_is_never_served_from_the_old_entry(tmp_path: Path) -> None:
    project, tmp = _project(tmp_path), tmp_path / "tmp"
    tmp.mkdir()
    first = build(project, tmp_path / "site1", {"TMPDIR": str(tmp)})
    assert first.returncode == 0, first.output
    entries = sorted(_cache_folder(tmp).glob("__bw_schemas_*.json"))
    assert len(entries) == 1 and DESCRIPTION in _schema(first.site)
    model = project / "macros" / "model" / "entities.py"
    model.write_text(model.read_text(encoding="utf-8").replace(DESCRIPTION, DESCRIPTION + " (edited)"), encoding="utf-8")
    second = build(project, tmp_path / "site2", {"TMPDIR": str(tmp)})
    assert second.returncode == 0, second.output
    assert DESCRIPTION + " (edited)" in _schema(second.site)
    assert len(list(_cache_folder(tmp).glob("__bw_schemas_*.json"))) == 2  # a new entry, by the new key


@pytest.mark.parametrize("trusted", [True, False])
def test_an_entry_someone_else_could_have_written_never_reaches_the_site(tmp_path: Path, trusted: bool) -> None:
    """An entry under the right key, with planted text: used only if it is this user's own file,
    writable by no one else (the trusted case shows that the plant hits the key the build reads)."""
    project, tmp = _project(tmp_path), tmp_path / "tmp"
    planted = entry(_cache_folder(tmp), engine_key(project / "macros"))
    store(planted.parent, engine_key(project / "macros"), {"phases.schema.json": CANARY})
    if not trusted:
        planted.chmod(0o666)
    result = build(project, tmp_path / "site", {"TMPDIR": str(tmp)})
    assert result.returncode == 0, result.output
    assert (CANARY in _schema(result.site)) is trusted
    if not trusted:
        assert DESCRIPTION in _schema(result.site)


def test_load_trusts_only_a_whole_entry_of_this_key_owned_by_this_user(tmp_path: Path) -> None:
    texts = {"a.schema.json": "{}\n", "b.schema.json": '{"x": "ü"}\n'}
    store(tmp_path, "k1", texts)
    path = entry(tmp_path, "k1")
    assert load(tmp_path, "k1") == texts
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load(tmp_path, "k2") is None  # another engine's key: a different file
    entry(tmp_path, "k2").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load(tmp_path, "k2") is None  # the file names k1 inside: copied or renamed, not trusted
    for damage in ("", "{", "[]", json.dumps({"key": "k1", "texts": {"a": 1}}), json.dumps({"key": "k1"})):
        path.write_text(damage, encoding="utf-8")
        assert load(tmp_path, "k1") is None, damage
    store(tmp_path, "k1", texts)
    for mode in (0o620, 0o602):
        path.chmod(mode)
        assert load(tmp_path, "k1") is None, oct(mode)
    path.chmod(0o600)
    link = entry(tmp_path, "k3")
    link.symlink_to(path)
    assert load(tmp_path, "k3") is None  # a link, even to a good file
    if os.getuid() == 0:  # only root can give a file away
        os.chown(path, 65534, -1)
        assert load(tmp_path, "k1") is None


def test_a_folder_that_cannot_be_written_only_costs_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "missing"
    store(folder, "k", {"a": "b"})  # no error
    assert load(folder, "k") is None


def test_an_entry_naming_a_file_outside_api_schemas_is_not_trusted(tmp_path: Path) -> None:
    """The names become paths under api/schemas/: an entry whose names climb out or name a folder
    is refused whole (found in review: a planted '../' name made the build write outside site/)."""
    for name in ("../../../canary.schema.json", "sub/x.schema.json", "/tmp/x.schema.json", "x.html", ".schema.json"):
        store(tmp_path, "k1", {"a.schema.json": "{}\n", name: "{}\n"})
        assert load(tmp_path, "k1") is None, name
    store(tmp_path, "k1", {"api-places.geojson.schema.json": "{}\n"})
    assert load(tmp_path, "k1") == {"api-places.geojson.schema.json": "{}\n"}
