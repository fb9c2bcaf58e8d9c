"""Profile one real `mkdocs build` of a project with pyinstrument; report where the engine spends.

    python bench/profile.py PROJECT [--json] [--top 12]

Prints the engine's share of the build (every frame under PROJECT/macros/, templates included),
the mkdocs-macros plugin's own page templating, and the engine's top functions by inclusive time.
With the HTML it counts event rows and infoboxes, so that the cost per row can be compared
across dataset sizes: if a page scanned every event, the cost per row would grow with the data.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

_ROW = re.compile(r'<li class="bw-event[ "]')  # one timeline entry


def _walk(frame: Any, engine_dir: str, plugin_dir: str, out: dict[str, Any], seen: frozenset[str]) -> None:
    path = frame.file_path or ""
    if path.startswith(engine_dir):
        if not out["inside_engine"]:
            out["engine"] += frame.time
            out["plugin"] -= frame.time if out["inside_plugin"] else 0.0  # the plugin's own share excludes ours
        out["inside_engine"] += 1
    elif path.startswith(plugin_dir) and not out["inside_plugin"] and not out["inside_engine"]:
        out["plugin"] += frame.time
    inside_plugin = path.startswith(plugin_dir)
    out["inside_plugin"] += inside_plugin
    if path.startswith(engine_dir) and frame.identifier not in seen:  # inclusive time, recursion counted once
        key = f"{frame.function} ({path[len(engine_dir) - len('macros/'):]}:{frame.line_no})"
        out["functions"][key] += frame.time
        seen = seen | {frame.identifier}
    for child in frame.children:
        _walk(child, engine_dir, plugin_dir, out, seen)
    out["inside_plugin"] -= inside_plugin
    if path.startswith(engine_dir):
        out["inside_engine"] -= 1


def profile(project: Path, top: int) -> dict[str, Any]:
    from mkdocs.__main__ import cli
    from pyinstrument import Profiler

    os.chdir(project)
    sys.path.insert(0, str(project))
    site = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        cli(["build", "--strict", "-q", "-d", str(site)], standalone_mode=False)
    finally:
        session = profiler.stop()
    import mkdocs_macros

    root = profiler.last_session.root_frame() if profiler.last_session else None
    out: dict[str, Any] = {"engine": 0.0, "plugin": 0.0, "inside_engine": 0, "inside_plugin": 0,
                           "functions": defaultdict(float)}
    if root is not None:
        _walk(root, str(project / "macros") + "/", str(Path(mkdocs_macros.__file__).parent) + "/", out, frozenset())
    html = [p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html")]
    functions = sorted(out["functions"].items(), key=lambda kv: -kv[1])[:top]
    return {
        "total": session.duration, "engine": out["engine"], "plugin": out["plugin"],
        "rows": sum(len(_ROW.findall(page)) for page in html),
        "infoboxes": sum(page.count('class="bw-infobox') for page in html),
        "timeline": sum(t for name, t in out["functions"].items() if name.startswith("timeline (")),
        "infobox": sum(t for name, t in out["functions"].items() if name.startswith("infobox (")),
        "top": functions,
    }


def report(result: dict[str, Any]) -> str:
    total = result["total"] or 1
    lines = [f"build {result['total']:.2f} s under the profiler; engine {result['engine']:.2f} s "
             f"({100 * result['engine'] / total:.1f}%), mkdocs-macros page templating {result['plugin']:.2f} s "
             f"({100 * result['plugin'] / total:.1f}%)"]
    if result["rows"]:
        lines.append(f"timelines: {result['timeline']:.2f} s for {result['rows']} event rows = "
                     f"{1e6 * result['timeline'] / result['rows']:.0f} us a row")
    if result["infoboxes"]:
        lines.append(f"infoboxes: {result['infobox']:.2f} s for {result['infoboxes']} = "
                     f"{1e6 * result['infobox'] / result['infoboxes']:.0f} us each")
    lines.append("engine's top functions (inclusive seconds):")
    lines += [f"  {seconds:7.2f}  {name}" for name, seconds in result["top"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--top", type=int, default=12)
    args = parser.parse_args()
    result = profile(args.project.resolve(), args.top)
    print(json.dumps(result) if args.json else report(result))


if __name__ == "__main__":
    main()
