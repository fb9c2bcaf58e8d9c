"""JSON Schemas of the published files, built from the same models as the data's schemas."""

from __future__ import annotations

import copy
import functools
from typing import Any

from ..model import KINDS
from ..model.base import ID_PATTERN
from ..schemas import schema_for
from .csl import CSL_TYPES
from .records import item_model
from .stamp import SCHEMA_VERSION

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ISO_DATETIME = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$"
ID = {"type": "string", "pattern": ID_PATTERN}
TEXT = {"type": "string"}


def _object(properties: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required or list(properties),
            "additionalProperties": False, **extra}


def _head() -> dict[str, Any]:
    return {"schema_version": {"const": SCHEMA_VERSION}, "generated": {"type": "string", "pattern": ISO_DATETIME}}


@functools.cache
def _item_schema(kind: str) -> dict[str, Any]:
    return item_model(kind).model_json_schema(mode="serialization")


def _with_item(kind: str, title: str, body: dict[str, Any]) -> dict[str, Any]:
    item = copy.deepcopy(_item_schema(kind))
    defs = item.pop("$defs", {})
    defs["Item"] = item
    return {"$schema": DRAFT, "title": title, **body, "$defs": defs}


def entity_schema(kind: str) -> dict[str, Any]:
    body = _object({
        **_head(), "kind": {"const": kind}, "id": ID,
        "page": {"type": ["string", "null"], "description": "the entity's page, relative to the site root"},
        "events": {"type": "array", "items": ID, "description": "ids of the events that involve or cite it"},
        "item": {"$ref": "#/$defs/Item"},
    })
    return _with_item(kind, f"api/{kind}/<id>.json", body)


def kind_schema(kind: str) -> dict[str, Any]:
    body = _object({
        **_head(), "kind": {"const": kind}, "count": {"type": "integer", "minimum": 0},
        "items": {"type": "array", "items": {"$ref": "#/$defs/Item"}},
    })
    return _with_item(kind, f"api/{kind}.json", body)


def index_schema() -> dict[str, Any]:
    listing = _object({"id": ID, "file": TEXT, "name": TEXT})
    per_kind = _object({"count": {"type": "integer", "minimum": 0}, "file": TEXT, "items": {"type": "array", "items": listing}})
    kinds = {"type": "object", "properties": {k: per_kind for k in KINDS}, "additionalProperties": False}
    files = {"type": "object", "additionalProperties": {"anyOf": [TEXT, {"type": "array", "items": TEXT}]}}
    return {"$schema": DRAFT, "title": "api/index.json",
            **_object({**_head(), "title": TEXT, "battle": ID, "kinds": kinds, "files": files})}


def csl_schema() -> dict[str, Any]:
    """The subset of CSL-JSON that this site writes (a CSL-JSON reader accepts all of it)."""
    parts = {"type": "array", "minItems": 1, "maxItems": 3, "items": {"type": "integer"}}
    date = {"anyOf": [
        _object({"date-parts": {"type": "array", "minItems": 1, "maxItems": 1, "items": parts},
                 "circa": {"type": "boolean"}}, ["date-parts"]),
        _object({"literal": TEXT}),
    ]}
    types = sorted({kind for kind, _genre in CSL_TYPES.values()})
    item = _object(
        {"id": ID, "type": {"enum": types}, "title": TEXT, "genre": TEXT, "container-title": TEXT,
         "issued": date, "URL": {"type": "string", "pattern": "^https?://"}, "note": TEXT},
        ["id", "type", "title"],
    )
    return {"$schema": DRAFT, "title": "api/sources.csl.json", "type": "array", "items": item}


def geojson_schema() -> dict[str, Any]:
    point = _object({"type": {"const": "Point"},
                     "coordinates": {"type": "array", "prefixItems": [
                         {"type": "number", "minimum": -180, "maximum": 180},
                         {"type": "number", "minimum": -90, "maximum": 90}], "items": False, "minItems": 2}})
    precisions = ["degree", "minute", "second", *(f"0.{'0' * n}1 degree" for n in range(5))]
    properties = _object({"id": ID, "name": TEXT, "kind": TEXT, "within": {"type": ["string", "null"]},
                          "lat_as_written": TEXT, "lon_as_written": TEXT, "precision": {"enum": precisions},
                          "uncertainty_degrees": {"type": "number", "exclusiveMinimum": 0},
                          "point_kind": {"enum": ["town", "site", "approximate"]},
                          "coordinate_sources": {"type": "array", "minItems": 1, "items": ID},
                          "page": {"type": ["string", "null"]}})
    feature = _object({"type": {"const": "Feature"}, "id": ID, "geometry": point, "properties": properties})
    return {"$schema": DRAFT, "title": "api/places.geojson",
            **_object({"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": feature}})}


@functools.cache
def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for api/schemas/: the data files' and the published files'.

    They depend on the models only, so they are made once per process (`mkdocs serve` rebuilds).
    Callers must not change the result."""
    out = {f"{kind}.schema.json": schema_for(kind) for kind in KINDS}
    out["api-index.schema.json"] = index_schema()
    for kind in KINDS:
        out[f"api-{kind}.schema.json"] = kind_schema(kind)
        out[f"api-{kind}-entity.schema.json"] = entity_schema(kind)
    out["api-sources.csl.schema.json"] = csl_schema()
    out["api-places.geojson.schema.json"] = geojson_schema()
    return out
