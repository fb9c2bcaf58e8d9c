"""The text of the api/ schemas, kept between builds on disk: pydantic takes about 0.3 s to make them.

They depend only on the engine's code and on pydantic, so the entry is named by a hash of every
engine module (`macros/**/*.py`, the models included) and of the pydantic, pydantic-core and Python
versions: after any change to the code or an upgrade, the old entry is never read again.

The folder is Jinja's per-user cache folder, which macros/compiled.py already uses: Jinja creates
it with mode 0700 and refuses to run if it is not a directory owned by this user with that mode,
so no other user can put a file in it. An entry is still read only if it is a regular file (not a
link) owned by this user, writable by no one else, and names this key inside; anything else, or a
damaged file, is ignored and the schemas are made afresh. It is never code: a JSON object of
file names to text, written into api/schemas/ as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pydantic
import pydantic_core

from ..compiled import COMPILED

_ENGINE = Path(__file__).resolve().parent.parent


def engine_key(engine: Path = _ENGINE) -> str:
    """A hash of the engine's code and of the libraries that shape a schema."""
    digest = hashlib.sha256(f"{pydantic.VERSION}\0{pydantic_core.__version__}\0{sys.version}\0".encode())
    for path in sorted(engine.rglob("*.py")):
        digest.update(path.relative_to(engine).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


_NAME = re.compile(r"[a-z][a-z0-9.-]{0,80}\.schema\.json")


def _folder() -> Path | None:
    disk = COMPILED.disk
    return Path(disk.directory) if disk is not None and hasattr(disk, "directory") else None


def entry(folder: Path, key: str) -> Path:
    return folder / f"__bw_schemas_{key}.json"


def load(folder: Path, key: str) -> dict[str, str] | None:
    """The cached texts, or None if the entry is missing, stale, damaged or not safe to trust."""
    try:
        fd = os.open(entry(folder, key), os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        try:
            stored = json.loads(handle.read().decode("utf-8"))
        except (OSError, ValueError):
            return None
    texts = stored.get("texts") if isinstance(stored, dict) and stored.get("key") == key else None
    if not isinstance(texts, dict) or not all(isinstance(k, str) and _NAME.fullmatch(k) and isinstance(v, str)
                                              for k, v in texts.items()):
        return None  # each name becomes a path under api/schemas/: only a plain schema file name, no folder
    return texts


def store(folder: Path, key: str, texts: dict[str, str]) -> None:
    """Write the entry whole or not at all (a temporary file, then a rename); a read-only folder is no error."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=".__bw_schemas_", dir=folder)  # mode 0600
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"key": key, "texts": texts}, handle, ensure_ascii=False)
        os.replace(temporary, entry(folder, key))
    except OSError:
        Path(temporary).unlink(missing_ok=True)


def cached(make: Callable[[], dict[str, str]], folder: Path | None = None, key: str | None = None) -> dict[str, str]:
    """`make()`'s texts, from the disk cache when it holds this engine's entry."""
    folder = folder if folder is not None else _folder()
    if folder is None:
        return make()
    key = key or engine_key()
    texts = load(folder, key)
    if texts is None:
        texts = make()
        store(folder, key, texts)
    return texts
