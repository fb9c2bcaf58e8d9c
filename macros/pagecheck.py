"""Check every page before anything is built: its front matter, its grammar, and the ids it names.

`make check` and the build call the same `check_pages`, so one cannot pass where the other fails.
The build then expands each page from the same parse (`pagegrammar.expand`).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, NamedTuple

from . import files, frontmatter, ownvoice
from .attribution import attributed, check_page, prepare
from .errors import DataError
from .index import Index
from .links import page_url
from .pagegrammar import SPECS, Written, parse
from .textfile import decode_utf8
from .validate import suggest

_KIND_WORDS = {"battle": "battle", "parties": "party", "units": "unit", "places": "place", "people": "person",
               "phases": "phase", "sources": "source", "events": "event"}


class Call(NamedTuple):
    """One macro call that names an id, on the page at `url`."""

    url: str
    name: str
    ident: str
    label: str | None


def as_mkdocs_reads(text: str) -> str:
    """The page as MkDocs opens it: `utf-8-sig` drops a BOM, universal newlines make every line end `\\n`."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_page(page: Path, root: Path) -> tuple[str, int, list[DataError]]:
    """(body MkDocs renders, its first line number, errors) for one page file."""
    shown = files.shown(page, root)
    raw, error = files.read(page, root)
    if error is not None:
        return "", 1, [error]
    text, error = decode_utf8(raw, shown, "page")
    if error is not None:
        return "", 1, [error]
    return frontmatter.split(as_mkdocs_reads(text), shown)


def page_errors(body: str, first: int, shown: str) -> tuple[list[Written], list[DataError]]:
    """The page's calls, and a `file:line:col` error for each construct outside the grammar."""
    segments, problems = parse(body, first)
    errors = [DataError(shown, p.line, p.column, p.snippet, p.message) for p in problems]
    return [s for s in segments if isinstance(s, Written)], errors


def _kind_error(call: Written, value: str, kinds: tuple[str, ...], index: Index) -> str | None:
    if value in index.entities and index.kind_of[value] in kinds:
        return None
    wanted = ", ".join(_KIND_WORDS.get(k, k) for k in kinds)
    if value in index.entities:
        found = _KIND_WORDS.get(index.kind_of[value], index.kind_of[value])
        return f"{call.name}() needs the id of a {wanted}; '{value}' is {'an' if found == 'event' else 'a'} {found}"
    words = "source" if kinds == ("sources",) else "id"
    choices = [i for k in kinds for i in (x.id for x in index.by_kind.get(k, []))]
    return f"unknown {words} '{value}'{suggest(value, choices)}; fix the id in the page or add it to data/"


def call_errors(call: Written, index: Index, shown: str) -> list[DataError]:
    """Ids of the wrong kind or unknown; a fact label the record does not have."""
    column = call.column + call.text.index(call.name) if "\n" not in call.text[: call.text.index(call.name)] else call.column
    where = (shown, call.line, column, f"{call.name}('{call.args[0]}')" if call.args else f"{call.name}()")
    for param, value in zip(SPECS[call.name], call.args, strict=False):
        if param.kinds and (message := _kind_error(call, value, param.kinds, index)) is not None:
            return [DataError(*where, message)]
    if call.name == "fact":
        ident, label = call.args
        facts = getattr(index.get(ident), "facts", None) or {}
        if label not in facts:
            return [DataError(*where, f"'{ident}' has no fact '{label}'{suggest(label, facts)}; known: {', '.join(facts) or 'none'}")]
    return []


# The attribution and own-voice checks of each page under the last index, by page (`mkdocs serve` checks every page
# again on each save; with the data unchanged, only an edited page's text is checked anew).
_LAST: dict[str, Any] = {"index": None, "claims": None, "pages": {}}


def _attribution(body: str, shown: str, index: Index, first: int) -> list[DataError]:
    if _LAST["index"] is not index:
        _LAST.update(index=index, claims=prepare(index, attributed(index)), pages={})  # tables made once per index
    seen = _LAST["pages"].get(shown)
    if seen is None or seen[0] != (first, body):
        found = check_page(body, shown, index, _LAST["claims"], first) + ownvoice.check_page(body, shown, index, first)
        seen = _LAST["pages"][shown] = ((first, body), found)
    return list(seen[1])


def page_files(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.md"))


Pages = dict[Path, tuple[str, int, list[DataError]]]  # page -> read_page's (body, first line, errors)


def read_pages(docs_dir: Path, root: Path) -> Pages:
    """Every page, read once (with the size cap) for all the checks of one build or `make check`."""
    return {page: read_page(page, root) for page in page_files(docs_dir)}


def check_pages(docs_dir: Path, root: Path, index: Index, pages: Pages | None = None,
                prose: bool = True) -> tuple[dict[str, list[Call]], list[DataError]]:
    """Every error in every page; and, per id, the valid calls that name it (`json_link` is not a mention).

    `prose=False` leaves out the attribution and own-voice checks of the text, for a caller that
    wants only the calls (the history walk: they are most of its time, and it drops the errors)."""
    errors: list[DataError] = []
    mentions: dict[str, list[Call]] = defaultdict(list)
    for page, (body, first, read_errors) in (read_pages(docs_dir, root) if pages is None else pages).items():
        shown = files.shown(page, root)
        url = page_url(page.relative_to(docs_dir))
        calls, grammar_errors = page_errors(body, first, shown)
        errors += read_errors + grammar_errors
        if prose and not read_errors:
            errors += _attribution(body, shown, index, first)
        for call in calls:
            found = call_errors(call, index, shown)
            errors += found
            params = SPECS[call.name]
            if not found and call.args and params[0].kinds and call.name != "json_link":
                label = call.args[1] if call.name == "fact" else None
                mentions[call.args[0]].append(Call(url, call.name, call.args[0], label))
    return mentions, errors
