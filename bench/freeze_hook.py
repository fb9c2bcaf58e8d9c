"""MkDocs hook used by the benchmarks: save each page's Markdown after the macros have run.

Enabled only in a benchmark copy of mkdocs.yml (`hooks:`), with BENCH_FREEZE_DIR naming the
folder that receives the frozen pages; that folder then builds without the macros plugin. The
page is then emptied: this build exists only to capture the Markdown, so Markdown need not run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority


@event_priority(-100)  # after every plugin, so after mkdocs-macros has rendered the page
def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    target = Path(os.environ["BENCH_FREEZE_DIR"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return ""
