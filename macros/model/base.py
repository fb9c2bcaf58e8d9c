"""Shared field types and the strict base model."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .names import BIDI_CONTROLS, describe, invisible, mixed_script_word

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="A stable kebab-case id, e.g. 'light-infantry-battalion-47'"),
]



def _flag(value: Any) -> Any:
    """The loader reads every scalar as a string: only "true" and "false" count as a yes or no."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise ValueError("expected true or false")


Flag = Annotated[bool, BeforeValidator(_flag)]


@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to entities of these kinds (any kind when empty)."""

    kinds: tuple[str, ...] = ()


def ref_to(*kinds: str) -> Any:
    return Annotated[Id, Ref(kinds)]


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # Cc but for tab and line breaks
_MARKUP = re.compile(r"<[A-Za-z!/?]|\{[{%#]|\]\(")  # "a < b" is text: a tag has no space after "<"


def _plain_name(value: str) -> str:
    """Names are shown in many places (titles, links, search): plain text, in one normal form."""
    if value != value.strip() or not value:
        raise ValueError("must not be empty or start or end with spaces")
    if _MARKUP.search(value):
        raise ValueError(f"'{value}' contains markup (HTML, Jinja or a Markdown link); names are plain text, so remove it")
    if value.isascii() and value.isprintable():  # no such character hides, mixes scripts or changes under NFC
        return value
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValueError("contains a control character; names are one line of plain text")
    hidden = next((c for c in value if invisible(c)), None)
    if hidden is not None:
        raise ValueError(f"contains the invisible character {describe(hidden)}; delete it (names hold visible letters and plain spaces only)")
    mixed = mixed_script_word(value)
    if mixed is not None:
        word, scripts = mixed
        raise ValueError(f"the word '{word}' mixes {' and '.join(sorted(scripts))} letters, which can look alike; write it in one script")
    return unicodedata.normalize("NFC", value)


def _http_url(value: str) -> str:
    """An absolute http(s) address with a dotted host, checked by parsing (no regex to backtrack)."""
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:
        host, parts = "", None
    if parts is None or not value.startswith(("http://", "https://")) or "." not in host.strip(".") or any(c.isspace() for c in value):
        raise ValueError(f"'{value}' is not an http(s) address; only http:// and https:// URLs are allowed")
    return value


def _nonempty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    if value.isascii() and not _ASCII_CONTROL.search(value):  # nor a bidi control, which is not ASCII
        return value
    control = next((c for c in value if unicodedata.category(c) == "Cc" and c not in "\n\t\r"), None)
    if control is not None:
        raise ValueError(f"contains the control character {describe(control)}; delete it (text holds letters, spaces and line breaks)")
    bidi = next((c for c in value if c in BIDI_CONTROLS), None)
    if bidi is not None:
        raise ValueError(f"contains the bidi control {describe(bidi)}, which reorders the text around it; delete it")
    return value


# Length caps come first (checked in pydantic-core, linear), so no later rule sees a huge value.
MAX_NAME, MAX_TEXT, MAX_URL, MAX_LABEL = 200, 5000, 2000, 200
MAX_ALIASES = 20  # a name leads to one page: more aliases than this is a list of something else
Name = Annotated[str, StringConstraints(max_length=MAX_NAME), AfterValidator(_plain_name)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_nonempty)]
Url = Annotated[str, StringConstraints(max_length=MAX_URL), AfterValidator(_http_url)]
# Short free text: a locator ("p. 4", "para. 12"), a file name, a unit number, a facts label.
Label = Annotated[str, StringConstraints(max_length=MAX_LABEL), AfterValidator(_nonempty)]


class Model(BaseModel):
    """Frozen and strict about fields: an unknown key is an error, never ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


def as_mapping(value: Any, key: str) -> Any:
    """Short form: a bare string stands for {key: string}."""
    return {key: value} if isinstance(value, str) else value
