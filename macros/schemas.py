"""`python -m macros.schemas [OUT_DIR]`: write a JSON Schema per data file kind, from the models.

Editors with yaml-language-server read them through each file's first line,
`# yaml-language-server: $schema=../schemas/<kind>.schema.json`, and then complete fields
and flag mistakes as they type. A test keeps the committed schemas equal to the models.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .model import FILE_MODELS
from .model.base import ID_PATTERN


def _loosen(node: Any) -> Any:
    """Match what the loader accepts: a citation may be a bare source id, and since every
    scalar is read as a string, numbers and text are interchangeable where either is expected."""
    if isinstance(node, list):
        return [_loosen(item) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("$ref") == "#/$defs/Citation":
        return {"anyOf": [node, {"type": "string", "pattern": ID_PATTERN, "description": "a source id"}]}
    out = {key: _loosen(value) for key, value in node.items()}
    if out.get("type") == "string" and out.get("pattern") != ID_PATTERN:
        out["type"] = ["string", "number"]
    elif out.get("type") == "number":  # and a number, read as a string, is fine where a number is expected
        out.update(type=["number", "string"], pattern=r"^[-+]?\d+(\.\d+)?$")
    elif out.get("type") == "boolean":  # a yes or no, read as the string "true" or "false"
        del out["type"]
        out["anyOf"] = [{"type": "boolean"}, {"enum": ["true", "false"]}]
    return out


def schema_for(kind: str) -> dict[str, Any]:
    schema = _loosen(FILE_MODELS[kind].model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{kind}.yaml"
    return schema


def render_all() -> dict[str, str]:
    return {f"{kind}.schema.json": json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n" for kind in FILE_MODELS}


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("schemas")
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_all().items():
        (out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(FILE_MODELS)} schemas to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
