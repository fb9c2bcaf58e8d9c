"""Accessibility: axe-core (pinned in package-lock.json) on every kind of page, light and dark,
and the infobox, timeline filters and control chart used with the keyboard alone."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import ROOT
from sitepages import KINDS, page_for
from test_browser_pages import visit

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")
SEVERITIES = ("minor", "moderate", "serious", "critical")
# Palette toggle of Material 9.8: one radio per scheme; the visible label switches to the next.
DARK_TOGGLE = "form[data-md-component=palette] label:not([hidden])"

# Tabs and focus: what counts as a visible focus ring (outline or box-shadow on the element).
FOCUS_VISIBLE_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return el.matches(':focus-visible') && (outline || style.boxShadow !== 'none');
}"""


# Switching the scheme changes colours only, not the document: in dark mode the rules about
# colour are run again (the others gave the same answer in light mode, on the same DOM).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    assert AXE.is_file(), "axe-core is missing: run `npm ci --ignore-scripts` (make test does)"
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    options = {"resultTypes": ["violations"], **({"runOnly": {"type": "rule", "values": rules}} if rules else {})}
    result = page.evaluate("async options => (await axe.run(document, options)).violations", options)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5], "help": v["help"]} for v in result]


@contextmanager
def opened(browser, real_site: Path, real_server: str, kind: str, **options) -> Iterator[tuple]:
    """(page, path, external requests) for the site's page of this kind; every kind must exist."""
    path = page_for(real_site, kind)
    assert path is not None, f"the real site has no {kind} page"
    page, context, _requests, _errors, external = visit(browser, real_server + path, **options)
    try:
        yield page, path, external
    finally:
        context.close()


def scheme(page) -> str:
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")


@pytest.mark.parametrize("kind", KINDS)
def test_axe_light_and_dark(kind: str, real_site: Path, real_server: str, browser) -> None:
    with opened(browser, real_site, real_server, kind, color_scheme="light") as (page, path, external):
        assert scheme(page) == "default"
        light = axe_violations(page)
        # Dark mode as a reader sets it: the header toggle. Material 9.8 keeps the choice in
        # localStorage under "<site path>.__palette", so it must survive a reload (checked once).
        page.locator(DARK_TOGGLE).first.click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        # The pointer rests on the toggle, whose tooltip fades in: move away so axe never measures a half-faded tooltip.
        page.mouse.move(10, 600)
        page.wait_for_function("() => !document.querySelector('.md-tooltip--active')")
        page.wait_for_timeout(300)
        stored = page.evaluate("() => Object.keys(localStorage).filter(k => k.endsWith('.__palette')).map(k => [k, JSON.parse(localStorage[k])])")
        assert len(stored) == 1 and stored[0][1]["color"]["scheme"] == "slate", stored
        if kind == "home":
            page.reload(wait_until="networkidle")
            assert scheme(page) == "slate"
        dark = axe_violations(page, COLOUR_RULES)
    for mode, found in (("light", light), ("dark", dark)):
        counts = Counter(v["impact"] for v in found)
        print(f"axe {kind} {mode}: " + ", ".join(f"{s} {counts.get(s, 0)}" for s in SEVERITIES))
    blocking = [(mode, v) for mode, found in (("light", light), ("dark", dark)) for v in found if v["impact"] in BLOCKING]
    assert not blocking, f"{kind} page {path}: {blocking}"
    assert not external


def tab_into(page, container: str, limit: int = 400) -> bool:
    """Press Tab from the top of the page until focus lands inside `container`."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("sel => !!document.activeElement && !!document.activeElement.closest(sel)", container):
            return True
    return False


def test_infobox_by_keyboard(real_site: Path, real_server: str, browser) -> None:
    with opened(browser, real_site, real_server, "battle") as (page, _path, _external):
        assert tab_into(page, ".bw-infobox"), "Tab never reaches the infobox"
        assert page.evaluate(FOCUS_VISIBLE_JS), "focus inside the infobox is not visible"
        # An HTML link's href is a string; a map pin's (an SVG link) is an SVGAnimatedString.
        href = page.evaluate("() => { const a = document.activeElement;"
                             " return typeof a.href === 'string' ? a.href : new URL(a.href.baseVal, location.href).href; }")
        page.keyboard.press("Enter")
        page.wait_for_url(href)
        fragment = href.partition("#")[2]
        if fragment:  # a citation mark: Enter takes the reader to its reference
            assert page.locator(f"[id='{fragment}']").count() == 1


FILTER_CONTROLS = ":is(button, input, select, [role=button], [role=checkbox], [role=switch])"


def test_timeline_filters_by_keyboard(real_site: Path, real_server: str, browser) -> None:
    with opened(browser, real_site, real_server, "chronology") as (page, _path, _external):
        scope = "[data-filterable], .bw-filters, .bw-timeline-filters"
        assert page.locator(f":is({scope}) {FILTER_CONTROLS}").count(), "the chronology has no filter controls"
        visible = "() => [...document.querySelectorAll('.bw-event')].filter(e => e.offsetParent !== null).length"
        before = page.evaluate(visible)
        assert tab_into(page, f":is({scope}) {FILTER_CONTROLS}"), "Tab never reaches a timeline filter"
        assert page.evaluate(FOCUS_VISIBLE_JS), "the focused filter shows no focus ring"
        changed = False
        for _ in range(20):  # walk the filter controls with Tab, activating each with Enter (or Space)
            for key in ("ArrowDown", "Enter", "Space"):  # ArrowDown: a <select> changes its value from the keyboard
                page.keyboard.press(key)
                if page.evaluate(visible) != before:
                    changed = True
                    break
            if changed:
                break
            page.keyboard.press("Tab")
        assert changed, "no filter changed the visible events from the keyboard"


def test_control_chart_by_keyboard(real_site: Path, real_server: str, browser) -> None:
    with opened(browser, real_site, real_server, "control") as (page, _path, _external):
        chart = "[class*=control], [class*=chart]"
        assert page.locator(f":is({chart}) :is(a[href], [tabindex='0'], button)").count(), "the control chart has nothing focusable"
        assert tab_into(page, f":is({chart}) :is(a[href], [tabindex='0'], button)"), "Tab never reaches the chart"
        assert page.evaluate(FOCUS_VISIBLE_JS), "focus in the chart is not visible"
        # An SVG link's href is an SVGAnimatedString: read its value and make it absolute.
        href = page.evaluate(
            "() => { const h = document.activeElement.href; const v = h && (h.baseVal ?? h); return v ? new URL(v, location.href).href : ''; }"
        )
        print(f"chart: focused {page.evaluate('() => document.activeElement.outerHTML.slice(0, 120)')}")
        if href:
            page.keyboard.press("Enter")
            page.wait_for_url(href)
