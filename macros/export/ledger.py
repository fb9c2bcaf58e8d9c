"""The event ledger: one CSV row per event, in the manner of conflict-event datasets.

Several values in one cell (parties, units, places, sources) are ids joined with ';'. Dates are
kept as precise as their sources: `date` holds only the known part (2025, 2025-05 or
2025-05-08), `date_precision` says which, and `date_qualifier` keeps words like "after".

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula
by a spreadsheet, so it gets a leading apostrophe (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io

from ..index import Index
from ..model import ClaimedBy, Event

COLUMNS = (
    "event_id", "date", "date_precision", "date_qualifier", "end_date", "kind", "title",
    "parties", "units", "places", "summary", "sources", "claimed_by",
)
SEPARATOR = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    """A cell a spreadsheet shows as text: `=1+1` -> `'=1+1`."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _claimants(who: ClaimedBy | None) -> list[str]:
    return [ident for ident in (who.party, who.person, who.described) if ident] if who else []


def event_row(event: Event) -> dict[str, str]:
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
    }


def events_csv(index: Index) -> str:
    """The ledger as text, in chronological order (the order of the chronology page)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in index.events:
        writer.writerow({column: neutral(cell) for column, cell in event_row(event).items()})
    return out.getvalue()
