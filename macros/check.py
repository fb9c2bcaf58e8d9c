"""`python -m macros.check [DATA_DIR] [--format text|github]`: validate the data and the pages' macro calls; write nothing.

Errors go to stderr, one per line, then a count; the time taken always goes to stdout. With
`--format github` each error is also written to stdout as a GitHub Actions annotation
(`::error file=…,line=…,col=…::…`), which shows it on the pull request's own line.
Pages are those of `docs/` next to the data folder, when there is one.
"""

from __future__ import annotations

import gc
import sys
import time
from pathlib import Path

from .engine import collect
from .errors import DataErrors, annotation
from .files import inside, scan
from .pagecheck import check_pages, read_pages
from .pagehtml import html_errors
from .scale import Split, event_pages, settings_in


def main(argv: list[str]) -> int:
    # The load makes millions of small objects that live until the end; the cyclic collector's
    # passes over them found nothing to free and cost seconds at scale.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _check(argv)
    finally:
        if was_enabled:
            gc.enable()


def _check(argv: list[str]) -> int:
    github = _take_format(argv)
    if github is None:
        print("usage: python -m macros.check [DATA_DIR] [--format text|github]", file=sys.stderr)
        return 2
    data_dir = Path(argv[0]) if argv else Path("data")
    root = data_dir.resolve().parent
    start = time.perf_counter()
    docs = root / "docs"
    folders = [(data_dir.resolve(), "data")] + ([(docs, "docs")] if docs.is_dir() else [])
    errors = [e for folder, what in folders if (e := inside(folder, root, what))]
    errors += [] if errors else [e for folder, _ in folders for e in scan(folder, root)]
    index = None
    if not errors:  # links and devices are refused before any file is read (as in the build)
        index, errors = collect(data_dir.resolve(), root)
    if index is not None and docs.is_dir():
        pages = read_pages(docs, root)  # each page read once, for every check below
        errors += check_pages(docs, root, index, pages)[1]
        errors += html_errors(docs, root, root / "mkdocs.yml", pages)  # the build's HTML allowlist, on what pages write
        errors += event_pages(index.events, Split.from_settings(settings_in(root / "mkdocs.yml")), docs, root, pages)[1]
    elapsed = time.perf_counter() - start
    if errors or index is None:
        report = DataErrors(errors)
        print(report.report(), file=sys.stderr)
        if github:
            print("\n".join(annotation(error) for error in report.errors))
        print(f"checked in {elapsed:.2f} s")
        return 1
    counts = ", ".join(f"{len(items)} {kind}" for kind, items in index.by_kind.items())
    print(f"data OK: {counts}; {len(index.disagreements)} disagreements; checked in {elapsed:.2f} s")
    return 0


def _take_format(argv: list[str]) -> bool | None:
    """Remove `--format X` from argv; True for github, False for text, None if unknown."""
    if "--format" not in argv:
        return False
    at = argv.index("--format")
    value = argv[at + 1] if at + 1 < len(argv) else ""
    del argv[at : at + 2]
    return {"text": False, "github": True}.get(value)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
