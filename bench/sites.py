"""Assemble benchmark projects: our site, and the same pages frozen for a bare Material build."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
# Top-level entries of the repository a build never needs (or that are large and unrelated).
SKIP = {".git", ".venv", "site", ".site-new", "node_modules", "tests", "bench", ".pytest_cache", ".ruff_cache",
        "__pycache__", ".github", "schemas"}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


class _Tagged:
    """A scalar with a YAML tag this bench does not know (`!ENV`, `!!python/name:`), kept as written."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


def _construct(loader: _Loader, tag: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):  # `!ENV [NAME, default]`
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_scalar(node))


def _represent(dumper: _Dumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    return dumper.represent_scalar(data.tag, data.value)


_Loader.add_multi_constructor("", _construct)
_Dumper.add_representer(_Tagged, _represent)


def read_config(path: Path) -> dict[str, Any]:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _plugin_name(entry: Any) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def copy_repo(where: Path, data: Path | None = None, docs: Path | None = None) -> Path:
    """A copy of the repository's site sources (engine included, so that edits made meanwhile do not leak in).

    With `data` and `docs`, the generated ones replace ours: only our docs' non-Markdown files
    (stylesheets, scripts) are kept, and the config loses its nav and redirects, which name our pages.
    """
    where.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name in SKIP:
            continue
        if entry.is_dir():
            shutil.copytree(entry, where / entry.name, ignore=shutil.ignore_patterns("__pycache__", "*.md") if
                            entry.name == "docs" and docs else shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, where / entry.name)
    if os.environ.get("BENCH_ENGINE"):  # e.g. a snapshot of macros/ from before an optimisation
        shutil.rmtree(where / "macros")
        shutil.copytree(os.environ["BENCH_ENGINE"], where / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    if data is not None and docs is not None:
        shutil.rmtree(where / "data")
        shutil.copytree(data, where / "data")
        shutil.copytree(docs, where / "docs", dirs_exist_ok=True)
        config = read_config(where / "mkdocs.yml")
        config.pop("nav", None)
        for entry in config.get("plugins", []):
            if isinstance(entry, dict) and "redirects" in entry:
                entry["redirects"] = {"redirect_maps": {}}
        write_config(where / "mkdocs.yml", config)
    return where


BENCH_CONFIG = "bench.yml"  # a side's config for the timed builds: its mkdocs.yml plus bench/freeze_hook.py


class Side(NamedTuple):
    """One side of a comparison: a project, built with bench.yml, its freeze hook saving pages to `env`'s folder."""

    project: Path
    env: dict[str, str]


def _with_hook(config: dict[str, Any]) -> dict[str, Any]:
    return {**config, "hooks": [*config.get("hooks", []), str(BENCH / "freeze_hook.py")]}


def sides(project: Path, bare: Path) -> tuple[Side, Side]:
    """Our `project` and `bare`, the same project without the macros, for timed builds side by side.

    Both build with bench/freeze_hook.py, which saves each page's Markdown after the macros (if
    any) have run: our build's pages go to `bare/docs`, so the first timed build of ours makes the
    bare project's pages (the bare side must build after it), and the bare build's go to a scratch
    folder, so that the hook's small cost is on both sides. `bare` is the same project, but its
    pages are the macros' output as plain Markdown and its config has no macros plugin: what
    Material alone costs for the same pages. The macros' time for each page of our build is left
    in `bare/page-times.json`.
    """
    config = read_config(project / "mkdocs.yml")
    write_config(project / BENCH_CONFIG, _with_hook(config))
    shutil.copytree(project, bare, ignore=shutil.ignore_patterns("data", "macros", BENCH_CONFIG, "site*"))
    shutil.rmtree(bare / "docs")
    shutil.copytree(project / "docs", bare / "docs", ignore=shutil.ignore_patterns("*.md"))
    config = read_config(bare / "mkdocs.yml")
    config["plugins"] = [p for p in config.get("plugins", []) if _plugin_name(p) != "macros"]
    config["hooks"] = [h for h in config.get("hooks", []) if not str(h).startswith("macros/")]  # macros/ is not copied
    config["watch"] = [w for w in config.get("watch", []) if (bare / w).exists()]  # serve-only; data/ is gone
    write_config(bare / "mkdocs.yml", config)
    write_config(bare / BENCH_CONFIG, _with_hook(config))
    ours = Side(project, {"BENCH_FREEZE_DIR": str(bare / "docs"), "BENCH_PAGE_TIMES": str(bare / "page-times.json")})
    return ours, Side(bare, {"BENCH_FREEZE_DIR": str(bare.parent / f"{bare.name}-scratch")})


class Built(NamedTuple):
    seconds: float  # wall
    ok: bool
    output: str
    peak_kib: int  # peak resident memory of the build process (ru_maxrss)


class Job(NamedTuple):
    """One build to run: a project, where its site goes, its config file, extra environment."""
    project: Path
    site: Path
    config: str = "mkdocs.yml"
    env: dict[str, str] | None = None


def build(project: Path, site: Path, config: str = "mkdocs.yml", env: dict[str, str] | None = None,
          strict: bool = True) -> Built:
    """A real `mkdocs build --strict` in a fresh process: wall seconds, success, output, peak RSS."""
    return builds([Job(project, site, config, env)], strict)[0]


def builds(jobs: list[Job], strict: bool = True) -> list[Built]:
    """Real `mkdocs build --strict`s, each in a fresh process, all started at once (a pair of them
    runs on the machine's two cores side by side, under the same load): each one's wall seconds
    from the common start to its own exit, success, output and peak RSS."""
    flags = ["--strict"] if strict else []
    with contextlib.ExitStack() as stack:
        outs, procs = [], []
        for job in jobs:
            shutil.rmtree(job.site, ignore_errors=True)
        start = time.perf_counter()
        for job in jobs:
            out = stack.enter_context(tempfile.TemporaryFile("w+"))
            outs.append(out)
            procs.append(subprocess.Popen([sys.executable, "-m", "mkdocs", "build", *flags, "-q", "-f", job.config, "-d", str(job.site)],
                                          cwd=job.project, env={**ENV, **(job.env or {})}, stdout=out, stderr=subprocess.STDOUT))
        done: dict[int, tuple[float, int, int]] = {}  # index -> (seconds, exit code, peak KiB)
        while len(done) < len(procs):
            for i, proc in enumerate(procs):
                if i in done:
                    continue
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG if len(procs) > 1 else 0)  # this child's own rusage
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    done[i] = (time.perf_counter() - start, proc.returncode, usage.ru_maxrss)
            if len(done) < len(procs):
                time.sleep(0.005)
        result = []
        for i, out in enumerate(outs):
            out.seek(0)
            seconds, code, peak = done[i]
            result.append(Built(seconds, code == 0, out.read(), peak))
        return result


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stdout}{proc.stderr}")
    return elapsed


def warm_history() -> float:
    """Fill the repository's .cache/history/ as its first build would, without the build: the
    engine's own history diffs (macros/history/log.py `fill`), the commits split in two runs,
    each computed by a fresh process on one core. Wall seconds."""
    code = "from pathlib import Path; from macros.history.log import fill; fill(Path('.'), Path('.cache') / 'history', {}, 2)"
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", code.format(share)], cwd=ROOT, env=ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for share in (0, 1)]
    outputs = [proc.communicate()[0] for proc in procs]
    for proc, output in zip(procs, outputs, strict=True):
        if proc.returncode:
            raise RuntimeError(f"filling the history cache failed in {ROOT}:\n{output}")
    return time.perf_counter() - start
