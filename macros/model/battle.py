"""The conflict itself, shaped like Wikipedia's "Infobox military conflict"."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from .alias import Alias
from .base import MAX_ALIASES, Id, Model, Name, Text
from .claim import Citation, Claims, Facts


class Side(Model):
    """One side: each list holds items (several can be true at once); strength and casualties are labelled fields."""

    MULTI_VALUED: ClassVar[tuple[str, ...]] = ("belligerents", "commanders", "units")

    id: Id
    name: Name
    belligerents: Claims = []
    commanders: Claims = []
    units: Claims = []
    strength: Facts = {}
    casualties: Facts = {}


class Battle(Model):
    id: Id
    name: Name
    aliases: list[Alias] = Field(default=[], max_length=MAX_ALIASES)
    summary: Text | None = None
    part_of: Claims = []
    date: Claims = []
    place: Claims = []
    result: Claims = []
    sides: list[Side] = Field(min_length=2)
    facts: Facts = {}
    sources: list[Citation] = Field(min_length=1)
