"""Where each entity's page lives, relative links between pages, and alias URLs."""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Kinds whose entities get a page of their own at docs/<kind>/<id>.md.
PAGE_KINDS = ("parties", "units", "places", "people", "phases", "sources")


@dataclass(frozen=True)
class SiteMap:
    """Page URLs by entity id, from the Markdown files that exist. Events live on the chronology."""

    pages: dict[str, str]
    battle_page: str
    chronology_page: str
    sources_page: str
    titles: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)  # event id -> its chronology page, when split (scale.py)

    @classmethod
    def scan(cls, docs_dir: Path, ids_by_kind: dict[str, list[str]], battle_id: str,
             events: dict[str, str] | None = None) -> SiteMap:
        """An entity's page is docs/<kind>/<id>.md, or in a sub-folder of docs/<kind>/ (a nav sub-section)."""
        pages: dict[str, str] = {}
        for kind in PAGE_KINDS:
            found: dict[str, Path] = {}
            for path in sorted((docs_dir / kind).rglob("*.md"), key=lambda p: (len(p.parts), p)):
                found.setdefault(path.stem, path)  # the shallowest file wins
            for ident in ids_by_kind.get(kind, []):
                if ident in found:
                    pages[ident] = page_url(found[ident].relative_to(docs_dir))
        battle_page = "battle/" if (docs_dir / "battle.md").is_file() else ""
        if battle_page:
            pages[battle_id] = battle_page
        chronology = "chronology/" if (docs_dir / "chronology.md").is_file() else ""
        sources = "sources/" if (docs_dir / "sources.md").is_file() else ""
        titles = {page_url(p.relative_to(docs_dir)): _title(p) for p in docs_dir.rglob("*.md")}
        return cls(pages, battle_page, chronology, sources, titles, events or {})

    def url(self, ident: str, kind: str) -> str | None:
        """Site-relative URL of an entity, or None if it has no page."""
        if ident in self.pages:
            return self.pages[ident]
        if kind == "events" and ident in self.events:
            return f"{self.events[ident]}#{ident}"
        if kind == "events" and self.chronology_page:
            return f"{self.chronology_page}#{ident}"
        if kind == "sources" and self.sources_page:
            return f"{self.sources_page}#{ident}"
        return None


def page_url(relative: Path) -> str:
    """The directory-style URL MkDocs gives a Markdown file: `units/x.md` -> `units/x/`."""
    parts = list(relative.with_suffix("").parts)
    if parts[-1] in ("index", "README"):
        parts = parts[:-1]
    return "/".join(parts) + "/" if parts else ""


def heading_text(line: str) -> str | None:
    """The text of a `# Title #` line, by string operations (a regex here took quadratic time)."""
    if not line.startswith("#") or len(line) < 2 or not line[1].isspace():
        return None
    text = line[1:].strip().rstrip("#").rstrip()
    return text or None


def _title(page: Path) -> str:
    """A page's first `# ` heading (the title MkDocs shows), else its file name."""
    with page.open(encoding="utf-8") as lines:
        for line in lines:
            text = heading_text(line)
            if text:
                return text
    return page.stem.replace("-", " ").capitalize()


@functools.lru_cache(maxsize=1 << 16)  # pure, and called for every link on every page (bench/ profile)
def relative(target: str, from_page: str) -> str:
    """A link from one directory-style page URL to another site-relative URL."""
    path, _, anchor = target.partition("#")
    if path == from_page:
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(path or ".", from_page or ".")
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") and not rel.endswith("/") else "")
    return f"{rel}#{anchor}" if anchor else rel


def slug(text: str) -> str:
    """A URL slug: 'LIB 47' -> 'lib-47', 'Tar Mong Lone' -> 'tar-mong-lone' (empty if no Latin letters)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = re.sub(r"['’]", "", plain.lower())  # "St Patrick's" -> "st-patricks"
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def alias_redirects(sitemap: SiteMap, entities: Iterable[Any], docs_dir: Path) -> dict[str, str]:
    """mkdocs-redirects map, `units/lib-47.md` -> `units/<id>.md`, for each entity name and alias.

    A slug that is a real page, or that two entities share, is left out: it would mislead.
    """
    claims: dict[str, set[str]] = {}
    for entity in entities:
        page = sitemap.pages.get(entity.id)
        if not page:
            continue
        target = page.rstrip("/") + ".md"
        folder = posixpath.dirname(target)
        for variant in [entity.name, *(a.name for a in entity.aliases)] if hasattr(entity, "aliases") else []:
            name = slug(variant)
            old = posixpath.join(folder, f"{name}.md")
            # A page or a folder of that name is the site's own (units.md, or assets/ beside it).
            if name and old != target and not (docs_dir / old).exists() and not (docs_dir / old).with_suffix("").exists():
                claims.setdefault(old, set()).add(target)
    return {old: targets.pop() for old, targets in sorted(claims.items()) if len(targets) == 1}
