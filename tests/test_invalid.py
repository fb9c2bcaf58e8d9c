"""Every broken data set under fixtures/invalid/ gives exactly the errors in its expected.txt.

A case holds only what it changes over the shared valid fixture (tests/overlay.py says how).
Each case, assembled, runs through the real CLI (`python -m macros.check <case>/data`); a case
with a `docs/` folder (a macro call in a page) also goes through a real MkDocs build. The
expected lines were written by hand from the rule each case breaks, never copied from the output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build, make_project
from overlay import BASE, OverlayError, apply_diff, assemble

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


def _parts(name: str) -> tuple[str, ...]:
    return ("data", "docs") if (CASES / name / "docs").is_dir() else ("data",)


def _case_dir(name: str, tmp_path: Path) -> Path:
    """The case assembled over the valid fixture: data/, and docs/ for a page case."""
    case = assemble(CASES / name, tmp_path / name, _parts(name))
    if name in GENERATED:
        GENERATED[name](case / "data")
    return case


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
    case = _case_dir(name, tmp_path)
    project = make_project(tmp_path / "project", case / "data", case / "docs", BASE / "mkdocs.yml")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    for line in _expected(name):
        assert line in result.output
    assert not (tmp_path / "site" / "index.html").exists()


def test_cases_hold_only_what_they_change() -> None:
    """No case keeps a copy of a base file it does not change, or a diff that changes nothing."""
    for name in NAMES:
        for path in (CASES / name).rglob("*"):
            relative = path.relative_to(CASES / name)
            if not path.is_file() or relative.parts[0] not in ("data", "docs"):
                continue
            if path.suffix == ".diff":
                base = (BASE / relative).with_suffix("").read_bytes()
                assert apply_diff(base, path.read_bytes(), str(relative)) != base, f"{name}/{relative}"
            else:
                base_file = BASE / relative
                assert not base_file.is_file() or base_file.read_bytes() != path.read_bytes(), f"{name}/{relative}"


def test_a_hunk_is_found_by_content_and_must_be_unique() -> None:
    base = b"a: 1\nb: 2\nc: 3\nb: 2\n"
    assert apply_diff(base, b"@@ -99 +99 @@\n a: 1\n-b: 2\n+b: 5\n", "x") == b"a: 1\nb: 5\nc: 3\nb: 2\n"
    with pytest.raises(OverlayError, match="matches the base 2 times"):
        apply_diff(base, b"@@\n-b: 2\n+b: 5\n", "x")
    with pytest.raises(OverlayError, match="matches the base 0 times"):
        apply_diff(base, b"@@\n-d: 4\n", "x")
