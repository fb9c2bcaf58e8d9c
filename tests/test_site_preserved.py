"""A failing build leaves the previously built site byte-identical.

The fictional fixture is built into a site folder, every file is hashed, the data or a page is
broken (an error found before the build, one found while pages render, a strict-mode warning),
and both the real `mkdocs build` into the same folder and the Makefile's `build` target are run:
each must fail with the error printed, no traceback, and not one byte changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build, make_project

VALID = FIXTURES / "valid"
GARRISON_ERROR = "data/units.yaml:8:5: units[0].garrison: unknown place 'karsk-frot' (did you mean 'karsk-fort'?)"
PAGE_ERROR = "docs/battle.md:3:4: infobox('battle-of-krask'): unknown id 'battle-of-krask'"


def _hashes(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def _make_build(project: Path) -> subprocess.CompletedProcess[str]:
    """The Makefile's own `build` target, with the repository's venv and no dependency install."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        ["make", "--no-print-directory", "-f", str(ROOT / "Makefile"), "build", f"VENV={ROOT / '.venv'}", "SITE_DEPS="],
        capture_output=True, text=True, cwd=project, env=env, timeout=600,
    )


def _break_data(project: Path) -> str:
    units = project / "data" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("garrison: karsk-fort", "garrison: karsk-frot"), encoding="utf-8")
    return GARRISON_ERROR


def _break_page(project: Path) -> str:
    page = project / "docs" / "battle.md"
    page.write_text(page.read_text(encoding="utf-8").replace("infobox('battle-of-karsk')", "infobox('battle-of-krask')"), encoding="utf-8")
    return PAGE_ERROR


def _break_html(project: Path) -> str:
    """An error found only while pages render, after MkDocs would have emptied the site folder."""
    page = project / "docs" / "battle.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    return "docs/battle.md: HTML not allowed on a page: <script> element"


def _break_link(project: Path) -> str:
    """A strict-mode warning: MkDocs aborts only after every plugin's post-build step."""
    page = project / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [nowhere](missing.md).\n", encoding="utf-8")
    return "missing.md"


@pytest.mark.parametrize("breaker", [_break_data, _break_page, _break_html, _break_link], ids=["data", "page", "html", "strict-warning"])
def test_failed_build_keeps_previous_site(breaker, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", VALID / "data", VALID / "docs", VALID / "mkdocs.yml")
    first = _make_build(project)
    assert first.returncode == 0, first.stdout + first.stderr
    site = project / "site"
    before = _hashes(site)
    assert "index.html" in before and "battle/index.html" in before

    error = breaker(project)
    direct = build(project, site)  # the real `mkdocs build --strict` into the same folder
    assert direct.returncode != 0
    assert error in direct.output
    assert "Traceback" not in direct.output
    assert _hashes(site) == before

    made = _make_build(project)
    assert made.returncode != 0
    assert error in made.stdout + made.stderr
    assert "Traceback" not in made.stdout + made.stderr
    assert _hashes(site) == before
    assert not (project / ".site.building").exists() and not (project / ".site.old").exists()
