"""Reader views in Debian's Chromium: timeline filters, citation previews, alias URLs, search,
and complete pages with JavaScript off. Runs on the fictional reader build (reader_project.py)
and, for the aliases the issue names, on the real site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import serve_directory
from reader_project import build_reader_site

pytest.importorskip("playwright")
expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory):
    url, server = serve_directory(build_reader_site(tmp_path_factory.mktemp("reader-browser")))
    yield url
    server.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def visible_events(page) -> list[str]:
    return page.eval_on_selector_all(".bw-event", "els => els.filter(e => e.offsetParent !== null).map(e => e.id)")


def test_timeline_filters_change_the_visible_entries(page, base: str) -> None:
    page.goto(base + "chronology/")
    form = page.locator(".bw-filters")
    expect(form).to_be_visible()
    assert visible_events(page) == ["siege-begins", "fort-falls", "fort-retaken-in-part"]
    page.select_option("select[data-bw-attr=units]", "grey-rifles-9")
    assert visible_events(page) == ["fort-falls", "fort-retaken-in-part"]
    expect(page.locator("#month-2031-02")).to_be_hidden()  # a month with nothing left disappears
    expect(page.locator(".bw-month-index a[href$='#month-2031-02']")).to_be_hidden()  # and so does its index entry
    expect(page.locator(".bw-month-index a[href$='#month-2031-03']")).to_be_visible()
    page.select_option("select[data-bw-attr=kind]", "capture")
    assert visible_events(page) == ["fort-falls"]
    expect(page.locator(".bw-filter-count")).to_have_text("1 of 3 events shown")
    page.select_option("select[data-bw-attr=kind]", "attack")
    assert visible_events(page) == []
    page.click(".bw-filters button[type=reset]")
    expect(page.locator(".bw-filter-count")).to_have_text("All 3 events shown")
    assert len(visible_events(page)) == 3


def test_filters_start_after_instant_navigation(page, base: str) -> None:
    page.goto(base + "battle/")
    page.click(".md-nav a[href$='chronology/']")
    expect(page).to_have_url(re.compile(r"chronology/$"))
    expect(page.locator(".bw-filters")).to_be_visible()
    page.select_option("select[data-bw-attr=phase]", "siege")
    assert visible_events(page) == ["siege-begins"]


def test_citation_preview_on_hover_and_focus_then_jump(page, base: str) -> None:
    page.goto(base + "battle/")
    mark = page.locator(".bw-infobox sup.bw-cite a").first
    number = mark.inner_text().strip("[]")
    tooltip = page.locator(".md-tooltip2--active")
    mark.hover()
    expect(tooltip).to_contain_text("North Gazette, 2 March 2031")
    page.mouse.move(5, 5)
    expect(tooltip).to_have_count(0)
    page.locator("h1").click()  # keyboard from here on
    mark.focus()
    expect(tooltip).to_contain_text("North Gazette, 2 March 2031")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"#ref-{number}$"))
    expect(page.locator(f"#ref-{number}")).to_be_in_viewport()
    page.locator(f"#ref-{number} .bw-backlinks a").first.click()
    expect(page).to_have_url(re.compile(r"#cite-1-1$"))


def test_alias_url_lands_on_its_entity(page, base: str) -> None:
    page.goto(base + "units/gr-9/")
    expect(page).to_have_url(base + "units/grey-rifles-9/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^9th Grey Rifles"))


def search(page, words: str):
    box = page.locator("input.md-search__input")  # shown in the header on a desktop-wide window
    box.click()
    box.fill("")
    box.press_sequentially(words)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible(timeout=10_000)
    return results


def test_search_finds_an_entity_by_its_alias(page, base: str) -> None:
    page.goto(base)
    results = search(page, "Karsko")
    expect(results.first).to_have_attribute("href", re.compile(r"places/karsk/"))
    search(page, "GR 9")
    # The previous query's results stay on screen until the new ones arrive: wait for the entity.
    expect(page.locator('.md-search-result__item a[href*="units/grey-rifles-9/"]').first).to_be_visible(timeout=10_000)


def test_without_javascript_timeline_and_infobox_are_complete(browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "chronology/")
    expect(page.locator(".bw-filters")).to_be_hidden()
    assert visible_events(page) == ["siege-begins", "fort-falls", "fort-retaken-in-part"]  # (Playwright's own eval runs)
    page.goto(base + "battle/")
    infobox = page.locator(".bw-infobox")
    expect(infobox).to_be_visible()
    for label in ("Date", "Location", "Result", "Belligerents", "Units involved", "Casualties and losses", "Sources"):
        expect(infobox.locator("th", has_text=label).first).to_be_visible()
    expect(infobox.locator("dd", has_text="40")).to_contain_text("(BL claim)")
    context.close()


@pytest.mark.parametrize("alias,kind", [("Banmaw", "places"), ("Tar Mong Lone", "places"), ("LIB 47", "units"), ("LB 933", "units")])
def test_real_alias_url_and_search(alias: str, kind: str, page, real_server: str, real_site: Path) -> None:
    slug = re.sub(r"[^a-z0-9]+", "-", alias.lower())
    page.goto(real_server + f"{kind}/{slug}/")
    expect(page).not_to_have_url(re.compile(rf"/{slug}/$"))
    landed = page.url.removeprefix(real_server)
    expect(page.locator(".bw-infobox")).to_contain_text(alias)
    search(page, alias)
    # Results update as each letter is typed: wait for the entity's page among them.
    expect(page.locator(f'.md-search-result__item a[href*="{landed}"]').first).to_be_visible(timeout=10_000)
