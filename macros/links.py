"""Where each entity's page lives, and relative links between pages."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

# Kinds whose entities get a page of their own at docs/<kind>/<id>.md.
PAGE_KINDS = ("parties", "units", "places", "people", "phases", "sources")


@dataclass(frozen=True)
class SiteMap:
    """Page URLs by entity id, from the Markdown files that exist. Events live on the chronology."""

    pages: dict[str, str]
    battle_page: str
    chronology_page: str
    sources_page: str

    @classmethod
    def scan(cls, docs_dir: Path, ids_by_kind: dict[str, list[str]], battle_id: str) -> SiteMap:
        pages: dict[str, str] = {}
        for kind in PAGE_KINDS:
            for ident in ids_by_kind.get(kind, []):
                if (docs_dir / kind / f"{ident}.md").is_file():
                    pages[ident] = f"{kind}/{ident}/"
        battle_page = "battle/" if (docs_dir / "battle.md").is_file() else ""
        if battle_page:
            pages[battle_id] = battle_page
        chronology = "chronology/" if (docs_dir / "chronology.md").is_file() else ""
        sources = "sources/" if (docs_dir / "sources.md").is_file() else ""
        return cls(pages, battle_page, chronology, sources)

    def url(self, ident: str, kind: str) -> str | None:
        """Site-relative URL of an entity, or None if it has no page."""
        if ident in self.pages:
            return self.pages[ident]
        if kind == "events" and self.chronology_page:
            return f"{self.chronology_page}#{ident}"
        if kind == "sources" and self.sources_page:
            return f"{self.sources_page}#{ident}"
        return None


def relative(target: str, from_page: str) -> str:
    """A link from one directory-style page URL to another site-relative URL."""
    path, _, anchor = target.partition("#")
    if path == from_page:
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(path or ".", from_page or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") and not rel.endswith("/") else "")
    return f"{rel}#{anchor}" if anchor else rel
