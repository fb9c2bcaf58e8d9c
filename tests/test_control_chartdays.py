"""The days a control chart draws (macros/views/chartdays.py, macros/index.py's `same_state`), on
the fictional fixture built for real: a report dated only by a bound starts faded, and two
reports joined only through an alias of the site, or across a text's "flared again", are not
drawn as one run."""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import build_fiction

# Karsk: contested on 2 April in its own name, on 10 April as "Karsko" (an alias a text states), and
# on 20 April as "Old Karsk" (an alias this wiki identifies with it). The
# League takes the ferry some time after 5 April, which River Radio (after 10 March) cannot date;
# the North Gazette (2 March) reports it taken, in a report no earlier than the bound.
EVENTS = """
  - id: karsk-fought-over
    date: 2031-04-02
    kind: clash
    title: Fighting in Karsk
    summary: Karsk is fought over.
    places: [karsk]
    control:
      - {site: karsk, contested: true}
    sources: [north-gazette-2031-03-02]
  - id: karsko-fought-over
    date: 2031-04-10
    kind: clash
    title: Fighting in Karsko
    summary: Karsko is fought over.
    places: [karsk]
    named:
      - {ref: karsk, name: Karsko}
    control:
      - {site: karsk, contested: true}
    sources: [north-gazette-2031-03-02]
  - id: old-karsk-fought-over
    date: 2031-04-20
    kind: clash
    title: Fighting in Old Karsk
    summary: Old Karsk is fought over.
    places: [karsk]
    named:
      - {ref: karsk, name: Old Karsk}
    control:
      - {site: karsk, contested: true}
    sources: [north-gazette-2031-03-02]
  - id: karsk-fought-over-in-may
    date: 2031-05-01
    kind: clash
    title: Fighting in Karsk in May
    summary: Karsk is fought over again.
    places: [karsk]
    control:
      - {site: karsk, contested: true}
    sources: [north-gazette-2031-03-02]
  - id: karsk-flares-again
    date: 2031-05-20
    kind: clash
    title: Fighting flares again in Karsk
    summary: The fighting in Karsk flares again.
    places: [karsk]
    control:
      - {site: karsk, contested: true, renewed: true, note: the text says it flared again}
    sources: [north-gazette-2031-03-02]
  - id: fort-held-in-june
    date: 2031-06
    kind: other
    title: The League says it holds the fort in June
    summary: The League holds the fort, it says.
    places: [karsk-fort]
    control:
      - {site: karsk-fort, holds: blue-league}
    sources: [river-radio-report]
    claimed_by: {party: blue-league}
  - id: fort-lost-mid-june
    date: 2031-06-15
    kind: capture
    title: The Army takes the fort
    summary: The Army has the fort.
    places: [karsk-fort]
    control:
      - {site: karsk-fort, to: grey-army}
    sources: [river-radio-report]
  - id: ferry-taken-some-time
    date: after 2031-04-05
    kind: capture
    title: The League takes the ferry
    summary: The League has taken the ferry.
    places: [karsk-ferry]
    control:
      - {site: karsk-ferry, to: blue-league, as_of: 2031-04-25}
    sources: [north-gazette-2031-03-02]
  - id: ferry-held-later
    date: 2031-05-10
    kind: other
    title: The League holds the ferry
    summary: The League is at the ferry.
    places: [karsk-ferry]
    control:
      - {site: karsk-ferry, holds: blue-league}
    sources: [north-gazette-2031-03-02]
"""
PAGE = "# Control\n\n{{ control() }}\n\n## References\n\n{{ references() }}\n"


@pytest.fixture(scope="module")
def chart(tmp_path_factory: pytest.TempPathFactory) -> lxml.html.HtmlElement:
    old_karsk = ("aliases: [{name: Karsko, sources: [north-gazette-2031-03-02]}]",
                 "aliases: [{name: Karsko, sources: [north-gazette-2031-03-02]}, "
                 "{name: Old Karsk, identified: 'the same town: the Gazette puts both on the ford'}]")
    site = build_fiction(tmp_path_factory.mktemp("chartdays"), EVENTS, {"control.md": PAGE}, {"places.yaml": old_karsk})
    return lxml.html.parse(str(site / "control" / "index.html")).getroot()


def row(chart: lxml.html.HtmlElement, site: str) -> lxml.html.HtmlElement:
    (found,) = [r for r in chart.find_class("bw-chart-row") if r.get("data-bw-site") == site]
    return found


def box(element: lxml.html.HtmlElement) -> tuple[float, float]:
    left, width = (float(v) for v in re.findall(r"([\d.]+)%", element.get("style")))
    return left, width


def test_reports_joined_only_through_an_alias_are_not_one_run(chart: lxml.html.HtmlElement) -> None:
    karsk = row(chart, "karsk")
    bars = karsk.find_class("bw-bar")
    # The text's own alias repeats the state (one bar, 2 to 10 April); ours does not (a gap to the 20th).
    assert [b.get("data-bw-days") for b in bars][:2] == ["2031-04-02 2031-04-10", "2031-04-20 2031-04-20"]
    assert "last reported 10 Apr 2031, then no report until the next, which differs (20 Apr 2031)" in bars[0].get("title")
    assert "reported as Old Karsk, identified here with Karsk" in bars[1].get("title"), bars[1].get("title")
    assert karsk.find_class("bw-gap")[0].get("data-bw-days") == "2031-04-10 2031-04-20"


def test_a_state_the_text_says_began_anew_does_not_continue_the_one_before(chart: lxml.html.HtmlElement) -> None:
    karsk = row(chart, "karsk")
    days = [b.get("data-bw-days") for b in karsk.find_class("bw-bar")]
    assert days[2:] == ["2031-05-01 2031-05-01", "2031-05-20 2031-05-20"], days  # not one run from 1 to 20 May
    assert [g.get("data-bw-days") for g in karsk.find_class("bw-gap")][-1] == "2031-05-01 2031-05-20"


def test_a_change_dated_only_after_a_day_starts_faded_until_it_is_reported(chart: lxml.html.HtmlElement) -> None:
    ferry = row(chart, "karsk-ferry")
    (taken,) = [b for b in ferry.find_class("bw-bar") if "ferry-taken-some-time" in b.get("href")]
    assert taken.get("data-bw-days").startswith("2031-04-05 ")
    assert "after 5 Apr 2031 (faded where no text dates it more closely)" in taken.get("title")
    (lead,) = ferry.find_class("bw-fade")
    left, width = box(lead)
    bar_left, bar_width = box(taken)
    assert left == bar_left and 0 < width < bar_width  # faded from the bound to the report of 25 April, solid after
    days_total = bar_width / width  # the bar runs 5 Apr to 10 May (35 days); the lead 5 to 25 April (20)
    assert abs(days_total - 35 / 20) < 0.1, (width, bar_width)
    legend = " ".join(chart.find_class("bw-legend")[0].text_content().split())
    assert "dated only by a bound" in legend


def test_a_report_of_a_month_does_not_run_to_a_differing_report_inside_that_month(chart: lxml.html.HtmlElement) -> None:
    # The League's fall of the fort (1 March) is repeated "in June", then the Army takes it on 15 June.
    # The June report may speak of any day of June, so it is not drawn as lasting until the 15th:
    # its bar fades over June up to the next report, and its label says "last reported".
    fort = row(chart, "karsk-fort")
    held = fort.find_class("bw-bar")[0]
    assert held.get("data-bw-days") == "2031-03-01 2031-06-15"
    assert held.get("title").endswith("last reported Jun 2031, then no report until the next, which differs (15 Jun 2031)"), held.get("title")
    (fade,) = fort.find_class("bw-fade")  # the joined June report's uncertain end, kept on the joined bar
    left, width = box(fade)
    bar_left, bar_width = box(held)
    assert abs(left + width - (bar_left + bar_width)) < 0.02 and width > 0 and left > bar_left + bar_width / 2


def test_a_day_or_a_bound_that_is_the_report_itself_is_not_faded(chart: lxml.html.HtmlElement) -> None:
    # The Gazette's ferry yard report of 2 March (a day) and River Radio's "after 10 March" ferry
    # report, which is its own date, draw no faded start.
    fort = row(chart, "karsk-fort")
    assert [b.get("data-bw-days") for b in fort.find_class("bw-bar")][-1] == "2031-06-15 2031-06-15"
    assert len(fort.find_class("bw-fade")) == 1  # June's only, above: none for the day-dated reports
    assert len(row(chart, "karsk-ferry").find_class("bw-fade")) == 1
