"""Every coordinate in the real data is traceable: a source that is a page with an address, a
precision, values in range, and the very figures recorded in that source's notes."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from conftest import ROOT

from macros.engine import collect


@pytest.fixture(scope="module")
def index():
    found, errors = collect(ROOT / "data", ROOT)
    assert not errors and found is not None
    return found


def _figures(written: str) -> re.Pattern[str]:
    """The numbers of a written angle, in order, allowing any marks between them (24°16′ ~ 24° 16')."""
    numbers = re.findall(r"\d+", written)
    return re.compile(r"(?<!\d)" + r"\D{1,3}".join(numbers) + r"(?!\d)")


def _claims(index):
    for place in index.by_kind["places"]:
        if place.coordinates is not None:
            c = place.coordinates
            yield place, c, [c.lat, c.lon]
        if place.bounds is not None:
            b = place.bounds
            yield place, b, [b.south, b.north, b.west, b.east]


def test_each_coordinate_has_a_source_page_a_precision_and_values_in_range(index) -> None:
    claims = list(_claims(index))
    assert len([1 for _, c, _ in claims if hasattr(c, "lat")]) >= 8  # the towns the issue names, at least
    for place, claim, written in claims:
        assert claim.sources, place.id
        assert claim.precision in ("degree", "minute", "second"), (place.id, claim.precision)
        for citation in claim.sources:
            source = index.get(citation.source)
            assert source.url and source.url.startswith(("http://", "https://")), (place.id, source.id)
            notes = f"{source.notes or ''}"
            for text in written:
                assert _figures(text).search(notes), f"{place.id}: {text} is not what {source.id}'s notes record ({notes})"
        if hasattr(claim, "point"):
            lat, lon = claim.point
            assert math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def test_each_point_lies_within_the_bounds_of_the_places_around_it(index) -> None:
    checked = 0
    for place in index.by_kind["places"]:
        if place.coordinates is None:
            continue
        around = index.entities.get(place.within)
        while around is not None:
            if around.bounds is not None:
                assert around.bounds.contains(*place.coordinates.point), (place.id, around.id)
                checked += 1
            around = index.entities.get(around.within) if around.within else None
    assert checked >= 8


def test_no_place_without_a_sourced_point_gets_one(index) -> None:
    """Bases, wards and sites in the town have no pin: no source gives their position."""
    unpinned = {p.id for p in index.by_kind["places"] if p.coordinates is None}
    assert {"moc-21-headquarters", "battalion-47-base", "tar-mong-lone-ward", "shwegu"} <= unpinned
    text = (ROOT / "data" / "places.yaml").read_text(encoding="utf-8")
    assert text.count("coordinates:") == len(index.by_kind["places"]) - len(unpinned)
    assert Path(ROOT / "basemap" / "README.md").is_file()
