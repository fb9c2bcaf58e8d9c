"""Check the macro calls in the Markdown pages before anything is built.

A macro called with an unknown id would otherwise fail half-way through a build, after the
old site was cleaned. Calls are found by pattern, so ids must be written as string literals.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

from .attribution import attributed, check_page
from .errors import DataError
from .index import Index
from .links import page_url
from .textfile import decode_utf8
from .validate import suggest

# Macros whose first argument is an entity id (and, for `fact`, whose second is a label).
ID_MACROS = ("infobox", "timeline", "cite", "fact", "entity_link", "mentions", "control", "json_link")
_CALL = re.compile(r"\b(" + "|".join(ID_MACROS) + r")\(\s*(['\"])(.*?)\2(?:\s*,\s*(['\"])(.*?)\4)?")


class Call(NamedTuple):
    """One macro call with an id, on the page at `url`."""

    url: str
    name: str
    ident: str
    label: str | None


def check_pages(docs_dir: Path, root: Path, index: Index) -> tuple[dict[str, list[Call]], list[DataError]]:
    """Errors for every unknown id in a macro call; and, per id, the valid calls that name it."""
    errors = []
    calls: dict[str, list[Call]] = defaultdict(list)
    claims = attributed(index)  # one-party claims, for the attribution check of each page
    for page in sorted(docs_dir.rglob("*.md")):
        shown = str(page.relative_to(root)) if page.is_relative_to(root) else str(page)
        url = page_url(page.relative_to(docs_dir))
        text, error = decode_utf8(page.read_bytes(), shown, "page")
        if error is not None:
            errors.append(error)
            continue
        errors += check_page(text, shown, index, claims)
        for number, line in enumerate(text.splitlines(), start=1):
            if "{{" not in line:
                continue
            for match in _CALL.finditer(line):
                name, ident, label = match.group(1), match.group(3), match.group(5)
                where = (shown, number, match.start() + 1, f"{name}('{ident}')")
                if ident not in index.entities:
                    words = "source" if name == "cite" else "id"
                    choices = index.by_kind.get("sources", []) if name == "cite" else index.entities.values()
                    hint = suggest(ident, [c.id for c in choices])
                    errors.append(DataError(*where, f"unknown {words} '{ident}'{hint}; fix the id in the page or add it to data/"))
                    continue
                if name == "fact" and label is not None:
                    facts = getattr(index.get(ident), "facts", {})
                    if label not in facts:
                        errors.append(DataError(*where, f"'{ident}' has no fact '{label}'{suggest(label, facts)}; known: {', '.join(facts) or 'none'}"))
                        continue
                if name != "json_link":  # a link to the record's JSON is not a mention of it
                    calls[ident].append(Call(url, name, ident, label))
    return calls, errors

