"""The full build that runs behind the preview, in its own process, and replaces what the preview left.

The in-process re-render serves the changed pages at once; this build, run exactly as
`mkdocs serve` runs its own (same config file, the server's address, serve's inclusion rules),
then brings every other file up to date (`api/`, the alias redirects, the feeds) and is the
reference the preview must equal. Its files replace the served ones one by one (`os.replace`,
atomic), only where the bytes differ; files it did not write are removed. A newer save cancels
it (its process group is killed), so an old build never replaces a newer preview.

`python -m macros.preview.behind CONFIG SITE_DIR SERVE_URL [strict]` is that build.
"""

from __future__ import annotations

import filecmp
import logging
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("mkdocs.preview")


def sync(source: Path, target: Path) -> int:
    """Make target's files those of source; returns how many were written or removed."""
    count = 0
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    for rel in sorted(wanted):
        new, old = source / rel, target / rel
        if old.is_file() and filecmp.cmp(new, old, shallow=False):
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        os.replace(new, old)
        count += 1
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(target) not in wanted:
            path.unlink()
            count += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return count


class Behind:
    def __init__(self, config_file: str, served: Path, serve_url: str, strict: bool, lock: threading.Lock) -> None:
        self.config_file, self.served, self.serve_url, self.lock = config_file, served, serve_url, lock
        self.strict = strict
        self.folder = served.with_name(served.name + ".behind")
        self.process: subprocess.Popen[str] | None = None
        self.generation = 0

    def cancel(self) -> None:
        """Stop a build still running (a newer save makes its result stale)."""
        self.generation += 1
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait()

    def start(self, done: Callable[[bool], None], current: Callable[[], bool]) -> None:
        """`current`: whether the watched files are still those this build was started for."""
        self.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)
        engine_root = str(Path(__file__).parent.parent.parent)  # the folder holding the engine's package
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [engine_root, os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "macros.preview.behind", self.config_file, str(self.folder), self.serve_url,
             "strict" if self.strict else ""],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        threading.Thread(target=self._wait, args=(self.process, self.generation, done, current, time.monotonic()), daemon=True).start()

    def _wait(self, process: subprocess.Popen[str], generation: int, done: Callable[[bool], None],
              current: Callable[[], bool], start: float) -> None:
        output, _ = process.communicate()
        with self.lock:
            if generation != self.generation:
                return  # cancelled: a newer save is being previewed
            if process.returncode != 0 and not current():  # it read a save the server has yet to see
                log.info("The full build behind the preview read a newer save; that save's own build reports on it")
                return
            if process.returncode != 0:
                log.error(f"The full build behind the preview failed; the preview stays as served. Its output:\n{output.strip()}")
                done(False)
                return
            count = sync(self.folder, self.served)
            shutil.rmtree(self.folder, ignore_errors=True)
            log.info(f"Full build behind the preview done in {time.monotonic() - start:.2f} s: {count} files refreshed")
            done(True)

    def shutdown(self) -> None:
        self.cancel()
        shutil.rmtree(self.folder, ignore_errors=True)


def main(config_file: str, site_dir: str, serve_url: str, strict: str = "") -> None:
    """What `mkdocs serve` does for each build, into site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=config_file, site_dir=site_dir, **({"strict": True} if strict else {}))
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = serve_url
    try:
        build(config, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        main(*sys.argv[1:5])
    except (Exception, SystemExit) as exc:
        print(exc, file=sys.stderr)
        sys.exit(1)
