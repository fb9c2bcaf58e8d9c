"""Dated events: what happened, where, who was involved, and who says so."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Id, Model, Name, Text, ref_to
from .claim import Citation, ClaimedBy, Claims, Facts
from .control import ControlReport
from .dates import Date, FieldError, check_range

EventKind = Literal[
    "attack", "capture", "recapture", "withdrawal", "airstrike", "reinforcement", "resupply", "ceasefire",
    "casualties", "displacement", "arson", "shoot-down", "statement", "encirclement", "counteroffensive",
    "clash", "surrender", "offensive", "deployment", "other",
]


class NamedAs(Model):
    """The name the event's texts give one of its entities, where that is one of the entity's
    aliases: the timeline lists the entity under that name, marked as our identification where the
    alias is one (macros/bases.py checks it is an alias of an entity the event involves)."""

    ref: ref_to("places", "parties", "units", "people")
    name: Name


class Event(Model):
    id: Id
    date: Date
    end: Date | None = None
    # Where texts date the event differently: each date with its sources. `date` (used to place the
    # event in time) is one of them; they are compared by the claim rule, so dates that only differ
    # in precision agree, and dates that cannot both be right show as "sources differ".
    dates: Claims = []
    kind: EventKind
    title: Name
    summary: Text
    places: list[ref_to("places")] = []
    parties: list[ref_to("parties")] = []
    units: list[ref_to("units")] = []
    people: list[ref_to("people")] = []
    named: list[NamedAs] = []
    control: list[ControlReport] = []
    figures: Facts = {}
    sources: list[Citation] = Field(min_length=1)
    claimed_by: ClaimedBy | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Event:
        check_range(self.date, self.end)
        if self.dates and any(c.date is None for c in self.dates):
            raise FieldError("each entry of 'dates' gives a 'date' and its sources", "dates")
        if self.dates and self.date not in [c.date for c in self.dates]:
            raise FieldError(f"'date' ({self.date}) must be one of the dates in 'dates', the one the event is placed at", "date")
        return self
