"""macros/model/geo.py and macros/geo/: coordinates as written, distances, cross-checks, clipping, frames."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from macros.geo.crosscheck import cross_checks
from macros.geo.frame import fit
from macros.geo.outline import clip, contains, simplify
from macros.geo.sphere import bearing, compass, distance_km
from macros.model import Place
from macros.model.geo import Bounds, Coordinates, parse_angle


@pytest.mark.parametrize(("text", "axis", "value", "precision"), [
    ("24°16′N", "lat", 24 + 16 / 60, "minute"),
    ("97°14′E", "lon", 97 + 14 / 60, "minute"),
    ("24°45′36″N", "lat", 24 + 45 / 60 + 36 / 3600, "second"),
    ("10°S", "lat", -10.0, "degree"),
    ("0°20′W", "lon", -20 / 60, "minute"),
    ("24°16'15\"N", "lat", 24 + 16 / 60 + 15 / 3600, "second"),  # ASCII marks too
    ("-0.25", "lon", -0.25, "0.01 degree"),
    ("51", "lat", 51.0, "degree"),
])
def test_angles_parse_with_the_precision_they_are_written_to(text: str, axis: str, value: float, precision: str) -> None:
    got, written = parse_angle(text, axis)  # type: ignore[arg-type]
    assert math.isclose(got, value) and written == precision


@pytest.mark.parametrize(("text", "axis", "words"), [
    ("24°16′E", "lat", "a latitude ends in N or S"),
    ("91°N", "lat", "out of range"),
    ("181.0", "lon", "out of range"),
    ("24°61′N", "lat", "below 60"),
    ("nan", "lat", "not a coordinate"),
    ("inf", "lon", "not a coordinate"),
    ("24°16′15.5″N", "lat", "whole numbers"),
])
def test_bad_angles_say_what_is_expected(text: str, axis: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_angle(text, axis)  # type: ignore[arg-type]


def _coordinates(**fields: str) -> Coordinates:
    return Coordinates(**{"lat": "24°16′N", "lon": "97°14′E", "precision": "minute", "kind": "town", "sources": ["s"], **fields})


def test_a_declared_precision_must_be_the_written_one() -> None:
    assert _coordinates().point == pytest.approx((24.26667, 97.23333), abs=1e-5)
    with pytest.raises(ValidationError, match="written to the minute but precision says 'second'"):
        _coordinates(precision="second")  # claiming more than the source gives
    with pytest.raises(ValidationError, match="written to the second but precision says 'minute'"):
        _coordinates(lat="24°16′15″N")
    with pytest.raises(ValidationError, match="at least 1"):
        _coordinates(sources=[])  # type: ignore[arg-type]


def test_bounds_contain_points_within_their_precision() -> None:
    box = Bounds(south="23°27′N", north="28°25′N", west="96°0′E", east="98°44′E", precision="minute", sources=["s"])
    assert box.contains(24.27, 97.23) and not box.contains(22.0, 97.0) and not box.contains(25.0, 99.0)
    with pytest.raises(ValidationError, match="south must be below north"):
        Bounds(south="28°N", north="23°N", west="96°E", east="98°E", precision="degree", sources=["s"])


def test_great_circle_distance_and_bearing_against_hand_computed_values() -> None:
    # One degree of latitude on a sphere of radius 6371.0088 km is 2*pi*R/360 = 111.195 km.
    assert distance_km((10.0, 20.0), (11.0, 20.0)) == pytest.approx(111.195, abs=0.001)
    # Along the equator, one degree of longitude is the same length.
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.195, abs=0.001)
    assert bearing((0.0, 0.0), (1.0, 0.0)) == pytest.approx(0.0)
    assert bearing((0.0, 0.0), (0.0, -1.0)) == pytest.approx(270.0)
    assert [compass(d) for d in (0, 44, 46, 180, 200, 359)] == ["N", "NE", "NE", "S", "S", "N"]


def _place(ident: str, lat: str, lon: str, distances: list[dict] | None = None) -> Place:
    return Place(id=ident, name=ident.title(), kind="town", sources=["s"], distances=distances or [],
                 coordinates={"lat": lat, "lon": lon, "precision": "0.01 degree", "kind": "town", "sources": ["s"]})


def test_cross_checks_flag_a_gap_beyond_the_tolerance_and_a_wrong_direction() -> None:
    north = _place("north", "1.00", "0.00")
    near = _place("near", "0.00", "0.00", [{"to": "north", "km": 115, "direction": "S", "sources": ["s"]}])
    far = _place("far", "0.00", "0.00", [{"to": "north", "km": 190, "direction": "N", "sources": ["s"]}])
    rows = {r.place.id: r for r in cross_checks([north, near, far], {p.id: p for p in (north, near, far)})}
    assert rows["near"].computed_km == pytest.approx(111.2, abs=0.1)
    assert rows["near"].distance_ok and rows["near"].direction_ok and not rows["near"].flagged
    assert rows["far"].distance_ok is False and rows["far"].direction_ok is False and rows["far"].flagged
    assert rows["far"].computed_compass == "S"


def test_clipping_keeps_a_ring_closed_inside_the_box() -> None:
    square = [(-1.0, -1.0), (3.0, -1.0), (3.0, 3.0), (-1.0, 3.0)]
    cut = clip(square, 0, 0, 2, 2)
    assert sorted(cut) == [(0.0, 0.0), (0.0, 2.0), (2.0, 0.0), (2.0, 2.0)]
    assert clip([(5.0, 5.0), (6.0, 5.0), (6.0, 6.0)], 0, 0, 2, 2) == []
    assert contains(cut, (1.0, 1.0)) and not contains(cut, (3.0, 1.0))
    wiggly = [(x / 10, 0.001 * (-1) ** x) for x in range(11)]
    assert simplify(wiggly, 0.01) == [wiggly[0], wiggly[-1]]


def test_a_frame_fits_its_points_with_padding_and_a_bounded_aspect() -> None:
    frame = fit([(24.27, 97.23), (25.38, 97.4), (21.98, 96.08)])
    for lat, lon in [(24.27, 97.23), (25.38, 97.4), (21.98, 96.08)]:
        x, y = frame.xy(lat, lon)
        assert 0 < x < 600 and 0 < y < frame.height
    assert frame.height <= 600 * 1.15 + 1e-6
    length, km = frame.scale_bar()
    assert km in (50, 100) and 0 < length <= 200
    one = fit([(0.5, -0.33)])  # a single point still gets a frame some tens of km across
    assert one.east > one.west and one.north > one.south
