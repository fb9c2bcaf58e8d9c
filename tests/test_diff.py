"""macros.diff: every kind of change on a fixture pair, with exact expected output; real commits too."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from macros.history.compare import compare
from macros.history.report import SCHEMA, markdown
from macros.history.sides import from_folder

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"
HEAD = ROOT / "tests" / "fixtures" / "diff" / "head"


@pytest.fixture(scope="module")
def head(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture with the files of fixtures/diff/head laid over it."""
    where = tmp_path_factory.mktemp("head")
    shutil.copytree(VALID / "data", where / "data")
    shutil.copytree(VALID / "docs", where / "docs")
    for path in (HEAD / "data").iterdir():
        shutil.copy(path, where / "data" / path.name)
    return where


@pytest.fixture(scope="module")
def diff(head: Path) -> dict:
    return compare(from_folder(VALID), from_folder(head))


def test_items_and_fields_exactly(diff: dict) -> None:
    got = [(e["change"], e["kind"], e["id"], f"{e['file']}:{e['line']}",
            [(f["what"], f["path"], f["line"], f["old"], f["new"]) for f in e.get("fields", [])]) for e in diff["items"]]
    radio = {"source": "river-radio-report"}
    assert got == [
        ("changed", "sources", "river-radio-report", "data/sources.yaml:9", [("field", "outlet", 12, "River Radio", "River Radio Network")]),
        ("added", "sources", "harbour-bulletin", "data/sources.yaml:18", []),
        ("changed", "places", "karsk", "data/places.yaml:2",
         [("claim-removed", "facts.population[1]", 8, {"sources": [radio], "count": "15,000"}, None)]),
        ("changed", "events", "fort-falls", "data/events.yaml:2", [
            ("date", "date", 3, "2031-03-01", "2031-03-02"),
            ("control", "control", 11, [{"site": "karsk-fort", "to": "blue-league"}],
             [{"extent": "partial", "site": "karsk-fort", "to": "blue-league"}]),
            ("claimant", "figures.prisoners[0].claimed_by", 19, {"party": "blue-league", "person": "ana-vell"}, {"party": "blue-league"}),
            ("sources", "sources", 20, [{"quote": "the fort is ours", **radio}],
             [{"locator": "second bulletin", "quote": "the fort is ours", **radio}]),
        ]),
        ("removed", "events", "siege-begins", "data/events.yaml:2", []),
        ("added", "events", "town-shelled", "data/events.yaml:25", []),
        ("changed", "battle", "battle-of-karsk", "data/battle.yaml:2", [
            ("claim-added", "date[1]", 8, None,
             {"claimed_by": {"party": "grey-army"}, "date": "2031-04", "end": "ongoing", "sources": [radio]}),
            ("value", "result[0]", 13, {"sources": [radio], "value": "Ongoing"}, {"sources": [radio], "value": "Stalemate"}),
        ]),
    ]
    removed = next(e for e in diff["items"] if e["change"] == "removed")
    assert removed["old"]["title"] == "The Blue League attacks Karsk" and removed["new"] is None
    added = next(e for e in diff["items"] if e["id"] == "town-shelled")
    assert added["new"]["sources"] == [{"source": "harbour-bulletin"}] and added["old"] is None


def test_disagreements_new_and_resolved(diff: dict) -> None:
    assert diff["disagreements"] == {
        "new": [{"id": "battle-of-karsk", "field": "date", "file": "data/battle.yaml", "line": 5,
                 "values": ["Feb 2031 – ongoing", "Apr 2031 – ongoing"]}],
        "resolved": [{"id": "karsk", "field": "facts.population", "file": "data/places.yaml", "line": 8,
                      "values": ["12,000", "15,000"]}],
    }


def test_pages_whose_output_changes(diff: dict) -> None:
    # index.md calls no macro, so no data change reaches it; each other page shows a changed item.
    assert [(p["page"], p["change"], p["ids"]) for p in diff["pages"]] == [
        ("docs/battle.md", "shows", ["battle-of-karsk", "fort-falls", "harbour-bulletin", "karsk", "river-radio-report", "siege-begins", "town-shelled"]),
        ("docs/chronology.md", "shows", ["fort-falls", "harbour-bulletin", "river-radio-report", "siege-begins", "town-shelled"]),
        ("docs/parties/blue-league.md", "shows", ["fort-falls", "river-radio-report", "siege-begins"]),
        ("docs/places/karsk.md", "shows", ["harbour-bulletin", "karsk", "river-radio-report", "siege-begins", "town-shelled"]),
        ("docs/units/grey-rifles-9.md", "shows", ["fort-falls", "river-radio-report"]),
    ]


def test_no_change_is_empty(head: Path) -> None:
    same = compare(from_folder(head), from_folder(head))
    assert same["items"] == [] and same["pages"] == [] and same["disagreements"] == {"new": [], "resolved": []}


def test_a_page_edit_alone(head: Path, tmp_path: Path) -> None:
    shutil.copytree(head, tmp_path / "p")
    page = tmp_path / "p" / "docs" / "index.md"
    page.write_text(page.read_text() + "\nMore words.\n")
    out = compare(from_folder(head), from_folder(tmp_path / "p"))
    assert out["items"] == [] and out["pages"] == [{"page": "docs/index.md", "url": "", "change": "edited", "ids": []}]


def test_markdown_lines(diff: dict) -> None:
    text = markdown(diff)
    assert ("1 event added, 1 source added, 1 battle changed, 1 event changed, 1 place changed, 1 source changed, "
            "1 event removed; 1 new and 1 resolved disagreements; 5 pages change.") in text
    assert ("  - claimant `figures.prisoners[0].claimed_by` (data/events.yaml:19): "
            '`{"party": "blue-league", "person": "ana-vell"}` → `{"party": "blue-league"}`') in text
    assert "- `karsk` `facts.population` (data/places.yaml:8): `12,000`, `15,000`" in text
    assert "- docs/units/grey-rifles-9.md: shows `fort-falls`, `river-radio-report`" in text


def test_json_matches_its_schema(diff: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(json.loads(json.dumps(diff)), SCHEMA)
    committed = json.loads((ROOT / "schemas" / "tools" / "diff.schema.json").read_text())
    assert committed == SCHEMA, "run: python -m macros.diff --schema > schemas/tools/diff.schema.json"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "macros.diff", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def _has(rev: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, capture_output=True).returncode == 0


# Two real commits of this repository: the second dropped Naw Bu as claimant of two garrison figures.
BEFORE, AFTER = "6a7f7e4f6aa2c78c560dd2169c45463108825ab6", "27df83fdd4e0167da38d7e24e6102cfa28d4ef45"


@pytest.mark.skipif(not (_has(BEFORE) and _has(AFTER)), reason="needs this repository's full git history")
def test_real_commits_markdown_and_json() -> None:
    md = _cli(BEFORE, AFTER)
    assert md.returncode == 0, md.stderr
    assert "- **changed** unit `military-operations-command-21` (data/units.yaml:5)" in md.stdout
    assert "  - claimant `facts.troops in the garrison[0].claimed_by` (data/units.yaml:20): `{\"person\": \"naw-bu\"}` → —" in md.stdout
    out = _cli(BEFORE, AFTER, "--format", "json")
    data = json.loads(out.stdout)
    jsonschema.validate(data, SCHEMA)
    assert [(e["change"], e["id"]) for e in data["items"]] == [
        ("changed", "military-operations-command-21"), ("changed", "kia-takes-battalion-236")]
    assert "docs/units/military-operations-command-21.md" in [p["page"] for p in data["pages"]]


@pytest.mark.parametrize("rev", ["--output=/tmp/x", "HEAD;touch canary", "a..b", "$(id)", "no-such-branch-xyz"])
def test_bad_revisions_are_refused(rev: str, tmp_path: Path) -> None:
    out = _cli("HEAD", rev)
    assert out.returncode == 2 and "macros.diff:" in out.stderr and "Traceback" not in out.stderr
    assert not (ROOT / "canary").exists()


def test_committed_symlinks_are_not_followed(tmp_path: Path) -> None:
    """A commit that links a page to a file outside the repository, or a folder up the tree."""
    repo = tmp_path / "repo"
    shutil.copytree(VALID / "data", repo / "data")
    shutil.copytree(VALID / "docs", repo / "docs")
    canary = tmp_path / "canary.md"
    canary.write_text("# secret canary-7f3a\n")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid"]
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "one"], cwd=repo, check=True)
    (repo / "docs" / "leak.md").symlink_to(canary)
    (repo / "docs" / "up").symlink_to("../..")
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "two"], cwd=repo, check=True)
    out = _cli("HEAD~1", "HEAD", "--repo", str(repo), "--format", "json")
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert "canary-7f3a" not in out.stdout and json.loads(out.stdout)["pages"] == []
