"""CONTRIBUTING.md cannot rot: its examples go through the real validator and a real build, its
error table quotes messages the engine really gives, and the hooks and CI files it names work."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, build, make_project

from macros.engine import collect
from macros.pagecheck import check_pages

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
FICTION = FIXTURES / "valid"
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def blocks(language: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(GUIDE) if lang == language]


def yaml_examples() -> list[tuple[str, str]]:
    """(kind, text) for each YAML example; its first line names the file it belongs in."""
    out = []
    for body in blocks("yaml"):
        match = re.match(r"# data/(\w+)\.yaml\n", body)
        assert match, f"a YAML example must start with '# data/<kind>.yaml':\n{body}"
        out.append((match.group(1), body))
    return out


def fiction_with_examples(where: Path, examples: list[tuple[str, str]]) -> Path:
    """A copy of the fictional data with each example dropped in as a file of its kind's folder."""
    data = where / "data"
    shutil.copytree(FICTION / "data", data)
    for number, (kind, text) in enumerate(examples):
        (data / kind).mkdir(exist_ok=True)
        (data / kind / f"contributing-{number}.yaml").write_text(text, encoding="utf-8")
    return data


def test_every_yaml_example_passes_the_real_validator(tmp_path: Path) -> None:
    examples = yaml_examples()
    kinds = {kind for kind, _text in examples}
    assert {"sources", "units", "events", "places", "people"} <= kinds
    data = fiction_with_examples(tmp_path, examples)
    index, errors = collect(data, tmp_path)
    assert not errors, "\n".join(map(str, errors))
    assert index is not None
    for _kind, text in examples:
        for ident in re.findall(r"^  - id: ([a-z0-9-]+)$", text, re.MULTILINE):
            assert ident in index.entities, ident
    # The event example is the one the guide calls a disagreement: two claims, one claimant.
    figures = index.get("karsk-bridge-destroyed").figures["vehicles destroyed"]
    assert len({claim.count for claim in figures}) == 2
    assert any(d.owner.id == "karsk-bridge-destroyed" for d in index.disagreements)
    assert [claim.claimed_by.party for claim in figures if claim.claimed_by] == ["blue-league"]


def test_the_sample_error_is_the_message_the_engine_gives(tmp_path: Path) -> None:
    sample = blocks("text")[0].strip()
    _where, path, message = sample.split(": ", 2)
    typo = re.search(r"unknown source '([a-z0-9-]+)'", message).group(1)
    examples = [(k, t.replace("- source: lake-times-2031-03-12", f"- source: {typo}") if k == "events" else t) for k, t in yaml_examples()]
    data = fiction_with_examples(tmp_path, examples)
    _index, errors = collect(data, tmp_path)
    assert [e.message for e in errors] == [message]
    assert errors[0].path.endswith(path.split(".", 1)[1])  # the same field, whatever its position


# Broken inputs for messages that no case under fixtures/invalid/ shows: (file, text) in the fiction.
EXTRA_CASES = [
    ("data/units.yaml", "units:\n  - id: x\n    name: [unclosed\n"),
    ("data/people.yaml", "people:\n  - id: p\n    name: P\n    sources: [river-radio-report]\n"
                         "    facts:\n      age:\n        - sources: [river-radio-report]\n"),
    ("docs/x.md", "# X\n\n{{ fact('karsk', 'area') }}\n"),
    ("docs/x.md", "# X\n\n{{ cycler.__init__ }}\n"),
    ("docs/x.md", "# X\n\n{% if 1 %}x{% endif %}\n"),
    ("docs/x.md", "# X\n\n{{ infobox('fort-falls') }}\n"),
    ("docs/x.md", "# X\n\n{{ infobox() }}\n"),
    ("docs/x.md", "---\nhide: [nav]\n---\n# X\n"),
    # A control report naming a text its event does not cite, and an inference with no basis.
    ("data/events.yaml", (FICTION / "data" / "events.yaml").read_text(encoding="utf-8").replace(
        "        to: blue-league\n", "        to: blue-league\n        sources: [north-gazette-2031-03-02]\n")),
    ("data/events.yaml", (FICTION / "data" / "events.yaml").read_text(encoding="utf-8").replace(
        "        to: blue-league\n", "        to: blue-league\n        inferred: true\n")),
]


def real_messages(tmp_path: Path) -> str:
    """What the engine says for EXTRA_CASES, each alone in a copy of the fiction."""
    out = []
    for number, (name, text) in enumerate(EXTRA_CASES):
        root = tmp_path / str(number)
        shutil.copytree(FICTION / "data", root / "data")
        shutil.copytree(FICTION / "docs", root / "docs")
        (root / name).write_text(text, encoding="utf-8")
        index, errors = collect(root / "data", root)
        if index is not None:
            errors += check_pages(root / "docs", root, index)[1]
        assert errors, name
        out += [str(e) for e in errors]
    return "\n".join(out)


def test_error_table_quotes_messages_the_engine_really_gives(tmp_path: Path) -> None:
    """Each quoted fragment occurs in an error the engine really gives: for a broken fixture (whose
    expected.txt test_invalid.py checks against the real engine) or for one of EXTRA_CASES."""
    outputs = "\n".join(p.read_text(encoding="utf-8") for p in (FIXTURES / "invalid").glob("*/expected.txt"))
    outputs += "\n" + real_messages(tmp_path)
    section = GUIDE[GUIDE.index("| The message says |"):]
    section = section[: section.index("\n\n")]
    fragments = []
    for row in section.splitlines()[2:]:
        first = row.split("|")[1]
        for quoted in re.findall(r"`([^`]+)`", first):
            fragments += [part.strip() for part in quoted.split("…") if part.strip()]
    assert len(fragments) >= 25
    missing = [f for f in fragments if f not in outputs]
    assert not missing, f"not in any real error message: {missing}"


def test_unit_and_event_examples_show_on_their_pages(tmp_path: Path) -> None:
    """What a new contributor does: add the examples and the unit's page, build, look."""
    project = tmp_path / "p"
    data = fiction_with_examples(tmp_path / "d", yaml_examples())
    make_project(project, data, FICTION / "docs", FICTION / "mkdocs.yml")
    page = next(b for b in blocks("markdown") if "infobox('grey-engineers-3')" in b)
    (project / "docs" / "units" / "grey-engineers-3.md").write_text(page, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.output
    unit = (result.site / "units" / "grey-engineers-3" / "index.html").read_text(encoding="utf-8")
    chronology = (result.site / "chronology" / "index.html").read_text(encoding="utf-8")
    for html in (unit, chronology):
        assert "The Karsk bridge is destroyed" in html
    assert "3rd Grey Engineers" in unit and "Lake Times, 12 March 2031" in unit
    assert (result.site / "api" / "events" / "karsk-bridge-destroyed.json").is_file()


def test_precommit_hooks_pass_on_a_clean_clone_and_catch_bad_data(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    for name in (".pre-commit-config.yaml", "CONTRIBUTING.md"):
        shutil.copy(ROOT / name, clone / name)  # the working copy's version, committed or not
    (clone / ".venv").symlink_to(Path(sys.executable).parent.parent)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CEILING_DIRECTORIES": str(tmp_path)}
    run = [str(Path(sys.executable).parent / "pre-commit"), "run", "--all-files", "--config", ".pre-commit-config.yaml"]
    subprocess.run(["git", "add", "-A"], cwd=clone, check=True)
    passed = subprocess.run(run, cwd=clone, env=env, capture_output=True, text=True, timeout=300)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert passed.stdout.count("Passed") == 3
    units = clone / "data" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8") + "  - id: Bad Id\n", encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=clone, check=True)
    failed = subprocess.run(run, cwd=clone, env=env, capture_output=True, text=True, timeout=300)
    assert failed.returncode != 0
    assert re.search(r"data/units\.yaml:\d+:\d+: units\[\d+\]\.id: 'Bad Id' is not a valid id", failed.stdout), failed.stdout


def test_ci_workflow_runs_the_ci_script_on_pull_requests() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(step.get("run") == "bash .ci/run" for step in steps)
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    guide_items = re.findall(r"^- \[ \] (.+)$", GUIDE, re.MULTILINE)
    assert len(re.findall(r"^- \[ \] ", template, re.MULTILINE)) == len(guide_items)


@pytest.mark.parametrize("name", ["make serve", "make check", "make test", "make schemas"])
def test_commands_the_guide_names_exist(name: str) -> None:
    assert name in GUIDE
    target = name.split()[1]
    assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
