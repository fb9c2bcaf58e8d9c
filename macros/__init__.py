"""mkdocs-macros glue: the only module that knows mkdocs-macros.

Loads, validates and indexes the data once per build (in `on_config`, before the site folder
is touched), checks the pages' macro calls, and registers the macros.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .engine import collect
from .errors import DataErrors
from .export import generation_date, publish
from .export.pages import PageData
from .history.log import History, walk
from .history.site import HistoryPages
from .links import SiteMap, alias_redirects
from .pagecheck import Call, check_pages
from .render import Renderer
from .scale import Split, event_pages

MACROS = ("infobox", "timeline", "chronology", "cite", "fact", "references", "entity_link", "mentions",
          "disagreements", "control", "control_summary", "sources", "recent_changes")


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    settings = env.conf.get("extra", {}).get("wiki", {}) or {}
    data_dir = root / settings.get("data_dir", "data")
    docs_dir = Path(env.conf["docs_dir"])
    try:
        split = Split.from_settings(settings)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    index, errors = collect(data_dir, root)
    calls: dict[str, list[Call]] = {}
    events: dict[str, str] = {}
    if index is not None:
        calls, errors = check_pages(docs_dir, root, index)
        events, more = event_pages(index.events, split, docs_dir, root)
        errors += more
    if errors or index is None:
        raise PluginError("\n" + DataErrors(errors).report())
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    sitemap = SiteMap.scan(docs_dir, ids, index.battle.id, events)
    renderer = Renderer(index, sitemap, calls, split)
    env.variables["wiki"] = renderer
    where = {**settings, "root": root, "data_dir": data_dir, "docs_dir": docs_dir, "site_url": env.conf.get("site_url"),
             "site_name": env.conf.get("site_name")}
    # History (recent changes, page dates, feeds) from the git log, cached under .cache/history/.
    history = walk(root, root / ".cache" / "history") if _on(settings.get("history", True)) else History(note="History is switched off for this build.")
    pages = env.variables["wiki_history"] = HistoryPages(history, index, renderer.sitemap, where)
    provided = {"recent_changes": lambda: pages.recent_changes(renderer.page_url)}
    for name in MACROS:
        env.macro(provided.get(name) or getattr(renderer, name), name)
    data = env.variables["wiki_data"] = PageData(index, renderer.sitemap, lambda: renderer.page_url, where)
    env.macro(data.json_link, "json_link")
    env.macro(data.api_link, "api_link")
    if "redirects" in env.conf["plugins"]:  # every alias URL leads to its entity's page
        redirects = alias_redirects(sitemap, index.entities.values(), docs_dir)
        env.conf["plugins"]["redirects"].config["redirect_maps"].update(redirects)


def _on(value: Any) -> bool:
    return str(value).strip().lower() not in ("false", "0", "off", "no", "")


def on_pre_page_macros(env: Any) -> None:
    env.variables["wiki"].start_page(env.page.url)


def on_post_page_macros(env: Any) -> None:
    """Every page ends with where to edit it (its Markdown and the data files it draws from) and when it last changed."""
    src = env.page.file.src_uri
    env.markdown += "\n\n" + str(env.variables["wiki_data"].edit_block(src))  # str: Markup + would escape the page
    env.markdown += "\n\n" + str(env.variables["wiki_history"].footer((Path(env.conf["docs_dir"]) / src).relative_to(env.project_dir).as_posix(), env.page.url))


def on_post_build(env: Any) -> None:
    """Publish the data under <site>/api/, dated by the last commit so that builds repeat exactly."""
    wiki = env.variables["wiki"]
    generated = generation_date(Path(env.project_dir))
    publish(wiki.index, wiki.sitemap, Path(env.conf["site_dir"]) / "api", generated)
    env.variables["wiki_history"].write_feeds(Path(env.conf["site_dir"]), generated)
