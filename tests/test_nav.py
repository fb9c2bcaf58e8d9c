"""The navigation of the real site: every page is in it, and the phases come in the order of the data."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PRIMARY_NAV = re.compile(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', re.S)
HREF = re.compile(r'<a [^>]*?href="([^"#]*)"')


def page_url(markdown: Path) -> str:
    """Site-relative URL of a docs/ page with directory URLs: units/x.md -> units/x/, index.md -> ''."""
    parts = list(markdown.with_suffix("").parts)
    if parts[-1] == "index":
        parts = parts[:-1]
    return "/".join(parts) + "/" if parts else ""


def nav_links(site: Path, page: str) -> list[str]:
    """Site-relative targets of the primary navigation of one built page, in document order."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    nav = PRIMARY_NAV.search(html)
    assert nav, f"{page or 'home'}: no primary navigation"
    out = []
    for href in HREF.findall(nav.group(0)):
        target = posixpath.normpath(posixpath.join(page or ".", href))
        out.append("" if target == "." else target.rstrip("/") + "/")
    return out


def test_every_page_is_in_the_navigation(real_site: Path) -> None:
    pages = sorted(page_url(p.relative_to(ROOT / "docs")) for p in (ROOT / "docs").rglob("*.md"))
    # Material prunes the navigation to the visible levels, so take the union over every page.
    listed: set[str] = set()
    for page in pages:
        listed.update(nav_links(real_site, page))
    missing = [page or "(home)" for page in pages if page not in listed]
    assert not missing, f"pages missing from the navigation: {missing}"


def test_phases_are_listed_in_the_order_of_the_data(real_site: Path) -> None:
    phases = [p["id"] for p in yaml.safe_load((ROOT / "data" / "phases.yaml").read_text(encoding="utf-8"))["phases"]]
    with_page = [f"phases/{ident}/" for ident in phases if (ROOT / "docs" / "phases" / f"{ident}.md").is_file()]
    links = nav_links(real_site, "battle/")
    shown = [link for link in links if link in with_page]
    assert shown == with_page, "the phases' order in the navigation differs from data/phases.yaml"


def test_home_battle_and_chronology_lead_the_navigation(real_site: Path) -> None:
    links = [link for link in nav_links(real_site, "") if link]
    assert links[0] == "battle/", links[:3]
    assert links.index("battle/") < links.index("chronology/") < links.index("sources/")
