"""The map frame: an equirectangular projection (standard parallel at the frame's middle
latitude), which keeps north up and scale true along that parallel over a small region."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .sphere import EARTH_KM

KM_PER_DEGREE = EARTH_KM * math.pi / 180
WIDTH = 600.0  # viewBox units; the SVG scales to its box
MAX_ASPECT = 1.15  # height / width at most: tall regions are widened instead
MIN_ASPECT = 0.55
NICE_KM = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000)


@dataclass(frozen=True)
class Frame:
    west: float
    south: float
    east: float
    north: float

    @property
    def lat0(self) -> float:
        return (self.south + self.north) / 2

    @property
    def scale(self) -> float:
        """viewBox units per degree of latitude."""
        return WIDTH / ((self.east - self.west) * math.cos(math.radians(self.lat0)))

    @property
    def height(self) -> float:
        return (self.north - self.south) * self.scale

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return ((lon - self.west) * self.scale * math.cos(math.radians(self.lat0)), (self.north - lat) * self.scale)

    def scale_bar(self) -> tuple[float, int]:
        """(length in viewBox units, km): a round distance near a quarter of the width."""
        per_km = self.scale / KM_PER_DEGREE
        km = max((k for k in NICE_KM if k * per_km <= WIDTH / 3), default=NICE_KM[0])
        return km * per_km, km

    def graticule_step(self) -> float:
        span = self.north - self.south
        return next(s for s in (0.1, 0.25, 0.5, 1, 2, 5, 10, 30) if span / s <= 6)


def fit(points: list[tuple[float, float]], pad_km: float = 25.0, min_km: float = 40.0) -> Frame:
    """A frame around (lat, lon) points: padded, at least `min_km` across, aspect kept within bounds."""
    lats = [p[0] for p in points] or [0.0]
    lons = [p[1] for p in points] or [0.0]
    lat0 = (min(lats) + max(lats)) / 2
    coslat = max(math.cos(math.radians(lat0)), 0.05)
    pad_lat = pad_km / KM_PER_DEGREE
    pad_lon = pad_km / (KM_PER_DEGREE * coslat)
    south, north = min(lats) - pad_lat, max(lats) + pad_lat
    west, east = min(lons) - pad_lon, max(lons) + pad_lon
    half_lat = max((north - south) / 2, min_km / KM_PER_DEGREE / 2)
    half_lon = max((east - west) / 2, min_km / (KM_PER_DEGREE * coslat) / 2)
    mid_lat, mid_lon = (south + north) / 2, (west + east) / 2
    # widths in kilometres-like units, so the aspect is the drawn one
    if half_lat / (half_lon * coslat) > MAX_ASPECT:
        half_lon = half_lat / MAX_ASPECT / coslat
    elif half_lat / (half_lon * coslat) < MIN_ASPECT:
        half_lat = half_lon * coslat * MIN_ASPECT
    return Frame(mid_lon - half_lon, max(mid_lat - half_lat, -89.9), mid_lon + half_lon, min(mid_lat + half_lat, 89.9))
