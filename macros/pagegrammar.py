"""The grammar of a page: Markdown text and calls of the registered macros with literal arguments.

A page is not a template. Between `{{` and `}}` stands exactly one call, `name('literal', ...)`,
of a macro in `SPECS`, with string literals of the right count; `{% %}`, `{# #}` and anything
else between `{{ }}` are errors. Pages are expanded by `expand` (no Jinja ever sees them), so
no expression of a page can run code. Scanning is one pass with `str.find`; each call is read by
Python's own parser, capped in length, so no input can backtrack or recurse.
"""

from __future__ import annotations

import ast
import functools
import warnings
from collections.abc import Callable
from typing import Any, NamedTuple

MAX_CALL = 4000  # characters between {{ and }}; the longest call in docs/ is under 300
MAX_PROBLEMS = 20  # per page: a page of ten thousand `{{` gives a short report, not ten thousand lines

PAGED = ("battle", "parties", "units", "places", "people", "phases", "sources")  # records with a page
ANY = (*PAGED, "events")


class Param(NamedTuple):
    name: str
    kinds: tuple[str, ...] = ()  # kinds of record the id may name; empty: free text
    required: bool = True
    api_path: bool = False  # a file under the site's api/ folder


# Every macro a page may call, and its parameters in order. A new macro is added here.
SPECS: dict[str, tuple[Param, ...]] = {
    "infobox": (Param("id", PAGED),),
    "timeline": (Param("id", PAGED, required=False),),  # no id: every event
    "mentions": (Param("id", PAGED),),
    "entity_link": (Param("id", ANY),),
    "fact": (Param("id", ANY), Param("label")),
    "cite": (Param("source", ("sources",)), Param("locator", required=False), Param("quote", required=False)),
    "control": (Param("id", PAGED, required=False),),  # no id: every site
    "json_link": (Param("id", ANY), Param("label", required=False)),
    "api_link": (Param("path", api_path=True), Param("label", required=False), Param("type", required=False)),
    "references": (), "disagreements": (), "control_summary": (), "sources": (), "recent_changes": (), "ledger_columns": (),
    "chronology": (Param("period", required=False),),  # a month or year page of a split chronology
    "map": (Param("id", PAGED, required=False), Param("radius_km", required=False)),  # no id: every pinned place
    "crosschecks": (Param("id", ("places",), required=False),),
}


class Written(NamedTuple):
    """One macro call as written: where it starts (1-based line and column), name, arguments."""

    line: int
    column: int
    name: str
    args: tuple[str, ...]
    text: str


class Problem(NamedTuple):
    line: int
    column: int
    snippet: str
    message: str


Segment = str | Written
OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
HELP = "a page may hold only macro calls such as {{ infobox('id') }} (see CONTRIBUTING, 'What a page may contain')"


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _close(text: str, start: int) -> int:
    """Index of the `}}` that ends the call opened before `start`, skipping quoted strings; -1 if none
    within MAX_CALL characters. Each character is scanned about once over a page."""
    i, end = start, min(len(text), start + MAX_CALL)
    while i < end:
        ch = text[i]
        if ch in "'\"":
            i += 1
            while i < end and text[i] != ch:
                i += 2 if text[i] == "\\" else 1
        elif ch == "}" and text.startswith("}}", i):
            return i
        elif ch == "{":  # a call holds no braces: this is the next opener, so the first is unclosed
            return -1
        i += 1
    return -1


@functools.lru_cache(maxsize=8192)
def parse_call(expr: str) -> tuple[str, tuple[str, ...]] | str:
    """`name('a', 'b')` -> (name, args); anything else -> what is wrong, in words.

    Read by Python's own parser (capped input, so bounded depth), then only one shape is taken:
    a plain name called with positional string literals."""
    expr = expr.strip()
    try:
        tree = ast.parse(expr, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return "not a macro call (a syntax error: unbalanced brackets or quotes?)"
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)):
        return "not a macro call: write name('argument', ...) and nothing else"
    if tree.keywords or any(isinstance(arg, ast.Starred) for arg in tree.args):
        return "arguments are written by position only, each a quoted string"
    args = []
    for arg in tree.args:
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            return f"argument {_short(ast.unparse(arg), 30)} is not a quoted string"
        args.append(arg.value)
    return tree.func.id, tuple(args)


def _check_args(name: str, args: tuple[str, ...]) -> str | None:
    if name not in SPECS:
        return f"unknown macro '{name}'; the macros are: {', '.join(sorted(SPECS))}"
    params = SPECS[name]
    least = sum(p.required for p in params)
    if not least <= len(args) <= len(params):
        want = f"{least}" if least == len(params) else f"{least} to {len(params)}"
        names = ", ".join(p.name if p.required else f"[{p.name}]" for p in params)
        return f"{name}() takes {want} argument{'s' if len(params) != 1 else ''} ({names or 'none'}), got {len(args)}"
    for param, value in zip(params, args, strict=False):
        if param.name == "radius_km" and not (value.isascii() and value.replace(".", "", 1).isdigit() and 0 < float(value) < 1e5):
            return f"radius_km '{value}' is not a number of kilometres above 0 (like '30')"
        if param.api_path and not _api_path(value):
            return f"'{value}' is not a published file name (like 'events.csv'); no '..', no leading '/'"
    return None


def _api_path(value: str) -> bool:
    parts = value.split("/")
    return 0 < len(value) <= 200 and all(p and p not in (".", "..") and all(c.isascii() and (c.isalnum() or c in "._-") for c in p) for p in parts)


class _Lines:
    """Line and column of increasing offsets in one text, in one pass overall."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.line, self.pos, self.line_start = text, first_line, 0, 0

    def at(self, index: int) -> tuple[int, int]:
        newlines = self.text.count("\n", self.pos, index)
        if newlines:
            self.line += newlines
            self.line_start = self.text.rfind("\n", self.pos, index) + 1
        self.pos = index
        return self.line, index - self.line_start + 1


def parse(text: str, first_line: int = 1) -> tuple[list[Segment], list[Problem]]:
    """Split a page into text and calls; every construct outside the grammar is a Problem."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown escape such as '\\q' in a literal is kept as typed
        return _parse(text, _Lines(text, first_line), [], [])


def _parse(text: str, lines: _Lines, segments: list[Segment], problems: list[Problem]) -> tuple[list[Segment], list[Problem]]:
    cursor = done = 0  # where to look for the next brace; end of the last call kept
    while (brace := text.find("{", cursor)) >= 0:
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Problem(*lines.at(brace), "", "more problems follow; fix these first"))
            break
        opener = text[brace : brace + 2]
        if opener not in OPENERS:
            cursor = brace + 1
            continue
        at = lines.at(brace)
        if opener != "{{":
            kind = "a statement ({% ... %})" if opener == "{%" else "a comment ({# ... #})"
            closing = text.find(OPENERS[opener], brace + 2, brace + 200)
            problems.append(Problem(*at, _short(text[brace : closing + 2 if closing > 0 else brace + 60]), f"{kind} is not allowed; {HELP}"))
            cursor = brace + 2
            continue
        end = _close(text, brace + 2)
        if end < 0:
            problems.append(Problem(*at, _short(text[brace : brace + 60]), f"'{{{{' without its '}}}}' within {MAX_CALL} characters; {HELP}"))
            cursor = brace + 2
            continue
        source = text[brace : end + 2]
        parsed = parse_call(text[brace + 2 : end])
        if isinstance(parsed, str):
            problems.append(Problem(*at, _short(source), f"{parsed}; {HELP}"))
        elif (error := _check_args(*parsed)) is not None:
            problems.append(Problem(*at, _short(source), error))
        else:
            segments += [text[done:brace], Written(*at, parsed[0], parsed[1], source)]
            done = end + 2
        cursor = end + 2
    segments.append(text[done:])
    return segments, problems


def expand(segments: list[Segment], macros: dict[str, Callable[..., Any]]) -> str:
    """The page with each call replaced by its macro's output (as Jinja printed it: `str()`)."""
    return "".join(part if isinstance(part, str) else str(macros[part.name](*part.args)) for part in segments)
