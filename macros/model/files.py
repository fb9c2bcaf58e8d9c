"""The shape of each data file: one top-level key naming its kind."""

from __future__ import annotations

from pydantic import Field

from .base import Model
from .battle import Battle
from .entities import Party, Person, Phase, Place, Source, Unit
from .event import Event


class SourcesFile(Model):
    sources: list[Source]


class PartiesFile(Model):
    parties: list[Party]


class UnitsFile(Model):
    units: list[Unit]


class PlacesFile(Model):
    places: list[Place]


class PeopleFile(Model):
    people: list[Person]


class PhasesFile(Model):
    phases: list[Phase]


class EventsFile(Model):
    events: list[Event]


class BattleFile(Model):
    battle: Battle = Field(description="The conflict this site is about")


FILE_MODELS: dict[str, type[Model]] = {
    "sources": SourcesFile,
    "parties": PartiesFile,
    "units": UnitsFile,
    "places": PlacesFile,
    "people": PeopleFile,
    "phases": PhasesFile,
    "events": EventsFile,
    "battle": BattleFile,
}
KINDS = tuple(FILE_MODELS)
