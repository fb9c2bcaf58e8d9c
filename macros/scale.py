"""Readable at scale: above a threshold the chronology becomes a page per month (or year).

Material's page weight grows with what a page lists, so a record of thousands of events cannot
sit on one page. With more events than `split_above` (mkdocs.yml `extra.wiki`), the chronology
page lists the periods with their counts, each period has its own page
(`docs/chronology/<period>.md` calling `chronology('<period>')`), events link to their period's
page, and an entity's timeline with more events than the threshold lists its periods instead.
"""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import mkconfig
from .errors import DataError
from .files import shown
from .model import Event, FuzzyDate
from .pagecheck import Pages, read_pages

CHRONOLOGY_DIR = "chronology"
_PERIOD_CALL = re.compile(r"\bchronology\(\s*(['\"])(.*?)\1")


@dataclass(frozen=True)
class Split:
    """`above`: most events one page lists; `by`: "month" or "year"."""

    above: int = 500
    by: str = "month"

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> Split:
        above, by = settings.get("split_above", cls.above), settings.get("split_by", cls.by)
        if not isinstance(above, int) or above < 1 or by not in ("month", "year"):
            raise ValueError("mkdocs.yml extra.wiki: split_above must be a whole number >= 1 and split_by 'month' or 'year'")
        return cls(above, by)

    def period(self, date: FuzzyDate) -> str:
        """The page an event falls on: '2030-01' (by month; a year-only date gets its year), or '2030'."""
        return f"{date.year}-{date.month:02d}" if self.by == "month" and date.month else str(date.year)


def period_label(period: str) -> str:
    year, _, month = period.partition("-")
    return f"{calendar.month_name[int(month)]} {year}" if month else year


def periods(events: list[Event], split: Split) -> dict[str, list[Event]]:
    """Events by period, in time order (events come sorted)."""
    out: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        out[split.period(event.date)].append(event)
    return dict(out)


def page_text(period: str) -> str:
    return f"# {period_label(period)}\n\n{{{{ chronology('{period}') }}}}\n\n## References\n\n{{{{ references() }}}}\n"


def event_pages(events: list[Event], split: Split, docs_dir: Path, root: Path,
                pages: Pages | None = None) -> tuple[dict[str, str], list[DataError]]:
    """Event id -> URL of its period's page when the chronology is split; an error per missing page
    or per `chronology('...')` call that names no period. `pages`: as `read_pages` read them."""
    by_period = periods(events, split)
    errors = _unknown_periods(read_pages(docs_dir, root) if pages is None else pages, root, by_period, split)
    if len(events) <= split.above or not (docs_dir / f"{CHRONOLOGY_DIR}.md").is_file():
        return {}, errors
    for period in by_period:
        page = docs_dir / CHRONOLOGY_DIR / f"{period}.md"
        if not page.is_file():
            errors.append(DataError(shown(page, root), 0, 0, "", f"the chronology has {len(events)} events, more than split_above: "
                                    f"{split.above}, so each {split.by} needs a page; create this file containing: "
                                    + page_text(period).replace("\n", "\\n")))
    urls = {event.id: f"{CHRONOLOGY_DIR}/{period}/" for period, items in by_period.items() for event in items}
    return urls, errors


def _unknown_periods(pages: Pages, root: Path, by_period: dict[str, list[Event]], split: Split) -> list[DataError]:
    errors = []
    for page, (text, first, _errors) in pages.items():  # a page that cannot be read is reported by check_pages
        if "chronology(" not in text:
            continue
        for number, line in enumerate(text.splitlines(), start=first):
            for match in _PERIOD_CALL.finditer(line):
                if match.group(2) not in by_period:
                    errors.append(DataError(shown(page, root), number, match.start() + 1, f"chronology('{match.group(2)}')",
                                            f"no events fall in this {split.by}; known: {', '.join(by_period) or 'none'}"))
    return errors


def settings_in(config: Path) -> dict[str, Any]:
    """`extra.wiki` of a mkdocs.yml, for `python -m macros.check` (which runs without MkDocs); tags are ignored."""
    return (mkconfig.read(config).get("extra") or {}).get("wiki") or {}
