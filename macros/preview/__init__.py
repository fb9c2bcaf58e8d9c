"""The preview under `mkdocs serve`: a save is served after re-rendering only what it reaches.

`macros/hooks.py` installs `Preview` as the live-reload server's builder. On each save:

- pages' Markdown edited in place and data files (added, removed, edited) are re-rendered in
  this process (`rerender.py`): the engine reloads and checks everything, every page's macros
  are expanded again, and only the pages whose Markdown changed go through Markdown and the
  theme; their search entries are replaced. The edited pages and those open in a browser (the
  pages whose live-reload script polls the server) come first: they are served, and browsers
  reloaded, while the other pages the change reaches are re-rendered (on an error there, the
  pages served first are put back as they were);
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
from urllib.parse import urlsplit

from .behind import Behind
from .changes import compare, snapshot
from .rerender import Built, NeedsFullBuild, Refused, Rerender

log = logging.getLogger("mkdocs.preview")
FAILED = "The build failed; still serving the last good site. Fix the errors above and save."


def _write(root: Path, out: dict[str, bytes]) -> dict[str, bytes | None]:
    """Each file replaced at once (a reader never gets half a page); returns what each held before."""
    old: dict[str, bytes | None] = {}
    for rel, content in out.items():
        path = root / rel
        old[rel] = path.read_bytes() if path.is_file() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".preview-")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    return old


def _restore(root: Path, old: dict[str, bytes | None]) -> None:
    _write(root, {rel: content for rel, content in old.items() if content is not None})
    for rel in (rel for rel, content in old.items() if content is None):
        (root / rel).unlink(missing_ok=True)


class Preview:
    active: Preview | None = None
    OPEN_FOR = 90.0  # seconds: a browser's live-reload script polls at least once a minute

    def __init__(self, server: Any, config: Any, full: Callable[[], None], reset: Callable[[], None],
                 reload: Callable[[Any], bool], fast: bool = True) -> None:
        self.full, self.reset, self.reload, self.fast = full, reset, reload, fast
        self.root = Path(server.root)
        self.docs = Path(config.docs_dir).resolve()
        project = Path(config.config_file_path or ".").resolve().parent
        self.data = (project / ((config.extra.get("wiki") or {}).get("data_dir") or "data")).resolve()
        custom = [Path(config.theme.custom_dir).resolve()] if config.theme.custom_dir else []
        self.roots = [self.docs, *custom, *(Path(w).resolve() for w in config.watch)]
        if config.config_file_path:
            self.roots.append(Path(config.config_file_path).resolve())
        self.seen = snapshot(self.roots)
        self.built: Built | None = None
        self.pending: tuple[Rerender, dict[str, bytes | None], float] | None = None
        self.lock = threading.Lock()
        self.behind = Behind(str(config.config_file_path), self.root, str(config.site_url), bool(config.strict), self.lock)
        self.mount = str(getattr(server, "mount_path", "/"))
        self.polled: dict[str, float] = {}  # page path -> when a browser showing it last polled for a reload
        app = server.get_app()

        def watching(environ: dict[str, Any], start_response: Any) -> Any:
            """The live-reload script of each open page polls /livereload/…, naming its page as referrer."""
            if environ.get("PATH_INFO", "").startswith("/livereload/") and environ.get("HTTP_REFERER"):
                self.polled[urlsplit(environ["HTTP_REFERER"]).path] = time.monotonic()
            return app(environ, start_response)

        server.set_app(watching)
        Preview.active = self

    def remember(self, built: Built) -> None:
        self.built = built

    def _open(self, page: Any) -> bool:
        seen = self.polled.get(self.mount.rstrip("/") + "/" + page.url)
        return seen is not None and time.monotonic() - seen < self.OPEN_FOR

    def build(self) -> None:
        """The server's builder: the fastest build that gives the same site as a full one."""
        with self.lock:
            if self.pending is not None:  # the rest of the last save, before this one
                self._complete()
            now = snapshot(self.roots)
            changes = compare(self.seen, now, self.docs, self.data)
            if now == self.seen and self.built is not None:  # a second event for a save already built
                return
            before, self.seen = self.seen, now
            self.behind.cancel()
            if self.fast and self.built is not None and changes.fast:
                start = time.monotonic()
                self.reset()
                job = Rerender(self.built, changes, self.reload, self._open)
                try:
                    old = _write(self.root, job.start())
                except NeedsFullBuild as why:
                    log.info(f"Preview: {why}; building the whole site")
                except Refused as error:  # nothing was touched: the next save can still be previewed
                    self.seen = before  # and it must carry this save's edits too, or a good edit made beside the bad one is lost
                    log.error(f"{error}\n{FAILED}")
                    return
                except (Exception, SystemExit) as error:
                    self.built = None  # pages were half re-rendered: the next save builds the whole site
                    log.error(f"{error}\n{FAILED}")
                    return
                else:
                    self.pending = (job, old, start)
                    if not job.later or not old:  # nothing to serve before the rest
                        self._complete()
                        return
                    log.info(f"Served first, of {changes}: {len(old)} page{'s' if len(old) != 1 else ''} open in a "
                             f"browser, in {time.monotonic() - start:.2f} s; {len(job.later)} more pages to check")
                    threading.Thread(target=self._later, args=(job,), daemon=True).start()
                    return
            self.built = None
            try:
                self.full()  # the hooks remember its result when it succeeds
            except (Exception, SystemExit) as error:  # the build has printed its errors
                log.error(f"{error}\n{FAILED}")

    def _later(self, job: Rerender) -> None:
        with self.lock:
            if self.pending is not None and self.pending[0] is job:
                self._complete()

    def _complete(self) -> None:
        """The rest of a save's re-render; on an error, the pages served first are put back."""
        assert self.pending is not None
        job, old, start = self.pending
        self.pending = None
        try:
            _write(self.root, job.finish())
        except NeedsFullBuild as why:  # a title in the navigation changed: the build behind brings every page
            self.built = None
            log.info(f"Preview: {why}; the build behind brings every page")
        except (Exception, SystemExit) as error:
            _restore(self.root, old)
            self.built = None
            log.error(f"{error}\n{FAILED}")
            return
        else:
            log.info(f"Preview of {job.changes}: {len(job.pages)} page{'s' if len(job.pages) != 1 else ''} re-rendered "
                     f"and served in {time.monotonic() - start:.2f} s; a full build runs behind")
        self.behind.start(self._behind_done, lambda: snapshot(self.roots) == self.seen)
    def _behind_done(self, ok: bool) -> None:
        if not ok:
            self.built = None  # the preview accepted what the full build refused: build all next time

    def shutdown(self) -> None:
        self.behind.shutdown()
        Preview.active = None
