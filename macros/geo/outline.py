"""Polygon clipping and simplification, shared by the basemap script and the map renderer."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]


def clip(points: Sequence[Point], x0: float, y0: float, x1: float, y1: float) -> list[Point]:
    """Sutherland–Hodgman: a ring cut to the box x0..x1, y0..y1 (a closed ring stays closed)."""
    def cut_x(a: Point, b: Point, x: float) -> Point:
        return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))

    def cut_y(a: Point, b: Point, y: float) -> Point:
        return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)

    edges = [
        (lambda p: p[0] >= x0, lambda a, b: cut_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: cut_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: cut_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: cut_y(a, b, y1)),
    ]
    out = list(points)
    for inside, cross in edges:
        if not out:
            break
        ring, out = out, []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
    return out


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker, iterative (rings can have thousands of points)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = math.hypot(bx - ax, by - ay)
        worst, at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, at = d, i
        if worst > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def centroid(points: Sequence[Point]) -> tuple[Point, float]:
    """Area-weighted centre of a ring and its (unsigned) area."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return points[0], 0.0
    return (cx / (3 * area), cy / (3 * area)), abs(area) / 2


def contains(points: Sequence[Point], p: Point) -> bool:
    """Even-odd point-in-polygon test."""
    inside = False
    x, y = p
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
            inside = not inside
    return inside
