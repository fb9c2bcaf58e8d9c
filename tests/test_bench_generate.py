"""The benchmark generator's small output is valid data and builds into a site (quick smoke test).

`make bench` itself is not part of the test suite; this only keeps its generator honest.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from bench.generate import generate
from bench.sites import copy_repo
from tests.conftest import ROOT, build


def test_generated_conflict_passes_check_and_builds(tmp_path: Path) -> None:
    counts = generate(tmp_path / "gen", events=50, units=10)
    assert counts["events"] == 50 and counts["units"] == 10

    check = subprocess.run([sys.executable, "-m", "macros.check", str(tmp_path / "gen" / "data")],
                           cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    assert "50 events" in check.stdout and "10 units" in check.stdout

    project = copy_repo(tmp_path / "project", tmp_path / "gen" / "data", tmp_path / "gen" / "docs")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output

    # A unit's page lists exactly the events that name it, counted from the YAML, not by the engine.
    events = [e for part in sorted((tmp_path / "gen" / "data" / "events").glob("*.yaml"))
              for e in yaml.safe_load(part.read_text(encoding="utf-8"))["events"]]
    expected = sum("unit-0003" in e["units"] for e in events)
    page = (result.site / "units" / "grey-army-other" / "unit-0003" / "index.html").read_text(encoding="utf-8")  # sub-folder: party, kind
    assert "Rifle Battalion 3" in page
    assert len(re.findall(r'<li class="bw-event[ "]', page)) == expected > 0
    chronology = (result.site / "chronology" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<li class="bw-event[ "]', chronology)) == 50
