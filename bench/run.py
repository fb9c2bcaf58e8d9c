"""`make bench`: our build against a bare Material build of the same pages, and the engine at scale.

Every figure in the table is a ratio of two timings taken side by side in this run: the two
builds compared start at once, each on one of the machine's two cores, so that both meet the
same load, and medians are kept, because absolute times are noisy on a shared machine.

    python bench/run.py [--rounds 3] [--big-rounds 1] [--quick] [--profile] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import preview
import sites
from generate import generate

Row = tuple[str, str, str, str]  # what, figure, target, verdict
PARTS: list[tuple[str, float]] = []  # (part of the bench, wall seconds), printed at the end


@contextmanager
def part(name: str) -> Iterator[None]:
    """Time one part of the bench (wall clock), so that what each part costs is visible."""
    start = time.perf_counter()
    try:
        yield
    finally:
        PARTS.append((name, time.perf_counter() - start))


@dataclass
class Compared:
    """Medians of a side-by-side comparison: seconds and peak RSS (KiB) of a and b, and of `also`."""

    a: float
    b: float
    also: float | None
    a_kib: int
    b_kib: int


def compare(a: sites.Side, b: sites.Side, rounds: int, work: Path, also: Callable[[], float] | None = None) -> Compared:
    """Median build seconds and peak memory of sides a (ours) and b (bare). First a's build alone,
    untimed, which saves its pages for b and stops there (BENCH_FREEZE_ONLY); then `rounds` pairs,
    a and b started at once, each on one of the two cores, so both meet the same load (a's pages
    go to a scratch folder then, at the same cost). `also` runs once a round, alone."""
    times: dict[str, list[float]] = {"a": [], "b": [], "also": []}
    peaks: dict[str, list[int]] = {"a": [], "b": []}
    frozen = sites.build(a.project, work / "site-freeze", sites.BENCH_CONFIG, {**a.env, "BENCH_FREEZE_ONLY": "1"})
    if not frozen.ok:
        raise RuntimeError(f"build of {a.project} failed:\n{frozen.output}")
    a_env = {**a.env, "BENCH_FREEZE_DIR": str(work / "freeze-scratch")}
    for _ in range(rounds):
        pair = sites.builds([sites.Job(a.project, work / "site-a", sites.BENCH_CONFIG, a_env),
                             sites.Job(b.project, work / "site-b", sites.BENCH_CONFIG, b.env)])
        for side, (project, _env), built in zip("ab", (a, b), pair, strict=True):
            if not built.ok:
                raise RuntimeError(f"build of {project} failed:\n{built.output}")
            times[side].append(built.seconds)
            peaks[side].append(built.peak_kib)
        if also is not None:
            times["also"].append(also())
    extra = statistics.median(times["also"]) if times["also"] else None
    return Compared(statistics.median(times["a"]), statistics.median(times["b"]), extra,
                    int(statistics.median(peaks["a"])), int(statistics.median(peaks["b"])))


def memory_row(label: str, got: Compared, target: float | None) -> Row:
    ratio = got.a_kib / got.b_kib
    figure = f"{ratio:.2f}x ({got.a_kib / 1024:,.0f} MiB / {got.b_kib / 1024:,.0f} MiB)"
    return (f"7. peak memory (RSS), {label}: ours / bare", figure, f"<= {target}x" if target else "",
            verdict(ratio, target) if target else "")


def verdict(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def site_weight(site: Path) -> dict[str, object]:
    pages = {p: p.stat().st_size for p in site.rglob("*.html")}
    largest = max(pages, key=pages.__getitem__)
    battle = site / "battle" / "index.html"
    return {"battle": battle.stat().st_size if battle.exists() else 0, "largest": str(largest.relative_to(site)),
            "largest_bytes": pages[largest], "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "files": sum(1 for p in site.rglob("*") if p.is_file())}


def identical_pages(a: Path, b: Path) -> tuple[int, int, int]:
    """(same, pages, redirects): how many of a's pages b reproduces byte for byte (the frozen pages
    must make the same site), and how many alias redirect stubs only our build writes."""
    pages = sorted(p.relative_to(a) for p in a.rglob("*.html"))
    stubs = [p for p in pages if not (b / p).is_file() and b"<title>Redirecting...</title>" in (a / p).read_bytes()]
    same = sum(1 for p in pages if (b / p).is_file() and (b / p).read_bytes() == (a / p).read_bytes())
    return same, len(pages) - len(stubs), len(stubs)


def kib(n: object) -> str:
    return f"{int(n) / 1024:,.0f} KiB"  # type: ignore[call-overload]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="builds per side for each comparison (median taken)")
    parser.add_argument("--big-rounds", type=int, default=1, help="rounds at the largest scale (each build takes minutes)")
    parser.add_argument("--quick", action="store_true", help="small scales (100 and 1,000 events) for a dry run")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temp folder, removed)")
    parser.add_argument("--profile", action="store_true", help="also profile our build at both scales")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-"))
    if args.keep:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    notes: list[str] = []
    started = dt.datetime.now(dt.UTC)
    try:
        rows += real_site(work, args.rounds, notes)
        rows += history(work, args.rounds, notes)
        rows += synthetic(work, (args.rounds, args.big_rounds), args.quick, args.profile, notes)
    finally:  # what was measured is printed even if a later part fails
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        print_table(rows, notes, started)
        print_parts()
    return 0


def real_site(work: Path, rounds: int, notes: list[str]) -> list[Row]:
    with part("real site: copy, builds ours / bare"):
        ours = sites.copy_repo(work / "real")
        sides = sites.sides(ours, work / "real-bare")
        try:
            got = compare(*sides, rounds, work / "real-sites")
        except RuntimeError as exc:
            notes.append(f"real site: not measured, our build fails ({str(exc).strip().splitlines()[-1]})")
            return [("1. real site: ours / bare Material", "build fails", "<= 1.10x", "n/a")]
    a, b = got.a, got.b
    same, pages, stubs = identical_pages(work / "real-sites" / "site-a", work / "real-sites" / "site-b")
    weight = site_weight(work / "real-sites" / "site-a")
    hook = json.loads((work / "real-bare" / "page-times.json").read_text(encoding="utf-8"))["hook_seconds"]
    notes.append(f"the bench hook that saves each page's Markdown (both sides run it): {1e3 * hook:.0f} ms of CPU in our build")
    with part("preview: with it, then without it"):
        latencies = preview.measure(ours, rounds)
    (latency, page_latency), (full_latency, full_page_latency) = latencies["preview"], latencies["full"]
    notes.append(f"real site: ours {a:.2f} s, bare {b:.2f} s (medians of {rounds}); the bare build reproduces "
                 f"{same} of {pages} pages byte for byte (ours also writes {stubs} alias redirects and api/)")
    notes.append(f"preview: until `mkdocs serve` serves an edit: of data/battle.yaml {latency:.2f} s, of docs/battle.md "
                 f"{page_latency:.2f} s; without the preview (a full build per save) {full_latency:.2f} s and "
                 f"{full_page_latency:.2f} s (one edit each: it is a full build); a full build: ours {a:.2f} s, bare {b:.2f} s")
    if "whole" in latencies:
        (whole, whole_page), (pages, page_pages) = latencies["whole"], latencies["pages"]
        notes.append(f"preview: the page open in a browser is served first; every page an edit reaches is re-rendered "
                     f"after {whole:.2f} s for the data edit ({pages:.0f} pages, {whole / b:.2f}x of a bare build) and "
                     f"{whole_page:.2f} s for the page edit ({page_pages:.0f}); a full build behind then refreshes api/ and the redirects")
    return [
        ("1. real site: ours / bare Material", f"{a / b:.2f}x", "<= 1.10x", verdict(a / b, 1.10)),
        memory_row("real site", got, None),
        ("4. battle article HTML", kib(weight["battle"]), "", ""),
        ("4. largest page", f"{kib(weight['largest_bytes'])} ({weight['largest']})", "", ""),
        ("4. whole site (navigation.prune on)", f"{kib(weight['site_bytes'])} in {weight['files']} files", "", ""),
        ("5. preview: data edit -> served / full bare build", f"{latency / b:.2f}x ({latency:.2f} s / {b:.2f} s)", "<= 0.30x",
         verdict(latency / b, 0.30)),
        ("5. preview: page edit -> served / full bare build", f"{page_latency / b:.2f}x ({page_latency:.2f} s / {b:.2f} s)",
         "<= 0.30x", verdict(page_latency / b, 0.30)),
        ("5. without the preview: data edit -> served / full bare build", f"{full_latency / b:.2f}x ({full_latency:.2f} s / {b:.2f} s)",
         "", ""),
        ("5. without the preview: page edit -> served / full bare build",
         f"{full_page_latency / b:.2f}x ({full_page_latency:.2f} s / {b:.2f} s)", "", ""),
    ]


def history(work: Path, rounds: int, notes: list[str]) -> list[Row]:
    """The repository itself (it has the git history; copies do not), warm history cache, with
    history on and off (BHAMO_WIKI_HISTORY), alternating."""
    with part("history: cache warm-up (no build)"):
        warm = sites.warm_history()
    times: dict[str, list[float]] = {"true": [], "false": []}
    with part("history: builds on / off"):
        for _ in range(max(rounds, 3)):  # on and off at once, each on one core (as `compare`)
            pair = sites.builds([sites.Job(sites.ROOT, work / f"history-{on}", env={"BHAMO_WIKI_HISTORY": on}) for on in times])
            for on, built in zip(times, pair, strict=True):
                if not built.ok:
                    raise RuntimeError(f"build with history={on} failed:\n{built.output}")
                times[on].append(built.seconds)
    on, off = statistics.median(times["true"]), statistics.median(times["false"])
    notes.append(f"history: warm build {on:.2f} s with it, {off:.2f} s without (medians); warming the cache took {warm:.1f} s")
    return [("6. history (warm cache): on / off", f"{on / off:.3f}x", "<= 1.05x", verdict(on / off, 1.05))]


def synthetic(work: Path, rounds: tuple[int, int], quick: bool, profile: bool, notes: list[str]) -> list[Row]:
    scales = [(100, 10), (1000, 100)] if quick else [(1000, 100), (10000, 1000)]
    rows: list[Row] = []
    ours_times: list[float] = []
    bare_times: list[float] = []
    for events, units in scales:
        last = (events, units) == scales[-1]
        n = rounds[1] if last else rounds[0]
        with part(f"synthetic {events:,} events: generate, copy"):
            generated = generate(work / f"gen-{events}", events, units)
            ours = sites.copy_repo(work / f"syn-{events}", work / f"gen-{events}" / "data", work / f"gen-{events}" / "docs")
            sides = sites.sides(ours, work / f"syn-{events}-bare")
        check = (lambda p=ours: sites.timed([sys.executable, "-m", "macros.check"], p)) if last else None
        with part(f"synthetic {events:,} events: builds ours / bare" + (", make check" if last else "")):
            got = compare(*sides, n, work / f"syn-{events}-sites", check)
        a, b, c = got.a, got.b, got.also
        ours_times.append(a)
        bare_times.append(b)
        label = f"{events:,} events, {units:,} units"
        notes.append(f"synthetic {label} ({generated['sources']} sources, {generated['places']} places): "
                     f"ours {a:.2f} s, bare {b:.2f} s (medians of {n})")
        rows.append((f"2. synthetic {label}: ours / bare", f"{a / b:.2f}x", "<= 1.25x", verdict(a / b, 1.25)))
        rows.append(memory_row(f"synthetic {events:,} events", got, 1.3 if last else None))
        if c is not None:
            rows.append((f"3. make check / our build at {events:,} events", f"{100 * c / a:.1f}% ({c:.2f} s)", "<= 5%",
                         verdict(c / a, 0.05)))
            weight = site_weight(work / f"syn-{events}-sites" / "site-a")
            rows.append((f"4. synthetic {events:,}: largest page", f"{kib(weight['largest_bytes'])} ({weight['largest']})", "", ""))
            rows.append((f"4. synthetic {events:,}: whole site", f"{kib(weight['site_bytes'])} in {weight['files']} files", "", ""))
        if profile:
            with part(f"profile at {events:,} events"):
                out = subprocess.run([sys.executable, str(Path(__file__).parent / "profile.py"), str(ours)],
                                     capture_output=True, text=True, env=sites.ENV)
            notes.append(f"profile at {label}:\n{out.stdout.strip() or out.stderr.strip()[-2000:]}")
    rows += proportional(work / f"syn-{scales[0][0]}-bare", work / f"syn-{scales[1][0]}-bare", scales)
    growth, bare_growth = ours_times[1] / ours_times[0], bare_times[1] / bare_times[0]
    rows.insert(1, (f"2. growth {scales[0][0]:,} -> {scales[1][0]:,} events: our build time", f"{growth:.2f}x (bare: {bare_growth:.2f}x)",
                    "<= 11x", verdict(growth, 11)))
    return rows


def proportional(small: Path, big: Path, scales: list[tuple[int, int]]) -> list[Row]:
    """No page scans all events: the macros' time on a unit page (which shows about as many events
    at either scale) stays flat as the data grows tenfold, and so does the chronology's time per row."""
    def costs(bare: Path) -> tuple[float, float, float]:
        pages = json.loads((bare / "page-times.json").read_text(encoding="utf-8"))["pages"]
        units = [v for uri, v in pages.items() if uri.startswith("units/")]
        chronology = pages.get("chronology.md", {"seconds": 0.0, "rows": 0})
        per_row = chronology["seconds"] / chronology["rows"] if chronology["rows"] else 0.0
        return statistics.median(v["seconds"] for v in units), statistics.median(v["rows"] for v in units), per_row
    (unit_a, rows_a, row_a), (unit_b, rows_b, row_b) = costs(small), costs(big)
    label = f"{scales[0][0]:,} -> {scales[1][0]:,} events"
    out = [(f"2. a unit page's macros, {label}", f"{unit_b / unit_a:.2f}x ({1e3 * unit_a:.1f} ms, {rows_a:.0f} rows -> "
            f"{1e3 * unit_b:.1f} ms, {rows_b:.0f} rows)", "flat (<= 2x)", verdict(unit_b / unit_a, 2))]
    if row_a and row_b:
        out.append((f"2. chronology's macros per event row, {label}", f"{row_b / row_a:.2f}x ({1e6 * row_a:.0f} -> {1e6 * row_b:.0f} us)",
                    "flat (<= 2x)", verdict(row_b / row_a, 2)))
    return out


def print_table(rows: list[Row], notes: list[str], started: dt.datetime) -> None:
    widths = [max(len(r[i]) for r in [("what", "figure", "target", "verdict"), *rows]) for i in range(4)]
    line = "| " + " | ".join(f"{{:<{w}}}" for w in widths) + " |"
    print()
    print(line.format("what", "figure", "target", "verdict"))
    print("| " + " | ".join("-" * w for w in widths) + " |")
    for row in rows:
        print(line.format(*row))
    print()
    for note in notes:
        print(f"- {note}")
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"- machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}; started {started:%Y-%m-%d %H:%M} UTC, "
          f"took {(dt.datetime.now(dt.UTC) - started).total_seconds() / 60:.1f} min; load average at the end {load} (1/5/15 min)")


def print_parts() -> None:
    print()
    print("Wall time of each part:")
    for name, seconds in PARTS:
        print(f"- {name}: {seconds:.1f} s")
    print(f"- total of the parts: {sum(s for _, s in PARTS) / 60:.1f} min")


if __name__ == "__main__":
    sys.exit(main())
