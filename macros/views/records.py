"""Lists across the record: where an entity is mentioned, every disagreement, every source."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..model import Event

if TYPE_CHECKING:
    from ..index import Disagreement
    from ..pagecheck import Call
    from ..render import Renderer


class RecordViews:
    def pages_mentioning(self: Renderer, ident: str) -> list[tuple[str, str]]:
        """(title, href) of the other pages whose macros name this id."""
        urls = dict.fromkeys(call.url for call in self.calls.get(ident, []) if call.url != self.page_url)
        return [(self.sitemap.titles.get(url, url), self.href(url)) for url in urls]

    def mentions(self: Renderer, ident: str) -> Markup:
        """A "Mentioned in" list for any entity: pages, events, and other records that refer to it."""
        is_source = self.index.kind_of[ident] == "sources"
        events = [e for e in self.index.events_for(ident) if self.index.kind_of[ident] != "phases"]
        records = self.index.cited_by.get(ident, []) if is_source else self.index.referenced_by.get(ident, [])
        others = [r.id for r in records if not isinstance(r, Event) and r.id != ident]
        pages = self.pages_mentioning(ident) if not is_source else self.pages_citing(ident)
        return self._render("mentions.html.j2", ident=ident, pages=pages, events=events, others=others)

    def _pages_by_source(self: Renderer) -> dict[str, list[str]]:
        """Per source, the page URLs that show a citation of it (built once: every source page asks)."""
        if not hasattr(self, "_citing_pages"):
            cites: dict[str, set[str]] = {}
            for source, items in self.index.cited_by.items():
                for item in items:
                    cites.setdefault(item.id, set()).add(source)
            table: dict[str, dict[str, None]] = {}
            for calls in self.calls.values():
                for call in calls:
                    for source in self._shown_by(call, cites):
                        table.setdefault(source, {})[call.url] = None
            if self.sitemap.chronology_page:
                for event in self.index.events:
                    for source in cites.get(event.id, ()):
                        table.setdefault(source, {})[self.sitemap.chronology_page] = None
            self._citing_pages = {source: list(urls) for source, urls in table.items()}
        return self._citing_pages

    def _shown_by(self: Renderer, call: Call, cites: dict[str, set[str]]) -> set[str]:
        """The sources a macro call puts on its page: by cite(), or by the infobox, fact or timeline it renders."""
        if call.name == "cite":
            return {call.ident}
        if call.name == "infobox":
            return cites.get(call.ident, set())
        if call.name == "fact" and call.label:
            return {c.source for claim in self.index.get(call.ident).facts.get(call.label, []) for c in claim.sources}
        if call.name == "timeline":
            return {s for e in self.index.events_for(call.ident) for s in cites.get(e.id, ())}
        return set()

    def pages_citing(self: Renderer, source: str) -> list[tuple[str, str]]:
        urls = [u for u in self._pages_by_source().get(source, []) if u != self.page_url]
        return sorted(((self.sitemap.titles.get(u, u), self.href(u)) for u in urls), key=lambda t: t[0].casefold())

    def field_label(self: Renderer, item: Any, path: tuple[str | int, ...]) -> str:
        """('sides', 1, 'casualties', 'killed') reads as '<Side>: casualties › killed'."""
        prefix, words, owner = "", [], item
        for part in path:
            if isinstance(part, int):
                owner = owner[part] if isinstance(owner, list) else owner
                prefix = f"{owner.name}: " if getattr(owner, "name", None) else prefix
                continue
            is_label = isinstance(owner, dict)  # a fact's label is free text: shown as written
            owner = owner.get(part) if is_label else getattr(owner, part, None)
            if is_label or part not in ("facts", "figures", "sides"):
                words.append(str(part) if is_label else str(part).replace("_", " "))
        return prefix + (" › ".join(words) or "value")

    def disagreements(self: Renderer) -> Markup:
        """Every field where the sources give different values, with its owner linked."""
        rows: list[Disagreement] = sorted(
            self.index.disagreements, key=lambda d: (self.index.kind_of[d.owner.id], self.link(d.owner.id).name.casefold())
        )
        return self._render("disagreements.html.j2", rows=rows)

    def sources(self: Renderer) -> Markup:
        """Every source with what is known of it, and the pages, events and records that cite it."""
        rows = []
        for source in sorted(self.index.by_kind.get("sources", []), key=lambda s: s.name.casefold()):
            items = self.index.cited_by.get(source.id, [])
            events = [i.id for i in items if isinstance(i, Event)]
            others = [i.id for i in items if not isinstance(i, Event)]
            rows.append((source, self.pages_citing(source.id), events, others))
        return self._render("sources.html.j2", rows=rows)

