"""`python -m macros.check [DATA_DIR]`: validate the data, write nothing, report every error."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .engine import collect
from .errors import DataErrors


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    root = data_dir.resolve().parent
    start = time.perf_counter()
    index, errors = collect(data_dir.resolve(), root)
    elapsed = time.perf_counter() - start
    if errors or index is None:
        print(DataErrors(errors).report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(items)} {kind}" for kind, items in index.by_kind.items())
    print(f"data OK: {counts}; {len(index.disagreements)} disagreements; checked in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
