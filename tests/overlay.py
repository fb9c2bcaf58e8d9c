"""Assemble a test case as the shared valid fixture plus only what the case changes.

A case folder under fixtures/invalid/ holds:
- `expected.txt`: the exact errors, written by hand;
- `<path>.diff`: edits to one base file, as the hunks of `diff -u` (a file may start with `@@`).
  Each hunk is found by its content (its ' ' and '-' lines, which must occur exactly once in the
  base file) and replaced by its ' ' and '+' lines; the line numbers in `@@` headers are ignored,
  so a change elsewhere in the base file does not break the hunk;
- any other file under `data/` or `docs/`: written as it is (a new file, or a whole replacement);
- `remove.txt`: base files the case deletes, one path a line (e.g. `data/battle.yaml`).

So a change to the data model edits tests/fixtures/valid once; only a case whose hunk touches the
changed lines needs a new hunk.
"""

from __future__ import annotations

import shutil
from pathlib import Path

BASE = Path(__file__).resolve().parent / "fixtures" / "valid"


class OverlayError(Exception):
    """A case's overlay that does not apply to the base: a test setup error, said plainly."""


def _hunks(diff: bytes) -> list[tuple[list[bytes], list[bytes]]]:
    hunks: list[tuple[list[bytes], list[bytes]]] = []
    for line in diff.split(b"\n"):
        if line.startswith((b"--- ", b"+++ ")) and not hunks:
            continue  # the file header of `diff -u` output
        if line.startswith(b"@@"):
            hunks.append(([], []))
            continue
        if not hunks or line.startswith(b"\\") or line == b"":
            continue  # text before the first hunk, "\ No newline at end of file", the final newline
        old, new = hunks[-1]
        mark, text = line[:1], line[1:]
        if mark in (b" ", b"-"):
            old.append(text)
        if mark in (b" ", b"+"):
            new.append(text)
        if mark not in (b" ", b"-", b"+"):
            raise OverlayError(f"diff line does not start with ' ', '-' or '+': {line!r}")
    return hunks


def _find(lines: list[bytes], block: list[bytes]) -> list[int]:
    size = len(block)
    return [i for i in range(len(lines) - size + 1) if lines[i : i + size] == block]


def apply_diff(base: bytes, diff: bytes, name: str) -> bytes:
    """`base` with each hunk of `diff` applied, each found by content exactly once."""
    lines = base.split(b"\n")
    for number, (old, new) in enumerate(_hunks(diff), 1):
        where = _find(lines, old)
        if len(where) != 1:
            raise OverlayError(f"{name}: hunk {number} matches the base {len(where)} times, not once; add context lines")
        lines[where[0] : where[0] + len(old)] = new
    return b"\n".join(lines)


def assemble(case: Path, where: Path, parts: tuple[str, ...] = ("data",)) -> Path:
    """Write the base's `parts` (folders) with the case's overlay into `where`; return `where`."""
    for part in parts:
        shutil.copytree(BASE / part, where / part)
    removals = case / "remove.txt"
    if removals.is_file():
        for line in removals.read_text(encoding="utf-8").splitlines():
            target = where / line.strip()
            if not target.is_file():
                raise OverlayError(f"{removals}: {line.strip()} is not a base file")
            target.unlink()
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case)
        if not path.is_file() or relative.parts[0] not in parts:
            continue
        if path.suffix == ".diff":
            target = where / relative.with_suffix("")
            target.write_bytes(apply_diff(target.read_bytes(), path.read_bytes(), str(relative)))
        else:
            (where / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, where / relative)
    return where
