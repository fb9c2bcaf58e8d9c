"""Property-based: random and mutated YAML never gets a traceback out of the engine.

The valid fixture's files are mutated (lines deleted or duplicated, characters swapped,
hostile unicode and YAML features inserted, random text) and fed to loader, validator and
checks through `macros.engine.collect`. The result is always either an index and no errors,
or errors that each name a data file and a line.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.engine import collect
from macros.errors import DataError
from macros.loader import load_text

VALID = FIXTURES / "valid" / "data"
FILES = {p.name: p.read_text(encoding="utf-8") for p in sorted(VALID.glob("*.yaml"))}
HOSTILE = [
    "\u202e", "\u200b", "\ufeff", "\x00", "\t", "\r", "\x85", "\u2028", "\ud800", "\U0001f4a3", "&a ", "*a", "!!python/object ",
    "!!binary ", "<<: ", "? ", "- ", ": ", "---\n", "...\n", "{{ x }}", "<script>", "%YAML 1.1\n", "[", "{", "'", '"', "#",
    "2025-02-30", "no", "0x10", "1e3", "3.10", "~", "|\n", ">-\n", "\\", "é", "\udce9",
]
# No example database: nothing is written into the checkout, which other engineers share.
settings.register_profile("engine", max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(FILES)))
    lines = FILES[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "hostile", "random", "replace"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if not lines:
            lines = [draw(st.text(max_size=40))]
        elif op == "delete":
            del lines[at]
        elif op == "duplicate":
            lines.insert(at, lines[at])
        elif op == "replace":
            lines[at] = draw(st.text(max_size=60)) + "\n"
        else:
            line = lines[at]
            pos = draw(st.integers(0, len(line)))
            if op == "swap" and len(line) > 1:
                i = min(pos, len(line) - 2)
                line = line[:i] + line[i + 1] + line[i] + line[i + 2 :]
            elif op == "hostile":
                line = line[:pos] + draw(st.sampled_from(HOSTILE)) + line[pos:]
            else:
                line = line[:pos] + draw(st.text(max_size=20)) + line[pos:]
            lines[at] = line
    return name, "".join(lines)


def _run(name: str, text: str) -> tuple[object, list[DataError]]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(VALID, data)
        (data / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        return collect(data, Path(tmp))


def _assert_sound(index: object, errors: list[DataError]) -> None:
    if errors:
        assert index is None
        for error in errors:
            assert isinstance(error, DataError)
            assert error.file.startswith("data/") and error.file.endswith(".yaml"), error
            assert error.line >= 1 and error.column >= 1, error
            assert error.message, error
            assert str(error).startswith(f"{error.file}:{error.line}:")
            assert len(str(error).splitlines()) == 1, error
    else:
        assert index is not None


@settings(settings.get_profile("engine"))
@given(mutated())
def test_mutated_fixture_never_raises(case: tuple[str, str]) -> None:
    _assert_sound(*_run(*case))


@settings(settings.get_profile("engine"))
@given(st.sampled_from(sorted(FILES)), st.text(max_size=300))
def test_random_text_never_raises(name: str, text: str) -> None:
    _assert_sound(*_run(name, text))


@settings(settings.get_profile("engine"))
@given(st.recursive(
    st.none() | st.text(max_size=10) | st.sampled_from(HOSTILE),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
))
def test_loader_on_any_yaml_shaped_text(tree: object) -> None:
    """Text rendered from random nested data, as YAML flow or block, loads or fails cleanly."""
    import yaml

    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=None)
    data, errors = load_text(text, "data/x.yaml")
    assert data is None or not errors
    for error in errors:
        assert error.line >= 1 and error.message


# Values that broke a rule before it existed, or that a rule now refuses: look-alikes, invisible
# and bidi characters, dates at the calendar's ends, numbers that are not finite, reserved paths,
# long and backtracking-shaped text.
HOSTILE_VALUES = [
    "Blue L\u0435ague", "B\u200blue League", "\u202eeugaeL eulB", "BIue League", "Blue\u00a0League", "Cafe\u0301",
    "0000", "0000-01-01", "after 9999-12-31", "before 0001-01-01", "late 9999-12", "first week of 9999-12",
    "nan", "-nan", "inf", "-inf", "1e400", "-1", "-0", "1_000",
    "search", "Search", "api", "assets", "index", "README", "404",
    "http://" + "a." * 1200 + " ", "http://[::1", "https://exa mple.org", "https://" + "x" * 2100 + ".org",
    "=1+1", "@SUM(A1)", "\tx", "karsk", "karsk-fort", "blue-league", "grey-army", "grey-rifles-9",
    "# x" + " " * 3000 + "y", "{{ " * 500, "x" * 6000,
]
FIELDS = [
    "name", "title", "summary", "url", "date", "start", "end", "within", "parent", "party", "garrison",
    "locator", "number", "file", "outlet", "aliases", "sources", "control", "distances", "coordinates",
]


@st.composite
def hostile_field(draw: st.DrawFn) -> tuple[str, str]:
    """The fixture with one existing field set to a hostile value (a scalar or a list of it), or a
    control change or distance built around one."""
    import json
    import re

    value = draw(st.sampled_from(HOSTILE_VALUES))
    shape = draw(st.sampled_from(["field", "field", "list", "control", "distance"]))
    if shape == "control":
        site = json.dumps(value, ensure_ascii=False)
        changes = f"      - {{site: {site}, to: blue-league}}\n      - {{site: {site}, to: grey-army}}\n"
        text = FILES["events.yaml"].replace("      - site: karsk-fort\n        to: blue-league\n", changes)
        return "events.yaml", text
    if shape == "distance":
        unit = draw(st.sampled_from(["km", "miles"]))
        row = json.dumps({"to": "karsk", unit: value, "sources": ["river-radio-report"]}, ensure_ascii=False)
        return "places.yaml", FILES["places.yaml"].replace("    within: karsk\n", f"    within: karsk\n    distances: [{row}]\n")
    name = draw(st.sampled_from(sorted(FILES)))
    lines = FILES[name].splitlines(keepends=True)
    fields = [i for i, line in enumerate(lines) if re.match(r" +(- )?[a-z_]+: \S", line)]
    at = draw(st.sampled_from(fields))
    key = lines[at].split(":", 1)[0]
    many = [value] * draw(st.integers(1, 25))
    lines[at] = f"{key}: {json.dumps(many if shape == 'list' else value, ensure_ascii=False)}\n"
    return name, "".join(lines)


def _timed(name: str, text: str) -> tuple[object, list[DataError]]:
    import time

    start = time.perf_counter()
    result = _run(name, text)
    assert time.perf_counter() - start < 5, f"{name} took over 5 s"
    return result


@settings(settings.get_profile("engine"))
@given(hostile_field())
def test_hostile_field_values_never_raise_and_never_stall(case: tuple[str, str]) -> None:
    _assert_sound(*_timed(*case))


@settings(settings.get_profile("engine"))
@given(mutated())
def test_mutated_fixture_is_checked_within_five_seconds(case: tuple[str, str]) -> None:
    _assert_sound(*_timed(*case))
