"""Pydantic models of a conflict's data. Pure: no I/O, no rendering."""

from .alias import Alias
from .battle import Battle, Side
from .claim import Citation, Claim, ClaimedBy, Claims, Facts
from .claimant import claimant_of
from .control import ControlChange, ControlReport
from .dates import FuzzyDate, parse_date
from .entities import Distance, Entity, Party, Person, Phase, Place, Source, Unit
from .event import Event
from .files import FILE_MODELS, KINDS
from .geo import Bounds, Coordinates

__all__ = [
    "FILE_MODELS",
    "KINDS",
    "Alias",
    "Battle",
    "Bounds",
    "Citation",
    "Claim",
    "ClaimedBy",
    "Claims",
    "ControlChange",
    "ControlReport",
    "Coordinates",
    "Distance",
    "Entity",
    "Event",
    "Facts",
    "FuzzyDate",
    "Party",
    "Person",
    "Phase",
    "Place",
    "Side",
    "Source",
    "Unit",
    "claimant_of",
    "parse_date",
]
