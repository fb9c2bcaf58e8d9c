"""Reading a built site's pages as a reader sees them (shared by the real-site tests)."""

from __future__ import annotations

from pathlib import Path

import lxml.html


def page_tree(site: Path, url: str):
    """The parsed HTML of the page at `url` ("" for the home page)."""
    return lxml.html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def shown_text(element) -> str:
    """An element's text with white space folded and the word joiners around citation marks dropped."""
    return " ".join(element.text_content().replace("\u2060", "").split())
