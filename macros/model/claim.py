"""Citations and claims: the one shape for any value that a source states."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator, model_validator

from .base import MAX_LABEL, Label, Model, Text, ref_to
from .dates import Date

MAX_QUOTE_WORDS = 40


class Citation(Model):
    """A source, with an optional short excerpt and a locator. Written as an id alone or in full."""

    source: ref_to("sources")
    quote: Text | None = None
    locator: Label | None = None

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        return {"source": value} if isinstance(value, str) else value

    @field_validator("quote")
    @classmethod
    def _short_quote(cls, value: str | None) -> str | None:
        if value is not None and len(value.split()) > MAX_QUOTE_WORDS:
            words = len(value.split())
            raise ValueError(f"quote has {words} words; quote at most {MAX_QUOTE_WORDS} and say the rest in your own words")
        return value


class ClaimedBy(Model):
    """Who made a claim: a party, a person, or both."""

    party: ref_to("parties") | None = None
    person: ref_to("people") | None = None

    @model_validator(mode="after")
    def _someone(self) -> ClaimedBy:
        if not (self.party or self.person):
            raise ValueError("name a party or a person who made the claim")
        return self


class Claim(Model):
    """A value, the sources that state it, and who claims it."""

    value: Text | None = None
    ref: ref_to() | None = None
    sources: list[Citation] = Field(min_length=1)
    claimed_by: ClaimedBy | None = None
    as_of: Date | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _has_value(self) -> Claim:
        if self.value is None and self.ref is None:
            raise ValueError("a claim needs a 'value', a 'ref' to an entity, or both")
        return self


# A field that a source can dispute: two claims with different values are a disagreement.
Claims = list[Claim]


def group_by_statement(claims: list[Claim]) -> list[list[Claim]]:
    """Claims of one field grouped by what they state (value and ref), in order of first use.

    Two or more groups mean the sources differ: the one rule for a disagreement, used both to
    list disagreements and to show "sources differ" on a page.
    """
    groups: dict[tuple[str | None, str | None], list[Claim]] = {}
    for claim in claims:
        groups.setdefault((claim.value, claim.ref), []).append(claim)
    return list(groups.values())
# Labelled single-valued fields, e.g. {"population": [...], "villages": [...]}.
Facts = dict[Annotated[str, StringConstraints(min_length=1, max_length=MAX_LABEL)], Claims]
