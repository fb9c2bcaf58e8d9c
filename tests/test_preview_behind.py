"""The full build behind the preview (`macros/preview/behind.py`), run for real in its own process
on a project whose data is broken: its failure is reported, and the served files are left alone,
unless the files changed after it started (it read a save the server has yet to see, whose own
build reports on it)."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from macros.preview.behind import Behind
from tests.conftest import FIXTURES, make_project


def _broken(tmp_path: Path) -> tuple[Path, Path]:
    valid = FIXTURES / "valid"
    project = make_project(tmp_path / "project", valid / "data", valid / "docs")
    units = project / "data" / "units.yaml"
    units.write_text(units.read_text(encoding="utf-8").replace("garrison: karsk-fort", "garrison: karsk-frot"), encoding="utf-8")
    served = tmp_path / "served"
    served.mkdir()
    (served / "index.html").write_text("last good", encoding="utf-8")
    return project, served


@pytest.mark.parametrize("current", [True, False])
def test_a_failed_build_behind_is_reported_only_for_the_save_it_was_started_for(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, current: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    project, served = _broken(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    finished: list[bool] = []
    behind = Behind(str(project / "mkdocs.yml"), served, "http://127.0.0.1:8000/", True, threading.Lock())
    with caplog.at_level(logging.INFO, logger="mkdocs.preview"):
        behind.start(finished.append, lambda: current)
        process = behind.process
        assert process is not None
        process.wait(timeout=300)
        deadline = time.monotonic() + 60
        while not caplog.records and time.monotonic() < deadline:
            time.sleep(0.05)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 1, messages
    if current:
        assert messages[0].startswith("The full build behind the preview failed"), messages
        assert "data/units.yaml:" in messages[0] and "karsk-frot" in messages[0]
        assert finished == [False]
    else:
        assert "read a newer save" in messages[0] and "karsk-frot" not in messages[0]
        assert finished == []
    assert os.listdir(served) == ["index.html"] and (served / "index.html").read_text(encoding="utf-8") == "last good"
    behind.shutdown()
    assert not behind.folder.exists()
    shutil.rmtree(project)
