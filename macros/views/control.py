"""Control of sites over time, from the events' control reports: a chart, a table and a summary."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..index import ControlSpan, same_state
from ..model import FuzzyDate
from .chartdays import bar_days, faded_days, reach, runs_to_next
from .identified import identified_names

if TYPE_CHECKING:
    from ..render import Renderer

PALETTE = 8  # holder colours bw-holder-0 … bw-holder-7 in wiki.css


@dataclass
class Bar:
    span: ControlSpan
    left: float
    width: float
    colour: int | None  # None: the report names no holder (a withdrawal, contested ground)
    last: ControlSpan | None = None  # the last report the bar runs through (itself, unless one repeats it)
    gap: tuple[float, float] | None = None  # (left %, width %) of the stretch after it with no report, before the next
    fades: list[tuple[float, float]] = field(default_factory=list)  # (left %, width %) its dates leave uncertain (faded_days)

    @property
    def until(self) -> ControlSpan:
        return self.last or self.span


@dataclass
class Tick:
    label: str
    left: float

    @property
    def near_end(self) -> bool:
        """Labels near the right edge hang to the left of their mark, so they are not cut off."""
        return self.left > 92


class ControlViews:
    reach = staticmethod(reach)
    bar_days = staticmethod(bar_days)
    runs_to_next = staticmethod(runs_to_next)

    def identified_names(self: Renderer, span: ControlSpan) -> list:
        return identified_names(self.index, span)

    def holders(self: Renderer) -> dict[str, int]:
        """Each party that ever held a site, with its colour, in order of first appearance (same on every page)."""
        if not hasattr(self, "_holders"):  # once per build: every infobox row asks
            order: dict[str, int] = {}
            for event in self.index.events:
                for report in event.control:
                    if report.holder:
                        order.setdefault(report.holder, len(order) % PALETTE)
            self._holders = order
        return self._holders

    def axis(self: Renderer) -> tuple[dt.date, dt.date]:
        """From the first event to the latest report: the latest event or a source that backs a control change."""
        if not hasattr(self, "_axis"):  # once per build: every map pin and chart asks, and it scans every event
            self._axis = self._scan_axis()
        return self._axis

    def _scan_axis(self: Renderer) -> tuple[dt.date, dt.date]:
        start = self.index.events[0].date.first_day
        end = max((e.end or e.date).last_day for e in self.index.events)
        for spans in self.index.control.values():
            for span in spans:
                for citation in span.sources:
                    date = self.index.get(citation.source).date
                    if date is not None:
                        end = max(end, date.first_day)
        return start, max(end, start + dt.timedelta(days=1))

    def newest_report(self: Renderer) -> FuzzyDate:
        """The date the chart runs to, as its text gives it ("after 15 Jan 2026"), not the axis's last day."""
        dates = [e.end or e.date for e in self.index.events]
        for spans in self.index.control.values():
            for span in spans:
                dates += [d for c in span.sources if (d := self.index.get(c.source).date) is not None]
        return max(dates)

    def sites_for(self: Renderer, ident: str | None) -> list[str]:
        """The sites a chart shows: all; a place and the places within it; a unit's garrison and
        the sites its events changed; the sites a party ever held or withdrew from."""
        every = sorted(self.index.control, key=lambda s: (self.index.control[s][0].event.date.first_day, s))
        if ident is None:
            return every
        kind = self.index.kind_of[ident]
        if kind == "places":
            children: dict[str, list[str]] = {}
            for place in self.index.by_kind.get("places", []):
                children.setdefault(place.within or "", []).append(place.id)
            inside, todo = {ident}, [ident]
            while todo:  # the place and everything within it, at any depth
                for child in children.get(todo.pop(), []):
                    if child not in inside:
                        inside.add(child)
                        todo.append(child)
            return [s for s in every if s in inside]
        if kind == "parties":
            return [s for s in every if any(ident in (span.party, span.withdrawn) for span in self.index.control[s])]
        touched = {c.site for e in self.index.events_for(ident) for c in e.control}
        if kind == "units":
            touched.add(self.index.get(ident).garrison)
        return [s for s in every if s in touched]

    def ticks(self: Renderer, start: dt.date, end: dt.date) -> list[Tick]:
        """Month marks along the axis, at most about six; short labels ("2025" at January, else "Jul")."""
        total = (end - start).days
        months = (end.year - start.year) * 12 + end.month - start.month
        step = next((n for n in (1, 2, 3, 6, 12) if months // n < 6), 12 * (months // 60 + 1))
        out: list[Tick] = []
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            day = dt.date(year, month, 1)
            if day >= start and (month - 1) % step == 0:
                label = str(year) if month == 1 else calendar.month_abbr[month]
                out.append(Tick(label if out or month == 1 else f"{label} {year}", 100 * (day - start).days / total))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if len(out) > 1 and out[-1].near_end and out[-1].left - out[-2].left < 12:
            out.pop()  # it would run into the one before it
        return out

    def control(self: Renderer, ident: str | None = None) -> Markup:
        """The chart and table of who held which site when: every site, or those of one entity."""
        sites = self.sites_for(ident)
        colours = self.holders()
        if not sites:
            return self._render("control.html.j2", rows=[], ticks=[], legend=[], scope=ident, latest=None)
        start, end = self.axis()
        total = (end - start).days

        def days(a: dt.date, b: dt.date) -> tuple[float, float]:  # a stretch as (left %, width %) of the axis
            return 100 * (a - start).days / total, 100 * (b - a).days / total
        rows = []
        for site in sites:
            bars = []
            for span in self.index.control[site]:
                first, last = bar_days(span)  # the map's month slider reads the same days (state_during)
                left = 100 * (first - start).days / total
                true_width = 100 * (last - first).days / total
                width = max(true_width, 0.8)
                if bars and bars[-1].until.repeated and same_state(bars[-1].span, span) and bars[-1].span.event.claimed_by == span.event.claimed_by:
                    # A report that repeats the state, in the same voice (a bar names one claimant). The
                    # least width that keeps a one-day bar visible does not apply: the bar is wide already,
                    # and a one-day report at its end would push it past the next report's start.
                    bars[-1].width = max(left + true_width - bars[-1].left, bars[-1].width)
                    bars[-1].last = span
                    bars[-1].fades += [days(a, b) for a, b in faded_days(span, joined=True)]
                    continue
                if bars and (stop := bars[-1].left + bars[-1].width) < left - 1e-6:  # not a float's rounding
                    bars[-1].gap = (stop, left - stop)  # no text reports the site between: neither holder
                bars.append(Bar(span, left, width, colours.get(span.party), fades=[days(a, b) for a, b in faded_days(span)]))
            rows.append((site, bars))
        legend = [(party, colour) for party, colour in colours.items() if any(b.span.party == party for _, bs in rows for b in bs)]
        unnamed = any(b.colour is None for _, bs in rows for b in bs)  # a withdrawal or contested ground
        return self._render("control.html.j2", rows=rows, ticks=self.ticks(start, end), legend=legend, scope=ident,
                            latest=self.newest_report(), unnamed=unnamed, gaps=any(b.gap for _, bs in rows for b in bs),
                            faded=any(b.fades for _, bs in rows for b in bs))

    def control_summary(self: Renderer) -> Markup:
        """Each site's state by the newest text about it (never one carried forward), its event, date and sources."""
        rows = []
        for site in self.sites_for(None):
            span = self.index.latest[site]
            later = [e for e in self.index.events_for(site) if e.date.first_day > span.event.date.first_day]
            rows.append((site, span, span.reported, later[-1] if later else None))
        rows.sort(key=lambda r: self.link(r[0]).name.casefold())
        return self._render("control_summary.html.j2", rows=rows, colours=self.holders())

