"""Macro functions: look up in the index, then hand to a template. No HTML is built here.

The shared helpers (links, citation marks, dates, claimants) live on `Renderer`; each view
(timelines, control of sites, lists of records) is a mixin in `views/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .citations import PageCitations, Use, backlink_letter, named_date
from .compiled import COMPILED
from .index import Index
from .links import SiteMap, relative
from .model import Citation, ClaimedBy, FuzzyDate, claimant_of
from .model.claim import differ, group_by_statement
from .pagecheck import Call
from .rows import RowCache, href_token
from .scale import Split
from .views.control import ControlViews
from .views.maps import MapViews
from .views.records import RecordViews
from .views.timeline import TimelineViews

TEMPLATES = Path(__file__).parent / "templates"
_BLANK_LINES = re.compile(r"\n\s*\n+")
# After a block element's end tag, a line break: text extractors (site search) then see separate words.
_BLOCK_END = re.compile(r"(</(?:tr|th|td|li|dt|dd|div|p|ul|ol|caption|figcaption|h[1-6])>)(?=<)")
_KIND_LABELS = {"parties": "party", "units": "unit", "places": "place", "people": "person", "phases": "phase",
                "sources": "source", "events": "event"}


# Markdown still reads a macro's output where it sits in running text (`fact`, `entity_link`,
# `cite` in a paragraph), so a value like `[x](data:...)` or `*x*` would turn into a link or
# emphasis there. Every value is escaped, and the characters Markdown acts on are written as
# character references, which the browser shows as typed.
_MARKDOWN_ACTIVE = str.maketrans({c: f"&#{ord(c)};" for c in "[]*_`{}\\"})
_NEEDS_ESCAPE = re.compile(r"[&<>\"'\[\]*_`{}\\]")  # most values have none of these: returned as they are


def _literal(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    if not _NEEDS_ESCAPE.search(value):
        return Markup(value)
    return Markup(str(escape(value)).translate(_MARKDOWN_ACTIVE))


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        auto_reload=False,  # one environment per build: a template never changes during one
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
        finalize=_literal, bytecode_cache=COMPILED,
    )
    # Jinja's `capitalize` lowercases the rest ("ABC" -> "Abc"); labels are free text.
    env.filters["sentence"] = lambda text: str(text)[:1].upper() + str(text)[1:]
    return env


@dataclass
class Link:
    ident: str
    name: str
    kind: str
    href: str | None


@dataclass
class Claimant:
    """Who claims a value: `short` reads as "(<short name> claim)", `full` names them in full."""

    party: Link | None
    person: Link | None
    short: str
    full: str
    described: str | None = None


class Renderer(TimelineViews, ControlViews, RecordViews, MapViews):
    """One per build; `start_page` resets the per-page state (citation numbers)."""

    def __init__(self, index: Index, sitemap: SiteMap, calls: dict[str, list[Call]] | None = None,
                 split: Split | None = None) -> None:
        self.index = index
        self.split = split or Split()
        self.rows = RowCache()
        self.sitemap = sitemap
        self.calls = calls or {}
        self.env = make_environment()
        # Globals, so `{% import "parts.html.j2" as p %}` is made once per build, not once per call.
        self.env.globals.update(h=self, index=index)
        self.env.filters["source_name"] = lambda ident: self.index.get(ident).name
        self.env.filters["source_short"] = lambda ident: self.index.get(ident).outlet or self.index.get(ident).name
        self.start_page("")

    def start_page(self, url: str) -> None:
        self.page_url = url
        self.citations = PageCitations()
        self.anchors: set[str] = set()

    def anchor(self, ident: str) -> str:
        """An element id the first time it is asked for on this page, then "" (ids stay unique)."""
        if ident in self.anchors:
            return ""
        self.anchors.add(ident)
        return ident

    # Helpers the templates call (the `h` in every template's context).
    def link(self, ident: str) -> Link:
        item = self.index.get(ident)
        kind = self.index.kind_of[ident]
        url = self.sitemap.url(ident, kind)
        name = getattr(item, "name", None) or getattr(item, "title", ident)
        return Link(ident, name, kind, self.href(url) if url else None)

    def kind_label(self, ident: str) -> str:
        return _KIND_LABELS.get(self.index.kind_of[ident], self.index.kind_of[ident])

    def href(self, site_url: str) -> str:
        return href_token(site_url) if self.rows.recording else relative(site_url, self.page_url)

    def marks(self, citations: Iterable[Citation]) -> list[tuple[Use, str, str]]:
        """(use, preview, href) for each citation, numbered on this page."""
        out = []
        for citation in citations:
            use = self.citations.use(citation)
            source = self.index.get(citation.source)
            tip = source.name
            if source.outlet and source.outlet not in source.name:
                tip += f" ({source.outlet})"
            if source.date and not self.named_date(source.name, source.date):
                tip += f", {source.date.display()}"
            if citation.locator:
                tip += f", {citation.locator}"
            if citation.quote:
                tip += f": “{citation.quote}”"
            out.append((use, tip, f"#ref-{use.number}"))
        return out

    letter = staticmethod(backlink_letter)
    named_date = staticmethod(named_date)

    def date(self, value: FuzzyDate | None) -> str:
        return value.display() if value else ""

    def short_name(self, party: str) -> str:
        """How a claim's party reads in "(… claim)": its claim_label, else its shortest alias, else its name."""
        item = self.index.get(party)
        label = getattr(item, "claim_label", None)
        if label:
            return label
        return min((a.name for a in item.aliases), key=len) if item.aliases else item.name

    def claimant(self, who: ClaimedBy | None) -> Claimant | None:
        if who is None:
            return None
        party = self.link(who.party) if who.party else None
        person = self.link(who.person) if who.person else None
        short = self.short_name(who.party) if who.party else ""
        full = "Claimed by " + (", ".join(x.name for x in (person, party) if x) or str(who.described))
        return Claimant(party, person, short, full, who.described)

    claimant_of = staticmethod(claimant_of)
    group_claims = staticmethod(group_by_statement)
    differ = staticmethod(differ)

    def _render(self, template: str, **context: Any) -> Markup:
        html = self.env.get_template(template).render(h=self, index=self.index, **context)
        return Markup(_BLANK_LINES.sub("\n", _BLOCK_END.sub("\\1\n", html)).strip())

    # Macros.
    def infobox(self, ident: str) -> Markup:
        item = self.index.get(ident)
        kind = self.index.kind_of[ident]
        return self._render(f"infobox/{kind}.html.j2", item=item, kind=kind)

    def entity_link(self, ident: str) -> Markup:
        return self._render("link.html.j2", ident=ident)

    def cite(self, source: str, locator: str | None = None, quote: str | None = None) -> Markup:
        return self._render("marks.html.j2", citations=[Citation(source=source, locator=locator, quote=quote)])

    def fact(self, ident: str, label: str) -> Markup:
        item = self.index.get(ident)
        return self._render("claims.html.j2", claims=item.facts[label], inherited=getattr(item, "claimed_by", None))

    def references(self) -> Markup:
        rows = [(number, self.index.get(source), uses) for source, number, uses in self.citations.ordered()]
        return self._render("references.html.j2", rows=rows)
