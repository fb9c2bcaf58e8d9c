"""The preview under `mkdocs serve` stays correct: a real server on a free port, real HTTP, edits
made step by step (a data field, an added event, a renamed unit, the event deleted again, a
page's prose, a bad page and bad data that must leave the last good site served with a
`file:line:col` error, a changed title), and after each step every served file is compared with
a clean `mkdocs build` of the same tree.

A thread does what a browser showing the unit's page does (its live-reload script polls the
server), so when the unit is renamed its page is served first and the rest of the pages the
change reaches after. Each step is
checked twice:
- once the in-process re-render is done (the log says "Preview of"; the full build behind must
  not have finished yet). Documented differences at that moment: `api/` and the alias redirect
  pages, which only the full build behind rewrites;
- once the full build behind is done: no difference at all.

Always documented: the server adds its live-reload script before `</body>` of each HTML page,
and it publishes at its own address (`mkdocs serve` sets `site_url`), so the clean build is
given that address too. The clean build runs from a mirror of the project with the same edits,
made before the served project is edited, so the re-rendered state is compared before the
build behind can replace it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, MKDOCS, ROOT, build, make_project

_RELOAD = re.compile(rb"<script>\nvar livereload = .*?livereload\(\d+, \d+\);\n</script>", re.DOTALL)
_BEHIND = "Full build behind the preview done"
_REDIRECT = b'<meta http-equiv="refresh"'
_EVENT = """  - id: ferry-shelled
    date: 2031-03-05
    kind: attack
    title: Served ferry shelling
    summary: Grey Army guns shell the ferry landing.
    places: [karsk]
    parties: [grey-army]
    sources: [north-gazette-2031-03-02]
"""


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, raw: bool = False) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read()
    except (urllib.error.URLError, OSError):
        return None
    return body if raw or not url.endswith((".html", "/")) else _RELOAD.sub(b"", body, count=1)


def _wait(condition: Callable[[], bool], what: str, limit: float = 180) -> None:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _browser(base: str, page: str, stop: threading.Event) -> None:
    """What a browser showing `page` does: its live-reload script polls the server (naming the page
    as referrer) until a newer build is served, then the page reloads and polls again."""
    while not stop.is_set():
        body = _get(base + page, raw=True) or b""
        found = re.search(rb"livereload\((\d+), (\d+)\)", body)
        try:
            request = urllib.request.Request(f"{base}livereload/{found[1].decode()}/{found[2].decode()}" if found else base,
                                             headers={"Referer": base + page})
            urllib.request.urlopen(request, timeout=70).read()
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
        if not found:
            time.sleep(0.2)


def _differences(base: str, clean: Path, gone: set[str]) -> dict[str, bytes | None]:
    """Files the server serves otherwise than the clean build (its bytes, None: not served), and
    files of an earlier build that the clean one no longer has but the server still serves."""
    out: dict[str, bytes | None] = {}
    for path in sorted(p for p in clean.rglob("*") if p.is_file()):
        rel = path.relative_to(clean).as_posix()
        url = base + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        served = _get(url)
        if served != path.read_bytes():
            out[rel] = served
    for rel in sorted(gone):
        url = base + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        if (served := _get(url)) is not None:
            out[rel] = served
    return out


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _behind_only(rel: str, served: bytes | None, clean: Path) -> bool:
    """A file only the full build behind rewrites: `api/`, or an alias redirect page."""
    expected = (clean / rel).read_bytes() if (clean / rel).is_file() else None
    return rel.startswith("api/") or any(_REDIRECT in b for b in (served, expected) if b is not None)


@pytest.fixture
def projects(tmp_path: Path) -> tuple[Path, Path]:
    """The served project and its mirror for clean builds (same files, edited the same way)."""
    valid = FIXTURES / "valid"
    out = []
    for name in ("served", "mirror"):
        where = make_project(tmp_path / name, valid / "data", valid / "docs")
        shutil.copytree(ROOT / "docs" / "assets", where / "docs" / "assets")
        out.append(where)
    return out[0], out[1]


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def _append(rel: str, text: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return edit


# (what, edit, page to watch, text it shows after the edit (None: text gone), text gone after it, how it is built)
_STEPS = [
    ("a data field", _replace("data/battle.yaml", "name: Battle of Karsk", "name: Servedname One"), "battle/",
     "Servedname One", None, "preview"),
    ("an event added", _append("data/events.yaml", _EVENT), "chronology/", "Served ferry shelling", None, "preview"),
    ("a unit renamed", _replace("data/units.yaml", "name: 9th Grey Rifles", "name: Served Rifles Three"), "units/grey-rifles-9/",
     "Served Rifles Three", None, "preview"),
    ("the event deleted", _replace("data/events.yaml", _EVENT, ""), "chronology/", None, "Served ferry shelling", "preview"),
    ("a page's prose", _append("docs/index.md", "\nServed paragraph five.\n"), "", "Served paragraph five.", None, "preview"),
    ("a page title (the navigation of every page)", _replace("docs/index.md", "# ", "# Served title ", ), "", "Served title",
     None, "full"),
]
_AFTER = ("prose after the bad edits", _append("docs/battle.md", "\nServed paragraph seven.\n"), "battle/",
          "Served paragraph seven.", None, "preview")


def test_served_site_equals_a_clean_build_after_each_edit(projects: tuple[Path, Path], tmp_path: Path) -> None:
    project, mirror = projects
    port = _port()
    base = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    server = subprocess.Popen([*MKDOCS, "serve", "--strict", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    log: list[str] = []
    threading.Thread(target=lambda: log.extend(iter(server.stdout.readline, "")), daemon=True).start()
    text = lambda: "".join(log)  # noqa: E731
    previous: set[str] = set()
    stop = threading.Event()
    try:
        _wait(lambda: _get(base) is not None, "the first build")
        threading.Thread(target=_browser, args=(base, "units/grey-rifles-9/", stop), daemon=True).start()  # open in a browser
        first = build(mirror, tmp_path / "clean-0", {"BHAMO_WIKI_SITE_URL": base})
        assert first.returncode == 0, first.output
        assert _differences(base, first.site, set()) == {}
        previous, last_good = _files(first.site), first.site
        def step(number: int, what: str, edit: Callable[[Path], None], page: str, shows: str | None, hides: str | None,
                 how: str) -> None:
            nonlocal previous, last_good
            edit(mirror)
            clean = build(mirror, tmp_path / f"clean-{number}", {"BHAMO_WIKI_SITE_URL": base})
            assert clean.returncode == 0, (what, clean.output)
            gone = previous - _files(clean.site)
            behind, previews = text().count(_BEHIND), text().count("Preview of")
            time.sleep(1.1)  # a new mtime for the watcher
            edit(project)
            _wait(lambda: (body := _get(base + page)) is not None
                  and (shows is None or shows.encode() in body) and (hides is None or hides.encode() not in body), f"{what} served")
            if how == "preview":
                _wait(lambda: text().count("Preview of") > previews, f"{what}: every page it reaches re-rendered")
                assert text().count("Preview of") == previews + 1, (what, text()[-3000:])
                assert text().count(_BEHIND) == behind, f"{what}: the build behind finished first; nothing re-rendered was checked"
                interim = _differences(base, clean.site, gone)
                assert [rel for rel, served in interim.items() if not _behind_only(rel, served, clean.site)] == [], what
                _wait(lambda: text().count(_BEHIND) > behind, f"{what}: the full build behind")
            else:
                assert "building the whole site" in text(), what
            assert _differences(base, clean.site, gone) == {}, what
            previous, last_good = _files(clean.site), clean.site

        for number, args in enumerate(_STEPS, 1):
            step(number, *args)
            if number == 3:  # the renamed unit's page, open in the browser, was served first, then the rest
                assert re.search(r"Served first, of data: 1 page open in a browser.*; [1-9]\d* more pages to check", text()), text()[-3000:]

        # Bad edits: a clear file:line:col error, and the last good site served on, file for file.
        battle, units = project / "docs" / "battle.md", project / "data" / "units.yaml"
        good_page, good_units = battle.read_text(encoding="utf-8"), units.read_text(encoding="utf-8")
        # A good edit saved beside the bad page must not be lost: once the bad page is mended, the
        # preview of that save carries the good one too (it used to wait for the build behind).
        beside = _append("docs/index.md", "\nServed paragraph six.\n")
        beside(mirror)
        bad_from = len(text())
        for path, bad, error in [
            (battle, good_page + "\n{{ cycler.__init__.__globals__ }}\n", re.compile(r"docs/battle\.md:\d+:\d+: ")),
            (units, good_units.replace("garrison: karsk-fort", "garrison: karsk-frot"), re.compile(r"data/units\.yaml:\d+:\d+: ")),
        ]:
            seen = len(text())
            time.sleep(1.1)
            if path == units:  # the last bad edit: the last good site is served on until it is mended
                beside(project)
            path.write_text(bad, encoding="utf-8")
            _wait(lambda e=error, n=seen: bool(e.search(text()[n:])), f"the error {error.pattern}")
            _wait(lambda n=seen: "still serving the last good site" in text()[n:], "the server to go on")
            assert server.poll() is None
            assert _differences(base, last_good, set()) == {}, error.pattern
            restored = len(text())
            path.write_text(good_page if path == battle else good_units, encoding="utf-8")
            # Before the next bad edit: a build behind still reading files would read that edit too, fail,
            # and make the next save a full build (MkDocs' log drops a repeated "Documentation built in
            # 0.91 seconds", so that build can even pass unseen).
            _wait(lambda n=restored: _BEHIND in text()[n:], f"the mended {path.name} previewed and built behind")
        assert re.search(r"Preview of [^\n]*index\.md", text()[bad_from:]), "the good edit saved beside the bad page was not previewed"
        step(len(_STEPS) + 1, *_AFTER)  # and the next good save is previewed again
        assert "Traceback" not in text()
    except AssertionError as failure:  # with what the server said
        raise AssertionError(f"{failure}\n--- the server's log, last lines ---\n{text()[-5000:]}") from None
    finally:
        stop.set()
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
