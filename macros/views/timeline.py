"""Timelines: the events of one entity or phase, or the whole chronology, with browser filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from markupsafe import Markup

from ..model import Event, Phase
from ..scale import CHRONOLOGY_DIR, period_label, periods
from .groups import by_month

if TYPE_CHECKING:
    from ..render import Renderer


@dataclass
class Filter:
    """One <select> of the filter form: `attr` is the data-* attribute of each entry it tests."""

    key: str
    label: str
    attr: str
    choices: list[tuple[str, str]]


@dataclass
class PeriodLink:
    """One page of a split chronology, as listed by the index, a period page or an entity's timeline."""

    label: str
    href: str
    count: int
    current: bool = False
    attrs: dict[str, list[str]] = field(default_factory=dict)  # what its events are filtered by (data-*)


# The filter a timeline's scope sets on the chronology's pages (`?parties=<id>`, read by timeline.js).
_SCOPE_FILTER = {"parties": "parties", "units": "units", "places": "places", "phases": "phase"}


class TimelineViews:
    def timeline(self: Renderer, ident: str | None = None, filters: bool = False, group: bool | None = None) -> Markup:
        events = self.index.events_for(ident) if ident else self.index.events
        if ident and self.sitemap.events and len(events) > self.split.above:
            return self._period_summary(ident, events)
        scope = self.index.get(ident) if ident else None
        phase = scope if ident and self.index.kind_of[ident] == "phases" else None
        grouped = ident is None if group is None else group
        options = self.filter_options(events) if filters and len(events) > 1 else []
        groups = by_month(events) if grouped else []
        return self._render("timeline.html.j2", events=events, options=options, groups=groups, phase=phase, scope=scope)

    def row(self: Renderer, event: Event) -> Markup:
        return self.rows.row(self, event)

    def chronology(self: Renderer, period: str | None = None) -> Markup:
        """Every event; split (see scale.py): with a period, that period's events, else the list of periods."""
        if period is not None:
            events = self._periods().get(period, [])
            nav = self._render("periods.html.j2", entries=self._period_links(self.index.events, current=period),
                               options=[], intro="")
            return Markup(nav + "\n" + self.timeline_of(events, filters=True, group=True))
        if self.sitemap.events:
            entries = self._period_links(self.index.events, involved=True)
            return self._render("periods.html.j2", entries=entries, options=self.filter_options(self.index.events), intro="")
        return self.timeline(None, filters=True, group=True)

    def timeline_of(self: Renderer, events: list[Event], filters: bool, group: bool) -> Markup:
        options = self.filter_options(events) if filters and len(events) > 1 else []
        groups = by_month(events) if group else []
        return self._render("timeline.html.j2", events=events, options=options, groups=groups, phase=None, scope=None)

    def _periods(self: Renderer) -> dict[str, list[Event]]:
        if not hasattr(self, "_by_period"):
            self._by_period = periods(self.index.events, self.split)
        return self._by_period

    def _period_links(self: Renderer, events: list[Event], current: str = "", involved: bool = False,
                      query: str = "") -> list[PeriodLink]:
        out = []
        for period, items in periods(events, self.split).items():
            attrs: dict[str, list[str]] = {}
            for event in items if involved else []:
                for attr, ids in self.involved(event).items():
                    attrs.setdefault(attr, []).extend(ids)
            attrs = {attr: list(dict.fromkeys(ids)) for attr, ids in attrs.items()}
            href = self.href(f"{CHRONOLOGY_DIR}/{period}/") + query
            out.append(PeriodLink(period_label(period), href, len(items), period == current, attrs))
        return out

    def _period_summary(self: Renderer, ident: str, events: list[Event]) -> Markup:
        """An entity with more events than one page lists: its periods, each opening the chronology filtered to it."""
        attr = _SCOPE_FILTER.get(self.index.kind_of[ident])
        query = "?" + urlencode({attr: ident}) if attr else ""
        intro = f"{len(events)} events are recorded, more than one page lists; here they are by {self.split.by}"
        intro += ", each link opening that part of the chronology filtered to this entry." if attr else "."
        return self._render("periods.html.j2", entries=self._period_links(events, query=query), options=[], intro=intro)

    def neighbours(self: Renderer, phase: Phase) -> tuple[Phase | None, Phase | None]:
        """The phases before and after one, in time order."""
        phases = sorted(self.index.by_kind.get("phases", []), key=lambda p: (p.start.first_day, p.id))
        at = phases.index(phase)
        return (phases[at - 1] if at > 0 else None, phases[at + 1] if at + 1 < len(phases) else None)

    def involved(self: Renderer, event: Event) -> dict[str, list[str]]:
        """Ids an entry is filtered by: its own lists, plus claimants and the sites and holders of control changes."""
        parties = [*event.parties, *(p for c in event.control for p in (c.holder, c.foothold, c.withdraws) if p)]
        if event.claimed_by and event.claimed_by.party:
            parties.append(event.claimed_by.party)
        places = [*event.places, *(c.site for c in event.control)]
        phase = self.index.phase_of.get(event.id)
        pins = [pin.id for pin in map(self.pin_of, places) if pin is not None]
        return {
            "phase": [phase.id] if phase else [],
            "parties": list(dict.fromkeys(parties)),
            "units": list(event.units),
            "places": list(dict.fromkeys(places)),
            "kind": [event.kind],
            "pins": list(dict.fromkeys(pins)),  # the pinned places the event's places lie at or within
        }

    def filter_options(self: Renderer, events: list[Event]) -> list[Filter]:
        found: dict[str, dict[str, str]] = {k: {} for k in ("phase", "parties", "units", "places", "kind", "pins")}
        for event in events:
            for attr, ids in self.involved(event).items():
                for ident in ids:
                    found[attr][ident] = ident.replace("-", " ").capitalize() if attr == "kind" else self.link(ident).name
        labels = {"phase": "Phase", "parties": "Party", "units": "Unit", "places": "Place", "kind": "Kind", "pins": "On the map"}
        out = []
        for attr, choices in found.items():
            if choices:
                ordered = sorted(choices.items(), key=lambda c: c[1].casefold())
                if attr == "phase":  # phases read best in time order
                    order = [p.id for p in self.index.by_kind.get("phases", [])]
                    ordered = sorted(choices.items(), key=lambda c: order.index(c[0]))
                out.append(Filter(attr, labels[attr], attr, ordered))
        return out
