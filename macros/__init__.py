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
from .links import SiteMap
from .pagecheck import check_pages
from .render import Renderer


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    settings = env.conf.get("extra", {}).get("wiki", {}) or {}
    data_dir = root / settings.get("data_dir", "data")
    docs_dir = Path(env.conf["docs_dir"])
    index, errors = collect(data_dir, root)
    mentions: dict[str, set[str]] = {}
    if index is not None:
        mentions, errors = check_pages(docs_dir, root, index)
    if errors or index is None:
        raise PluginError("\n" + DataErrors(errors).report())
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    renderer = Renderer(index, SiteMap.scan(docs_dir, ids, index.battle.id), mentions)
    env.variables["wiki"] = renderer
    for name in ("infobox", "timeline", "chronology", "cite", "fact", "references", "entity_link"):
        env.macro(getattr(renderer, name), name)


def on_pre_page_macros(env: Any) -> None:
    env.variables["wiki"].start_page(env.page.url)
