"""History on the site: the "Recent changes" list, each page's "Last updated" line, the feeds.

Only commits that changed the record (an item, or a page's Markdown) are listed. Dates are the
commits', shown in UTC, so the same history always builds the same pages.
"""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..index import Index
from ..links import SiteMap, relative
from ..render import make_environment
from .feeds import write_feeds
from .log import Change, History

RECENT = 30  # commits listed on the page
PAGE = "recent-changes/"


def day(date: str) -> str:
    """'2026-01-12T10:00:00+06:30' -> '12 January 2026' (in UTC)."""
    when = dt.datetime.fromisoformat(date).astimezone(dt.UTC)
    return f"{when.day} {calendar.month_name[when.month]} {when.year}"


class HistoryPages:
    def __init__(self, history: History, index: Index, sitemap: SiteMap, settings: dict[str, Any]) -> None:
        self.history = history
        self.index = index
        self.sitemap = sitemap
        self.site_url = str(settings.get("site_url") or "")
        self.site_name = str(settings.get("site_name") or "")
        self.repo_url = str(settings.get("repo_url") or "").rstrip("/")
        self.has_page = (Path(settings["docs_dir"]) / "recent-changes.md").is_file()
        self.changes = [c for c in history.changes if c.items or c.pages]
        self.listed = {c.sha for c in self.changes[:RECENT]}
        self.updated = history.last_updated()
        self.env = make_environment()

    def _entry_links(self, change: Change, here: str) -> list[dict[str, Any]]:
        out = []
        for item in change.items:
            ident, kind = item["id"], item["kind"]
            known = ident in self.index.entities and self.index.kind_of[ident] == kind
            url = self.sitemap.url(ident, kind) if known else None
            name = getattr(self.index.get(ident), "name", None) or getattr(self.index.get(ident), "title", ident) if known else ident
            out.append({"name": name, "change": item["change"], "href": relative(url, here) if url else None})
        return out

    def _history_href(self, change: Change, here: str) -> str | None:
        if self.has_page and change.sha in self.listed:
            return relative(f"{PAGE}#change-{change.sha[:12]}", here)
        return f"{self.repo_url}/commit/{change.sha}" if self.repo_url else None

    def recent_changes(self, here: str) -> Markup:
        rows = [{"anchor": f"change-{c.sha[:12]}", "date": c.date, "day": day(c.date), "subject": c.subject,
                 "summary": c.summary, "sha": c.sha[:12], "entries": self._entry_links(c, here),
                 "commit": f"{self.repo_url}/commit/{c.sha}" if self.repo_url else None} for c in self.changes[:RECENT]]
        feed = relative("api/feeds/recent-changes.atom", here)
        html = self.env.get_template("recent_changes.html.j2").render(rows=rows, note=self.history.note, feed=feed)
        return Markup(html.strip())

    def footer(self, src_path: str, here: str) -> Markup:
        change = self.updated.get(src_path)
        if change is None:
            return Markup("")
        html = self.env.get_template("last_updated.html.j2").render(
            date=change.date, day=day(change.date), href=self._history_href(change, here))
        return Markup(html.strip())

    def write_feeds(self, site_dir: Path, fallback_date: str) -> list[str]:
        page = PAGE if self.has_page else ""
        return write_feeds(site_dir, self.site_name, self.changes, list(self.index.by_kind), self.site_url, fallback_date, page)
