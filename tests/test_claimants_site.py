"""Claimants per figure and per phase date, year-only dates and dated source names, on the real
site built from the repository's data and pages. The expected words are the five texts' (see the
comments), not the renderer's output."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest
from conftest import ROOT
from readsite import page_tree, shown_text

from macros.engine import load_index


@pytest.fixture(scope="module")
def index():
    return load_index(ROOT / "data", ROOT)


def test_the_garrison_s_size_is_the_irrawaddy_s_and_only_the_front_naw_bu_s(real_site: Path) -> None:
    # The Irrawaddy, 8 May 2025: "Around 20 battalions ... totalling around 1,000 troops" is the
    # report's own paragraph 3; "the battlefield stretches around 20 miles" is Naw Bu's quote (para. 7).
    row = page_tree(real_site, "chronology").get_element_by_id("naw-bu-explains-stalemate")
    figures = {shown_text(li).split(":", 1)[0]: shown_text(li) for li in row.xpath(".//ul[@class='bw-figures']/li")}
    assert "(The Irrawaddy's own report, not attributed to Naw Bu)" in figures["Junta battalions in the town"]
    assert "(The Irrawaddy's own report, not attributed to Naw Bu)" in figures["Junta troops in the town"]
    assert "Naw Bu" not in figures["Junta troops in the town"].replace("not attributed to Naw Bu", "")
    assert "(claim by Naw Bu)" in figures["Length of the front line"]
    item = json.loads((real_site / "api" / "events" / "naw-bu-explains-stalemate.json").read_text(encoding="utf-8"))["item"]
    assert [c.get("own_voice") for c in item["figures"]["junta troops in the town"]] == [True]
    assert [c.get("own_voice") for c in item["figures"]["length of the front line"]] == [None]


def test_every_figure_of_a_claimed_event_shows_a_claimant_or_the_text_s_own_voice(index, real_site: Path) -> None:
    tree = page_tree(real_site, "chronology")
    checked = 0
    for event in index.events:
        if event.claimed_by is None or not event.figures:
            continue
        for li in tree.get_element_by_id(event.id).xpath(".//ul[@class='bw-figures']/li"):
            labels = li.xpath(".//span[contains(concat(' ', @class, ' '), ' bw-claimant ')]")
            assert labels, f"{event.id}: {shown_text(li)!r} shows no claimant"
            checked += 1
    assert checked >= 8


def test_each_phase_date_that_one_party_gives_shows_its_claimant(real_site: Path) -> None:
    # KNG: fighting "flared again on Christmas Day last year ... KIA spokesperson Colonel Naw Bu said".
    renewed = page_tree(real_site, "phases/kia-renewed-offensive-2025-12")
    dates = renewed.xpath("//aside[contains(@class,'bw-infobox')]//th[.='Dates']/following-sibling::td[1]")[0]
    assert shown_text(dates).startswith("25 Dec 2025 (claim by Naw Bu)[")
    assert shown_text(renewed.find_class("bw-range")[0]).startswith("From 25 Dec 2025 (claim by Naw Bu)[")
    # DVB: "paused from April 2-22 during a regime ceasefire, according to residents".
    ceasefire = page_tree(real_site, "phases/ceasefire-and-renewed-offensive")
    dates = ceasefire.xpath("//aside[contains(@class,'bw-infobox')]//th[.='Dates']/following-sibling::td[1]")[0]
    assert shown_text(dates).startswith("2 Apr 2025 (claim by residents, per DVB)[")
    phase = json.loads((real_site / "api" / "phases" / "kia-renewed-offensive-2025-12.json").read_text(encoding="utf-8"))["item"]
    assert phase["start_claim"]["claimed_by"] == {"person": "naw-bu"}


def test_an_event_dated_only_to_a_year_is_not_grouped_inside_a_month(index, real_site: Path) -> None:
    tree = page_tree(real_site, "chronology")
    headings = [shown_text(h) for h in tree.find_class("bw-month")]
    assert len(headings) == len(set(headings)), headings  # no month split in two by a year-only group
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    for event in index.events:
        heading = shown_text(tree.get_element_by_id(event.id).getparent().getprevious())
        if event.date.month:
            assert heading == f"{months[event.date.month - 1]} {event.date.year}", event.id
        else:
            assert heading.endswith("(no month given)") and str(event.date.year) in heading, (event.id, heading)
    # KNG: "By mid-2025, the KIA had seized control of most of Bhamo Town" names no month.
    assert "Mid 2025 (no month given)" in headings
    assert headings.index("Mid 2025 (no month given)") == headings.index("May 2025") - 1


def test_myanmar_now_is_dated_only_after_10_august_2025_wherever_it_is_named(real_site: Path) -> None:
    # The text mentions "August 10" as past and was published on a Friday: no month is known.
    page = page_tree(real_site, "sources/myanmar-now-2025-08")
    assert shown_text(page.xpath("//h1")[0]).rstrip("¶") == "Myanmar Now, after 10 August 2025"
    seen = 0
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "Myanmar Now, August 2025" not in text, path
        tree = lxml.html.fromstring(text)
        for ref in tree.xpath("//li[starts-with(@id, 'ref-')][.//a[contains(@href, 'sources/myanmar-now-2025-08/')]]"):
            assert "after 10 August 2025" in shown_text(ref), path
            seen += 1
        for mark in tree.xpath("//sup[@class='bw-cite']/a[contains(@title, 'Myanmar Now')]"):
            assert mark.get("title").startswith("Myanmar Now, after 10 August 2025"), path
    assert seen >= 10
    record = json.loads((real_site / "api" / "sources.csl.json").read_text(encoding="utf-8"))
    (csl,) = [r for r in record if r["id"] == "myanmar-now-2025-08"]
    assert csl["title"] == "Myanmar Now, after 10 August 2025" and csl["issued"] == {"literal": "after 10 Aug 2025"}
