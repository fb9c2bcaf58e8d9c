"""Shared test helpers: assemble a project around any data/docs, build it with the real MkDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]


@dataclass
class Build:
    returncode: int
    output: str
    site: Path


def make_project(where: Path, data: Path, docs: Path, config: Path | None = None) -> Path:
    """A project folder with the real engine (macros/ linked in), the given data and pages."""
    where.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, where / "data")
    shutil.copytree(docs, where / "docs")
    shutil.copy(config or ROOT / "mkdocs.yml", where / "mkdocs.yml")
    (where / "macros").symlink_to(ROOT / "macros")
    if (ROOT / "overrides").is_dir():  # theme overrides named by mkdocs.yml's custom_dir
        (where / "overrides").symlink_to(ROOT / "overrides")
    if (ROOT / "basemap").is_dir():  # map outlines named by mkdocs.yml's extra.wiki.basemap
        (where / "basemap").symlink_to(ROOT / "basemap")
    return where


def build(project: Path, site: Path | None = None, extra_env: dict[str, str] | None = None) -> Build:
    """Run `mkdocs build --strict` for real in a subprocess. Never with -q: MkDocs 1.6 then drops
    warnings before strict mode counts them, and a build with a broken link passes."""
    site = site or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", **(extra_env or {})}
    proc = subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=project, timeout=600,
    )
    return Build(proc.returncode, proc.stdout + proc.stderr, site)


def build_fiction(where: Path, events: str = "", pages: dict[str, str] | None = None,
                  edits: dict[str, tuple[str, str]] | None = None) -> Path:
    """The fictional fixture with more events appended to its data, more pages, and one-off text
    edits ({data file: (old, new)}), built for real; the build must pass. Returns the site."""
    valid = FIXTURES / "valid"
    project = make_project(where / "project", valid / "data", valid / "docs")
    for name, (old, new) in (edits or {}).items():
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with (project / "data" / "events.yaml").open("a", encoding="utf-8") as out:
        out.write(events)
    for name, text in (pages or {}).items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    result = build(project, where / "site")
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the repository's own data and docs."""
    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "data", ROOT / "docs")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


@pytest.fixture(scope="session")
def fiction_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional conflict in tests/fixtures/valid, built with the same engine."""
    valid = FIXTURES / "valid"
    project = make_project(tmp_path_factory.mktemp("fiction"), valid / "data", valid / "docs", valid / "mkdocs.yml")
    result = build(project)
    assert result.returncode == 0, result.output
    return result.site


# --- Browser: Playwright driving Debian's chromium, against a local static server. ---

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
]


def serve_directory(root: Path) -> tuple[str, object]:
    """Serve a built site on 127.0.0.1 (a free port) in a thread; return (base URL, server)."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args, **kwargs: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


@pytest.fixture(scope="session")
def browser():
    """A headless Debian chromium; no Playwright browser download is ever made."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def real_server(real_site: Path):
    base, server = serve_directory(real_site)
    yield base
    server.shutdown()
