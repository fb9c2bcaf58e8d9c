"""A place's `within` is cited to the texts that place it there, or marked as our placing with its basis."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .errors import DataError

Report = Callable[[Any, tuple[str | int, ...], str], DataError]


def check_placing(places: Iterable[Any], error: Report) -> list[DataError]:
    """`within` needs `within_sources` or `within_basis`; either of those needs a `within`."""
    errors = []
    for place in places:
        if place.within and not place.within_sources and not place.within_basis:
            message = (f"'{place.within}' is cited to no text and not marked as our placing; add 'within_sources' (the texts "
                       "that place it there) or 'within_basis' (why we place it there, since no text does)")
            errors.append(error(place, ("within",), message))
        elif not place.within and (place.within_sources or place.within_basis):
            field = "within_sources" if place.within_sources else "within_basis"
            errors.append(error(place, (field,), f"'{field}' needs a 'within' to support; add it or remove this"))
    return errors
