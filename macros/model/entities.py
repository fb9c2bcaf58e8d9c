"""The entities of a conflict: sources, parties, units, places, people."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .alias import Alias, Basis
from .base import MAX_ALIASES, Id, Label, Model, Name, Text, Url, ref_to
from .claim import Citation, ClaimedBy, Claims, Facts
from .dates import Date, FieldError, check_range
from .geo import Bounds, Coordinates


class Entity(Model):
    id: Id
    name: Name
    aliases: list[Alias] = Field(default=[], max_length=MAX_ALIASES)
    summary: Text | None = None


class Cited(Entity):
    """An entity whose existence and plain attributes rest on sources."""

    sources: list[Citation] = Field(min_length=1)
    facts: Facts = {}


SourceKind = Literal["news-report", "encyclopedia-article", "press-release", "report", "social-media-post", "other"]


class Source(Entity):
    """Recorded only as far as it is known: nothing invented."""

    kind: SourceKind
    outlet: Name | None = None
    outlet_note: Text | None = None
    via: Name | None = None
    title: Name | None = None
    date: Date | None = None
    url: Url | None = None
    file: Label | None = None
    notes: Text | None = None


PartyKind = Literal[
    "armed-group", "armed-force", "service-branch", "police", "government", "militia", "coalition",
    "civil-society", "media", "other",
]


class Party(Cited):
    # Left out where no text says what kind of body it is; the infobox then says so.
    kind: PartyKind | None = None
    kind_basis: Basis | None = None
    parent: ref_to("parties") | None = None
    parent_basis: Basis | None = None  # required with `parent` (macros/bases.py)
    # Where the texts seldom name it (an air arm behind "airstrikes"), why this wiki tags an event
    # with it: every tag is then shown as our identification, unless the event's `named` says its
    # texts give the party's own name.
    tag_basis: Text | None = Field(None, description=(
        "why this wiki tags events with this party where the texts do not name it; each such tag is marked as an identification"))
    # How "(… claim)" names the party: the texts' own word for it where they report its claims
    # under another name ("the regime" for a government they seldom name), so the label does not
    # put an identification of ours in the texts' mouth.
    claim_label: Label | None = Field(None, description=(
        "the word the texts use for this party where they report its claims, shown as '(<label> claim)'; default: its shortest alias"))


UnitKind = Literal["command", "division", "brigade", "battalion", "column", "school", "other"]


class Unit(Cited):
    kind: UnitKind
    designation: Claims = []
    number: Label | None = None
    parent: ref_to("units") | None = None
    parent_basis: Basis | None = None  # required with `parent` (macros/bases.py)
    party: ref_to("parties")
    garrison: ref_to("places") | None = None
    # The name the texts give the garrison where it is one of that place's aliases: the infobox
    # shows that name with its sources, and our mark where the alias is an identification of ours.
    garrison_name: Name | None = None


PlaceKind = Literal[
    "country", "state", "region", "district", "township", "city", "town", "village", "ward", "base",
    "airport", "campus", "prison", "monastery", "market", "church", "school", "river", "road", "area",
    "site",
]


Compass = Literal["N", "NE", "E", "SE", "S", "SW", "W", "NW"]


class Distance(Model):
    """How far a text puts this place from another, and (`direction`) which way this place lies from it."""

    to: ref_to("places")
    miles: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    km: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    direction: Compass | None = None
    sources: list[Citation] = Field(min_length=1)
    note: Text | None = None


class Place(Cited):
    kind: PlaceKind
    kind_basis: Basis | None = None
    within: ref_to("places") | None = None
    within_basis: Basis | None = None  # required with `within` (macros/bases.py)
    coordinates: Coordinates | None = None
    bounds: Bounds | None = None
    distances: list[Distance] = []


class Person(Cited):
    role: Text | None = None
    affiliation: ref_to("parties") | None = None


class DateClaim(Model):
    """Whose word one date is, and the texts that carry it."""

    claimed_by: ClaimedBy
    sources: list[Citation] = Field(min_length=1)


class Phase(Cited):
    """A stage of the conflict; `end` is left out while it is ongoing.

    A phase's account can be one party's, as an event's can: `claimed_by` covers its dates and
    summary; `start_claim` / `end_claim` name the claimant of one boundary date alone, with the
    texts that carry it (the summary then attributes it in its own words). Each is shown beside
    the date it covers.
    """

    start: Date
    end: Date | None = None
    claimed_by: ClaimedBy | None = Field(None, description="Whose account the phase (its dates and summary) is")
    start_claim: DateClaim | None = Field(None, description="Who gives the start date alone, with the texts that carry it")
    end_claim: DateClaim | None = Field(None, description="Who gives the end date alone, with the texts that carry it")

    @model_validator(mode="after")
    def _ordered(self) -> Phase:
        check_range(self.start, self.end)
        if self.end_claim is not None and self.end is None:
            raise FieldError("'end_claim' names who dates the phase's end, but the phase has no 'end'; add the end or remove it",
                             "end_claim")
        return self

    def date_claim(self, which: str) -> DateClaim | None:
        """Who the phase's 'start' or 'end' date is claimed by: that date's own claim, else the phase's claimant."""
        own = getattr(self, f"{which}_claim")
        if own is None and self.claimed_by is not None:
            return DateClaim(claimed_by=self.claimed_by, sources=self.sources)
        return own
