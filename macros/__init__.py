"""mkdocs-macros glue: the only module that knows mkdocs-macros.

Once per build (in `on_config`, before MkDocs collects a file or touches the site folder): refuses
anything in docs/ and data/ that is not a regular file, loads, validates and indexes the data,
and checks every page against the page grammar. Pages are then expanded by `pagegrammar.expand`,
never rendered as Jinja templates: mkdocs-macros' own rendering is off (`render_by_default:
false`), and its environment is swapped for Jinja's sandbox in case anything reaches it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2.sandbox import SandboxedEnvironment
from mkdocs.exceptions import PluginError

from .engine import collect
from .errors import DataErrors
from .export import generation_date, publish
from .export.pages import PageData
from .files import inside, scan, shown
from .history.log import History, walk
from .history.site import HistoryPages
from .lifetime import one_shot
from .links import SiteMap, alias_redirects
from .pagecheck import Call, check_pages, read_page, read_pages
from .pagegrammar import SPECS, expand, parse
from .render import Renderer
from .scale import Split, event_pages

MACROS = ("infobox", "timeline", "chronology", "cite", "fact", "references", "entity_link", "mentions",
          "disagreements", "control", "control_summary", "sources", "recent_changes", "map", "crosschecks")


def define_env(env: Any) -> None:
    root = Path(env.project_dir)
    settings = env.conf.get("extra", {}).get("wiki", {}) or {}
    data_dir = root / settings.get("data_dir", "data")
    docs_dir = Path(env.conf["docs_dir"])
    try:
        split = Split.from_settings(settings)
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    _require_safe_config(env.conf, env.config)
    errors = [e for folder, what in ((docs_dir, "docs"), (data_dir, "data")) if (e := inside(folder, root, what))]
    errors += [] if errors else scan(docs_dir, root) + scan(data_dir, root)
    if errors:  # a link or a device is never read, by us or by MkDocs
        raise PluginError("\n" + DataErrors(errors).report())
    index, errors = collect(data_dir, root)
    calls: dict[str, list[Call]] = {}
    events: dict[str, str] = {}
    if index is not None:
        pages = read_pages(docs_dir, root)  # each page read once for the checks (and with the size cap)
        calls, errors = check_pages(docs_dir, root, index, pages)
        events, more = event_pages(index.events, split, docs_dir, root, pages)
        errors += more
    if errors or index is None:
        raise PluginError("\n" + DataErrors(errors).report())
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    sitemap = SiteMap.scan(docs_dir, ids, index.battle.id, events)
    renderer = Renderer(index, sitemap, calls, split)
    if settings.get("basemap"):  # outlines for the maps, a file committed with the project
        renderer.basemap_path = root / settings["basemap"]
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
    env.macro(data.ledger_columns, "ledger_columns")
    env.variables["wiki_macros"] = {name: env.macros[name] for name in SPECS}  # KeyError: a spec without its macro
    if "redirects" in env.conf["plugins"]:  # every alias URL leads to its entity's page
        redirects = alias_redirects(sitemap, index.entities.values(), docs_dir)
        env.conf["plugins"]["redirects"].config["redirect_maps"].update(redirects)


def reload(config: Any) -> bool:
    """For the preview (macros/preview): load the data and check every page again, as `on_config` does.
    False if no page but an edited one can change: the same index, pages' calls, sitemap and history."""
    env = config.plugins["macros"]
    old, old_history = env.variables.get("wiki"), env.variables.get("wiki_history")
    define_env(env)
    new, history = env.variables["wiki"], env.variables["wiki_history"]
    return old is None or old_history is None or not (
        new.index is old.index and new.sitemap == old.sitemap and new.calls == old.calls
        and (history.history.changes, history.history.note) == (old_history.history.changes, old_history.history.note))


def _require_safe_config(conf: Any, plugin_config: Any) -> None:
    """The guarantees above hold only with these settings; a copy of mkdocs.yml without them fails."""
    hooks = [str(getattr(module, "__file__", "")) for module in (conf.get("hooks") or {}).values()]
    if plugin_config.get("render_by_default") is not False or not any(Path(h).parts[-2:] == ("macros", "hooks.py") for h in hooks):
        raise PluginError("mkdocs.yml: the macros plugin needs `render_by_default: false`, and `hooks:` must list macros/hooks.py")


def _sandbox(env: Any) -> None:
    """Defence in depth: if anything reaches mkdocs-macros' own Jinja, it is the sandbox."""
    current = env.env
    if isinstance(current, SandboxedEnvironment):
        return
    box = SandboxedEnvironment(loader=current.loader, undefined=current.undefined, extensions=list(current.extensions))
    box.globals.update(current.globals)
    box.filters.update(current.filters)
    env._env = box  # mkdocs-macros has no setting for a sandbox; this is its one environment


def _on(value: Any) -> bool:
    return str(value).strip().lower() not in ("false", "0", "off", "no", "")


def on_pre_page_macros(env: Any) -> None:
    """Expand the page's macro calls (the page was checked in `define_env`; it is parsed again as MkDocs read it)."""
    _sandbox(env)
    env.variables["wiki"].start_page(env.page.url)
    root = Path(env.project_dir)
    source = Path(env.page.file.abs_src_path)
    body, first, errors = read_page(source, root)
    segments, grammar = parse(env.markdown, first)
    if errors or grammar or body != env.markdown:  # checked before the build: the file changed since
        problems = [str(e) for e in errors] + [f"{shown(source, root)}:{p.line}:{p.column}: {p.message}" for p in grammar]
        raise PluginError("\n" + "\n".join(problems or [f"{shown(source, root)}: changed during the build; build again"]))
    try:
        markdown = expand(segments, env.variables["wiki_macros"])
    except Exception as exc:  # a bug in a macro: say where, not a traceback
        raise PluginError(f"{shown(source, root)}: a macro failed ({type(exc).__name__}: {exc})") from exc
    env.markdown = markdown.removesuffix("\n")  # as Jinja printed a page: one final newline dropped


def on_post_page_macros(env: Any) -> None:
    """Every page ends with where to edit it (its Markdown and the data files it draws from) and when it last changed."""
    src = env.page.file.src_uri
    env.markdown += "\n\n" + str(env.variables["wiki_data"].edit_block(src))  # str: Markup + would escape the page
    env.markdown += "\n\n" + str(env.variables["wiki_history"].footer((Path(env.conf["docs_dir"]) / src).relative_to(env.project_dir).as_posix(), env.page.url))


def on_post_build(env: Any) -> None:
    """Publish the data under <site>/api/, dated by the last commit so that builds repeat exactly."""
    wiki = env.variables["wiki"]
    generated = generation_date(Path(env.project_dir))
    publish(wiki.index, wiki.sitemap, Path(env.conf["site_dir"]) / "api", generated, remember=not one_shot())
    env.variables["wiki_history"].write_feeds(Path(env.conf["site_dir"]), generated)
