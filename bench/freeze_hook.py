"""MkDocs hook used by the benchmarks: save each page's Markdown after the macros have run.

Enabled only in a benchmark copy of mkdocs.yml (`bench.yml`, `hooks:`), with BENCH_FREEZE_DIR
naming the folder that receives the frozen pages. It runs inside the timed builds of both sides
(bench/sites.py `sides`): our build's pages become the bare project's, which builds without the
macros plugin; the bare build's own go to a scratch folder, so the hook costs both sides the
same. The page itself goes on through Markdown and the theme unchanged.

With BENCH_FREEZE_ONLY set, the build ends once every page is saved (at `on_env`, before any
file of the site is written), and no page's Markdown is converted: the untimed build that gives
the bare side its pages.

With BENCH_PAGE_TIMES set, it also writes there, as JSON, each page's time from reading its
source to the end of the macros, and how many timeline entries the page shows: the evidence
that a page costs in proportion to what it shows, not to the size of the data; and the CPU
time the hook itself spent (`hook_seconds`).
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

_ROW = re.compile(r'<li class="bw-event[ "]')
_started: dict[str, float] = {}
_pages: dict[str, dict[str, float]] = {}
_spent = [0.0]  # CPU seconds in this hook's own work


def on_page_read_source(page: Any, **_: Any) -> None:
    _started[page.file.src_uri] = time.process_time()  # CPU time: a busy machine does not inflate it


@event_priority(-100)  # after every plugin, so after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    now = time.process_time()
    uri = page.file.src_uri
    _pages[uri] = {"seconds": now - _started.pop(uri, now), "rows": len(_ROW.findall(markdown))}
    target = Path(os.environ["BENCH_FREEZE_DIR"]) / uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    _spent[0] += time.process_time() - now
    return "" if os.environ.get("BENCH_FREEZE_ONLY") else markdown  # saved: no need to convert it


@event_priority(100)  # before the engine's own on_env checks: this build is only for its pages
def on_env(env: Any, **_: Any) -> Any:
    if os.environ.get("BENCH_FREEZE_ONLY"):
        os._exit(0)  # every page's Markdown is saved and closed; nothing else of this build is wanted
    return env


def on_post_build(**_: Any) -> None:
    if os.environ.get("BENCH_PAGE_TIMES"):
        Path(os.environ["BENCH_PAGE_TIMES"]).write_text(json.dumps({"pages": _pages, "hook_seconds": _spent[0]}), encoding="utf-8")
