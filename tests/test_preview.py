"""`mkdocs serve` stays correct: after each edit of data or of a page, every file the server
serves equals the file a clean `mkdocs build` of the same tree writes.

Documented differences: the server adds its live-reload script before `</body>` of each HTML
page, and it publishes at its own address (`mkdocs serve` sets `site_url`), so the clean build
is given that address too. The serve process reuses the last index when the data did not change (engine.py)
and the last `api/` export (export/__init__.py); this test is what shows that reuse is safe.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, MKDOCS, ROOT, build, make_project

_RELOAD = re.compile(rb"<script>\nvar livereload = .*?livereload\(\d+, \d+\);\n</script>", re.DOTALL)


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read()
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: bytes, limit: float = 180) -> None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        body = _get(url)
        if body is not None and text in body:
            return
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}")


def _differences(base: str, clean: Path) -> list[str]:
    """Files of the clean build that the server serves differently (or not at all)."""
    out = []
    for path in sorted(p for p in clean.rglob("*") if p.is_file()):
        rel = path.relative_to(clean).as_posix()
        expected = path.read_bytes()
        served = _get(base + rel)
        if served is not None and rel.endswith(".html"):
            served = _RELOAD.sub(b"", served, count=1)
        if served != expected:
            out.append(rel)
    return out


@pytest.fixture
def project(tmp_path: Path) -> Path:
    valid = FIXTURES / "valid"
    where = make_project(tmp_path / "project", valid / "data", valid / "docs")
    shutil.copytree(ROOT / "docs" / "assets", where / "docs" / "assets")
    return where


def test_served_site_equals_a_clean_build_after_each_edit(project: Path, tmp_path: Path) -> None:
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([*MKDOCS, "serve", "--strict", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    data = project / "data" / "battle.yaml"  # the battle's name shows in its infobox, on battle/
    page = project / "docs" / "index.md"
    original = data.read_text(encoding="utf-8")
    name = "name: Battle of Karsk"
    assert name in original
    steps = [
        ("data edit", lambda: data.write_text(original.replace(name, "name: Servedname One", 1), encoding="utf-8"), b"Servedname One"),
        ("page edit", lambda: page.write_text(page.read_text(encoding="utf-8") + "\nServed paragraph two.\n", encoding="utf-8"),
         b"Served paragraph two."),
        ("page edit, data unchanged", lambda: page.write_text(page.read_text(encoding="utf-8") + "\nServed paragraph three.\n",
                                                              encoding="utf-8"), b"Served paragraph three."),
        ("data edit back", lambda: data.write_text(original.replace(name, "name: Servedname Four", 1), encoding="utf-8"),
         b"Servedname Four"),
    ]
    try:
        _wait_for(base, b"</html>")
        for label, edit, marker in steps:
            time.sleep(1.1)  # a new mtime for the watcher
            edit()
            watched = base + ("" if b"paragraph" in marker else "battle/")
            _wait_for(watched, marker)
            clean = build(project, tmp_path / f"clean-{len(label)}", {"BHAMO_WIKI_SITE_URL": base})
            assert clean.returncode == 0, clean.output
            assert _differences(base, clean.site) == [], label
            shutil.rmtree(clean.site)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

