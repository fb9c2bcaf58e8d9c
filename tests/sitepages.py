"""Which page of a built site stands for each kind of page, found from the site's own files.

The browser, accessibility and validity tests load one page per kind. Kinds are picked from
what was built, so the tests grow as pages land; a kind with no page yet is skipped by name.
"""

from __future__ import annotations

from pathlib import Path

# Kind -> glob patterns under the built site, tried in order. For a kind with many pages the
# largest file is taken: the richest page exercises the most of the templates.
KIND_GLOBS: dict[str, tuple[str, ...]] = {
    "home": ("index.html",),
    "battle": ("battle/index.html",),
    "phase": ("phases/*/index.html",),
    "unit": ("units/*/index.html",),
    "party": ("parties/*/index.html",),
    "place": ("places/*/index.html",),
    "person": ("people/*/index.html",),
    "source": ("sources/*/index.html",),
    "sources": ("sources/index.html",),
    "chronology": ("chronology/index.html",),
    "disagreements": ("disagreements/index.html", "*disagree*/index.html", "*/*disagree*/index.html"),
    "control": ("control/index.html", "*control*/index.html", "*/*control*/index.html"),
    "map": ("map/index.html",),
}
KINDS = tuple(KIND_GLOBS)


def page_for(site: Path, kind: str) -> str | None:
    """Site-relative URL of the page standing for `kind`, or None when the site has none yet."""
    for pattern in KIND_GLOBS[kind]:
        found = sorted(site.glob(pattern), key=lambda p: (-p.stat().st_size, str(p)))
        if found:
            relative = found[0].relative_to(site).as_posix()
            return relative.removesuffix("index.html")
    return None


def html_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site, in a stable order."""
    return sorted(site.rglob("*.html"))
