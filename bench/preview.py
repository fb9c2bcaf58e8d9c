"""Preview latency: time from a one-line data edit, or a page edit, until `mkdocs serve` serves the updated page.

Measured with the preview (macros/preview: the pages a save reaches are re-rendered in the server,
then a full build runs behind) and without it (`BHAMO_WIKI_PREVIEW=false`: a full build per save,
as before), one server after the other. The page is open as in a browser (its live-reload
script polls the server). Each latency ends when the served page shows the edit; the preview's
full build behind then runs on, and the next edit waits for it.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
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


_BEHIND = "Full build behind the preview done"
# Between one edit being served (and its build behind done) and the next: more than the server's
# 0.1 s debounce (mkdocs livereload `build_delay`); the preview tells edits apart by size and mtime in ns.
_GAP = 0.2
_EPOCH = re.compile(r"livereload\((\d+), (\d+)\)")
_WHOLE = re.compile(r"Preview of .*: (\d+) pages? re-rendered and served in ([\d.]+) s")


def whole_previews(log: Path) -> list[tuple[int, float]]:
    """(pages, seconds) of each preview as the server logged it: every page the edit reaches re-rendered."""
    return [(int(n), float(t)) for n, t in _WHOLE.findall(log.read_text(encoding="utf-8", errors="replace"))]


def _browser(url: str, stop: threading.Event) -> None:
    """What a browser showing the page does: its live-reload script polls the server, naming the
    page as referrer (the preview serves the pages open in a browser first), until a newer build
    is served; then the page reloads and polls again."""
    while not stop.is_set():
        found = _EPOCH.search(_get(url))
        if not found:
            time.sleep(0.2)
            continue
        poll = url.split("/", 3)
        request = urllib.request.Request(f"{poll[0]}//{poll[2]}/livereload/{found[1]}/{found[2]}", headers={"Referer": url})
        try:
            urllib.request.urlopen(request, timeout=70).read()
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)


def _settled(log: Path, seen: int, preview: bool, limit: float = 600) -> int:
    """Wait for the preview's full build behind (a no-op without the preview); the log's new length."""
    start = time.perf_counter()
    while preview and time.perf_counter() - start < limit:
        text = log.read_text(encoding="utf-8", errors="replace")
        if text.count(_BEHIND) > seen:
            return text.count(_BEHIND)
        time.sleep(0.1)
    return seen


def _serve(project: Path, preview: bool, rounds: int, page: str) -> list[tuple[float, float]]:
    """(data edit, page edit) -> served, in seconds, for each round, on one server."""
    data, markdown = project / "data" / "battle.yaml", project / "docs" / "battle.md"
    original, original_page = data.read_text(encoding="utf-8"), markdown.read_text(encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    log_path = project / f"serve-{'preview' if preview else 'full'}.log"
    log = log_path.open("w")
    env = {**sites.ENV, "BHAMO_WIKI_PREVIEW": "true" if preview else "false"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    out: list[tuple[float, float]] = []
    behind = 0
    stop = threading.Event()
    try:
        _wait_for(url, "</html>", 600)
        threading.Thread(target=_browser, args=(url, stop), daemon=True).start()
        time.sleep(_GAP)  # the page is open
        for round_ in range(rounds):
            time.sleep(_GAP)
            marker = f"Benchmark edit {round_}"
            data.write_text(_NAME.sub(lambda m, marker=marker: m.group(1) + marker, original, count=1), encoding="utf-8")
            data_latency = _wait_for(url, marker, 600)
            behind = _settled(log_path, behind, preview)
            time.sleep(_GAP)
            marker = f"Benchmark paragraph {round_}"
            markdown.write_text(original_page + f"\n{marker}\n", encoding="utf-8")
            out.append((data_latency, _wait_for(url, marker, 600)))
            behind = _settled(log_path, behind, preview)
    finally:
        stop.set()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        data.write_text(original, encoding="utf-8")
        markdown.write_text(original_page, encoding="utf-8")
    return out


def measure(project: Path, rounds: int, page: str = "battle/") -> dict[str, tuple[float, float]]:
    """Median seconds until the served page shows an edit, {"preview": (data, page), "full": (data, page)}:
    of the battle's name in data/battle.yaml, of a line added to docs/battle.md; and "whole": the
    preview's own log, until every page the edit reaches is re-rendered (data, page). Without the
    preview, one edit of each kind: each is a full build, whose time the bench measures in rounds."""
    got = {mode: _serve(project, mode == "preview", rounds if mode == "preview" else 1, page) for mode in ("preview", "full")}
    out = {mode: (statistics.median(d for d, _ in runs), statistics.median(p for _, p in runs)) for mode, runs in got.items()}
    whole = whole_previews(project / "serve-preview.log")[: 2 * rounds]  # data, page, data, page...; not the restore
    if len(whole) == 2 * rounds:
        out["whole"] = (statistics.median(w[1] for w in whole[0::2]), statistics.median(w[1] for w in whole[1::2]))
        out["pages"] = (float(whole[0][0]), float(whole[1][0]))
    return out
