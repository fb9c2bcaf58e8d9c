"""GeoJSON (RFC 7946) of the places whose coordinates a source gives (none are ever guessed)."""

from __future__ import annotations

from typing import Any

from ..index import Index


def places_geojson(index: Index, pages: dict[str, str]) -> dict[str, Any]:
    features = []
    for place in index.by_kind.get("places", []):
        where = place.coordinates
        if where is None:
            continue
        lat, lon = where.point
        features.append({
            "type": "Feature",
            "id": place.id,
            # GeoJSON puts longitude first (RFC 7946); values are rounded to what the precision can carry.
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": {
                "id": place.id,
                "name": place.name,
                "kind": place.kind,
                "within": place.within,
                "lat_as_written": where.lat,
                "lon_as_written": where.lon,
                "precision": where.precision,
                "uncertainty_degrees": round(where.uncertainty, 6),
                "point_kind": where.kind,
                "coordinate_sources": list(dict.fromkeys(c.source for c in where.sources)),
                "page": pages.get(place.id),
            },
        })
    return {"type": "FeatureCollection", "features": features}
