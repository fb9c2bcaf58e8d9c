"""Macro functions: look up in the index, then hand to a template. No HTML is built here."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .citations import PageCitations, Use
from .index import Index
from .links import SiteMap, relative
from .model import Citation, ClaimedBy, FuzzyDate

TEMPLATES = Path(__file__).parent / "templates"
_BLANK_LINES = re.compile(r"\n\s*\n+")


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


@dataclass
class Link:
    ident: str
    name: str
    kind: str
    href: str | None


class Renderer:
    """One per build; `start_page` resets the per-page state (citation numbers)."""

    def __init__(self, index: Index, sitemap: SiteMap, mentions: dict[str, set[str]] | None = None) -> None:
        self.index = index
        self.sitemap = sitemap
        self.mentions = mentions or {}
        self.env = make_environment()
        self.page_url = ""
        self.citations = PageCitations()

    def start_page(self, url: str) -> None:
        self.page_url = url
        self.citations = PageCitations()

    # Helpers the templates call (the `h` in every template's context).
    def link(self, ident: str) -> Link:
        item = self.index.get(ident)
        kind = self.index.kind_of[ident]
        url = self.sitemap.url(ident, kind)
        name = getattr(item, "name", None) or getattr(item, "title", ident)
        return Link(ident, name, kind, relative(url, self.page_url) if url else None)

    def marks(self, citations: Iterable[Citation]) -> list[tuple[Use, str, str]]:
        """(use, tooltip, href) for each citation, numbered on this page."""
        out = []
        for citation in citations:
            use = self.citations.use(citation)
            source = self.index.get(citation.source)
            tip = source.name + (f", {citation.locator}" if citation.locator else "")
            if citation.quote:
                tip += f": “{citation.quote}”"
            out.append((use, tip, f"#ref-{use.number}"))
        return out

    def date(self, value: FuzzyDate | None) -> str:
        return value.display() if value else ""

    def month(self, value: FuzzyDate) -> str:
        return FuzzyDate(value.year, value.month).display() if not value.month else f"{calendar.month_name[value.month]} {value.year}"

    def claimant(self, who: ClaimedBy | None) -> str:
        if who is None:
            return ""
        names = [self.link(i).name for i in (who.party, who.person) if i]
        return "claimed by " + " / ".join(names)

    def _render(self, template: str, **context: Any) -> Markup:
        html = self.env.get_template(template).render(h=self, **context)
        return Markup(_BLANK_LINES.sub("\n", html).strip())

    # Macros.
    def infobox(self, ident: str) -> Markup:
        item = self.index.get(ident)
        kind = self.index.kind_of[ident]
        return self._render(f"infobox/{kind}.html.j2", item=item, kind=kind, index=self.index)

    def timeline(self, ident: str | None = None, filters: bool = False, group: bool | None = None) -> Markup:
        events = self.index.events_for(ident) if ident else self.index.events
        grouped = ident is None if group is None else group
        return self._render("timeline.html.j2", events=events, filters=filters, index=self.index, group=grouped)

    def chronology(self) -> Markup:
        return self.timeline(None, filters=True, group=True)

    def entity_link(self, ident: str) -> Markup:
        return self._render("link.html.j2", ident=ident)

    def cite(self, source: str, locator: str | None = None, quote: str | None = None) -> Markup:
        return self._render("marks.html.j2", citations=[Citation(source=source, locator=locator, quote=quote)])

    def fact(self, ident: str, label: str) -> Markup:
        claims = self.index.get(ident).facts[label]
        return self._render("claims.html.j2", claims=claims)

    def references(self) -> Markup:
        rows = [(number, self.index.get(source), uses) for source, number, uses in self.citations.ordered()]
        return self._render("references.html.j2", rows=rows)
