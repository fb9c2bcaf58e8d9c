"""`make check`'s view of the HTML a page writes itself, held to the build's allowlist.

The build checks each page's rendered HTML (macros/hooks.py). `make check` runs without MkDocs,
so it converts the Markdown around the macro calls (the part a contributor writes; the macros'
own output comes from escaped templates) with the Markdown extensions of mkdocs.yml, and applies
the same allowlist and title rule. So `make check` fails on script in a page, as the build does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import markdown
from markupsafe import Markup

from . import mkconfig
from .errors import DataError
from .files import shown
from .pagecheck import Pages, read_pages
from .pagegrammar import parse
from .sanitize import problems

HELP = "remove it (see CONTRIBUTING, 'What a page may contain')"
TITLE = "the page title, as the theme prints it in <title>, holds '<' or '>'; write the heading without them"


def extensions(config: Path) -> tuple[list[str], dict[str, Any]]:
    """`markdown_extensions` of a mkdocs.yml as names and their settings (YAML tags ignored)."""
    names, settings = [], {}
    for item in mkconfig.read(config).get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(str(name))
        if options:
            settings[str(name)] = options
    return names, settings


def title_breaks_out(html: str) -> bool:
    """Whether the first <h1>'s text, as `striptags` prints it (entities decoded), holds markup."""
    start = html.find("<h1")
    end = html.find("</h1>", start)
    return start >= 0 and end > start and any(ch in Markup(html[html.find(">", start) + 1 : end]).striptags() for ch in "<>")


def html_errors(docs_dir: Path, root: Path, config: Path, pages: Pages | None = None) -> list[DataError]:
    names, settings = extensions(config)
    converter = markdown.Markdown(extensions=names, extension_configs=settings)
    errors = []
    for page, (body, first, read) in (read_pages(docs_dir, root) if pages is None else pages).items():
        segments, grammar = parse(body, first)
        if read or grammar:
            continue  # reported by pagecheck
        html = converter.reset().convert("".join(part for part in segments if isinstance(part, str)))
        found = problems(html) + ([TITLE] if title_breaks_out(html) else [])
        errors += [DataError(shown(page, root), 0, 0, "", f"HTML not allowed on a page: {p}; {HELP}") for p in found]
    return errors
