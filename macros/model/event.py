"""Dated events: what happened, where, who was involved, and who says so."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .base import Id, Model, Name, Text, ref_to
from .claim import Citation, ClaimedBy, Facts
from .control import ControlReport
from .dates import Date, check_range

EventKind = Literal[
    "attack", "capture", "recapture", "withdrawal", "airstrike", "reinforcement", "resupply", "ceasefire",
    "casualties", "displacement", "arson", "shoot-down", "statement", "encirclement", "counteroffensive",
    "clash", "surrender", "offensive", "deployment", "other",
]


class Event(Model):
    id: Id
    date: Date
    end: Date | None = None
    kind: EventKind
    title: Name
    summary: Text
    places: list[ref_to("places")] = []
    parties: list[ref_to("parties")] = []
    units: list[ref_to("units")] = []
    people: list[ref_to("people")] = []
    control: list[ControlReport] = []
    figures: Facts = {}
    sources: list[Citation] = Field(min_length=1)
    claimed_by: ClaimedBy | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Event:
        check_range(self.date, self.end)
        return self
