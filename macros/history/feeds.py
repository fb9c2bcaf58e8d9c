"""Atom 1.0 feeds of the record's recent changes, written with feedgen under <site>/api/feeds/.

One feed of every change (`recent-changes.atom`) and one per kind of record (`units.atom` …).
Every date is a commit's, so the same history always writes the same bytes. Without a site
address the links are relative to the feed, which a feed reader resolves against its URL.
"""

from __future__ import annotations

import posixpath
import uuid
from collections.abc import Callable
from pathlib import Path

from feedgen.feed import FeedGenerator

from .log import Change

FEEDS_DIR = "api/feeds"
ALL = "recent-changes"
MAX_ENTRIES = 50
_NAMESPACE = uuid.UUID("6f0c6c3e-3b0e-4f7e-9a55-4f1d2f0b7a11")  # fixed: ids stay the same across builds


def _id(*parts: str) -> str:
    return uuid.uuid5(_NAMESPACE, "/".join(parts)).urn


def feed_xml(name: str, title: str, site: str, changes: list[Change], href: Callable[[str], str], fallback_date: str, page: str) -> bytes:
    """One feed. `href(site_path)` turns a site-relative URL into the link written in the feed;
    `page` is the recent-changes page's URL ('' for the home page where the site has none)."""
    fg = FeedGenerator()
    fg.id(_id("feed", name))
    fg.title(title)
    fg.author({"name": f"{site} contributors"})
    fg.link(href=href(f"{FEEDS_DIR}/{name}.atom"), rel="self", type="application/atom+xml")
    fg.link(href=href(page), rel="alternate", type="text/html")
    fg.language("en")
    fg.generator("feedgen", version="1.0.0")  # no uri: the feed names no address it was not given
    fg.updated(changes[0].date if changes else fallback_date)
    for change in reversed(changes[:MAX_ENTRIES]):  # feedgen puts the last added first
        entry = fg.add_entry()
        entry.id(_id("change", change.sha))
        entry.title(change.subject)
        entry.updated(change.date)
        entry.published(change.date)
        entry.link(href=href(f"{page}#change-{change.sha[:12]}" if page else page), rel="alternate", type="text/html")
        entry.summary(change.summary)
    return fg.atom_str(pretty=True)


def write_feeds(site_dir: Path, site: str, changes: list[Change], kinds: list[str], site_url: str, fallback_date: str, page: str) -> list[str]:
    """Write every feed; return their paths under the site."""
    written = []
    for name, title, picked in [(ALL, f"{site}: recent changes", changes)] + [
        (kind, f"{site}: recent changes to {kind}", [c for c in changes if any(i["kind"] == kind for i in c.items)])
        for kind in kinds
    ]:
        path = f"{FEEDS_DIR}/{name}.atom"

        def href(target: str, here: str = path) -> str:
            if site_url:
                return site_url.rstrip("/") + "/" + target
            where, _, anchor = target.partition("#")
            rel = posixpath.relpath(where or ".", posixpath.dirname(here))
            rel += "/" if where.endswith("/") or not where else ""
            return rel + (f"#{anchor}" if anchor else "")

        out = site_dir / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(feed_xml(name, title, site, picked, href, fallback_date, page))
        written.append(path)
    return written
