"""The preview under `mkdocs serve`: a save is served after re-rendering only what it reaches.

`macros/hooks.py` installs `Preview` as the live-reload server's builder. On each save:

- pages' Markdown edited in place and data files (added, removed, edited) are re-rendered in
  this process (`rerender.py`): the engine reloads and checks everything, every page's macros
  are expanded again, and only the pages whose Markdown changed go through Markdown and the
  theme; their search entries are replaced. The server then serves them, and reloads browsers;
- a full build then runs behind, in its own process (`behind.py`), and replaces the served files
  where they differ, so `api/`, the redirects and the feeds follow within one build's time;
- anything else (a page added or removed, a title that changes the navigation, an asset,
  mkdocs.yml, the engine's code), and the first save after a failed one, is a full build in this
  process, as `mkdocs serve` does.

An error, in the data or a page, is reported as a full build reports it and nothing is written:
the last good site is served on.
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .behind import Behind
from .changes import compare, snapshot
from .rerender import Built, NeedsFullBuild, Refused, rerender

log = logging.getLogger("mkdocs.preview")
FAILED = "The build failed; still serving the last good site. Fix the errors above and save."


def _write(root: Path, out: dict[str, bytes]) -> None:
    """Each file replaced at once (a reader never gets half a page)."""
    for rel, content in out.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".preview-")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)


class Preview:
    active: Preview | None = None

    def __init__(self, server: Any, config: Any, full: Callable[[], None], reset: Callable[[], None],
                 reload: Callable[[Any], bool], fast: bool = True) -> None:
        self.full, self.reset, self.reload, self.fast = full, reset, reload, fast
        self.root = Path(server.root)
        self.docs = Path(config.docs_dir).resolve()
        project = Path(config.config_file_path or ".").resolve().parent
        self.data = (project / ((config.extra.get("wiki") or {}).get("data_dir") or "data")).resolve()
        self.roots = [self.docs, *(Path(w).resolve() for w in config.watch)]
        if config.config_file_path:
            self.roots.append(Path(config.config_file_path).resolve())
        self.seen = snapshot(self.roots)
        self.built: Built | None = None
        self.lock = threading.Lock()
        self.behind = Behind(str(config.config_file_path), self.root, str(config.site_url), bool(config.strict), self.lock)
        Preview.active = self

    def remember(self, built: Built) -> None:
        self.built = built

    def build(self) -> None:
        """The server's builder: the fastest build that gives the same site as a full one."""
        with self.lock:
            self.behind.cancel()
            now = snapshot(self.roots)
            changes = compare(self.seen, now, self.docs, self.data)
            self.seen = now
            if self.fast and self.built is not None and changes.fast:
                start = time.monotonic()
                self.reset()
                try:
                    out, pages = rerender(self.built, changes, self.reload)
                except NeedsFullBuild as why:
                    log.info(f"Preview: {why}; building the whole site")
                except Refused as error:  # nothing was touched: the next save can still be previewed
                    log.error(f"{error}\n{FAILED}")
                    return
                except (Exception, SystemExit) as error:
                    self.built = None  # pages were half re-rendered: the next save builds the whole site
                    log.error(f"{error}\n{FAILED}")
                    return
                else:
                    _write(self.root, out)
                    log.info(f"Preview of {changes}: {len(pages)} page{'s' if len(pages) != 1 else ''} re-rendered and "
                             f"served in {time.monotonic() - start:.2f} s; a full build runs behind")
                    self.behind.start(self._behind_done)
                    return
            self.built = None
            try:
                self.full()  # the hooks remember its result when it succeeds
            except (Exception, SystemExit) as error:  # the build has printed its errors
                log.error(f"{error}\n{FAILED}")

    def _behind_done(self, ok: bool) -> None:
        if not ok:
            self.built = None  # the preview accepted what the full build refused: build all next time

    def shutdown(self) -> None:
        self.behind.shutdown()
        Preview.active = None
