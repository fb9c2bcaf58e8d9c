"""MkDocs hooks (`hooks:` in mkdocs.yml): the page HTML allowlist, and a build that cannot lose the site.

MkDocs empties `site_dir` before it renders a page, so an error in any page used to leave no site
(and `mkdocs serve` nothing to serve). Here every build goes to a staging folder beside it, and
the staged site replaces the old one only once the whole build, strict-mode warnings included,
has succeeded. A failed build, by `make`, `mkdocs build` or `mkdocs serve`, leaves the last good
site as it was, and `mkdocs serve` goes on serving it.
"""

from __future__ import annotations

import gc
import logging
import shutil
import sys
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import CountHandler

sys.path.insert(0, str(Path(__file__).parent.parent))  # MkDocs loads this file alone; the engine is its package
from macros import lifetime, reload
from macros.pagehtml import HELP, TITLE
from macros.preview import Preview
from macros.preview.rerender import Built
from macros.sanitize import problems

_state: dict[str, Any] = {"target": None, "staging": None, "errors": [], "nav": None, "env": None, "command": None}
# One-shot commands: what the engine holds for the whole build is set aside from the garbage collector.
_ONE_SHOT = ("build", "gh-deploy")


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    lifetime.set_one_shot(command in _ONE_SHOT)


def on_pre_build(config: Any) -> None:
    """After every plugin's `on_config`: the engine's index, models and templates live until the process ends, and
    every collection of the old generation walked them again (about 6% of a real-site build's CPU, bench/).
    `gc.freeze` leaves them out of it. Not under `mkdocs serve`, where each rebuild's objects must stay collectable."""
    if _state["command"] in _ONE_SHOT:
        gc.freeze()


def staging_for(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building")


@event_priority(100)  # before every plugin reads site_dir
def on_config(config: Any) -> Any:
    target = Path(config["site_dir"]).resolve()
    staging = staging_for(target)
    shutil.rmtree(staging, ignore_errors=True)  # what an interrupted build left
    _state.update(target=target, staging=staging, errors=[])
    config["site_dir"] = str(staging)
    return config


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    found = problems(html)
    # The theme prints the title in <title> through `striptags`, which also decodes entities: a heading
    # `# &lt;/title&gt;&lt;script&gt;` would come out as real markup there.
    if any(ch in Markup(page.title or "").striptags() for ch in "<>"):
        found.append(TITLE)
    if found:
        where = f"docs/{page.file.src_uri}"
        _state["errors"] += [f"{where}: HTML not allowed on a page: {p}; {HELP}" for p in found]
    return html


@event_priority(-100)  # the navigation as every plugin left it
def on_nav(nav: Any, config: Any, files: Any) -> Any:
    _state["nav"] = nav
    return nav


def on_env(env: Any, config: Any, files: Any) -> Any:
    """After every page is rendered and before anything is written: all HTML errors at once."""
    _state["env"] = (env, files)
    if _state["command"] in _ONE_SHOT:  # every page's Markdown is rendered: no macro runs again
        wiki = config.plugins.get("macros")
        if wiki is not None and "wiki" in wiki.variables:
            wiki.variables["wiki"].rows.forget()
    if _state["errors"]:
        errors = _state["errors"]
        raise PluginError("\n" + "\n".join(errors) + f"\n{len(errors)} error{'s' if len(errors) != 1 else ''} in the pages; nothing was built.")
    return env


def _strict_warnings() -> bool:
    return any(isinstance(h, CountHandler) and h.get_counts() for h in logging.getLogger("mkdocs").handlers)


@event_priority(-100)  # after every plugin has written its files (search index, redirects, api/)
def on_post_build(config: Any) -> None:
    target, staging = _state["target"], _state["staging"]
    if target is None or _strict_warnings():  # MkDocs aborts after this event in strict mode
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    config["site_dir"] = str(target)
    _state["target"] = None
    if Preview.active is not None:  # under `mkdocs serve`: what the next save can re-render from
        env, files = _state["env"]
        Preview.active.remember(Built(config, files, _state["nav"], env))


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """The server's builder becomes the preview (macros/preview): a save re-renders only the pages
    it reaches, then a full build runs behind (`extra.wiki.preview: false`: a full build per save).
    `mkdocs serve` holds every request after a failed rebuild ("the server will appear stuck");
    both count a failed build as done, so the last good site (kept above) is served on."""
    preview = Preview(server, config, full=builder, reset=lambda: _state["errors"].clear(), reload=reload,
                      fast=str((config.extra.get("wiki") or {}).get("preview", True)).strip().lower() not in ("false", "0", "off", "no"))
    env, files = _state["env"]  # serve's first build has just succeeded (else serve stops)
    preview.remember(Built(config, files, _state["nav"], env))
    server.builder = preview.build
    return server


def on_shutdown() -> None:
    if Preview.active is not None:
        Preview.active.shutdown()


def on_build_error(error: Exception) -> None:
    staging = _state["staging"]
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
