"""A source's name says no more of its date than its `date` does.

A source's name is its label everywhere it is cited (reference lists, citation previews, page
titles), so a name like "Some Outlet, August 2025" for a text known only as "after 10 August
2025" would state a month the text does not give. A name that mentions a month or the year of
its source's date must spell that date out in full, qualifier and all.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable
from typing import Any

from .citations import long_date
from .errors import DataError
from .sentences import words

_MONTHS = frozenset(m.casefold() for m in calendar.month_name[1:]) | frozenset(m.casefold() for m in calendar.month_abbr[1:])


def name_problem(name: str, date: Any) -> str | None:
    """Why a name says more (or other) of its source's date than the date does; None when it does not."""
    tokens = words(name)
    mentions = bool(_MONTHS.intersection(tokens)) or str(date.year) in tokens
    if not mentions or date.display() in name or long_date(date) in name:
        return None
    return (f"the name mentions a date, but the source's 'date' is {date} ('{long_date(date)}'); a name is shown wherever the "
            f"source is cited, so write the date as the date field gives it, e.g. '…, {long_date(date)}', or leave it out of the name")


def check_source_names(sources: Iterable[Any], error: Callable[[Any, tuple[str | int, ...], str], DataError]) -> list[DataError]:
    return [error(s, ("name",), problem) for s in sources if s.date is not None and (problem := name_problem(s.name, s.date))]
