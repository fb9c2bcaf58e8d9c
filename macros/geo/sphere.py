"""Great-circle distance and bearing on a sphere of the Earth's mean radius."""

from __future__ import annotations

import math

EARTH_KM = 6371.0088  # IUGG mean radius
KM_PER_MILE = 1.609344
COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Haversine distance between two (lat, lon) points in degrees."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Initial bearing from a to b, degrees clockwise from north, in [0, 360)."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    y = math.sin(lon2 - lon1) * math.cos(lat2)
    x = math.cos(lat1) * math.sin(lat2) - math.sin(lat1) * math.cos(lat2) * math.cos(lon2 - lon1)
    return math.degrees(math.atan2(y, x)) % 360


def compass(degrees: float) -> str:
    """The nearest of the eight compass points."""
    return COMPASS[round(degrees / 45) % 8]


def angle_between(a: float, b: float) -> float:
    """The smaller angle between two bearings, in degrees."""
    return abs((a - b + 180) % 360 - 180)


def heading(point: str) -> float:
    return COMPASS.index(point) * 45.0
