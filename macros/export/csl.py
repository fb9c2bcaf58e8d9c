"""CSL-JSON of the sources, for reference managers (Zotero, citeproc).

Only what is recorded goes out: no invented title, author, URL or date. A date is never made
more exact than its source: a bound such as "after 2025-08-10" becomes a literal date, not
the day 2025-08-10; "early 2025-05" becomes May 2025; "about" sets `circa`.
"""

from __future__ import annotations

from typing import Any

from ..index import Index
from ..model import FuzzyDate, Source

# Types from CSL 1.0.1, which every processor knows; `genre` narrows them where useful.
CSL_TYPES = {
    "news-report": ("article-newspaper", None),
    "encyclopedia-article": ("entry-encyclopedia", None),
    "press-release": ("report", "Press release"),
    "report": ("report", None),
    "social-media-post": ("post", None),
    "other": ("article", None),
}
# Qualifiers that only narrow the date inside the month or year they name.
WITHIN = ("early", "mid", "late", "first week of")


def _parts(date: FuzzyDate) -> list[int]:
    return [date.year, *([date.month] if date.month else []), *([date.day] if date.day else [])]


def issued(date: FuzzyDate) -> tuple[dict[str, Any], str | None]:
    """The CSL `issued` value and, when the date is not exact, a note that says so."""
    if not date.qualifier:
        return {"date-parts": [_parts(date)]}, None
    if date.qualifier == "about":
        return {"date-parts": [_parts(date)], "circa": True}, f"Published about {date.display()[6:]}."
    if date.qualifier in WITHIN:
        known = [date.year, date.month] if date.month else [date.year]
        return {"date-parts": [known]}, f"Published {date.display()}."
    return {"literal": date.display()}, f"Exact publication date not known: {date.display()}."


def source_item(source: Source) -> dict[str, Any]:
    kind, genre = CSL_TYPES[source.kind]
    item: dict[str, Any] = {"id": source.id, "type": kind, "title": source.title or source.name}
    notes = []
    if source.title is None:
        notes.append("Title not recorded; the title given is the wiki's label for this source.")
    if genre:
        item["genre"] = genre
    if source.outlet:
        item["container-title"] = source.outlet
    if source.via:
        notes.append(f"Read via {source.via}.")
    if source.date is not None:
        item["issued"], note = issued(source.date)
        if note:
            notes.append(note)
    if source.url:
        item["URL"] = source.url
    if notes:
        item["note"] = " ".join(notes)
    return item


def sources_csl(index: Index) -> list[dict[str, Any]]:
    return [source_item(source) for source in index.by_kind.get("sources", [])]
