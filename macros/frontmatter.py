"""A page's front matter, read exactly as MkDocs reads it, and held to a small allowlist.

MkDocs takes a YAML block between `---` lines, or MultiMarkdown `Key: value` lines, at the top of
a page as its metadata. Themes print `title` in the navigation and `<title>`, and `description`
in a `<meta>` tag, not always escaped; mkdocs-macros would render both as templates. So only
these two keys are allowed, as one line of plain text without markup, braces or control characters.
"""

from __future__ import annotations

import unicodedata

import yaml
from mkdocs.utils import meta

from .errors import DataError

ALLOWED = {"title": 120, "description": 300}  # key -> longest value, in characters
_MARKUP = set('<>"{}`\\')


def _bad_character(value: str) -> str | None:
    for ch in value:
        if ch in _MARKUP:
            return f"the character {ch!r} (markup and braces are not allowed here)"
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            return f"the invisible or control character U+{ord(ch):04X}"
    return None


def _line_of(text: str, key: str, end: int) -> int:
    """The line where `key:` is written in the first `end` lines, else 1."""
    for number, line in enumerate(text.splitlines()[:end], start=1):
        if line.lstrip().lower().startswith(f"{key.lower()}:"):
            return number
    return 1


def split(text: str, display: str) -> tuple[str, int, list[DataError]]:
    """(the page body MkDocs renders, the line it starts on, errors in the front matter).

    `text` is the page as MkDocs opens it: BOM dropped, line ends made `\\n`."""
    errors: list[DataError] = []
    block = meta.YAML_RE.match(text)
    if block:
        try:
            parsed = yaml.load(block.group(1), yaml.SafeLoader)  # the loader MkDocs uses
        except (yaml.YAMLError, RecursionError) as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            return text, 1, [DataError(display, line, 1, "front matter", f"not valid YAML ({type(exc).__name__}); fix it or remove the block")]
        if not isinstance(parsed, dict) and parsed is not None:
            return text, 1, [DataError(display, 2, 1, "front matter", "must be 'key: value' lines (title, description)")]
    body, data = meta.get_data(text)
    first = text[: len(text) - len(body)].count("\n") + 1 if text.endswith(body) else 1
    header_lines = first - 1
    for key, value in data.items():
        line = _line_of(text, str(key), header_lines)
        where = f"front matter {key}"
        if key not in ALLOWED:
            errors.append(DataError(display, line, 1, where, f"'{key}' is not allowed; a page's front matter may set only {' and '.join(ALLOWED)}"))
        elif not isinstance(value, str):
            errors.append(DataError(display, line, 1, where, f"must be one line of text, not {type(value).__name__}"))
        elif len(value) > ALLOWED[key]:
            errors.append(DataError(display, line, 1, where, f"{len(value)} characters, over the limit of {ALLOWED[key]}"))
        elif (bad := _bad_character(value)) is not None:
            errors.append(DataError(display, line, 1, where, f"contains {bad}; write plain text"))
    return body, first, errors
