"""`python -m macros.check [DATA_DIR]`: validate the data and the pages' macro calls; write nothing.

Errors go to stderr, one per line, then a count; the time taken always goes to stdout.
Pages are those of `docs/` next to the data folder, when there is one.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .engine import collect
from .errors import DataErrors
from .files import inside, scan
from .pagecheck import check_pages


def main(argv: list[str]) -> int:
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
        errors += check_pages(docs, root, index)[1]
    elapsed = time.perf_counter() - start
    if errors or index is None:
        print(DataErrors(errors).report(), file=sys.stderr)
        print(f"checked in {elapsed:.2f} s")
        return 1
    counts = ", ".join(f"{len(items)} {kind}" for kind, items in index.by_kind.items())
    print(f"data OK: {counts}; {len(index.disagreements)} disagreements; checked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
