"""What the maps cost the real build: the same copy of the repository built alternately with
and without them (bench/nomaps_hook.py), medians compared. Also the bytes a locator map adds
to a place page. Run: .venv/bin/python bench/maps.py [--rounds 5]. Not part of `make bench`."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sites import BENCH, build, copy_repo, read_config, write_config


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_repo(Path(tmp) / "repo")
        config = read_config(project / "mkdocs.yml")
        config["hooks"] = [*config.get("hooks", []), str(BENCH / "nomaps_hook.py")]
        write_config(project / "nomaps.yml", config)
        times: dict[str, list[float]] = {"maps": [], "none": []}
        for _ in range(args.rounds):
            for label, name in (("maps", "mkdocs.yml"), ("none", "nomaps.yml")):
                seconds, ok, output, _rss = build(project, project / f"site-{label}", name)
                if not ok:
                    raise SystemExit(f"the {label} build failed:\n{output}")
                times[label].append(seconds)
        with_maps, without = statistics.median(times["maps"]), statistics.median(times["none"])
        page = (project / "site-maps" / "places" / "bhamo" / "index.html").read_text(encoding="utf-8")
        bare = (project / "site-none" / "places" / "bhamo" / "index.html").read_text(encoding="utf-8")
        found = re.search(r'<div class="bw-map bw-map-compact".*?</details>\s*</div>', page, re.S)
        print(f"rounds: {args.rounds}; with maps {with_maps:.2f} s, without {without:.2f} s (medians): "
              f"{100 * (with_maps / without - 1):+.1f}%")
        print(f"each round: with {[round(t, 2) for t in times['maps']]}, without {[round(t, 2) for t in times['none']]}")
        print(f"places/bhamo/: {len(page.encode())} bytes with maps, {len(bare.encode())} without "
              f"({len(page.encode()) - len(bare.encode())} bytes more); the infobox map alone: {len(found.group(0).encode()) if found else 0} bytes")


if __name__ == "__main__":
    main()
