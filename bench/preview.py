"""Preview latency: time from a one-line data edit, or a page edit, until `mkdocs serve` serves the updated page."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import sites

_NAME = re.compile(r"^(  name: ).*$", re.MULTILINE)  # the battle's own name, shown in its infobox


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError):
        return ""


def _wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until the page at url contains text (polled every 50 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _get(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {text!r} within {limit:.0f} s")


def measure(project: Path, rounds: int, page: str = "battle/") -> tuple[float, float]:
    """Median seconds until the served page shows an edit: (of the battle's name in data/battle.yaml,
    of a line added to docs/battle.md). One server for both, as a contributor would run it."""
    data, markdown = project / "data" / "battle.yaml", project / "docs" / "battle.md"
    original, original_page = data.read_text(encoding="utf-8"), markdown.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=sites.ENV, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    latencies: dict[str, list[float]] = {"data": [], "page": []}
    try:
        _wait_for(url, "</html>", 600)
        for round_ in range(rounds):
            marker = f"Benchmark edit {round_}"
            data.write_text(_NAME.sub(lambda m, marker=marker: m.group(1) + marker, original, count=1), encoding="utf-8")
            latencies["data"].append(_wait_for(url, marker, 600))
            time.sleep(1)  # let the server settle before the next edit
            marker = f"Benchmark paragraph {round_}"
            markdown.write_text(original_page + f"\n{marker}\n", encoding="utf-8")
            latencies["page"].append(_wait_for(url, marker, 600))
            time.sleep(1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        data.write_text(original, encoding="utf-8")
        markdown.write_text(original_page, encoding="utf-8")
    return statistics.median(latencies["data"]), statistics.median(latencies["page"])
