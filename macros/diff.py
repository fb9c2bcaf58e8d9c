"""`python -m macros.diff BASE HEAD [--format markdown|json]`: what a change does to the record.

Each side is a git revision (a sha, a branch, HEAD~1) or a folder (a project with data/, or a
data folder). Reports entities, events, claims and sources added, removed or changed, new and
resolved disagreements, and the pages whose output changes; never builds the site.
`--schema` prints the JSON Schema of the JSON output. Exit status: 0, or 2 for a bad side.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .history.compare import compare
from .history.report import SCHEMA, markdown
from .history.revs import GitError
from .history.sides import side


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros.diff", description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", help="a git revision or a folder")
    parser.add_argument("head", nargs="?", help="a git revision or a folder")
    parser.add_argument("--format", choices=("markdown", "json"), default="markdown")
    parser.add_argument("--repo", default=".", help="the repository the revisions belong to (default: here)")
    parser.add_argument("--schema", action="store_true", help="print the JSON Schema of the JSON output")
    args = parser.parse_args(argv)
    if args.schema:
        print(json.dumps(SCHEMA, indent=2))
        return 0
    if not (args.base and args.head):
        parser.error("give BASE and HEAD")
    start = time.perf_counter()
    try:
        old, new = side(Path(args.repo), args.base), side(Path(args.repo), args.head)
    except GitError as error:
        print(f"macros.diff: {error}", file=sys.stderr)
        return 2
    diff = compare(old, new)
    if args.format == "json":
        print(json.dumps(diff, indent=2, ensure_ascii=False, sort_keys=True))
    else:
        print(markdown(diff), end="")
    print(f"compared in {time.perf_counter() - start:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
