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


def named_date(name: str, date: FuzzyDate) -> bool:
    """Whether a source's name already spells out its date ("… 2 March 2031"), so it is not said twice."""
    long = f"{date.day} {calendar.month_name[date.month]} {date.year}" if date.day else ""
    return date.display() in name or bool(long and long in name)
