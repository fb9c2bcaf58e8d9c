"""mkdocs.yml as plain data, for `python -m macros.check` (which runs without MkDocs)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader that reads MkDocs' tags (`!ENV`, `!!python/name:`) as None instead of failing."""


_Loader.add_multi_constructor("", lambda _loader, _tag, _node: None)


def read(config: Path) -> dict[str, Any]:
    """The mapping in `config`; {} when the file is missing or holds no mapping."""
    if not config.is_file():
        return {}
    conf = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loader)
    return conf if isinstance(conf, dict) else {}
