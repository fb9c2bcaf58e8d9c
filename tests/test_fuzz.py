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
