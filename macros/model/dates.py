"""Dates as the sources give them: a day, a month or a year, with an optional qualifier.

Written in the data as "[qualifier ]YYYY[-MM[-DD]]", e.g. "2024-12-04", "by 2024-12-25",
"early 2025-05", "first week of 2025-05", "after 2025-08-10". No date is made more precise
than its source.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

QUALIFIERS = ("by", "about", "after", "before", "as of", "early", "mid", "late", "first week of", "until")
# Qualifiers that make a date a bound (or a report date), not a point inside the period it names.
BOUNDS = ("by", "after", "before", "until", "as of")
_PATTERN = re.compile(
    r"^(?:(?P<q>" + "|".join(q.replace(" ", r"\s") for q in QUALIFIERS) + r")\s)?"
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$"
)
_MONTHS = [calendar.month_abbr[i] for i in range(13)]
_MONTH_NAMES = [calendar.month_name[i] for i in range(13)]
# The part of a month (days) or of a year (months) that a qualifier narrows a date to.
_IN_MONTH = {"early": (1, 10), "mid": (11, 20), "late": (21, 31), "first week of": (1, 7)}
_IN_YEAR = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_LONGEST = 40  # "first week of 2025-05" with room for extra spaces: longer is not a date
EXPECTED = "a date like 2025-05-08, 2025-05 or 2025, optionally after one of: " + ", ".join(QUALIFIERS)


@functools.total_ordering
@dataclass(frozen=True)
class FuzzyDate:
    """A date with the precision its source gives; ordered by its earliest, then latest, possible day."""

    year: int
    month: int = 0
    day: int = 0
    qualifier: str = ""

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @functools.cached_property  # computed once: sorting and phase look-ups ask for both bounds again and again
    def first_day(self) -> dt.date:
        # A qualifier narrows a month or a year: "late 2025-02" cannot mean 2 Feb, so it sorts
        # after it and falls into the right phase.
        if self.day:
            return self._exact_day()
        if self.month:
            return dt.date(self.year, self.month, _IN_MONTH.get(self.qualifier, (1, 31))[0])
        return dt.date(self.year, _IN_YEAR.get(self.qualifier, (1, 12))[0], 1)

    def _exact_day(self) -> dt.date:
        # "after 8 Jan" is the 9th at the earliest and "before 8 Jan" the 7th at the latest, so
        # such events sort after (or before) those of the day itself.
        day = dt.date(self.year, self.month, self.day)
        shift = {"after": 1, "before": -1}.get(self.qualifier, 0)
        return day + dt.timedelta(days=shift)

    @functools.cached_property
    def last_day(self) -> dt.date:
        if self.day:
            return self._exact_day()
        if self.month:
            days = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, min(days, _IN_MONTH.get(self.qualifier, (1, 31))[1]))
        month = _IN_YEAR.get(self.qualifier, (1, 12))[1]
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return (self.first_day, self.last_day, self.qualifier) < (other.first_day, other.last_day, other.qualifier)

    @property
    def iso(self) -> str:
        """The date part alone: 2025-05-08, 2025-05 or 2025."""
        out = f"{self.year:04d}"
        if self.month:
            out += f"-{self.month:02d}"
        if self.day:
            out += f"-{self.day:02d}"
        return out

    def __str__(self) -> str:
        return f"{self.qualifier} {self.iso}" if self.qualifier else self.iso

    def display(self) -> str:
        """For readers: "by 25 Dec 2024", "early May 2025", "Aug 2025"."""
        if self.day:
            text = f"{self.day} {_MONTHS[self.month]} {self.year}"
        elif self.month:
            name = _MONTH_NAMES[self.month] if self.qualifier else _MONTHS[self.month]
            text = f"{name} {self.year}"
        else:
            text = str(self.year)
        return f"{self.qualifier} {text}" if self.qualifier else text

    def since(self) -> str:
        """When a state began: "from 4 Dec 2024", but "by 23 Apr 2024" and "after 1 Aug 2025" as they stand."""
        return self.display() if self.qualifier in BOUNDS else f"from {self.display()}"


def parse_date(value: Any) -> FuzzyDate:
    """Parse the written form; raise ValueError with what was expected."""
    if isinstance(value, FuzzyDate):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected {EXPECTED}")
    if len(value) > _LONGEST:
        raise ValueError(f"'{value[:_LONGEST]}…' is not {EXPECTED}")
    match = _PATTERN.match(value.strip())
    if not match:
        raise ValueError(f"'{value}' is not {EXPECTED}")
    year, month, day = int(match["y"]), int(match["m"] or 0), int(match["d"] or 0)
    qualifier = " ".join((match["q"] or "").split())
    if year < 1:
        raise ValueError(f"'{value}' has no year 0; years run 0001 to 9999")
    if match["m"] and not 1 <= month <= 12:
        raise ValueError(f"'{value}' has no month {month}; months run 01 to 12")
    if match["d"]:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValueError(f"'{value}' is an impossible date: {_MONTH_NAMES[month]} {year} has {last} days; fix the day")
    if qualifier == "first week of" and (day or not month):
        raise ValueError(f"'{value}': 'first week of' takes a month, like 'first week of 2025-05'")
    date = FuzzyDate(year, month, day, qualifier)
    try:
        date.first_day, date.last_day  # noqa: B018 - "after 9999-12-31" would be a day past the calendar
    except OverflowError:
        raise ValueError(f"'{value}' reaches outside the years 0001 to 9999; drop '{qualifier}' or fix the date") from None
    return date


Date = Annotated[
    FuzzyDate,
    BeforeValidator(parse_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": _PATTERN.pattern, "description": EXPECTED}),
]


class FieldError(ValueError):
    """A rule across fields, raised by a model validator, that names the field at fault."""

    def __init__(self, message: str, *fields: str) -> None:
        super().__init__(message)
        self.fields = fields


def check_range(start: FuzzyDate, end: FuzzyDate | None) -> None:
    """An end may not lie wholly before its start."""
    if end is not None and end.last_day < start.first_day:
        raise FieldError(f"end {end} is before start {start}; swap them or fix the date", "end")
