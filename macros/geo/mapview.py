"""What a map shows, in viewBox units: outlines, graticule, pins with placed labels, scale bar.

Pure geometry: no HTML (the template `map.svg.j2` draws it) and no knowledge of any region.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .frame import Frame
from .outline import centroid, clip, contains

FONT = {True: 14.0, False: 12.0}  # label size for emphasised / other pins
CHAR = 0.56  # average glyph width as a share of the font size (system sans-serif)


@dataclass
class Pin:
    ident: str
    name: str
    x: float
    y: float
    href: str | None
    label: str  # accessible name; a pin with a `report` adds what that report says (map.svg.j2)
    colour: str = "bw-pin-plain"  # a CSS class: bw-holder-N, or bw-pin-plain
    partial: bool = False
    contested: bool = False  # held while the other side is inside or around it, or fought over
    emphasis: bool = False
    context: bool = False  # a small dot for orientation, without link or label
    text: tuple[float, float, str] | None = None  # label x, y, text-anchor (None: no room)
    months: dict[str, str] | None = None  # month -> colour class (plain months left out), for the chronology's slider
    zoom: float = 1.0
    report: Any = None  # the control report behind the pin's colour (the latest about the place), if any

    @property
    def radius(self) -> float:
        return (3.0 if self.context else 7.5 if self.emphasis else 6.0) * self.zoom

    @property
    def font(self) -> float:
        return FONT[self.emphasis] * self.zoom


@dataclass
class MapView:
    ident: str
    title: str
    description: str
    frame: Frame
    width: float
    height: float
    land: list[tuple[str, str]]  # (country name, SVG path)
    countries: list[tuple[str, float, float]]  # names placed inside their outline
    graticule: list[tuple[str, str, float, float]]  # (path, label, label x, label y)
    pins: list[Pin]
    scale: tuple[float, int, int]  # (length, km, miles)
    zoom: float = 1.0  # text and marks drawn this much larger (a map shown small)


@lru_cache(maxsize=4)
def load_basemap(path: str) -> dict[str, Any]:
    """The committed basemap (see scripts/make_basemap.py), read once per build."""
    return json.loads(Path(path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _path(points: list[tuple[float, float]]) -> str:
    out, last = [], None
    for x, y in points:
        here = f"{x:.1f},{y:.1f}"
        if here != last:
            out.append(here)
            last = here
    return "M" + "L".join(out) + "Z" if len(out) > 2 else ""


def outlines(frame: Frame, basemap: dict[str, Any] | None) -> tuple[list[tuple[str, str]], list[tuple[str, float, float]]]:
    land, names = [], []
    if not basemap:
        return land, names
    for country in basemap.get("countries", []):
        best: tuple[float, tuple[float, float], list[tuple[float, float]]] | None = None
        parts = []
        for ring in country["rings"]:
            cut = clip([(lon, lat) for lon, lat in ring], frame.west, frame.south, frame.east, frame.north)
            if len(cut) < 3:
                continue
            projected = [frame.xy(lat, lon) for lon, lat in cut]
            parts.append(_path(projected))
            (cx, cy), area = centroid(projected)
            if best is None or area > best[0]:
                best = (area, (cx, cy), projected)
        if parts:
            land.append((country["name"], "".join(parts)))
        if best and best[0] > 0.08 * frame.scale ** 2 and contains(best[2], best[1]):
            names.append((country["name"], *best[1]))
    return land, names


def graticule(frame: Frame, width: float, height: float) -> list[tuple[str, str, float, float]]:
    step = frame.graticule_step()
    lines = []
    lat = math.ceil(frame.south / step) * step
    while lat < frame.north:
        _, y = frame.xy(lat, frame.west)
        lines.append((f"M0,{y:.1f}H{width:.1f}", f"{abs(lat):g}°{'N' if lat >= 0 else 'S'}", 3.0, y - 3))
        lat += step
    lon = math.ceil(frame.west / step) * step
    while lon < frame.east:
        x, _ = frame.xy(frame.north, lon)
        lines.append((f"M{x:.1f},0V{height:.1f}", f"{abs(lon):g}°{'E' if lon >= 0 else 'W'}", x + 3, height - 4))
        lon += step
    return lines


def _overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(pins: list[Pin], width: float, height: float, zoom: float = 1.0) -> None:
    """Greedy: emphasised pins first, then north to south; right, left, above, below; none if no room."""
    taken = [(p.x - p.radius - 1, p.y - p.radius - 1, p.x + p.radius + 1, p.y + p.radius + 1) for p in pins]
    taken.append((width - 40 * zoom, 0, width, 50 * zoom))  # the north arrow
    taken.append((0, height - 30 * zoom, width / 3 + 150 * zoom, height))  # the scale bar
    for pin in sorted((p for p in pins if not p.context), key=lambda p: (not p.emphasis, p.y)):
        size = pin.font
        w, h, r = len(pin.name) * size * CHAR, size * 1.1, pin.radius + 3
        candidates = [
            (pin.x + r, pin.y - h / 2, "start"), (pin.x - r - w, pin.y - h / 2, "end"),
            (pin.x - w / 2, pin.y - r - h, "middle"), (pin.x - w / 2, pin.y + r, "middle"),
        ]
        for left, top, anchor in candidates:
            box = (left, top, left + w, top + h)
            if box[0] < 2 or box[1] < 2 or box[2] > width - 2 or box[3] > height - 2:
                continue
            if any(_overlaps(box, t) for t in taken):
                continue
            taken.append(box)
            x = {"start": left, "end": left + w, "middle": left + w / 2}[anchor]
            pin.text = (x, top + h * 0.8, anchor)
            break
