"""Another name for an entity: cited to the texts that use it, or marked as our identification.

Written as a mapping: `{name: Taminelone, sources: [src]}` where a text uses the name for this
entity; add `identified: <basis>` where no text says the name means this entity and we infer it
(both spellings name where one unit is deployed, say). A bare name is read as `{name: ...}` and
then fails the check that every alias is cited or identified.
"""

from __future__ import annotations

from typing import Any

from pydantic import model_validator

from .base import Model, Name, Text
from .claim import Citation


class Basis(Model):
    """What a field rests on: the texts that state it, or `identified: <why>` where no text states
    it and we infer it. Used for the fields a text seldom states outright, such as a party's type
    or what it is part of; the page shows the marks, or our identification with its basis."""

    sources: list[Citation] = []
    identified: Text | None = None

    @property
    def marked(self) -> bool:
        """Cited to a text, or marked as our identification with its basis."""
        return bool(self.sources) or self.identified is not None


class Alias(Model):
    name: Name
    sources: list[Citation] = []
    identified: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value

    @property
    def marked(self) -> bool:
        """Cited to a text, or marked as our identification with its basis."""
        return bool(self.sources) or self.identified is not None

    def __str__(self) -> str:
        return self.name
