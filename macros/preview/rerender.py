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

Nothing is written here: the caller gets every output file's bytes, or an error and no output.
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


def rerender(built: Built, changes: Changes, reload: Callable[[Any], bool]) -> tuple[dict[str, bytes], list[str]]:
    """(output path -> bytes, the re-rendered pages' source paths). Raises Refused or PluginError
    with every error (nothing is written, so the site stays as it was), or NeedsFullBuild."""
    config, files = built.config, built.files
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        try:
            everywhere = reload(config)  # False: only the edited pages can change
        except Exception as error:
            raise Refused(str(error)) from error
        titles = {file.src_uri: file.page.title for file in doc_files}
        changed = []
        for file in doc_files:
            if not everywhere and file.src_uri not in changes.pages:
                continue
            before = file.page.markdown
            _expand(file.page, config, files)
            if file.page.markdown != before or file.src_uri in changes.pages:
                changed.append(file.page)
        for page in changed:
            _convert(page, config, files)
        built.env = config.plugins.on_env(built.env, config=config, files=files)  # the HTML allowlist's errors
        moved = [p.file.src_uri for p in changed if p.title != titles[p.file.src_uri]]
        if moved:
            raise NeedsFullBuild(f"the title of {', '.join(moved)} changed, and with it every page's navigation")
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        if counts := counter.get_counts():
            raise PluginError("Aborted with " + ", ".join(f"{n} {level.lower()}s" for level, n in counts) + " in strict mode")
        search = _search(config)
        entries = _by_page(search.entries, [f.page.url for f in doc_files]) if search is not None else {}
        out: dict[str, bytes] = {}
        for page in changed:
            mark = len(search.entries) if search is not None else 0
            out[page.file.dest_uri] = _html(page, built, doc_files)
            if search is not None:
                entries[page.url] = search.entries[mark:]
                del search.entries[mark:]
        if search is not None and changed:
            search.entries[:] = [entry for file in doc_files for entry in entries[file.page.url]]
            out[SEARCH_INDEX] = search.generate_search_index(None).encode("utf-8")
        return out, [p.file.src_uri for p in changed]
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
