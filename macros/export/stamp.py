"""The version and date stamped on every published data file.

The date is the last commit's date, never the clock, so that the same commit always builds
byte-for-byte the same files.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

# Bumped when a published file changes shape in a way that can break a reader.
SCHEMA_VERSION = "1.0"
# Used outside git when SOURCE_DATE_EPOCH is not set either (e.g. building from a tarball).
FALLBACK_DATE = "1970-01-01T00:00:00+00:00"


def generation_date(root: Path) -> str:
    """ISO 8601 date of the last commit at `root`; else SOURCE_DATE_EPOCH; else FALLBACK_DATE."""
    try:
        proc = subprocess.run(
            ["git", "log", "-1", "--format=%cI"], cwd=root, capture_output=True, text=True, timeout=30, check=False
        )
        if proc.returncode == 0 and proc.stdout.strip():
            return proc.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass  # no git: fall through to the reproducible-builds convention
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).isoformat()
    return FALLBACK_DATE
