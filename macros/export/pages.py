"""Per-page links to the open data: "Edit this page" with the data files a page draws from,
and links to an entity's JSON. Rendered through templates; no HTML is built here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..files import shown
from ..index import Index
from ..links import SiteMap, relative
from ..pagegrammar import Written, parse
from ..render import make_environment
from ..walk import references
from .ledger import LEDGER

# Macros that show every event when called without an id.
_ALL_EVENTS = re.compile(r"\b(?:chronology\s*\(|timeline\s*\(\s*(?:\)|[a-z_]+\s*=))")


class PageData:
    """One per build. `current` returns the URL of the page being rendered."""

    def __init__(self, index: Index, sitemap: SiteMap, current: Callable[[], str], where: dict[str, Any]) -> None:
        """`where`: root, data_dir, docs_dir (paths) and the optional settings repo_url, edit_uri."""
        self.index = index
        self.current = current
        self.env = make_environment()
        self.entity_at = {url: ident for ident, url in sitemap.pages.items()}
        self.root = Path(where["root"])
        self.data_dir = Path(where["data_dir"])
        self.docs_dir = Path(where["docs_dir"])
        # Without a repository address the paths are shown as text, never as invented links.
        self.repo_url = str(where.get("repo_url") or "").rstrip("/")
        self.edit_uri = str(where.get("edit_uri") or "edit/main/")
        self._kind_files: dict[str, str] = {}
        self._refers_to: dict[str, frozenset[str]] = {}  # id -> kinds it refers to; an event shows on many pages

    def kind_file(self, kind: str) -> str:
        """The data file (or folder) that holds a kind, relative to the repository (once per build: every page asks)."""
        if kind not in self._kind_files:
            folder, file = self.data_dir / kind, self.data_dir / f"{kind}.yaml"
            self._kind_files[kind] = shown(folder, self.root) + "/" if folder.is_dir() and not file.is_file() else shown(file, self.root)
        return self._kind_files[kind]

    def ids_in(self, markdown: str) -> set[str]:
        """Entity ids written as arguments of the page's macro calls (a link to a record's JSON is not a use of it)."""
        calls = [part for part in parse(markdown)[0] if isinstance(part, Written) and part.name != "json_link"]
        found = {arg for call in calls for arg in call.args}
        return {ident for ident in found if ident in self.index.entities}

    def data_files(self, markdown: str, url: str) -> list[str]:
        """The data files a page draws from: its entities, what they cite and refer to, their events."""
        ids = self.ids_in(markdown)
        if url in self.entity_at:
            ids.add(self.entity_at[url])
        items = [self.index.get(ident) for ident in ids]
        if _ALL_EVENTS.search(markdown):
            items += self.index.events
        else:
            items += [event for ident in ids for event in self.index.events_for(ident)]
        kinds = {self.index.kind_of[item.id] for item in items}
        for item in items:
            kinds.update(self._kinds_referenced(item))
        return sorted(self.kind_file(kind) for kind in kinds)

    def _kinds_referenced(self, item: Any) -> frozenset[str]:
        found = self._refers_to.get(item.id)
        if found is None:
            found = frozenset(self.index.kind_of[t] for _loc, t, _ref in references(item) if t in self.index.kind_of)
            self._refers_to[item.id] = found
        return found

    def _edit_href(self, path: str) -> str | None:
        return f"{self.repo_url}/{self.edit_uri}{path}" if self.repo_url else None

    def _json(self, ident: str, url: str) -> dict[str, str]:
        if ident not in self.index.entities:
            raise ValueError(f"json_link('{ident}'): unknown id; use the id of an entity in data/")
        kind = self.index.kind_of[ident]
        return {"href": relative(f"api/{kind}/{ident}.json", url), "label": f"{ident}.json", "type": "application/json"}

    def edit_block(self, src_uri: str) -> Markup:
        """The page's "Edit this page" box: its Markdown file, its data files, its entity's JSON."""
        url = self.current()
        source = self.docs_dir / src_uri
        markdown = source.read_text(encoding="utf-8")
        page = shown(source, self.root)
        files = [(path, self._edit_href(path)) for path in self.data_files(markdown, url)]
        ident = self.entity_at.get(url)
        html = self.env.get_template("edit_page.html.j2").render(
            page=(page, self._edit_href(page)), files=files, json=self._json(ident, url) if ident else None,
        )
        return Markup(html.strip())

    # Macros.
    def json_link(self, ident: str, label: str | None = None) -> Markup:
        link = self._json(ident, self.current())
        if label:
            link["label"] = label
        return Markup(self.env.get_template("json_link.html.j2").render(link=link).strip())

    def api_link(self, path: str, label: str | None = None, kind: str = "") -> Markup:
        """A link from the current page to a published file, e.g. api_link('events.csv')."""
        link = {"href": relative(f"api/{path}", self.current()), "label": label or path, "type": kind}
        return Markup(self.env.get_template("json_link.html.j2").render(link=link).strip())

    def ledger_columns(self) -> Markup:
        """The columns of events.csv with what each holds, from the exporter itself."""
        return Markup(self.env.get_template("ledger_columns.html.j2").render(columns=LEDGER).strip())
