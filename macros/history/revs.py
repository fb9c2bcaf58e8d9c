"""Read the repository's history with git, safely: argument lists only, revisions checked first.

Nothing here runs a shell. A revision is refused unless it looks like one (no leading '-', no
spaces or shell characters) and git resolves it to a commit. Trees are read with
`git archive` into a temporary folder: regular files and folders only (a committed symlink is
skipped), through tarfile's 'data' filter (no absolute paths, nothing outside the folder).
"""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

# What a revision may look like: a sha, a branch or tag, HEAD~2, main^, origin/main@{1}.
_REV = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./~^@{}-]{0,199}$")
RECORD_PATHS = ("data", "docs")  # what "the record" is: the data and the pages
TIMEOUT = 60


class GitError(Exception):
    """git is missing, the folder has no history, or a revision is unknown."""


@dataclass(frozen=True)
class Commit:
    sha: str
    parent: str | None  # first parent; None for a root commit
    date: str  # committer date, ISO 8601: the build's clock is never read
    subject: str


def git(root: Path, *args: str, binary: bool = False) -> str | bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=root, capture_output=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"git could not run: {error}") from None
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return proc.stdout if binary else proc.stdout.decode("utf-8", "replace")


def resolve(root: Path, rev: str) -> str:
    """The full sha of a commit, or GitError saying why not."""
    if not _REV.match(rev) or ".." in rev:
        raise GitError(f"'{rev}' is not a revision (expected a commit sha, branch, tag or e.g. HEAD~1)")
    try:
        return str(git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")).strip()
    except GitError:
        raise GitError(f"'{rev}' is not a commit of this repository") from None


def has_history(root: Path) -> bool:
    try:
        return str(git(root, "rev-parse", "--is-inside-work-tree")).strip() == "true" and bool(resolve(root, "HEAD"))
    except GitError:
        return False


def is_shallow(root: Path) -> bool:
    try:
        return str(git(root, "rev-parse", "--is-shallow-repository")).strip() == "true"
    except GitError:
        return False


def toplevel(root: Path) -> Path:
    return Path(str(git(root, "rev-parse", "--show-toplevel")).strip())


def tree_id(root: Path, sha: str, paths: tuple[str, ...] = RECORD_PATHS) -> str:
    """One id for the record's content at a commit: equal ids, equal data and pages."""
    prefix = _prefix(root)
    parts = []
    for path in paths:
        try:
            parts.append(str(git(root, "rev-parse", f"{sha}:{prefix}{path}")).strip())
        except GitError:
            parts.append("-")
    return "+".join(parts)


def _prefix(root: Path) -> str:
    """The project folder's path inside the repository ('' at its top)."""
    return str(git(root, "rev-parse", "--show-prefix")).strip()


def export(root: Path, sha: str, dest: Path, paths: tuple[str, ...] = RECORD_PATHS) -> Path:
    """Write the record's folders as they were at `sha` under dest; return dest."""
    prefix = _prefix(root)
    dest.mkdir(parents=True, exist_ok=True)
    for path in paths:
        try:
            blob = git(root, "archive", "--format=tar", f"--prefix={path}/", f"{sha}:{prefix}{path}", binary=True)
        except GitError:
            continue  # the folder did not exist at that commit
        with tarfile.open(fileobj=io.BytesIO(bytes(blob))) as tar:
            # Files and folders only: a committed link (to /etc, or up the tree) is not followed.
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            tar.extractall(dest, members=members, filter="data")
    return dest


def record_commits(root: Path, head: str = "HEAD", limit: int | None = None) -> list[Commit]:
    """Commits that changed data/ or docs/, newest first, each to be compared with its first parent."""
    args = ["log", "--no-merges", "--format=%H%x00%P%x00%cI%x00%s", resolve(root, head)]
    if limit:
        args.insert(1, f"--max-count={limit}")
    out = str(git(root, *args, "--", *RECORD_PATHS))
    commits = []
    for line in out.splitlines():
        sha, parents, date, subject = line.split("\x00", 3)
        commits.append(Commit(sha, parents.split()[0] if parents else None, date, subject))
    return commits
