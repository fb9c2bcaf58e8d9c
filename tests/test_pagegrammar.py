"""The page grammar (macros/pagegrammar.py): what it accepts, what it refuses, and fuzzing.

Hypothesis throws text made of the characters that matter to the grammar (braces, quotes,
brackets, escapes, names of macros) at the parser: it never raises, never takes more than 5 s,
gives back the page unchanged when the parts are joined, and accepts only calls it can expand.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.pagegrammar import MAX_PROBLEMS, SPECS, Written, expand, parse


def _joined(segments: list) -> str:
    return "".join(s if isinstance(s, str) else s.text for s in segments)


@pytest.mark.parametrize(("text", "name", "args"), [
    ("{{ infobox('karsk') }}", "infobox", ("karsk",)),
    ('{{infobox("karsk")}}', "infobox", ("karsk",)),
    ("{{ cite('src',\n  'p. 3') }}", "cite", ("src", "p. 3")),  # split over lines: the same call
    ("{{ cite('src', 'it\\'s', \"a }} b\") }}", "cite", ("src", "it's", "a }} b")),  # }} inside a string
    ("{{ references() }}", "references", ()),
])
def test_calls_with_literal_arguments_are_read(text: str, name: str, args: tuple[str, ...]) -> None:
    segments, problems = parse("Intro " + text + " end")
    assert problems == []
    calls = [s for s in segments if isinstance(s, Written)]
    assert [(c.name, c.args, c.line, c.column) for c in calls] == [(name, args, 1, 7)]


@pytest.mark.parametrize(("text", "words"), [
    ("{{ cycler.__init__.__globals__ }}", "not a macro call"),
    ("{{ infobox.__globals__ }}", "not a macro call"),
    ("{{ x }}", "not a macro call"),
    ("{{ infobox('a') ~ 'b' }}", "not a macro call"),
    ("{{ infobox('a')|safe }}", "not a macro call"),
    ("{{ infobox(x) }}", "is not a quoted string"),
    ("{{ infobox('a' * 9) }}", "is not a quoted string"),
    ("{{ infobox(f'{x}') }}", "is not a quoted string"),
    ("{{ infobox(ident='a') }}", "by position only"),
    ("{{ infobox(*'a') }}", "by position only"),
    ("{{ infobox() }}", "infobox() takes 1 argument (id), got 0"),
    ("{{ cite('a', 'b', 'c', 'd') }}", "cite() takes 1 to 3 arguments"),
    ("{{ lipsum() }}", "unknown macro 'lipsum'"),
    ("{{ api_link('../x') }}", "not a published file name"),
    ("{% include 'x.md' %}", "a statement ({% ... %}) is not allowed"),
    ("{# note #}", "a comment ({# ... #}) is not allowed"),
    ("{{- infobox('a') -}}", "not a macro call"),
    ("{{ infobox('a')", "without its '}}'"),
    ("{{ infobox(" + "(" * 300 + "'a'" + ")" * 300 + ") }}", "not a macro call"),
])
def test_everything_else_is_a_located_error(text: str, words: str) -> None:
    segments, problems = parse("line one\nsome text " + text)
    assert len(problems) == 1, problems
    assert words in problems[0].message
    assert (problems[0].line, problems[0].column) == (2, 11)
    assert _joined(segments) == "line one\nsome text " + text


def test_specs_match_the_macros_signatures() -> None:
    """Each macro takes the parameters its spec lists, by position, in the same number."""
    import inspect

    from macros.export.pages import PageData
    from macros.history.site import HistoryPages
    from macros.render import Renderer

    for name, params in SPECS.items():
        owner = next(cls for cls in (Renderer, PageData, HistoryPages) if hasattr(cls, name))
        given = [p for p in inspect.signature(getattr(owner, name)).parameters.values() if p.name not in ("self", "here")]
        assert len(given) >= len(params), name
        assert [p.default is inspect.Parameter.empty for p in given[: len(params)]] == [p.required for p in params], name


def test_first_line_offsets_line_numbers() -> None:
    assert parse("x\n{{ y }}", first_line=5)[1][0][:2] == (6, 1)


def test_problems_are_capped() -> None:
    problems = parse("{{ x }} " * 1000)[1]
    assert len(problems) == MAX_PROBLEMS + 1 and "more problems" in problems[-1].message


def test_expand_replaces_each_call_by_str_of_its_output() -> None:
    segments, _ = parse("A {{ cite('s', 'p') }} B {{ references() }}")
    macros = {"cite": lambda *a: f"<{'|'.join(a)}>", "references": lambda: 7}
    assert expand(segments, macros) == "A <s|p> B 7"


@pytest.mark.parametrize("text", ["{{" * 200_000, "{%" * 200_000, "{{ '" * 100_000, "{{ cite(" + "(" * 100_000,
                                  "# " + " " * 200_000 + "x", "{{ cite('a') }}" * 20_000])
def test_pathological_pages_parse_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    parse(text)
    assert time.perf_counter() - start < 5


ALPHABET = "{}%#'\"()[],.\\ \n=*|~_-abcxyz" + "é\u202e"
NAMES = st.sampled_from([*SPECS, "cycler", "range", "self", "lipsum", "x"])
PIECE = st.one_of(
    st.text(ALPHABET, max_size=30),
    st.builds(lambda n, a: f"{{{{ {n}({a}) }}}}", NAMES, st.text(ALPHABET, max_size=20)),
    st.builds(lambda n, a: f"{{{{ {n}({', '.join(repr(x) for x in a)}) }}}}", NAMES, st.lists(st.text(ALPHABET, max_size=8), max_size=4)),
)


@settings(max_examples=400, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECE, max_size=30).map("".join))
def test_fuzz_parse_never_fails_and_keeps_the_page(text: str) -> None:
    segments, problems = parse(text)
    assert _joined(segments) == text
    for call in (s for s in segments if isinstance(s, Written)):
        assert call.name in SPECS
        assert all(isinstance(a, str) for a in call.args)
        assert parse(call.text)[1] == []  # a kept call is valid alone
    if not problems:  # nothing outside the grammar is left in the text between calls
        for part in segments:
            if isinstance(part, str):
                assert "{{" not in part and "{%" not in part and "{#" not in part
