"""Timing property: an input 10x larger takes at most about 10x longer, for every scan of free
text in the engine and for the whole data check.

Each pattern here is one that once backtracked (a 3,000-character URL took 33 s, a heading of
4,000 spaces 257 s, 20,000 unclosed `{{` 16 s) or a rule that walks the data. The machine is
shared, so each size is timed as the best of several runs (noise only ever adds time), the small
size is grown until it takes 20 ms (timer resolution, CPU caches), and the bound is 10x with
generous slack (50x): quadratic growth gives 100x, so it still fails.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from macros import loader
from macros.dataset import Dataset
from macros.engine import collect
from macros.integrity import check_chains
from macros.links import heading_text
from macros.loader import load_text
from macros.model import Place
from macros.model.base import _http_url
from macros.model.names import mixed_script_word, skeleton
from macros.pagegrammar import parse
from macros.yamlscan import looks_risky

SLACK = 5.0
REPEATS = 5


def best_time(run: Callable[[], object]) -> float:
    """Best of REPEATS, with the garbage collector paused: its pauses grow with every object alive
    in the test process, not with the input, and would blur the ratio."""
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(REPEATS):
            start = time.perf_counter()
            run()
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def on(check: Callable[[Any], object], make: Callable[[int], Any]) -> Callable[[int], Callable[[], object]]:
    """A case: the input of size n is made first, outside the timed call."""
    return lambda n: functools.partial(check, make(n))


def _refused(check: Callable[[str], object], text: str) -> None:
    with contextlib.suppress(ValueError):
        check(text)


def _places(n: int) -> Dataset:
    """n places, each within the next, the last within the first: one loop through all."""
    data = Dataset()
    data.items["places"] = [
        Place(id=f"p{i}", name=f"P{i}", kind="area", within=f"p{(i + 1) % n}", sources=["s"]) for i in range(n)
    ]
    return data


def _one_loop(data: Dataset) -> None:
    assert len(check_chains(data, lambda item, loc, message: message)) == 1


def _load(text: str) -> None:
    loader._cache.clear()
    load_text(text, "data/x.yaml")


CASES: dict[str, Callable[[int], Callable[[], object]]] = {
    "url with many dots and a space": on(functools.partial(_refused, _http_url), lambda n: "http://" + "a." * n + " "),
    "heading of spaces": on(heading_text, lambda n: "# x" + " " * (2 * n) + "#\u00a0y"),
    "page of unclosed {{": on(parse, lambda n: "{{ " * n),
    "page of many calls": on(parse, lambda n: "{{ infobox('karsk') }} " * (n // 10 + 1)),
    "yaml of compact nesting": on(looks_risky, lambda n: ("- " * 31 + "x\n") * (n // 10 + 1)),
    "yaml list of items": on(_load, lambda n: "events:\n" + "  - {id: e, title: 'T'}\n" * (n // 10 + 1)),
    "look-alike skeleton": on(skeleton, lambda n: "Blue L\u0435ague " * (n // 10 + 1)),
    "mixed-script scan": on(mixed_script_word, lambda n: "Blue League " * (n // 10 + 1)),
    "within chain": on(_one_loop, lambda n: _places(n // 10 + 2)),
}


def grown(case: Callable[[int], Callable[[], object]]) -> tuple[int, float]:
    """The smallest size (from 500, doubling) whose best time is at least 20 ms: big enough that
    timer resolution and CPU caches do not make the small run look cheaper than it is."""
    n = 500
    while True:
        seconds = best_time(case(n))
        if seconds >= 0.02 or n >= 2_000_000:
            return n, seconds
        n *= 2


@pytest.mark.parametrize("name", sorted(CASES))
def test_ten_times_the_input_takes_about_ten_times_as_long(name: str) -> None:
    n, small = grown(CASES[name])
    large = best_time(CASES[name](10 * n))
    assert large < 5, f"{name}: {10 * n} took {large:.2f} s"
    if small < 0.02:  # under 20 ms even at the largest size: too fast to take a ratio of, and
        # 10x that size (tens of millions of characters) in under half a second is not quadratic
        assert large < 0.5, f"{name}: {10 * n} took {large * 1000:.1f} ms"
        return
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
