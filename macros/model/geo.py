"""Coordinates as the source writes them: degrees, minutes, seconds or decimals, never more digits.

`lat: 24°16′N` and `lon: 97°14′E` keep the source's own precision; the model parses them to
numbers and checks that the declared `precision` is the one written, so a value can never look
more exact than the page it comes from.
"""

from __future__ import annotations

import math
import re
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator

from .base import Model, Text
from .claim import Citation

Precision = Literal["degree", "minute", "second", "0.1 degree", "0.01 degree", "0.001 degree", "0.0001 degree", "0.00001 degree"]
# Half of one unit of each precision, in degrees: how far the true point can lie from the written one.
HALF_UNIT = {"degree": 0.5, "minute": 0.5 / 60, "second": 0.5 / 3600,
             **{f"0.{'0' * n}1 degree": 0.5 * 10 ** -(n + 1) for n in range(5)}}
_ORDER = list(HALF_UNIT)

_DMS = re.compile(r"^(\d{1,3})°(?:\s*(\d{1,2})[′'](?:\s*(\d{1,2}(?:\.\d+)?)[″\"])?)?\s*([NSEW])$")
_DECIMAL = re.compile(r"^[+-]?\d{1,3}(?:\.(\d{1,5}))?$")


def parse_angle(text: str, axis: Literal["lat", "lon"]) -> tuple[float, Precision]:
    """(value in degrees, precision as written); a ValueError saying what is expected otherwise."""
    text = str(text).strip()
    hemispheres = "NS" if axis == "lat" else "EW"
    match = _DMS.match(text)
    if match:
        degrees, minutes, seconds, hemisphere = match.groups()
        if hemisphere not in hemispheres:
            raise ValueError(f"'{text}' ends in {hemisphere}; a {'latitude' if axis == 'lat' else 'longitude'} ends in {' or '.join(hemispheres)}")
        if (minutes and int(minutes) >= 60) or (seconds and float(seconds) >= 60):
            raise ValueError(f"'{text}': minutes and seconds must be below 60")
        if seconds and "." in seconds:
            raise ValueError(f"'{text}': give seconds as whole numbers, as the source writes them")
        value = int(degrees) + int(minutes or 0) / 60 + float(seconds or 0) / 3600
        precision: Precision = "second" if seconds else "minute" if minutes else "degree"
        value = -value if hemisphere in "SW" else value
    elif _DECIMAL.match(text):
        value = float(text)
        digits = len(_DECIMAL.match(text).group(1) or "")
        precision = "degree" if digits == 0 else f"0.{'0' * (digits - 1)}1 degree"  # type: ignore[assignment]
    else:
        raise ValueError(f"'{text}' is not a coordinate; write it as the source does, e.g. 24°16′N, 97°14′E, 24°16′15″N or 24.27")
    limit = 90 if axis == "lat" else 180
    if not math.isfinite(value) or abs(value) > limit:
        raise ValueError(f"'{text}' is out of range; a {'latitude' if axis == 'lat' else 'longitude'} lies between -{limit} and {limit}")
    return value, precision


def _finest(*precisions: Precision) -> Precision:
    return max(precisions, key=_ORDER.index)


class _Written(Model):
    precision: Precision = Field(description="The precision the source gives (its degrees, minutes or seconds): never finer")
    sources: list[Citation] = Field(min_length=1)
    note: Text | None = None

    def _check(self, *values: tuple[str, Literal["lat", "lon"]]) -> list[float]:
        parsed = [parse_angle(text, axis) for text, axis in values]
        written = _finest(*(p for _, p in parsed))
        if written != self.precision:
            raise ValueError(f"the values are written to the {written} but precision says '{self.precision}'; "
                             f"write them exactly as the source does and give that precision")
        return [v for v, _ in parsed]


class Coordinates(_Written):
    """A point a source gives for a place."""

    lat: str
    lon: str
    kind: Literal["town", "site", "approximate"] = Field(description="town: the point a source gives for a town; "
                                                         "site: for one site; approximate: a source's rough position")

    _point: tuple[float, float] = PrivateAttr()

    @model_validator(mode="after")
    def _values(self) -> Coordinates:
        lat, lon = self._check((self.lat, "lat"), (self.lon, "lon"))
        self._point = (lat, lon)
        return self

    @property
    def point(self) -> tuple[float, float]:
        """(latitude, longitude) in degrees."""
        return self._point

    @property
    def uncertainty(self) -> float:
        """Half a unit of the precision, in degrees."""
        return HALF_UNIT[self.precision]


class Bounds(_Written):
    """The extent a source gives for an area ("between latitudes 23°27′N and 28°25′N ...")."""

    south: str
    north: str
    west: str
    east: str

    _box: tuple[float, float, float, float] = PrivateAttr()

    @model_validator(mode="after")
    def _values(self) -> Bounds:
        south, north, west, east = self._check((self.south, "lat"), (self.north, "lat"), (self.west, "lon"), (self.east, "lon"))
        if south >= north or west >= east:
            raise ValueError("south must be below north and west below east")
        self._box = (south, west, north, east)
        return self

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(south, west, north, east) in degrees."""
        return self._box

    def contains(self, lat: float, lon: float) -> bool:
        margin = HALF_UNIT[self.precision]
        south, west, north, east = self.box
        return south - margin <= lat <= north + margin and west - margin <= lon <= east + margin
