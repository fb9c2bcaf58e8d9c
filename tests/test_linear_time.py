"""Timing property: an input 10x larger takes at most about 10x longer, for every scan of free
text in the engine and for the whole data check.

Each pattern here is one that once backtracked (a 3,000-character URL took 33 s, a heading of
4,000 spaces 257 s, 20,000 unclosed `{{` 16 s) or a rule that walks the data. The machine is
shared, so each size is timed as the best of several runs (noise only ever adds time), the small
size is grown until it takes a few milliseconds (timer resolution), and the bound is 10x with
generous slack (35x): quadratic growth gives 100x, so it still fails.
"""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import FIXTURES

from macros import loader
from macros.dataset import Dataset
from macros.engine import collect
from macros.export.pages import macro_bodies
from macros.integrity import check_chains
from macros.links import heading_text
from macros.loader import load_text
from macros.model import Place
from macros.model.base import _http_url
from macros.model.names import mixed_script_word, skeleton
from macros.yamlscan import looks_risky

SLACK = 3.5
REPEATS = 5


def best_time(run: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _refused(check: Callable[[str], object], text: str) -> None:
    with contextlib.suppress(ValueError):
        check(text)


def _chain(n: int) -> None:
    """n places, each within the next, the last within the first: one loop through all."""
    data = Dataset()
    data.items["places"] = [
        Place(id=f"p{i}", name=f"P{i}", kind="area", within=f"p{(i + 1) % n}", sources=["s"]) for i in range(n)
    ]
    errors = check_chains(data, lambda item, loc, message: message)
    assert len(errors) == 1


CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "url with many dots and a space": lambda n: lambda: _refused(_http_url, "http://" + "a." * n + " "),
    "heading of spaces": lambda n: lambda: heading_text("# x" + " " * (2 * n) + "#\u00a0y"),
    "page of unclosed {{": lambda n: lambda: macro_bodies("{{ " * n),
    "yaml of compact nesting": lambda n: lambda: looks_risky(("- " * 31 + "x\n") * (n // 10 + 1)),
    "yaml list of items": lambda n: lambda: loader._cache.clear() or load_text("events:\n" + "  - {id: e, title: 'T'}\n" * (n // 10 + 1), "data/x.yaml"),
    "look-alike skeleton": lambda n: lambda: skeleton("Blue Lеague " * (n // 10 + 1)),
    "mixed-script scan": lambda n: lambda: mixed_script_word("Blue League " * (n // 10 + 1)),
    "within chain": lambda n: lambda: _chain(n // 10 + 2),
}


def grown(case: Callable[[int], Callable[[], object]]) -> tuple[int, float]:
    """The smallest size (from 500, doubling) whose best time is at least 3 ms."""
    n = 500
    while True:
        seconds = best_time(case(n))
        if seconds >= 0.003 or n >= 2_000_000:
            return n, seconds
        n *= 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_ten_times_the_input_takes_about_ten_times_as_long(name: str) -> None:
    n, small = grown(CASES[name])
    large = best_time(CASES[name](10 * n))
    assert large < 5, f"{name}: {10 * n} took {large:.2f} s"
    assert large <= 10 * SLACK * small, f"{name}: size {n} took {small * 1000:.1f} ms, 10x took {large * 1000:.1f} ms ({large / small:.0f}x)"


def test_the_whole_check_grows_linearly_with_the_events(tmp_path: Path) -> None:
    """collect() on the fiction with 10x more events: loader, models, checks and index together."""
    valid = FIXTURES / "valid" / "data"
    lines = (valid / "events.yaml").read_text(encoding="utf-8").split("\n", 1)[1]

    def project(copies: int) -> Path:
        root = tmp_path / str(copies)
        shutil.copytree(valid, root / "data")
        body = "".join(lines.replace("id: siege-begins", f"id: siege-begins-{i}").replace("id: fort-falls", f"id: fort-falls-{i}") for i in range(copies))
        (root / "data" / "events.yaml").write_text("events:\n" + body, encoding="utf-8")
        return root

    def run(root: Path) -> Callable[[], object]:
        def go() -> None:
            loader._cache.clear()  # parse for real each time
            index, errors = collect(root / "data", root)
            assert index is not None, errors[:3]
        return go

    small, large = project(50), project(500)
    small_time, large_time = best_time(run(small)), best_time(run(large))
    assert large_time <= 10 * SLACK * small_time, f"50 -> 500 copies: {small_time:.3f} s -> {large_time:.3f} s"
