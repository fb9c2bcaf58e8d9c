"""What a save changed under `mkdocs serve`: every watched file's size and modification time, compared.

The live-reload server says only that something changed, not what; the preview needs to know
whether only pages' Markdown (edited in place) and data files changed, which it can re-render
in the running process, or anything else (a page added or removed, an asset, mkdocs.yml, the
engine's code), which needs a full build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

Snapshot = dict[str, tuple[int, int]]  # absolute path -> (size, mtime in ns)


def snapshot(roots: Iterable[Path]) -> Snapshot:
    """Every regular file under the roots (a root may be one file); links are recorded, not followed."""
    out: Snapshot = {}
    for root in roots:
        if root.is_file():
            status = root.stat()
            out[str(root)] = (status.st_size, status.st_mtime_ns)
            continue
        for folder, dirs, names in os.walk(root):
            dirs.sort()
            for name in names:
                path = os.path.join(folder, name)
                try:
                    status = os.lstat(path)
                except OSError:
                    continue  # removed while we looked: the next save sees it
                out[path] = (status.st_size, status.st_mtime_ns)
    return out


@dataclass(frozen=True)
class Changes:
    pages: frozenset[str]  # docs-relative paths of Markdown pages edited in place
    data: bool  # a file under the data folder was added, removed or edited
    other: tuple[str, ...]  # anything else: what only a full build handles

    @property
    def fast(self) -> bool:
        """The preview can re-render this change in the running process."""
        return not self.other and bool(self.pages or self.data)

    def __str__(self) -> str:
        parts = sorted(self.pages) + (["data"] if self.data else []) + list(self.other[:3])
        return ", ".join(parts) + (f" and {len(self.other) - 3} more" if len(self.other) > 3 else "")


def compare(old: Snapshot, new: Snapshot, docs_dir: Path, data_dir: Path) -> Changes:
    pages: set[str] = set()
    data = False
    other: list[str] = []
    for path in sorted(set(old) | set(new)):
        if old.get(path) == new.get(path):
            continue
        where = Path(path)
        if where.is_relative_to(data_dir):
            data = True
        elif where.is_relative_to(docs_dir) and where.suffix == ".md" and path in old and path in new:
            pages.add(where.relative_to(docs_dir).as_posix())
        else:
            other.append(path)
    return Changes(frozenset(pages), data, tuple(other))
