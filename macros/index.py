"""Enrich: lookups built once from a valid dataset, so that no page scans all events."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from .checks import all_items
from .dataset import Dataset
from .model import Battle, Claim, Event, FuzzyDate, Phase
from .model.claim import Citation, differ, group_by_statement
from .model.control import inference_label
from .walk import claim_fields, references


@dataclass(frozen=True)
class ControlSpan:
    """What one report says of a site, from its event until the next report (or the latest).

    `party` holds the site (or the part given by `extent`); `state` is "change" (it passed to
    them), "holds" (a report of who holds it), "foothold" (`attacker` is inside or around it;
    the holder still holds it), "withdrawal" (`withdrawn` pulled out; `party` is "", no holder
    is stated) or "contested" (fought over, no holder stated; `party` is ""). `contested` marks
    fighting at a site whose holder is reported. `sources` are the texts that report this site
    (the report's own, else the event's); `reported` is the date of the newest dated one (None when
    none is dated); `as_of`, where given, the earlier date that text looks back to, which the
    report is about. `inferred`: no text states it, this wiki infers it (`note` says from what).
    """

    site: str
    party: str
    extent: str
    event: Event
    until: Event | None
    state: str = "change"
    attacker: str | None = None
    reported: FuzzyDate | None = None
    withdrawn: str | None = None
    contested: bool = False
    as_of: FuzzyDate | None = None
    sources: tuple[Citation, ...] = ()
    inferred: bool = False
    note: str | None = None
    repeated: bool = False  # the next report about the site repeats this state (see `same_state`)
    renewed: bool = False  # its text says the state began anew: it does not repeat the one before
    site_alias: str = ""  # the alias this wiki identifies with the site, where the event's texts name it so

    @property
    def inference(self) -> str:
        return inference_label(self.inferred)

    @property
    def standing(self) -> bool:
        """A state is drawn only from its report to its own last report; it runs on to the next
        report only if that report repeats it. Otherwise no text says who held the site between."""
        return not self.repeated

    def state_key(self) -> tuple:
        kind = self.state if self.state in ("foothold", "contested", "withdrawal") else "held"  # a change or "holds"
        # The site's name is part of it: two reports joined only through an alias we identify rest
        # on that identification, so each stands on its own rather than as one run of the state.
        return (self.party, self.extent, kind, self.attacker, self.withdrawn, self.contested, self.inferred,
                self.site_alias)


def same_state(a: ControlSpan, b: ControlSpan) -> bool:
    """Two reports of one state: the same holder (or none), extent, foothold or contested ground,
    under the same name for the site, where the later text does not say the state began anew."""
    return not b.renewed and a.state_key() == b.state_key()


@dataclass(frozen=True)
class Disagreement:
    """A field whose claims cannot all be true (see `model.claim.differ`)."""

    owner: Any
    path: tuple[str | int, ...]
    claims: list[Claim]

    @property
    def label(self) -> str:
        return " › ".join(str(p).replace("_", " ") for p in self.path if not isinstance(p, int))


@dataclass
class Index:
    battle: Battle
    entities: dict[str, Any] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    by_kind: dict[str, list[Any]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    events_of: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    phase_of: dict[str, Phase | None] = field(default_factory=dict)
    cited_by: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    referenced_by: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    alias_to: dict[str, str] = field(default_factory=dict)
    control: dict[str, list[ControlSpan]] = field(default_factory=dict)
    latest: dict[str, ControlSpan] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)

    def get(self, ident: str) -> Any:
        return self.entities[ident]

    def events_for(self, ident: str) -> list[Event]:
        """Events that involve an entity, that a source backs, or that fall in a phase."""
        return self.events_of.get(ident, [])


def _phase_for(event: Event, phases: list[Phase]) -> Phase | None:
    day = event.date.first_day
    for phase in phases:
        if phase.start.first_day <= day and (phase.end is None or day <= phase.end.last_day):
            return phase
    return None


def build_index(data: Dataset) -> Index:
    assert data.battle is not None
    index = Index(battle=data.battle)
    for kind, item in all_items(data):
        index.entities[item.id] = item
        index.kind_of[item.id] = kind
        index.by_kind.setdefault(kind, []).append(item)
        for name in [getattr(item, "name", None) or item.id, *(a.name for a in getattr(item, "aliases", []))]:
            index.alias_to[" ".join(name.casefold().split())] = item.id
    index.events = sorted(data.items["events"], key=lambda e: (e.date.first_day, e.date.last_day, e.id))
    phases = data.items["phases"]
    for event in index.events:
        phase = _phase_for(event, phases)
        index.phase_of[event.id] = phase
        if phase is not None:
            index.events_of[phase.id].append(event)
    for _kind, item in all_items(data):
        seen: set[str] = set()
        for _loc, target, _ref in references(item):
            if target in seen:
                continue
            seen.add(target)
            if index.kind_of.get(target) == "sources":
                index.cited_by[target].append(item)
                if isinstance(item, Event):
                    index.events_of[target].append(item)
            else:
                index.referenced_by[target].append(item)
                if isinstance(item, Event):
                    index.events_of[target].append(item)
        for loc, claims in claim_fields(item):
            if differ(group_by_statement(claims)):
                index.disagreements.append(Disagreement(item, loc, claims))
    for key in list(index.events_of):
        index.events_of[key].sort(key=lambda e: (e.date.first_day, e.date.last_day, e.id))
    _build_control(index)
    return index


def _text_date(index: Index, sources: tuple[Citation, ...]) -> FuzzyDate | None:
    """The date of the newest dated text among those that report a site."""
    return max((d for d in (index.get(c.source).date for c in sources) if d is not None), default=None)


def newest_text_first(span: ControlSpan) -> tuple[FuzzyDate, FuzzyDate]:
    """How reports of one site rank for the latest-report view: by the date of their newest text
    (an undated text counts as of the event it reports; a text looking back, as of the date it looks
    back to), then by the moment they describe."""
    return (span.as_of or span.reported or span.event.end or span.event.date, span.event.date)


def _build_control(index: Index) -> None:
    """Per site, its reports in the order of the moments they describe (the chart), and the
    report from the newest text about it (the latest-report view), never a state carried forward."""
    reports: dict[str, list[tuple[Event, Any]]] = defaultdict(list)
    for event in index.events:
        for report in event.control:
            reports[report.site].append((event, report))
    for site, items in reports.items():
        ours = {a.name for a in getattr(index.entities.get(site), "aliases", []) if a.identified}
        spans = []
        for position, (event, report) in enumerate(items):
            until = items[position + 1][0] if position + 1 < len(items) else None
            sources = tuple(report.sources or event.sources)  # the texts that report this site
            spans.append(ControlSpan(site, report.holder, report.extent, event, until, report.state, report.foothold,
                                     _text_date(index, sources), report.withdraws, report.contested, report.as_of,
                                     sources, report.inferred, report.note, renewed=report.renewed,
                                     site_alias=next((n.name for n in event.named if n.ref == site and n.name in ours), "")))
        # A state runs on to the next report only if that report repeats it.
        spans = [replace(s, repeated=same_state(s, n)) for s, n in pairwise(spans)] + spans[-1:]
        index.control[site] = spans
        # Newest text first; within one text, the latest moment it describes.
        index.latest[site] = max(reversed(spans), key=newest_text_first)  # ties: the later in the list
