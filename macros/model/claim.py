"""Citations and claims: the one shape for any value that a source states, and the rule for
when two claims of one field are one statement, several, or a disagreement."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from .base import MAX_LABEL, Flag, Label, Model, Text, ref_to
from .claimant import ClaimedBy
from .count import CountValue
from .dates import Date, FieldError, FuzzyDate, check_range

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


class Claim(Model):
    """A value, the sources that state it, and who claims it.

    The value is typed where it can be compared: `count` (a number with a qualifier), `date`
    (with an optional `end`, a date or "ongoing"), `names` (entities a text names, perhaps not
    all of them). `value` is free text: the value itself, or a gloss shown after a typed one.
    """

    value: Text | None = None
    ref: ref_to() | None = None
    count: CountValue | None = None
    date: Date | None = None
    end: Date | Literal["ongoing"] | None = None
    names: list[ref_to()] = []
    sources: list[Citation] = Field(min_length=1)
    claimed_by: ClaimedBy | None = None
    own_voice: Flag | None = Field(None, description=(
        "true: the cited text states this in its own voice, no party's claim, even inside an event that a party claims; "
        "a claim with neither this nor claimed_by takes its event's claimed_by"))
    as_of: Date | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _has_value(self) -> Claim:
        if self.own_voice and self.claimed_by is not None:
            raise FieldError("a claim is either one party's ('claimed_by') or the cited text's own ('own_voice: true'), not both; "
                             "keep the one the text supports", "own_voice")
        typed = [n for n in ("count", "date", "names") if getattr(self, n)]
        if not typed and self.value is None and self.ref is None:
            raise ValueError("a claim needs a 'value', a 'ref' to an entity, or a typed value ('count', 'date' or 'names')")
        if len(typed) > 1:
            raise FieldError(f"a claim has one typed value, not {' and '.join(typed)}; split it into two claims", typed[1])
        if self.end is not None and self.date is None:
            raise FieldError("'end' needs a 'date' to start from", "end")
        if isinstance(self.end, FuzzyDate) and self.date is not None:
            check_range(self.date, self.end)
        return self

    @property
    def text(self) -> str | None:
        """The value as a reader sees it (a `names` claim without `value` shows its links instead)."""
        typed = None
        if self.count is not None:
            typed = str(self.count)
        elif self.date is not None:
            typed = self.date.display()
            if self.end is not None:
                typed += " – " + (self.end if isinstance(self.end, str) else self.end.display())
        if typed and self.value:
            return f"{typed}, {self.value}"
        return typed or self.value


# A field that a source can dispute: claims that cannot all be true are a disagreement.
Claims = list[Claim]

_NEVER, _ALWAYS = dt.date.min, dt.date.max


def _bounds(date: FuzzyDate) -> tuple[dt.date, dt.date]:
    """Every day a written date allows: "by 25 Dec" is any day up to the 25th."""
    if date.qualifier in ("by", "as of", "until", "before"):
        return _NEVER, date.last_day
    if date.qualifier == "after":
        return date.first_day, _ALWAYS
    return date.first_day, date.last_day


def _meet(a: FuzzyDate, b: FuzzyDate) -> bool:
    (a1, a2), (b1, b2) = _bounds(a), _bounds(b)
    return max(a1, b1) <= min(a2, b2)


def _kind(claim: Claim) -> str:
    return "count" if claim.count else "date" if claim.date else "names" if claim.names else "text"


def _same_moment(a: Claim, b: Claim) -> bool:
    """Figures as of different dates describe different moments: both can be true."""
    return a.as_of is None or b.as_of is None or _meet(a.as_of, b.as_of)


def _ends_meet(a: Claim, b: Claim) -> bool:
    if a.end is None or b.end is None or isinstance(a.end, str) or isinstance(b.end, str):
        return a.end == b.end
    return _meet(a.end, b.end)


def _key(claim: Claim) -> tuple[str | None, str | None]:
    return (" ".join(claim.value.casefold().split()) if claim.value else None, claim.ref)


def restates(a: Claim, b: Claim) -> bool:
    """One statement: the same value at different precision (4 Dec 2024 / early Dec 2024;
    at least 100 / 120), the same list or part of it, or the same text."""
    if _kind(a) != _kind(b) or a.ref != b.ref or not _same_moment(a, b):
        return False
    if a.count is not None and b.count is not None:
        return a.count.agrees(b.count)
    if a.date is not None and b.date is not None:
        return _meet(a.date, b.date) and _ends_meet(a, b)
    if a.names:
        return set(a.names) <= set(b.names) or set(b.names) <= set(a.names)
    return _key(a) == _key(b)


def compatible(a: Claim, b: Claim) -> bool:
    """Both can be true: they restate each other, describe different moments, or are lists that
    each name some of the entities."""
    return restates(a, b) or not _same_moment(a, b) or (bool(a.names) and bool(b.names))


def _precision(claim: Claim) -> float:
    """Smaller is more precise."""
    if claim.count is not None:
        return claim.count.width
    if claim.date is not None:
        low, high = _bounds(claim.date)
        return float("inf") if dt.date.min in (low, high) or dt.date.max in (low, high) else (high - low).days
    return -len(claim.names)


def group_by_statement(claims: list[Claim]) -> list[list[Claim]]:
    """Claims of one field grouped into statements, in order of first use; in each group the most
    precise claim comes first (it is the value shown, the others are shown as agreeing with it).

    The one rule for a disagreement, used both to list disagreements and to show "sources differ"
    on a page: see `differ`.
    """
    by_precision = sorted(range(len(claims)), key=lambda i: (_precision(claims[i]), i))
    groups: list[list[int]] = []
    for i in by_precision:
        home = next((g for g in groups if all(restates(claims[i], claims[j]) for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    groups.sort(key=min)
    return [[claims[i] for i in g] for g in groups]


def differ(groups: list[list[Claim]]) -> bool:
    """Sources differ when two statements cannot both be true."""
    return any(
        not compatible(a, b)
        for x, first in enumerate(groups) for second in groups[x + 1:]
        for a in first for b in second
    )


# Labelled single-valued fields, e.g. {"population": [...], "villages": [...]}.
Facts = dict[Annotated[str, StringConstraints(min_length=1, max_length=MAX_LABEL)], Claims]
