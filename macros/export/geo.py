"""GeoJSON of the places whose coordinates a source gives (none are ever guessed)."""

from __future__ import annotations

from typing import Any

from ..index import Index


def places_geojson(index: Index, pages: dict[str, str]) -> dict[str, Any]:
    features = []
    for place in index.by_kind.get("places", []):
        where = place.coordinates
        if where is None:
            continue
        features.append({
            "type": "Feature",
            "id": place.id,
            # GeoJSON puts longitude first (RFC 7946).
            "geometry": {"type": "Point", "coordinates": [where.lon, where.lat]},
            "properties": {
                "id": place.id,
                "name": place.name,
                "kind": place.kind,
                "coordinate_sources": list(dict.fromkeys(c.source for c in where.sources)),
                "page": pages.get(place.id),
            },
        })
    return {"type": "FeatureCollection", "features": features}
