"""Timelines: the events of one entity or phase, or the whole chronology, with browser filters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..model import Event, Phase

if TYPE_CHECKING:
    from ..render import Renderer


@dataclass
class Filter:
    """One <select> of the filter form: `attr` is the data-* attribute of each entry it tests."""

    key: str
    label: str
    attr: str
    choices: list[tuple[str, str]]


class TimelineViews:
    def timeline(self: Renderer, ident: str | None = None, filters: bool = False, group: bool | None = None) -> Markup:
        events = self.index.events_for(ident) if ident else self.index.events
        scope = self.index.get(ident) if ident else None
        phase = scope if ident and self.index.kind_of[ident] == "phases" else None
        grouped = ident is None if group is None else group
        options = self.filter_options(events) if filters and len(events) > 1 else []
        months = {f"month-{e.date.year}-{e.date.month:02d}": self.month(e.date) for e in events} if grouped else {}
        return self._render("timeline.html.j2", events=events, options=options, group=grouped, phase=phase, scope=scope,
                            months=months)

    def chronology(self: Renderer) -> Markup:
        return self.timeline(None, filters=True, group=True)

    def neighbours(self: Renderer, phase: Phase) -> tuple[Phase | None, Phase | None]:
        """The phases before and after one, in time order."""
        phases = sorted(self.index.by_kind.get("phases", []), key=lambda p: (p.start.first_day, p.id))
        at = phases.index(phase)
        return (phases[at - 1] if at > 0 else None, phases[at + 1] if at + 1 < len(phases) else None)

    def involved(self: Renderer, event: Event) -> dict[str, list[str]]:
        """Ids an entry is filtered by: its own lists, plus claimants and the sites and holders of control changes."""
        parties = [*event.parties, *(c.holder for c in event.control), *(c.foothold for c in event.control if c.foothold)]
        if event.claimed_by and event.claimed_by.party:
            parties.append(event.claimed_by.party)
        places = [*event.places, *(c.site for c in event.control)]
        phase = self.index.phase_of.get(event.id)
        return {
            "phase": [phase.id] if phase else [],
            "parties": list(dict.fromkeys(parties)),
            "units": list(event.units),
            "places": list(dict.fromkeys(places)),
            "kind": [event.kind],
        }

    def filter_options(self: Renderer, events: list[Event]) -> list[Filter]:
        found: dict[str, dict[str, str]] = {k: {} for k in ("phase", "parties", "units", "places", "kind")}
        for event in events:
            for attr, ids in self.involved(event).items():
                for ident in ids:
                    found[attr][ident] = ident.replace("-", " ").capitalize() if attr == "kind" else self.link(ident).name
        labels = {"phase": "Phase", "parties": "Party", "units": "Unit", "places": "Place", "kind": "Kind"}
        out = []
        for attr, choices in found.items():
            if choices:
                ordered = sorted(choices.items(), key=lambda c: c[1].casefold())
                if attr == "phase":  # phases read best in time order
                    order = [p.id for p in self.index.by_kind.get("phases", [])]
                    ordered = sorted(choices.items(), key=lambda c: order.index(c[0]))
                out.append(Filter(attr, labels[attr], attr, ordered))
        return out
