"""Rules on positions across places: a point lies inside the extent of every place around it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..dataset import Dataset
from ..errors import DataError

ErrorAt = Callable[[Dataset, Any, tuple[str | int, ...], str], DataError]


def _fmt(box: tuple[float, float, float, float]) -> str:
    south, west, north, east = box
    return f"{south:g}..{north:g}°N, {west:g}..{east:g}°E"


def check_positions(data: Dataset, error_at: ErrorAt) -> list[DataError]:
    """A place's point must fall within the bounds (as precise as they are given) of the place
    itself and of every place it lies within, where both are known."""
    places = {p.id: p for p in data.items.get("places", [])}
    errors = []
    for place in places.values():
        if place.coordinates is None:
            continue
        lat, lon = place.coordinates.point
        seen: set[str] = set()
        around: Any = place
        while around is not None and around.id not in seen:  # a `within` cycle is reported elsewhere
            seen.add(around.id)
            if around.bounds is not None and not around.bounds.contains(lat, lon):
                whose = "its own bounds" if around is place else f"the bounds of '{around.id}', which it lies within"
                message = (f"the point {lat:.4f}°, {lon:.4f}° lies outside {whose} ({_fmt(around.bounds.box)}); "
                           f"check both against their sources")
                errors.append(error_at(data, place, ("coordinates",), message))
            around = places.get(around.within) if around.within else None
    return errors
