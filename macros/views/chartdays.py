"""The days a control chart draws each report over, shared by the chart and the map's slider."""

from __future__ import annotations

import datetime as dt

from ..index import ControlSpan
from ..model import FuzzyDate


def reach(span: ControlSpan) -> FuzzyDate:
    """The latest moment a report speaks of: the date a text looks back to, else the date of its
    newest text, else the event's own; a bar with no later report ends there, never further."""
    own = span.event.end or span.event.date
    told = span.as_of or span.reported  # on the same days, the text's own wording ("8 May", not "by 8 May")
    return own if told is None or (own.first_day, own.last_day) > (told.first_day, told.last_day) else told


def start_day(date: FuzzyDate) -> dt.date:
    """Where a bar starts: "after 1 Aug" at the bound itself (its label keeps "after"), not a day no text gives."""
    return date.first_day - dt.timedelta(days=1) if date.day and date.qualifier == "after" else date.first_day


def vague(date: FuzzyDate) -> bool:
    """A month, a part of one, a season or a year: the text gives no day inside it."""
    return not date.day and date.qualifier not in ("after", "before")


def last_told(date: FuzzyDate) -> dt.date:
    """The last day a report can be about: the end of a month or year it names ("mid 2025", "by
    February"), else its first possible day ("8 May", "after 10 Aug" at the 11th)."""
    return date.last_day if vague(date) else date.first_day


def bar_days(span: ControlSpan) -> tuple[dt.date, dt.date]:
    """The first and last day the chart draws a report's state: from its event to its own last
    report (the latest moment it speaks of); on to the next report only if that report repeats
    the state. Between, no text says who holds the site: the chart and the map show no holder."""
    first = start_day(span.event.date)
    last = max(last_told(reach(span)), first)
    if span.until:
        nxt = start_day(span.until.date)
        last = min(last, nxt) if span.standing else nxt
    return first, last


def runs_to_next(span: ControlSpan) -> bool:
    """It repeats the next report, or its own text surely reaches it (a period it speaks of that
    only may reach the next report, "mid 2025" before "Jul 2025", does not)."""
    if span.until is None:
        return False
    return span.repeated or max(reach(span).first_day, start_day(span.event.date)) >= start_day(span.until.date)


def state_during(spans: list[ControlSpan], first: dt.date, last: dt.date) -> ControlSpan | None:
    """The report the chart shows for a stretch of days (the latest bar reaching into it); None: no report."""
    shown = [s for s in spans if bar_days(s)[0] <= last and bar_days(s)[1] >= first]
    return shown[-1] if shown else None


def faded_days(span: ControlSpan, joined: bool = False) -> list[tuple[dt.date, dt.date]]:
    """The stretches of a report's bar that its dates leave uncertain, drawn faded:
    - its start, where the text gives only a bound or a period ("after 1 Aug" reported on the
      15th, "by April", "mid 2025"): the change came somewhere from the bar's start to the first
      day the state surely holds (its report, or the period's end);
    - its end, where the report speaks of a period ("last reported mid 2025") and no later report
      repeats it: the state is told for some time in it, not for all of it.
    A report `joined` to the one before it (it repeats the state) has no uncertain start: the bar
    runs through it; only its uncertain end is drawn. None where the days are given, or where the
    bound is the report's own date."""
    first, last = bar_days(span)
    date, told = span.event.date, reach(span)
    known = told.first_day if date.qualifier == "after" else date.last_day if vague(date) else first
    out = [] if joined else [(first, min(known, last))]
    if span.standing and vague(told):
        out.append((max([told.first_day, *(b for _, b in out)]), last))
    return [(a, b) for a, b in out if (b - a).days > 1]  # "after 8 Jan", reported after 8 Jan: no stretch
