"""Compiled templates kept for the life of the process, and between builds on disk.

Each build makes new Jinja environments (one per renderer, bound to that build's index), and
Jinja's own cache lives in its environment, so under `mkdocs serve` every rebuild compiled every
template again (about a second of the preview's time), and every `mkdocs build` compiled them all
(a twentieth of the real site's build). Entries are kept in memory and in Jinja's own per-user
temporary folder (Jinja checks its owner and mode). Jinja checks each entry against the
template's source (`Bucket.checksum`), so an edited template is compiled afresh; the options in
render.py change what a template compiles to, so that file's hash names the files on disk too.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket

_OPTIONS = hashlib.sha1(Path(__file__).with_name("render.py").read_bytes()).hexdigest()[:12]


class MemoryCache(BytecodeCache):
    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self.compiled: dict[str, bytes] = {}
        self.disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)  # leaves the bucket empty if the entry is stale or missing

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


COMPILED = MemoryCache(FileSystemBytecodeCache(pattern=f"__bw_{_OPTIONS}_%s.cache"))
