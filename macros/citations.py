"""Per-page citation numbering: in order of first use; a source cited twice keeps its number."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field

from .model import Citation, FuzzyDate


@dataclass
class Use:
    """One citation mark on the page."""

    number: int
    anchor: str
    citation: Citation


@dataclass
class PageCitations:
    numbers: dict[str, int] = field(default_factory=dict)
    uses: dict[str, list[Use]] = field(default_factory=dict)

    def use(self, citation: Citation) -> Use:
        source = citation.source
        if source not in self.numbers:
            self.numbers[source] = len(self.numbers) + 1
            self.uses[source] = []
        number = self.numbers[source]
        mark = Use(number, f"cite-{number}-{len(self.uses[source]) + 1}", citation)
        self.uses[source].append(mark)
        return mark

    def ordered(self) -> list[tuple[str, int, list[Use]]]:
        return [(source, number, self.uses[source]) for source, number in self.numbers.items()]


def backlink_letter(position: int) -> str:
    """Back-link labels for the uses of one reference: a, b, …, z, aa, ab, …"""
    out = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        out = chr(97 + rest) + out
    return out


def long_date(date: FuzzyDate) -> str:
    """A date written out in full, with its qualifier: "after 10 August 2025", "late April 2025", "2025"."""
    parts = [date.qualifier, str(date.day) if date.day else "", calendar.month_name[date.month] if date.month else "", str(date.year)]
    return " ".join(p for p in parts if p)


def named_date(name: str, date: FuzzyDate) -> bool:
    """Whether a source's name already spells out its date, qualifier and all ("… after 2 March 2031"),
    so it is not said twice; a name that drops the qualifier still gets the date."""
    return date.display() in name or long_date(date) in name
