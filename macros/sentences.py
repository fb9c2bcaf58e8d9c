"""Cited sentences of a Markdown page, and the words in them. Hand-written scanners, no regular
expressions: each pass reads the text once (linear time, whatever the input).

A page cites a source with `{{ cite('id', ...) }}` written after the sentence it backs. The
sentence of a citation runs from the end of the sentence before it up to the citation.
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from dataclasses import dataclass, field

from .model.count import NUMBER_WORDS

# Words after which a full stop does not end a sentence ("Col. Naw Bu", "St. Mary's").
ABBREVIATIONS = frozenset((
    "col", "lt", "capt", "gen", "maj", "brig", "sgt", "st", "dr", "mr", "mrs", "ms", "vs", "etc", "approx",
    "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
))
MONTHS = {name.casefold(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.casefold(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9


@dataclass
class Cited:
    """One sentence and the sources cited after it; `line`/`col` are where its citation stands."""

    text: str
    sources: list[str]
    line: int
    col: int


@dataclass
class _Scan:
    plain: list[str] = field(default_factory=list)
    size: int = 0
    ends: list[int] = field(default_factory=list)
    cites: list[tuple[int, str, int, int]] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.plain.append(text)
        self.size += len(text)


def _string_args(call: str) -> list[str]:
    """The quoted arguments of a macro call, in order: "cite('a', 'b')" -> ['a', 'b']."""
    out, i = [], 0
    while i < len(call):
        quote = call[i]
        if quote in "'\"":
            end = call.find(quote, i + 1)
            if end < 0:
                break
            out.append(call[i + 1:end])
            i = end + 1
        else:
            i += 1
    return out


def _sentence_ends(text: str, offset: int, scan: _Scan) -> None:
    for i, char in enumerate(text):
        if char not in ".!?" or (i + 1 < len(text) and not text[i + 1].isspace()):
            continue
        start = i
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        word = text[start:i].casefold()
        if char == "." and (word in ABBREVIATIONS or len(word) == 1):
            continue
        scan.ends.append(offset + i + 1)


def cited_sentences(page: str, names: dict[str, str]) -> list[Cited]:
    """Every sentence followed by a citation. `names` gives the text an `entity_link('id')` shows."""
    out: list[Cited] = []
    fenced = False
    paragraph: list[tuple[int, str]] = []
    for number, line in enumerate([*page.split("\n"), ""], start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        if line.strip() and not line.lstrip().startswith(("#", "- ", "* ", "|")):
            paragraph.append((number, line))
            continue
        out += _paragraph(paragraph, names)
        paragraph = [(number, line)] if line.strip() and not line.lstrip().startswith("#") else []
    return out


def _paragraph(lines: list[tuple[int, str]], names: dict[str, str]) -> list[Cited]:
    scan = _Scan()
    for number, line in lines:
        i = 0
        while i < len(line):
            start = line.find("{{", i)
            text = line[i:] if start < 0 else line[i:start]
            _sentence_ends(text, scan.size, scan)
            scan.add(text)
            if start < 0:
                break
            end = line.find("}}", start)
            end = len(line) if end < 0 else end
            call = line[start + 2:end].strip()
            args = _string_args(call)
            if call.startswith("cite(") and args:
                scan.cites.append((scan.size, args[0], number, start + 1))
            elif call.startswith("entity_link(") and args:
                scan.add(names.get(args[0], ""))
            i = end + 2
        scan.add(" ")
    plain = "".join(scan.plain)
    out: dict[int, Cited] = {}
    for at, source, number, col in scan.cites:
        start = max((e for e in scan.ends if e < at), default=0)
        if at not in out:
            out[at] = Cited(plain[start:at].strip(), [], number, col)
        out[at].sources.append(source)
    return list(out.values())


# The loop below on ASCII text: a word starts with a letter or digit and goes on through letters,
# digits, apostrophes and commas between two digits. The check tokenizes tens of thousands of texts.
_ASCII_WORD = re.compile(r"[a-z0-9](?:[a-z0-9']|(?<=[0-9]),(?=[0-9]))*")


def words(text: str) -> list[str]:
    """Lower-case words and numbers; "4,600" is one number, "Mi-17" two words."""
    text = text.replace("\u2019", "'")
    if text.isascii():
        return [w.replace(",", "").rstrip("'") for w in _ASCII_WORD.findall(text.lower())]
    out: list[str] = []
    current: list[str] = []
    text = text.casefold()
    for i, char in enumerate(text):
        digit_comma = char == "," and current and current[-1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit()
        if char.isalnum() or (char == "'" and current):
            current.append(char)
        elif not digit_comma:
            if current:
                out.append("".join(current).strip("'"))
            current = []
    if current:
        out.append("".join(current).strip("'"))
    return out


def token_number(token: str) -> int | None:
    """"4600" and "seven" are numbers; other words are not."""
    if token.isdigit() and len(token) < 10:
        return int(token)
    return NUMBER_WORDS.get(token)


def numbers(tokens: list[str]) -> set[int]:
    return {n for n in map(token_number, tokens) if n is not None}


def has_phrase(tokens: list[str], phrase: str) -> bool:
    """Whole words: "said" is in "Naw Bu said", not in "saidin"."""
    wanted = _phrase(phrase)
    return bool(wanted) and wanted in f" {' '.join(tokens)} "


@functools.lru_cache(maxsize=4096)
def _phrase(phrase: str) -> str:
    """The phrase as has_phrase looks for it (" said "); the same few phrases are sought in every text."""
    wanted = " ".join(words(phrase))
    return f" {wanted} " if wanted else ""


def has_day(tokens: list[str], month: int, day: int) -> bool:
    """"10 August", "August 10", "10 Aug"."""
    return any((a == str(day) and MONTHS.get(b) == month) or (MONTHS.get(a) == month and b == str(day)) for a, b in itertools.pairwise(tokens))


def has_month(tokens: list[str], month: int, year: int) -> bool:
    """"August 2025"."""
    return any(MONTHS.get(a) == month and b == str(year) for a, b in itertools.pairwise(tokens))
