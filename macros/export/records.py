"""JSON records: the index, one file per kind and one per entity, as plain dicts."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ..index import Index
from ..model import FILE_MODELS


def item_model(kind: str) -> type[BaseModel]:
    """The model of one item of a kind (the file model holds a list of them, or one battle)."""
    annotation = FILE_MODELS[kind].model_fields[kind].annotation
    args = getattr(annotation, "__args__", None)
    return args[0] if args else annotation  # type: ignore[return-value]


def dump(item: BaseModel) -> dict[str, Any]:
    """An item as JSON data: dates in their written form ("after 2025-08-10"), no empty optionals."""
    return item.model_dump(mode="json", exclude_none=True)


def stamp(version: str, generated: str) -> dict[str, str]:
    return {"schema_version": version, "generated": generated}


def entity_record(index: Index, ident: str, page: str | None, head: dict[str, str]) -> dict[str, Any]:
    kind = index.kind_of[ident]
    return {
        **head,
        "kind": kind,
        "id": ident,
        "page": page,
        "events": [event.id for event in index.events_for(ident) if event.id != ident],
        "item": dump(index.get(ident)),
    }


def kind_record(index: Index, kind: str, head: dict[str, str]) -> dict[str, Any]:
    items = index.events if kind == "events" else index.by_kind.get(kind, [])
    return {**head, "kind": kind, "count": len(items), "items": [dump(item) for item in items]}


def index_record(index: Index, kinds: list[str], files: dict[str, str], head: dict[str, str]) -> dict[str, Any]:
    """What is published and where, relative to the api/ folder."""
    listing = {}
    for kind in kinds:
        items = index.events if kind == "events" else index.by_kind.get(kind, [])
        listing[kind] = {
            "count": len(items),
            "file": f"{kind}.json",
            "items": [{"id": item.id, "file": f"{kind}/{item.id}.json", "name": _label(item)} for item in items],
        }
    return {**head, "title": index.battle.name, "battle": index.battle.id, "kinds": listing, "files": files}


def _label(item: Any) -> str:
    return getattr(item, "name", None) or getattr(item, "title", None) or item.id
