"""Generic walks over validated models: every reference and every claim, with its location."""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .model.base import Ref
from .model.claim import Claim

Loc = tuple[str | int, ...]

# Values of these types hold no model, list or dict, so the walks need not visit them.
_LEAVES = (str, int, float, bool, type(None), date, datetime, Enum)


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


def _leaf(annotation: Any) -> bool:
    """Whether every value the annotation admits is a scalar (Optional, Union, Literal, Annotated included)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if origin is typing.Annotated:
        return _leaf(typing.get_args(annotation)[0])
    if origin is typing.Union or origin is types.UnionType:
        return all(_leaf(arg) for arg in typing.get_args(annotation))
    return origin is None and isinstance(annotation, type) and issubclass(annotation, _LEAVES)


_PLANS: dict[type, tuple[tuple[str, Ref | None], ...]] = {}


def walked_fields(model: type[BaseModel]) -> tuple[tuple[str, Ref | None], ...]:
    """The fields of a model class that a walk must visit, each with its Ref if it has one; worked
    out once per class, because walking every item re-read the same annotations thousands of times."""
    plan = _PLANS.get(model)
    if plan is None:
        plan = _PLANS[model] = tuple(
            (name, ref) for name, info in model.model_fields.items()
            if (ref := _ref_in(info.annotation, list(info.metadata))) is not None or not _leaf(info.annotation))
    return plan


def _holds(annotation: Any, target: type, seen: set[type]) -> bool:
    """Whether a value of this annotation can contain a target instance; unknown types can."""
    if typing.get_origin(annotation) is typing.Literal:
        return False
    if typing.get_origin(annotation) is not None:  # list[...], dict[...], unions, Annotated
        args = typing.get_args(annotation)
        return any(_holds(arg, target, seen) for arg in (args[:1] if typing.get_origin(annotation) is typing.Annotated else args))
    if not isinstance(annotation, type):  # Any, a type variable
        return True
    if issubclass(annotation, _LEAVES):
        return False
    if issubclass(annotation, target) or issubclass(target, annotation):
        return True
    if issubclass(annotation, BaseModel):
        if annotation in seen:  # already explored (or being explored) by this query
            return False
        seen.add(annotation)
        return any(_holds(info.annotation, target, seen) for info in annotation.model_fields.values())
    return True


_HOLDING: dict[tuple[type, type], tuple[str, ...]] = {}


def fields_holding(model: type[BaseModel], target: type) -> tuple[str, ...]:
    """The fields of a model class whose values can contain a target instance (a Claim, a
    Citation): a walk for those need not descend into the rest, such as every citation list."""
    key = (model, target)
    found = _HOLDING.get(key)
    if found is None:
        found = _HOLDING[key] = tuple(name for name, info in model.model_fields.items() if _holds(info.annotation, target, set()))
    return found


def references(obj: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str, Ref]]:
    """Every (location, target id, Ref) below obj."""
    if isinstance(obj, BaseModel):
        for name, ref in walked_fields(type(obj)):
            value = getattr(obj, name)
            if value is None:
                continue
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
        for name in fields_holding(type(obj), Claim):
            if name in multi:
                continue
            value = getattr(obj, name)
            if value is not None:
                yield from claim_fields(value, (*loc, name))
    elif isinstance(obj, list):
        if obj and all(isinstance(v, Claim) for v in obj):
            yield loc, obj
            return
        for index, value in enumerate(obj):
            yield from claim_fields(value, (*loc, index))
    elif isinstance(obj, dict):
        for key, value in obj.items():
            yield from claim_fields(value, (*loc, key))
