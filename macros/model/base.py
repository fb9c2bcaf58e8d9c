"""Shared field types and the strict base model."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="A stable kebab-case id, e.g. 'light-infantry-battalion-47'"),
]



@dataclass(frozen=True)
class Ref:
    """Marks an id field as a reference to entities of these kinds (any kind when empty)."""

    kinds: tuple[str, ...] = ()


def ref_to(*kinds: str) -> Any:
    return Annotated[Id, Ref(kinds)]


_MARKUP = re.compile(r"<[A-Za-z!/?]|\{[{%#]|\]\(")  # "a < b" is text: a tag has no space after "<"


def _plain_name(value: str) -> str:
    """Names are shown in many places (titles, links, search): plain text only."""
    if value != value.strip() or not value:
        raise ValueError("must not be empty or start or end with spaces")
    if _MARKUP.search(value):
        raise ValueError(f"'{value}' contains markup (HTML, Jinja or a Markdown link); names are plain text, so remove it")
    if any(unicodedata.category(c) == "Cc" for c in value):
        raise ValueError("contains a control character; names are one line of plain text")
    return value


def _http_url(value: str) -> str:
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", value):
        raise ValueError(f"'{value}' is not an http(s) address; only http:// and https:// URLs are allowed")
    return value


def _nonempty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


Name = Annotated[str, StringConstraints(max_length=200), AfterValidator(_plain_name)]
Text = Annotated[str, StringConstraints(max_length=5000), AfterValidator(_nonempty)]
Url = Annotated[str, AfterValidator(_http_url)]


class Model(BaseModel):
    """Frozen and strict about fields: an unknown key is an error, never ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)


def as_mapping(value: Any, key: str) -> Any:
    """Short form: a bare string stands for {key: string}."""
    return {key: value} if isinstance(value, str) else value
