"""The event ledger: one CSV row per event, in the manner of conflict-event datasets.

Several values in one cell (parties, units, places, sources) are ids joined with ';'. Dates are
kept as precise as their sources: `date` holds only the known part (2025, 2025-05 or
2025-05-08), `date_precision` says which, and `date_qualifier` keeps words like "after".
`latitude`/`longitude` come from the event's most precise place that has sourced coordinates
(its own, else the nearest place it lies within); `geo_precision` is that point's precision and
`geo_place` the place it belongs to. Events with no such place leave them empty.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula
by a spreadsheet, so it gets a leading apostrophe (OWASP's advice on CSV injection). Latitude and
longitude are left as they are: the engine writes them from parsed numbers (digits, '-' and '.'
only), and a west or south value must stay a number.
"""

from __future__ import annotations

import csv
import io

from ..index import Index
from ..model import ClaimedBy, Event

# Each column with what it holds: the data page lists them from here, so its list cannot drift.
LEDGER = (
    ("event_id", "the event's id"),
    ("date", "only the known part: year, month or day"),
    ("date_precision", "year, month or day"),
    ("date_qualifier", "after, by, early …, or empty"),
    ("end_date", "the last day of an event that runs over a period, or empty"),
    ("kind", "capture, clash, airstrike …"),
    ("title", "a short title"),
    ("parties", "ids"),
    ("units", "ids"),
    ("places", "ids"),
    ("summary", "what happened, in this site's words"),
    ("sources", "ids"),
    ("claimed_by", "ids, or the words for an unnamed source"),
    ("latitude", "decimal degrees, from the event's most precise place with sourced coordinates, or empty"),
    ("longitude", "as latitude"),
    ("geo_precision", "how precise that point is, e.g. minute or 0.01 degree"),
    ("geo_place", "the id of the place whose coordinates those are"),
)
COLUMNS = tuple(name for name, _ in LEDGER)
SEPARATOR = ";"
NUMBERS = ("latitude", "longitude")  # written by the engine from floats: never data text
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    """A cell a spreadsheet shows as text: `=1+1` -> `'=1+1`."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _claimants(who: ClaimedBy | None) -> list[str]:
    return [ident for ident in (who.party, who.person, who.described) if ident] if who else []


def _point(index: Index | None, event: Event) -> tuple[str, str, str, str]:
    """The finest point among the event's places (own coordinates, else the nearest containing place's)."""
    if index is None:
        return "", "", "", ""
    from ..model.geo import HALF_UNIT

    best = None
    for ident in [*event.places, *(c.site for c in event.control)]:
        place, seen = index.entities.get(ident), set()
        while place is not None and place.id not in seen and place.coordinates is None:
            seen.add(place.id)
            place = index.entities.get(place.within) if getattr(place, "within", None) else None
        finer = best is None or (place is not None and place.coordinates is not None
                                 and HALF_UNIT[place.coordinates.precision] < HALF_UNIT[best.coordinates.precision])
        if place is not None and place.coordinates is not None and finer:
            best = place
    if best is None:
        return "", "", "", ""
    lat, lon = best.coordinates.point
    return f"{lat:.6f}".rstrip("0").rstrip("."), f"{lon:.6f}".rstrip("0").rstrip("."), best.coordinates.precision, best.id


def event_row(event: Event, index: Index | None = None) -> dict[str, str]:
    lat, lon, precision, place = _point(index, event)
    return {
        "event_id": event.id,
        "date": event.date.iso,
        "date_precision": event.date.precision,
        "date_qualifier": event.date.qualifier,
        "end_date": str(event.end) if event.end else "",
        "kind": event.kind,
        "title": event.title,
        "parties": SEPARATOR.join(event.parties),
        "units": SEPARATOR.join(event.units),
        "places": SEPARATOR.join(event.places),
        "summary": event.summary,
        "sources": SEPARATOR.join(dict.fromkeys(c.source for c in event.sources)),
        "claimed_by": SEPARATOR.join(_claimants(event.claimed_by)),
        "latitude": lat,
        "longitude": lon,
        "geo_precision": precision,
        "geo_place": place,
    }


def events_csv(index: Index) -> str:
    """The ledger as text, in chronological order (the order of the chronology page)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in index.events:
        writer.writerow({column: cell if column in NUMBERS else neutral(cell) for column, cell in event_row(event, index).items()})
    return out.getvalue()
