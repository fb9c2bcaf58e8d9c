"""Stated distances and directions beside the ones computed from two sourced points.

A text's figure corroborates the coordinates (or questions one of them) when the two agree
within a tolerance, documented on the Map page and in the README:

- distance: the gap may be up to TOLERANCE_SHARE of the stated figure, plus how far the two
  points can be off at their precision (half a unit each way in latitude and longitude);
- direction: the computed bearing may be up to TOLERANCE_DEGREES from the stated compass point.

A road or river distance is longer than the great circle, so a flagged gap is a question for an
editor, not a verdict on either source.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .sphere import KM_PER_MILE, angle_between, bearing, compass, distance_km, heading

TOLERANCE_SHARE = 0.15
TOLERANCE_DEGREES = 45.0


@dataclass(frozen=True)
class CrossCheck:
    place: Any  # the Place the text measures from (it lies `direction` of `other`)
    other: Any
    distance: Any  # the Distance record, with its sources
    stated_km: float | None
    computed_km: float
    allowed_km: float
    computed_bearing: float  # from `other` to `place`

    @property
    def gap_km(self) -> float | None:
        return None if self.stated_km is None else self.stated_km - self.computed_km

    @property
    def distance_ok(self) -> bool | None:
        return None if self.gap_km is None else abs(self.gap_km) <= self.allowed_km

    @property
    def computed_compass(self) -> str:
        return compass(self.computed_bearing)

    @property
    def direction_ok(self) -> bool | None:
        stated = self.distance.direction
        return None if stated is None else angle_between(heading(stated), self.computed_bearing) <= TOLERANCE_DEGREES

    @property
    def flagged(self) -> bool:
        return self.distance_ok is False or self.direction_ok is False


def _slack_km(coordinates: Any, lat: float) -> float:
    """How far the true point can lie from a written one at its precision."""
    half = coordinates.uncertainty
    return math.hypot(half * 111.2, half * 111.2 * math.cos(math.radians(lat)))


def cross_checks(places: list[Any], by_id: dict[str, Any]) -> list[CrossCheck]:
    """Every stated distance between two places that both have coordinates."""
    out = []
    for place in places:
        for d in place.distances:
            other = by_id.get(d.to)
            if place.coordinates is None or other is None or other.coordinates is None:
                continue
            a, b = place.coordinates.point, other.coordinates.point
            stated = d.km if d.km is not None else d.miles * KM_PER_MILE if d.miles is not None else None
            computed = distance_km(a, b)
            slack = _slack_km(place.coordinates, a[0]) + _slack_km(other.coordinates, b[0])
            allowed = (TOLERANCE_SHARE * stated if stated else 0) + slack
            out.append(CrossCheck(place, other, d, stated, computed, allowed, bearing(b, a)))
    return out
