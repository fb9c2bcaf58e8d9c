"""Generic walks over validated models: every reference and every claim, with its location."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .model.base import Ref
from .model.claim import Claim

Loc = tuple[str | int, ...]


def _ref_in(annotation: Any, metadata: list[Any]) -> Ref | None:
    for meta in metadata:
        if isinstance(meta, Ref):
            return meta
    for arg in typing.get_args(annotation):
        for meta in getattr(arg, "__metadata__", ()):
            if isinstance(meta, Ref):
                return meta
        found = _ref_in(arg, [])
        if found:
            return found
    return None


_REF_CACHE: dict[tuple[type, str], Ref | None] = {}


def _field_ref(model: type[BaseModel], name: str) -> Ref | None:
    key = (model, name)
    if key not in _REF_CACHE:
        info = model.model_fields[name]
        _REF_CACHE[key] = _ref_in(info.annotation, list(info.metadata))
    return _REF_CACHE[key]


def references(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, Ref]]:
    """Every (location, target id, Ref) below obj."""
    if isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if value is None:
                continue
            ref = _field_ref(type(obj), name)
            if ref is not None and isinstance(value, str):
                yield (*loc, name), value, ref
            elif ref is not None and isinstance(value, list) and all(isinstance(v, str) for v in value):
                for index, target in enumerate(value):
                    yield (*loc, name, index), target, ref
            else:
                yield from references(value, (*loc, name))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from references(value, (*loc, index))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from references(value, (*loc, key))


def claim_fields(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, list[Claim]]]:
    """Every single-valued claim field below obj: a list of alternatives, where two values disagree.

    Lists of claims inside a `Side` (belligerents, commanders, units) hold several items that can
    all be true; they are not alternatives and are skipped here.
    """
    if isinstance(obj, BaseModel):
        multi = getattr(type(obj), "MULTI_VALUED", ())
        for name in type(obj).model_fields:
            if name in multi:
                continue
            yield from claim_fields(getattr(obj, name), (*loc, name))
    elif isinstance(obj, list):
        if obj and all(isinstance(v, Claim) for v in obj):
            yield loc, obj
            return
        for index, value in enumerate(obj):
            yield from claim_fields(value, (*loc, index))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from claim_fields(value, (*loc, key))
