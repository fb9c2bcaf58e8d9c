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
    page = (result.site / "units" / "grey-army" / "other" / "unit-0003" / "index.html").read_text(encoding="utf-8")  # party, kind
    assert "Rifle Battalion 3" in page
    assert len(re.findall(r'<li class="bw-event[ "]', page)) == expected > 0
    chronology = (result.site / "chronology" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<li class="bw-event[ "]', chronology)) == 50


def test_a_large_sub_section_is_cut_into_parts_titled_by_their_first_and_last_entry(tmp_path: Path) -> None:
    generate(tmp_path / "gen", events=50, units=60, nav_group=4)
    units = tmp_path / "gen" / "docs" / "units"
    leaves = {page.parent for page in units.rglob("*.md")}
    assert leaves and all(len(list(leaf.glob("*.md"))) <= 4 for leaf in leaves)
    # Grey Army's others (units 3, 15, 27, 39, 51: i % 6 == 3, i % 4 == 3) in parts of at most 4, in file order.
    parts = sorted((units / "grey-army" / "other").glob("part-*"))
    assert [sorted(p.stem for p in part.glob("*.md")) for part in parts] == [
        ["unit-0003", "unit-0015", "unit-0027"], ["unit-0039", "unit-0051"]]
    titles = [yaml.safe_load((part / ".nav.yml").read_text(encoding="utf-8"))["title"] for part in parts]
    assert titles == ["Rifle Battalion 3 to 27", "Rifle Battalion 39 to 51"]
    assert yaml.safe_load((units / "grey-army" / ".nav.yml").read_text(encoding="utf-8"))["title"] == "Grey Army"
