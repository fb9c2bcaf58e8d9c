"""Every broken data set under fixtures/invalid/ gives exactly the errors in its expected.txt.

Each case runs through the real CLI (`python -m macros.check <case>/data`); a case with a
`docs/` folder (a macro call in a page) also goes through a real MkDocs build. The expected
lines were written by hand from the rule each case breaks, never copied from the output.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build, make_project

CASES = FIXTURES / "invalid"


def _huge(data: Path) -> None:
    """A 10 MiB events file: refused by size before it is read."""
    line = "# padding " + "x" * 53 + "\n"  # 64 bytes
    text = "events:\n" + line * (10 * 1024 * 1024 // 64)
    (data / "events.yaml").write_text(text[: 10 * 1024 * 1024], encoding="utf-8")


def _deep(data: Path) -> None:
    """100,000 nested flow sequences: refused without recursing into them."""
    (data / "events.yaml").write_text("events:\n  - " + "[" * 100_000 + "\n", encoding="utf-8")


# Big inputs are written at run time, to keep the repository small.
GENERATED: dict[str, Callable[[Path], None]] = {"huge-file": _huge, "deep-nesting": _deep}
NAMES = sorted(p.name for p in CASES.iterdir() if (p / "expected.txt").is_file())
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def _case_dir(name: str, tmp_path: Path) -> Path:
    if name not in GENERATED:
        return CASES / name
    copy = tmp_path / name
    shutil.copytree(CASES / name, copy)
    GENERATED[name](copy / "data")
    return copy


def _expected(name: str) -> list[str]:
    return (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_corpus_is_large_enough() -> None:
    assert len(NAMES) >= 40
    assert set(GENERATED) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_check_reports_exactly_the_expected_errors(name: str, tmp_path: Path) -> None:
    case = _case_dir(name, tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "macros.check", str(case / "data")],
        capture_output=True, text=True, cwd=ROOT, env=ENV, timeout=120,
    )
    expected = _expected(name)
    count = len(expected)
    summary = f"{count} error{'s' if count != 1 else ''} in the data; nothing was built."
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [*expected, summary]
    assert "checked in" in proc.stdout


PAGE_CASES = [n for n in NAMES if (CASES / n / "docs").is_dir()]


def test_page_cases_exist() -> None:
    assert PAGE_CASES


@pytest.mark.parametrize("name", PAGE_CASES)
def test_page_case_fails_the_real_mkdocs_build(name: str, tmp_path: Path) -> None:
    valid = FIXTURES / "valid"
    project = make_project(tmp_path / "project", CASES / name / "data", CASES / name / "docs", valid / "mkdocs.yml")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for line in _expected(name):
        assert line in result.output
    assert not (tmp_path / "site" / "index.html").exists()
