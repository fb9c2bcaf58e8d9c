"""macros/hooks.py sets the engine's long-lived objects aside from the garbage collector (`gc.freeze`)
in a one-shot `mkdocs build`, and never under `mkdocs serve`, whose rebuilds must stay collectable.
A probe hook, listed after ours, writes what the collector holds frozen once the build is done."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES, build, make_project

VALID = FIXTURES / "valid"
PROBE = '''import gc, os
def on_post_build(config, **_):
    with open(os.environ["BW_PROBE"], "a") as out:
        out.write(f"{gc.get_freeze_count()}\\n")
'''


def _project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", VALID / "data", VALID / "docs", VALID / "mkdocs.yml")
    (project / "probe.py").write_text(PROBE, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "hooks:\n  - macros/hooks.py\n" in text
    config.write_text(text.replace("hooks:\n  - macros/hooks.py\n", "hooks:\n  - macros/hooks.py\n  - probe.py\n"), encoding="utf-8")
    return project


def test_a_build_freezes_what_the_engine_holds(tmp_path: Path) -> None:
    project, probe = _project(tmp_path), tmp_path / "probe.txt"
    result = build(project, extra_env={"BW_PROBE": str(probe)})
    assert result.returncode == 0, result.output
    assert int(probe.read_text().split()[0]) > 10_000  # the index, models and templates


def test_serve_never_freezes(tmp_path: Path) -> None:
    project, probe = _project(tmp_path), tmp_path / "probe.txt"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "BW_PROBE": str(probe)}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        end = time.monotonic() + 120
        while not (probe.exists() and probe.read_text().strip()) and time.monotonic() < end and proc.poll() is None:
            time.sleep(0.3)
        assert probe.exists(), "serve's first build did not finish"
        assert probe.read_text().split() == ["0"]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
