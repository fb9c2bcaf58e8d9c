"""Make basemap/region.json: Natural Earth country outlines, clipped and simplified to one region.

Input: countries-10m.json of the npm package world-atlas 2.0.2 (Natural Earth 4.1.0, public
domain, as TopoJSON). Fetch it with npm, then run, from the repository root:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/make_basemap.py package/countries-10m.json basemap/region.json \
        --bbox 93.5 20.5 100.5 29 --tolerance 0.01

Standard library plus the engine's own clipping (macros/geo/outline.py); the output is small enough to commit and is read at build time, so
no build or test ever downloads anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from macros.geo.outline import clip, simplify

Point = tuple[float, float]


def decode_arcs(topology: dict) -> list[list[Point]]:
    """TopoJSON arcs, delta-decoded and un-quantized to longitude/latitude."""
    (kx, ky), (dx, dy) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for qx, qy in arc:
            x, y = x + qx, y + qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    out: list[Point] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--bbox", type=float, nargs=4, metavar=("WEST", "SOUTH", "EAST", "NORTH"), required=True)
    parser.add_argument("--tolerance", type=float, default=0.01, help="simplification, in degrees")
    args = parser.parse_args()
    west, south, east, north = args.bbox
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for indexes in polygon:
                cut = simplify(clip(ring(arcs, indexes), west, south, east, north), args.tolerance)
                if len(cut) >= 4:
                    rings.append([[round(x, 3), round(y, 3)] for x, y in cut])
        if rings:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "rings": rings})
    out = {
        "source": "Natural Earth 4.1.0 Admin 0 countries, 1:10m, via the npm package world-atlas 2.0.2 (countries-10m.json)",
        "licence": "Natural Earth: public domain; world-atlas: ISC",
        "made_with": f"python scripts/make_basemap.py package/countries-10m.json {args.out} "
                     f"--bbox {west:g} {south:g} {east:g} {north:g} --tolerance {args.tolerance:g}",
        "bbox": [west, south, east, north],
        "countries": countries,
    }
    args.out.write_text(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
