"""Timeline rows rendered once per build, then filled in for each page that shows them.

An event's row appears on the chronology and on the page of everything it involves. Its HTML
depends on the page in two ways only: relative links and the page's citation numbers (in order
of first use). While a row is first rendered, both come out as tokens; each page then replaces
them, numbering the row's citations in the order a full render would (bench/ profile: the
nested macro calls of a row were most of the engine's time).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .citations import Use
from .links import relative
from .model import Citation, Event

if TYPE_CHECKING:
    from .render import Renderer

# A token holds neither marker, so a scan never runs past the next \x02: linear, even on text full of
# unclosed \x02 (with [^\x03]* 20,000 of them took 8 s).
_TOKEN = re.compile("\x02([HNA])([^\x02\x03]*)\x03")


@dataclass
class Recorder:
    """Stands in for PageCitations while a row is recorded: each use becomes numbered tokens."""

    cited: list[Citation] = field(default_factory=list)

    def use(self, citation: Citation) -> Use:
        k = len(self.cited)
        self.cited.append(citation)
        return Use(f"\x02N{k}\x03", f"\x02A{k}\x03", citation)  # type: ignore[arg-type]  # a token, not a number


@dataclass(frozen=True)
class Fragment:
    html: str
    cited: list[Citation]


def href_token(site_url: str) -> str:
    return f"\x02H{site_url}\x03"


class RowCache:
    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], Fragment] = {}
        self.recording = False

    def forget(self) -> None:
        """Once no page is left to render (a one-shot build, hooks.py): the rows need not stay in memory."""
        self.rows.clear()

    def row(self, h: Renderer, event: Event) -> Markup:
        own = h.anchor(event.id)
        return self.fragment(h, (event.id, "own" if own else ""), "timeline_row.html.j2", e=event, own=own)

    def fragment(self, h: Renderer, key: tuple[str, ...], template: str, **context: Any) -> Markup:
        """`template` rendered with `context` once per build and `key`, then filled in for this page.
        The key must name everything in the context: the same key is the same HTML on every page."""
        return self.recorded(h, key, lambda: h.env.get_template(template).render(h=h, index=h.index, **context))

    def recorded(self, h: Renderer, key: tuple[str, ...], render: Callable[[], str]) -> Markup:
        """What `render` makes, once per build and `key`, then filled in for this page. `render` may
        depend on the page only through `h.href` and `h.citations`, which are tokens while it runs."""
        fragment = self.rows.get(key)
        if fragment is None:
            fragment = self.rows[key] = self._record(h, render)
        uses = [h.citations.use(citation) for citation in fragment.cited]
        page = h.page_url

        def fill(match: re.Match[str]) -> str:
            kind, value = match.group(1), match.group(2)
            if kind == "H":
                return relative(value, page)
            use = uses[int(value)]
            return str(use.number) if kind == "N" else use.anchor
        return Markup(_TOKEN.sub(fill, fragment.html))

    def _record(self, h: Renderer, render: Callable[[], str]) -> Fragment:
        citations, recorder = h.citations, Recorder()
        h.citations, self.recording = recorder, True  # type: ignore[assignment]
        try:
            html = render()
        finally:
            h.citations, self.recording = citations, False
        return Fragment(html, recorder.cited)
