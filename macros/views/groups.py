"""The chronology's headings: a month for each event dated to a month or a day, and a group of its
own for each event the texts date only to a year or part of one ("mid 2025"), so that no such
event is shown inside a month it may not belong to."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from ..model import Event, FuzzyDate


@dataclass
class Group:
    id: str      # element id of its heading: "month-2025-05", "year-2025-mid"
    label: str   # "May 2025", "Mid 2025 (no month given)"
    start: dt.date
    events: list[Event] = field(default_factory=list)


def _key(date: FuzzyDate) -> tuple[str, str, dt.date]:
    if date.month:
        return f"month-{date.year}-{date.month:02d}", f"{calendar.month_name[date.month]} {date.year}", dt.date(date.year, date.month, 1)
    words = "-".join(date.qualifier.split())
    label = date.display()
    return f"year-{date.year}" + (f"-{words}" if words else ""), f"{label[:1].upper()}{label[1:]} (no month given)", date.first_day


def by_month(events: list[Event]) -> list[Group]:
    """Events (in time order) under their headings. A year group goes before the month it starts in,
    never inside it; each group keeps its events in time order."""
    groups: dict[str, Group] = {}
    for event in events:
        ident, label, start = _key(event.date)
        groups.setdefault(ident, Group(ident, label, start)).events.append(event)
    return sorted(groups.values(), key=lambda g: (g.start, g.id.startswith("month-")))
