"""The one gate to `docs/` and `data/`: regular files inside the project, of bounded size.

A pull request that changes only pages or data could otherwise make the build read outside the
repository (a symlink to `/proc/self/environ` or `../.git/config`), block on a FIFO, read
`/dev/zero` without end, or make MkDocs' folder walk loop. `scan` walks a folder without
following any link and refuses everything that is not a plain file or folder, before MkDocs
collects the files; `read` opens a file without following links and reads at most a cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import DataError

MAX_PAGE_BYTES = 1024 * 1024  # the longest page is ~25 KB
MAX_ENTRIES = 20_000  # files and folders in one tree
MAX_DEPTH = 16


def shown(path: Path, root: Path) -> str:
    """A path as the contributor knows it: relative to the project when it is inside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(folder: Path, root: Path, what: str) -> DataError | None:
    """A configured folder must be a real folder within the project (not a link leading out)."""
    real, top = Path(os.path.realpath(folder)), Path(os.path.realpath(root))
    if not real.is_relative_to(top):
        return DataError(shown(folder, root), 0, 0, "", f"the {what} folder resolves to {real}, outside the project; it must be a folder inside {top}")
    if folder.is_symlink():
        return DataError(shown(folder, root), 0, 0, "", f"the {what} folder is a symbolic link; make it a real folder")
    return None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def scan(folder: Path, root: Path) -> list[DataError]:
    """Every entry below `folder` that is not a regular file or folder, without following links."""
    errors: list[DataError] = []
    todo, count = [(folder, 0)], 0
    while todo:
        current, depth = todo.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            errors.append(DataError(shown(current, root), 0, 0, "", f"cannot list the folder: {exc.strerror}"))
            continue
        for entry in entries:
            count += 1
            path = Path(entry.path)
            if count > MAX_ENTRIES:
                errors.append(DataError(shown(folder, root), 0, 0, "", f"more than {MAX_ENTRIES:,} files and folders; nothing was read"))
                return errors
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISDIR(mode):
                if entry.name.endswith(".md"):
                    errors.append(DataError(shown(path, root), 0, 0, "", "a folder named like a page; rename it (no .md at the end)"))
                elif depth + 1 >= MAX_DEPTH:
                    errors.append(DataError(shown(path, root), 0, 0, "", f"folders nested more than {MAX_DEPTH} deep"))
                else:
                    todo.append((path, depth + 1))
            elif not stat.S_ISREG(mode):
                errors.append(DataError(shown(path, root), 0, 0, "", f"{_kind(mode)}; only regular files and folders belong here: use a copy, or remove it"))
    return sorted(errors)


def read(path: Path, root: Path, limit: int = MAX_PAGE_BYTES) -> tuple[bytes, DataError | None]:
    """The bytes of a regular file, opened without following links, or why not (size over `limit`)."""
    where = shown(path, root)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return b"", DataError(where, 0, 0, "", f"cannot read the file: {exc.strerror}")
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            return b"", DataError(where, 0, 0, "", f"{_kind(mode)}; only regular files may be read")
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        return b"", DataError(where, 1, 1, "", f"file is over the {limit:,}-byte limit; split it")
    return raw, None
