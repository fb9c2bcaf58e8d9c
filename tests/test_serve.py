"""`mkdocs serve` keeps serving the last good build on any error, data or page, and says why.

A real `mkdocs serve` on a free port watches a copy of the fiction. Each kind of error is made in
turn (a broken id in the data, a template expression in a page, script in a page's HTML): the
server prints the error naming the file, keeps running, and still serves the last good page. Once
fixed, the new page is served.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURES, make_project

VALID = FIXTURES / "valid"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    """The page as served, without the live-reload script's counters (they change on every build)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return re.sub(r"livereload\(\d+, \d+\)", "", response.read().decode("utf-8"))
    except OSError:
        return ""


def _wait(condition, what: str, seconds: float = 90) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def test_serve_keeps_the_last_good_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", VALID / "data", VALID / "docs", VALID / "mkdocs.yml")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
                            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(iter(proc.stdout.readline, "")), daemon=True).start()
    page = f"http://127.0.0.1:{port}/battle/"
    battle = project / "docs" / "battle.md"
    units = project / "data" / "units.yaml"
    good_page, good_units = battle.read_text(encoding="utf-8"), units.read_text(encoding="utf-8")
    try:
        _wait(lambda: "Battle of Karsk" in _get(page), "the first build")
        served = _get(page)
        breakages = [
            (units, good_units.replace("garrison: karsk-fort", "garrison: karsk-frot"), "data/units.yaml:"),
            (battle, good_page + "\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n", "docs/battle.md:"),
            (battle, good_page + "\n<script>alert(1)</script>\n", "docs/battle.md: HTML not allowed"),
        ]
        for path, text, error in breakages:
            start = len(log)
            path.write_text(text, encoding="utf-8")
            _wait(lambda e=error, n=start: any(e in line for line in log[n:]), f"the error {error!r}")
            assert proc.poll() is None, "".join(log[-30:])
            _wait(lambda: _get(page) != "", "the server to answer again")  # it holds requests while it rebuilds
            assert _get(page) == served
            path.write_text(good_page if path == battle else good_units, encoding="utf-8")
        battle.write_text(good_page.replace("# ", "# Fixed: ", 1), encoding="utf-8")
        _wait(lambda: "Fixed:" in _get(page), "the fixed page")
        assert "Traceback" not in "".join(log)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
