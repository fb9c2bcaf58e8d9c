"""Re-render, in the running `mkdocs serve` process, only the pages a change reaches.

MkDocs has no partial build (`build()` renders every page; `--dirty` skips pages whose Markdown
is older than their HTML, so a data edit would re-render none, and it writes a search index of
the re-rendered pages only). This does MkDocs' own per-page steps, in its order, on the objects
the last full build left (config, files, navigation, theme environment):

1. the engine reloads the data and checks every page, as a full build's `on_config` does, and
   says whether anything every page may show changed (the data, any page's macro calls or title,
   the history): if not, only the edited pages are read again;
2. otherwise every page's Markdown is read and its macros expanded (`on_page_markdown`): which
   pages a data item reaches is then known exactly, by comparing each page's expanded Markdown
   with the last;
3. only the pages whose Markdown changed are converted and rendered through the theme, with
   every plugin event a full build runs for them; their search entries replace their old ones;
4. if a re-rendered page's title changed, every page's navigation changes: a full build instead.

The pages a reader has open in a browser (and the edited ones) are rendered first, so that the
server can serve them while the rest are rendered. Nothing is written here: the caller gets
each part's output files' bytes, or an error and no output.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import CountHandler

from .changes import Changes

SEARCH_INDEX = "search/search_index.json"


class Refused(Exception):
    """The engine refused the change (data or page errors) before any page was touched."""


class NeedsFullBuild(Exception):
    """The change reaches every page (a title in the navigation) or a part this cannot redo."""


@dataclass
class Built:
    """What the last full build in this process left: its config, files, navigation and theme environment."""

    config: Any
    files: Any
    nav: Any
    env: Any


def _search(config: Any) -> Any | None:
    """Material's search index (entries in page order, one list), if the site uses it."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and hasattr(index, "generate_search_index"):
            return index
    return None


def _by_page(entries: list[dict[str, Any]], urls: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Split the index's entries by page: a page's entries come together, at its URL or its URL + '#…'."""
    out: dict[str, list[dict[str, Any]]] = {}
    at = 0
    for url in urls:
        start = at
        while at < len(entries) and (entries[at]["location"] == url or entries[at]["location"].startswith(url + "#")):
            at += 1
        out[url] = entries[start:at]
    if at != len(entries):
        raise NeedsFullBuild("the search index does not follow the page order")
    return out


def _expand(page: Any, config: Any, files: Any) -> None:
    """MkDocs' reading of a page, to its Markdown after every plugin (the macros)."""
    config._current_page = page
    try:
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
    finally:
        config._current_page = None


def _convert(page: Any, config: Any, files: Any) -> None:
    config._current_page = page
    try:
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)
    finally:
        config._current_page = None


def _html(page: Any, built: Built, doc_files: Any) -> bytes:
    """MkDocs' `_build_page`, returning the bytes it would write."""
    config = built.config
    config._current_page = page
    page.active = True
    try:
        context = get_context(built.nav, doc_files, config, page)
        template = built.env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=built.nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
    finally:
        page.active = False
        config._current_page = None
    return output.encode("utf-8", errors="xmlcharrefreplace")


class Rerender:
    """One save's re-render, in two parts: `start` re-renders the pages a reader has open (and
    the edited ones) so they can be served at once; `finish` expands every other page's macros
    again and re-renders those the change reaches, validates every page's anchors, counts strict mode's warnings and rebuilds the
    search index. Each raises Refused or PluginError with every error, or NeedsFullBuild."""

    def __init__(self, built: Built, changes: Changes, reload: Callable[[Any], bool], first: Callable[[Any], bool]) -> None:
        self.built, self.changes, self.reload, self.first = built, changes, reload, first
        self.doc_files = built.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        self.counter = CountHandler()
        self.counter.setLevel(logging.WARNING)
        self.pages: list[Any] = []  # every page re-rendered
        self.later: list[Any] = []  # the files `finish` expands again, and renders if they changed
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.search = _search(built.config)

    def start(self) -> dict[str, bytes]:
        config = self.built.config
        logging.getLogger("mkdocs").addHandler(self.counter)
        try:
            try:
                everywhere = self.reload(config)  # False: only the edited pages can change
            except Exception as error:
                raise Refused(str(error)) from error
            self.titles = {file.src_uri: file.page.title for file in self.doc_files}
            candidates = [f for f in self.doc_files if everywhere or f.src_uri in self.changes.pages]
            now = [f for f in candidates if f.src_uri in self.changes.pages or self.first(f.page)]
            self.later = [f for f in candidates if f not in now]
            if self.search is not None:
                self.entries = _by_page(self.search.entries, [f.page.url for f in self.doc_files])
            return self._render(self._expanded(now))
        except BaseException:
            logging.getLogger("mkdocs").removeHandler(self.counter)
            raise

    def _expanded(self, files: list[Any]) -> list[Any]:
        """The pages whose Markdown, once their macros are expanded again, differs from the last."""
        changed = []
        for file in files:
            before = file.page.markdown
            _expand(file.page, self.built.config, self.built.files)
            if file.page.markdown != before or file.src_uri in self.changes.pages:
                changed.append(file.page)
        self.pages += changed
        return changed

    def finish(self) -> dict[str, bytes]:
        try:
            out = self._render(self._expanded(self.later))
            for file in self.doc_files:
                file.page.validate_anchor_links(files=self.built.files, log_level=self.built.config.validation.links.anchors)
            self._strict()
            if self.search is not None and self.pages:
                self.search.entries[:] = [entry for file in self.doc_files for entry in self.entries[file.page.url]]
                out[SEARCH_INDEX] = self.search.generate_search_index(None).encode("utf-8")
            return out
        finally:
            logging.getLogger("mkdocs").removeHandler(self.counter)

    def _strict(self) -> None:
        if counts := self.counter.get_counts():
            raise PluginError("Aborted with " + ", ".join(f"{n} {level.lower()}s" for level, n in counts) + " in strict mode")

    def _render(self, pages: list[Any]) -> dict[str, bytes]:
        config, files, built = self.built.config, self.built.files, self.built
        for page in pages:
            _convert(page, config, files)
        built.env = config.plugins.on_env(built.env, config=config, files=files)  # the HTML allowlist's errors
        moved = [p.file.src_uri for p in pages if p.title != self.titles[p.file.src_uri]]
        if moved:
            raise NeedsFullBuild(f"the title of {', '.join(moved)} changed, and with it every page's navigation")
        self._strict()
        out: dict[str, bytes] = {}
        for page in pages:
            mark = len(self.search.entries) if self.search is not None else 0
            out[page.file.dest_uri] = _html(page, built, self.doc_files)
            if self.search is not None:
                self.entries[page.url] = self.search.entries[mark:]
                del self.search.entries[mark:]
        return out
