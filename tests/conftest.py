"""Shared test helpers: assemble a project around any data/docs, build it with the real MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def make_project(where: Path, data: Path, docs: Path, config: Path | None = None) -> Path:
    """A project folder with the real engine (macros/ linked in), the given data and pages."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    shutil.copy(config or ROOT / "mkdocs.yml", where / "mkdocs.yml")
    (where / "macros").symlink_to(ROOT / "macros")
    return where


def build(project: Path, site: Path | None = None) -> Build:
    """Run `mkdocs build --strict` for real in a subprocess."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project, timeout=600,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the repository's own data and docs."""
    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "data", ROOT / "docs")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def fiction_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional conflict in tests/fixtures/valid, built with the same engine."""
    valid = FIXTURES / "valid"
    project = make_project(tmp_path_factory.mktemp("fiction"), valid / "data", valid / "docs", valid / "mkdocs.yml")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site
