"""Compiled templates kept for the life of the process.

Each build makes new Jinja environments (one per renderer, bound to that build's index), and
Jinja's own cache lives in its environment, so under `mkdocs serve` every rebuild compiled every
template again (about a second of the preview's time). Jinja checks each cached entry against
the template's source (`Bucket.checksum`), so an edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = MemoryCache()
