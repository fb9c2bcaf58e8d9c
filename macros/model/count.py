"""Counts as the sources give them: a number with a qualifier, or a word that gives no number.

Written in the data as "[qualifier ]N" or a word: "7", "1,000", "about 20", "at least 100",
"more than 30", "up to 50", "several", "hundreds". Each count is a range of possible values, so
two counts agree when their ranges meet (see `agree`), and the narrower range is the more
precise. Parsed word by word, with no regular expression (linear in the input).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

INFINITE = float("inf")
# Qualifier words -> the range they give around N. "about N" is read as within 10% of N
# either way (at least 1): a documented convention, since the texts never say how rough.
QUALIFIERS = {
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "at least": "at least", "over": "more than", "more than": "more than",
    "up to": "up to", "at most": "up to", "fewer than": "fewer than", "less than": "fewer than",
}
# Words that give no number, with the least they can mean ("hundreds" is at least 200).
NO_NUMBER = {
    "several": 2, "many": 2, "numerous": 2, "some": 1, "a few": 2, "dozens": 24, "hundreds": 200,
    "thousands": 2000, "unknown": 0,
}
NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
EXPECTED = ("a count like 7, 1,000, 'about 20', 'at least 100', 'more than 30', 'up to 50', "
            "or a word with no number: " + ", ".join(NO_NUMBER))


@dataclass(frozen=True)
class Count:
    """`number` is None for a word with no number; `low`/`high` bound the values it allows."""

    qualifier: str
    number: int | None
    word: str = ""

    @property
    def low(self) -> float:
        if self.number is None:
            return NO_NUMBER[self.word]
        n = self.number
        return {"about": n - max(1, n // 10), "at least": n, "more than": n + 1,
                "up to": 0, "fewer than": 0}.get(self.qualifier, n)

    @property
    def high(self) -> float:
        if self.number is None:
            return INFINITE
        n = self.number
        return {"about": n + max(1, n // 10), "at least": INFINITE, "more than": INFINITE,
                "up to": n, "fewer than": n - 1}.get(self.qualifier, n)

    @property
    def width(self) -> float:
        """Smaller is more precise: an exact number is 0, a word with no number is infinite."""
        return self.high - self.low

    def agrees(self, other: Count) -> bool:
        return max(self.low, other.low) <= min(self.high, other.high)

    def __str__(self) -> str:
        if self.number is None:
            return self.word
        written = f"{self.number:,}"
        return f"{self.qualifier} {written}" if self.qualifier else written

    display = __str__


def parse_count(value: Any) -> Count:
    if isinstance(value, Count):
        return value
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"expected {EXPECTED}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"{value} is negative; {EXPECTED}")
        return Count("", value)
    words = value.casefold().split()
    text = " ".join(words)
    if text in NO_NUMBER:
        return Count("", None, text)
    qualifier = ""
    for size in (2, 1):  # "at least" before "at"
        head = " ".join(words[:size])
        if len(words) > size and head in QUALIFIERS:
            qualifier, words = QUALIFIERS[head], words[size:]
            break
    number = _number(words[0]) if len(words) == 1 else None
    if number is None:
        raise ValueError(f"'{value}' is not {EXPECTED}")
    return Count(qualifier, number)


def _number(word: str) -> int | None:
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    groups = word.split(",")
    if not all(g.isascii() and g.isdigit() for g in groups) or len(word) > 12:
        return None
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None  # "1,00" is a typo, not a hundred
    return int("".join(groups))


CountValue = Annotated[
    Count,
    BeforeValidator(parse_count),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": ["string", "integer"], "description": EXPECTED}),
]
