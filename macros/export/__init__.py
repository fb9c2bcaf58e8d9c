"""Open data: the validated dataset published as files under the built site's `api/` folder.

Plain Python with no MkDocs in it: `publish(index, sitemap, out_dir, generated)` writes

- `index.json`, one `<kind>.json` per kind and one `<kind>/<id>.json` per entity;
- `events.csv` (one row per event), `sources.csl.json` (CSL-JSON), `places.geojson`;
- `schemas/`: JSON Schemas of the data files and of every published file.

Output is deterministic: sorted keys, no clock (the date is the last commit's, see stamp.py).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..index import Index
from ..links import SiteMap
from ..model import KINDS
from .apischema import all_schemas
from .csl import sources_csl
from .geo import places_geojson
from .ledger import events_csv
from .records import entity_record, index_record, kind_record, stamp
from .schemacache import cached
from .stamp import SCHEMA_VERSION, generation_date

__all__ = ["SCHEMA_VERSION", "api_files", "api_texts", "generation_date", "publish"]

API_DIR = "api"


def to_json(value: Any) -> str:
    """Indented: the JSON Schemas, which are also committed under schemas/ for people to read."""
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_data(value: Any) -> str:
    """Without indentation: the data files, for programs; indenting them made up a third of api/."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


@functools.cache
def schema_texts() -> dict[str, str]:
    """File name under api/schemas/ -> its text; once per process, and between builds on disk (schemacache.py)."""
    return cached(lambda: {name: to_json(schema) for name, schema in all_schemas().items()})


def api_texts(index: Index, sitemap: SiteMap, generated: str) -> Iterator[tuple[str, str]]:
    """(path under api/, file text) for every published file, one at a time: a one-shot build writes
    each and lets it go, rather than holding all of api/ at once at its peak memory."""
    head = stamp(SCHEMA_VERSION, generated)
    kinds = [kind for kind in KINDS if kind in index.by_kind or kind == "events"]
    pages = {ident: sitemap.url(ident, kind) for ident, kind in index.kind_of.items()}
    for kind in kinds:
        yield f"{kind}.json", to_data(kind_record(index, kind, head))
        for item in index.by_kind.get(kind, []):
            yield f"{kind}/{item.id}.json", to_data(entity_record(index, item.id, pages[item.id], head))
    yield "events.csv", events_csv(index)
    yield "sources.csl.json", to_data(sources_csl(index))
    yield "places.geojson", to_data(places_geojson(index, pages))
    schemas = schema_texts()
    for name, text in schemas.items():
        yield f"schemas/{name}", text
    files = {
        "events_csv": "events.csv",
        "sources_csl": "sources.csl.json",
        "places_geojson": "places.geojson",
        "schemas": [f"schemas/{name}" for name in sorted(schemas)],
    }
    yield "index.json", to_data(index_record(index, kinds, files, head))


def api_files(index: Index, sitemap: SiteMap, generated: str) -> dict[str, str]:
    """Path under api/ -> file text, for every published file."""
    return dict(api_texts(index, sitemap, generated))


# The last export: `mkdocs serve` rebuilds after a page edit with the same index (engine.collect),
# and then the same files are written again without being made again.
_last: list[tuple[Index, SiteMap, str, dict[str, str]]] = []


def publish(index: Index, sitemap: SiteMap, out_dir: Path, generated: str, remember: bool = True) -> int:
    """Write every file under out_dir (the site's api/ folder); return how many were written.
    `remember`: keep the texts for a rebuild with the same index (else each is written and let go)."""
    files: Iterable[tuple[str, str]]
    if _last and _last[0][0] is index and _last[0][1] == sitemap and _last[0][2] == generated:
        files = _last[0][3].items()
    elif remember:
        made = api_files(index, sitemap, generated)
        _last[:] = [(index, sitemap, generated, made)]
        files = made.items()
    else:
        _last.clear()
        files = api_texts(index, sitemap, generated)
    count = 0
    for relative, text in files:
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        count += 1
    return count
