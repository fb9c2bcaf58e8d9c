"""Navigation in Chromium with and without a site address, and the history a reader sees.

Material's instant navigation finds the site's pages through the addresses in sitemap.xml. With
BHAMO_WIKI_SITE_URL set, following a link swaps the page in place (a marker set on `window`
survives); unset, the sitemap names no address and links are ordinary page loads, which must
still work.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT, build, make_project, serve_directory

expect = pytest.importorskip("playwright.sync_api").expect

MARK = "window.__bw_marker = 'still here'"
SEEN = "() => window.__bw_marker || null"


def _follow(page, base: str, path: str) -> str | None:
    page.evaluate(MARK)
    page.locator(f'nav a[href$="{path}"]').first.click()
    page.wait_for_url(base + path)
    page.wait_for_load_state("networkidle")
    return page.evaluate(SEEN)


def _heading_reads(page, title: str) -> None:
    # Material pushes the new address before it swaps the article in, so the heading is awaited
    # with a retrying assertion, not read once (a single read raced the swap on a loaded CI machine).
    expect(page.locator("article h1")).to_have_text(re.compile(rf"^\s*{re.escape(title)}\s*¶?\s*$"))


def test_links_work_without_a_site_address(real_server: str, browser) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(real_server, wait_until="networkidle")
        marker = _follow(page, real_server, "chronology/")
        _heading_reads(page, "Chronology")
        print("without site_url, navigation is", "instant" if marker else "a full page load")
        assert not errors, errors
    finally:
        context.close()


@pytest.fixture(scope="module")
def addressed_server(tmp_path_factory: pytest.TempPathFactory):
    site = tmp_path_factory.mktemp("served")
    base, server = serve_directory(site)
    project = make_project(tmp_path_factory.mktemp("project"), ROOT / "data", ROOT / "docs")
    saved = os.environ.get("BHAMO_WIKI_SITE_URL")
    os.environ["BHAMO_WIKI_SITE_URL"] = base
    try:
        result = build(project, site)
    finally:
        os.environ.pop("BHAMO_WIKI_SITE_URL") if saved is None else os.environ.__setitem__("BHAMO_WIKI_SITE_URL", saved)
    assert result.returncode == 0, result.output
    yield base
    server.shutdown()


def test_instant_navigation_with_the_site_address(addressed_server: str, browser) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    try:
        page.goto(addressed_server, wait_until="networkidle")
        assert _follow(page, addressed_server, "chronology/") == "still here", "the page was reloaded, not swapped in"
        _heading_reads(page, "Chronology")
        assert _follow(page, addressed_server, "recent-changes/") == "still here"
        _heading_reads(page, "Recent changes")
    finally:
        context.close()


def test_recent_changes_page_reads_as_a_note_without_history(real_site: Path) -> None:
    # The test site is built from a copy without .git: the page says why it lists nothing.
    html = (real_site / "recent-changes" / "index.html").read_text(encoding="utf-8")
    assert "no git history" in html
