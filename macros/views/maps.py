"""Maps from sourced coordinates: locator maps, the map of every pinned place, phase maps, and
the cross-check of stated distances. Drawn at build time as inline SVG; no tiles, no requests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..geo import frame as frames
from ..geo.crosscheck import TOLERANCE_DEGREES, TOLERANCE_SHARE, CrossCheck, cross_checks
from ..geo.mapview import MapView, Pin, graticule, load_basemap, outlines, place_labels
from ..geo.sphere import KM_PER_MILE, distance_km
from .chartdays import state_during

if TYPE_CHECKING:
    from ..render import Renderer

INFOBOX_ZOOM = 2.1  # an infobox map is drawn about half size: its text and pins are drawn larger


def _marks(span: Any) -> str:
    """How a pin is drawn besides its colour, as the control chart draws the report's bar."""
    if span is None:
        return ""
    contested = span.state in ("foothold", "contested") or span.contested
    return (" bw-partial" if span.extent == "partial" else "") + (" bw-contested" if contested else "")


class MapViews:
    basemap_path: Path | None = None

    def pinned(self: Renderer) -> list[Any]:
        """Every place with sourced coordinates, in data order."""
        return [p for p in self.index.by_kind.get("places", []) if p.coordinates is not None]

    def pin_of(self: Renderer, ident: str) -> Any | None:
        """The place's own point, else that of the nearest place it lies within that has one."""
        seen: set[str] = set()
        place = self.index.entities.get(ident)
        while place is not None and place.id not in seen and self.index.kind_of.get(place.id) == "places":
            if place.coordinates is not None:
                return place
            seen.add(place.id)
            place = self.index.entities.get(place.within) if place.within else None
        return None

    def placing_is_ours(self: Renderer, ident: str) -> bool:
        """Whether a step of `within` from the place up to its pin is our identification, not a text's."""
        seen: set[str] = set()
        place = self.index.entities.get(ident)
        while place is not None and place.id not in seen and place.coordinates is None and getattr(place, "within", None):
            if place.within_basis is not None and place.within_basis.identified is not None:
                return True
            seen.add(place.id)
            place = self.index.entities.get(place.within)
        return False

    def holder_class(self: Renderer, site: str) -> tuple[str, Any]:
        """(colour class, report) of who held a site by the latest report; plain if none recorded."""
        return self._colour(self.index.latest.get(site))

    def _colour(self: Renderer, span: Any) -> tuple[str, Any]:
        if span is None or not span.party or span.party not in self.holders():  # no holder named
            return "bw-pin-plain", span
        return f"bw-holder-{self.holders()[span.party]}", span

    def month_class(self: Renderer, site: str, first: dt.date, last: dt.date) -> str:
        """The colour of a site in a month: the state the control chart draws in it (the same
        function decides both), so after the last report about a site it has no holder."""
        cls, span = self._colour(state_during(self.index.control.get(site, []), first, last))
        if span is not None and span.inferred:  # a colour cannot carry the inference label: no holder shown
            return "bw-pin-plain"
        return cls + _marks(span)

    def _pin(self: Renderer, place: Any, view: frames.Frame, colour: bool, **extra: Any) -> Pin:
        x, y = view.xy(*place.coordinates.point)
        cls, span = self.holder_class(place.id) if colour else ("bw-pin-plain", None)
        # The label's words (holder and every qualifier, the inference label too) come from the
        # template's `report_text`, the same wording as the control page's.
        return Pin(place.id, place.name, x, y, self.link(place.id).href, place.name, cls,
                   "bw-partial" in _marks(span), report=span, contested="bw-contested" in _marks(span), **extra)

    def _pin_months(self: Renderer, site: str) -> dict[str, str]:
        """A site's class in each month, for the slider; once per build, as every chronology page
        shows the same map. A plain month is left out: the slider (assets/map.js) shows a month it
        lacks as plain, and at a thousand places by three years the full table was a third of a page."""
        cache = self.__dict__.setdefault("_pin_months_cache", {})
        if site not in cache:
            classes = ((key, self.month_class(site, first, last)) for key, first, last in self._months())
            cache[site] = {key: cls for key, cls in classes if cls != "bw-pin-plain"}
        return cache[site]

    def _months(self: Renderer) -> list[tuple[str, dt.date, dt.date]]:
        """(key, first day, last day) of every month from the first event to the latest report."""
        start, end = self.axis()
        out, (year, month) = [], (start.year, start.month)
        while (year, month) <= (end.year, end.month):
            nxt = dt.date(year + month // 12, month % 12 + 1, 1)
            out.append((f"{year}-{month:02d}", dt.date(year, month, 1), nxt - dt.timedelta(days=1)))
            year, month = nxt.year, nxt.month
        return out

    def map_view(self: Renderer, places: list[Any], title: str, description: str, *, focus: Any = None,
                 colour: bool = False, zoom: float = 1.0, months: bool = False) -> MapView:
        context = [p for p in self.pinned() if p not in places] if focus is not None else []
        shown = places + context
        view = frames.fit([p.coordinates.point for p in shown], pad_km=30 if len(shown) > 1 else 60)
        width, height = frames.WIDTH, view.height
        pins = []
        for place in places:
            pin = self._pin(place, view, colour, emphasis=place is focus, zoom=zoom)
            if months:
                pin.months = self._pin_months(place.id)
            pins.append(pin)
        for place in context:
            x, y = view.xy(*place.coordinates.point)
            pins.append(Pin(place.id, place.name, x, y, None, place.name, context=True, zoom=zoom))
        place_labels(pins, width, height, zoom)
        basemap = load_basemap(str(self.basemap_path)) if self.basemap_path else None
        land, names = outlines(view, basemap)
        ident = f"bw-map-{len(self.anchors)}-{places[0].id if places else 'none'}"
        self.anchor(ident)
        length, km = view.scale_bar()
        return MapView(ident, title, description, view, width, height, land, names, graticule(view, width, height),
                       pins, (length, km, round(km / KM_PER_MILE)), zoom)

    def scope_places(self: Renderer, ident: str) -> list[Any]:
        """Pinned places of an entity's events (their places and control sites), each once."""
        found: dict[str, Any] = {}
        for event in self.index.events_for(ident):
            for place in [*event.places, *(c.site for c in event.control)]:
                pin = self.pin_of(place)
                if pin is not None:
                    found.setdefault(pin.id, pin)
        return list(found.values())

    def map(self: Renderer, ident: str | None = None, radius_km: str | float | None = None) -> Markup:
        """No id: every pinned place, coloured by holder. A place: its locator map (or, with
        radius_km, every pinned place that near it). A phase: the places of its events. The battle:
        the locator map of its place."""
        kind = self.index.kind_of.get(ident) if ident else None
        if ident is None:
            places = self.pinned()
            view = self.map_view(places, "Places with sourced coordinates",
                                 f"{len(places)} places, coloured by who held each by the latest report.", colour=True)
            return self._render("map.html.j2", m=view, legend=True, compact=False)
        if kind == "battle":
            refs = [c.ref for c in self.index.battle.place if c.ref]
            return self.map(refs[0]) if refs and self.pin_of(refs[0]) else Markup("")
        if kind == "phases":
            places = self.scope_places(ident)
            if not places:
                return Markup("")
            name = self.index.get(ident).name
            view = self.map_view(places, f"Places of the events of {name}", f"{len(places)} places with sourced coordinates.",
                                 zoom=INFOBOX_ZOOM)
            return self._render("map.html.j2", m=view, legend=False, compact=True)
        place = self.index.get(ident) if kind == "places" else None
        if place is None or place.coordinates is None:
            return Markup("")
        if radius_km is not None:
            radius_km = float(radius_km)  # the page grammar passed a positive number as a string
            near = [p for p in self.pinned() if distance_km(p.coordinates.point, place.coordinates.point) <= radius_km]
            view = self.map_view(near, f"Within {radius_km:g} km of {place.name}", f"{len(near)} places, coloured by who held each by the latest report.",
                                 colour=True)
            return self._render("map.html.j2", m=view, legend=True, compact=False)
        view = self.map_view([place], f"Location of {place.name}", f"{place.name} among the other places that have sourced coordinates.",
                             focus=place, zoom=INFOBOX_ZOOM)
        return self._render("map.html.j2", m=view, legend=False, compact=True)

    def crosschecks(self: Renderer, ident: str | None = None) -> Markup:
        """Each stated distance between two pinned places beside the great-circle one."""
        rows: list[CrossCheck] = cross_checks(self.index.by_kind.get("places", []), self.index.entities)
        if ident:
            rows = [r for r in rows if ident in (r.place.id, r.other.id)]
        return self._render("crosschecks.html.j2", rows=rows, share=TOLERANCE_SHARE, degrees=TOLERANCE_DEGREES, scope=ident)

    def chronology_map(self: Renderer) -> Markup:
        """The same map on the chronology and on each of its month pages: laid out and rendered once
        per build (a thousand pins' labels and month tables per page were most of a month page's time)."""
        places = self.pinned()
        if not places:
            return Markup("")
        n = len(self.anchors)

        def render() -> str:
            view = self.map_view(places, "Where the events happened", "Select a place to show its events; the month slider shows who held each place then.",
                                 colour=True, months=True, zoom=1.8)
            return self._render("map.html.j2", m=view, legend=True, compact=True, months=self._months())
        html = self.rows.recorded(self, ("chronology-map", str(n)), render)
        self.anchor(f"bw-map-{n}-{places[0].id}")  # as map_view names it, on a page served from the cache
        return html
