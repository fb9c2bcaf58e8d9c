"""Every kind of page of the real site, loaded in Debian's Chromium as a reader would.

A page must log no console error, raise no script error, and ask nothing of any host but the
local test server: every request is recorded, and one to any other host is aborted and fails.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitepages import KINDS, page_for

LOCAL_HOSTS = {"127.0.0.1"}


def visit(browser, url: str, **context_options):
    """Load `url` in a fresh context; return (page, context, requests, console errors, external requests)."""
    context = browser.new_context(service_workers="block", **context_options)
    requests: list[str] = []
    external: list[str] = []
    errors: list[str] = []

    def route(route) -> None:
        target = route.request.url
        if urlsplit(target).scheme in ("data", "blob", "about") or urlsplit(target).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            external.append(target)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: errors.append(f"console.{message.type}: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.goto(url, wait_until="networkidle")
    return page, context, requests, errors, external


@pytest.mark.parametrize("kind", KINDS)
def test_page_kind_loads_cleanly(kind: str, real_site: Path, real_server: str, browser) -> None:
    path = page_for(real_site, kind)
    assert path is not None, f"the real site has no {kind} page"
    page, context, requests, errors, external = visit(browser, real_server + path)
    try:
        assert page.locator("article h1").count() >= 1, f"{kind} page {path} has no heading"
        print(f"{kind}: {path} made {len(requests)} requests, {len(external)} external, {len(errors)} console errors")
        assert not external, f"{kind} page {path} asked other hosts for: {external}"
        assert all(urlsplit(url).hostname in LOCAL_HOSTS or urlsplit(url).scheme in ("data", "blob") for url in requests), requests
        assert not errors, f"{kind} page {path}: {errors}"
    finally:
        context.close()


def test_instant_navigation_stays_local(real_site: Path, real_server: str, browser) -> None:
    """Following links with Material's instant navigation (XHR page loads, search) stays on the server."""
    page, context, _requests, errors, external = visit(browser, real_server)
    try:
        for kind in ("battle", "chronology", "sources"):
            path = page_for(real_site, kind)
            if path is None:
                continue
            page.evaluate("url => { const a = document.createElement('a'); a.href = url; document.body.append(a); a.click(); }", real_server + path)
            page.wait_for_url(real_server + path)
            page.wait_for_load_state("networkidle")
        search = page.locator("input.md-search__input")
        if search.count():
            search.click()
            search.press_sequentially("battle")
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert not external, external
        assert not errors, errors
    finally:
        context.close()
