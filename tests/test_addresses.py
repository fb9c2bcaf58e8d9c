"""No invented addresses: unset, no built file names a domain the project was not given; set
from the environment, canonical links, the sitemap, the feeds and the edit box use them."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, build, make_project

# Addresses a built file may name without being given one: XML and JSON Schema namespaces, the
# sitemap protocol's, and the licence of the text. Every other must come from data/ or the environment.
STANDARD = ("http://www.w3.org/", "https://json-schema.org/", "http://www.sitemaps.org/schemas/",
            "https://creativecommons.org/licenses/by-sa/4.0/")
_URL = re.compile(r"https?://[^\s\"'<>)\\]+")
OURS = (".html", ".xml", ".json", ".atom", ".csv", ".geojson", ".js", ".css")
SITE_URL, REPO_URL = "https://pages.example.invalid/wiki/", "https://code.example.invalid/owner/wiki"


def _source_urls() -> set[str]:
    out = set()
    for path in (ROOT / "data").rglob("*.yaml"):
        out.update(_URL.findall(path.read_text(encoding="utf-8")))
    return out


def _our_files(site: Path) -> list[Path]:
    """Every built file except the theme's own bundled scripts, styles and search index."""
    skip = ("assets/javascripts/", "assets/stylesheets/", "search/")
    return [p for p in site.rglob("*") if p.suffix in OURS and not p.relative_to(site).as_posix().startswith(skip)]


def _unexpected(site: Path, given: tuple[str, ...]) -> dict[str, set[str]]:
    sources = _source_urls()
    found: dict[str, set[str]] = {}
    for path in _our_files(site):
        for url in _URL.findall(html.unescape(path.read_text(encoding="utf-8", errors="replace"))):
            url = url.rstrip(".,;")
            if url in sources or any(url.startswith(prefix) for prefix in (*STANDARD, *given)):
                continue
            if any(url.startswith(s) or s.startswith(url) for s in sources):  # a source's address, cut at markup
                continue
            found.setdefault(path.relative_to(site).as_posix(), set()).add(url)
    return found


def test_config_names_no_domain() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "bhamo.wiki" not in text and "site_url: !ENV [BHAMO_WIKI_SITE_URL, null]" in text


def test_unset_no_built_file_names_an_address_not_given(real_site: Path) -> None:
    assert not [p for p in real_site.rglob("*") if p.is_file() and b"bhamo.wiki" in p.read_bytes()]
    assert _unexpected(real_site, ()) == {}
    for page in real_site.rglob("*.html"):  # a redirect page's canonical link is relative, no address
        assert not re.search(r'rel="canonical" href="[a-z]+:', page.read_text(encoding="utf-8")), page
    sitemap = (real_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>http" not in sitemap


@pytest.fixture(scope="module")
def addressed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("addressed"), ROOT / "data", ROOT / "docs")
    env = {"BHAMO_WIKI_SITE_URL": SITE_URL, "BHAMO_WIKI_REPO_URL": REPO_URL, "BHAMO_WIKI_EDIT_URI": "edit/trunk/"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = build(project)
    finally:
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    assert result.returncode == 0, result.output
    return result.site


def test_set_the_addresses_are_used_and_no_other(addressed: Path) -> None:
    assert _unexpected(addressed, (SITE_URL, REPO_URL)) == {}
    page = (addressed / "units" / "light-infantry-battalion-47" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}units/light-infantry-battalion-47/">' in page
    assert f'href="{REPO_URL}/edit/trunk/docs/units/light-infantry-battalion-47.md"' in page
    assert f'href="{REPO_URL}/edit/trunk/data/units.yaml"' in page and f'href="{REPO_URL}/edit/trunk/data/events.yaml"' in page
    assert f"<loc>{SITE_URL}units/light-infantry-battalion-47/</loc>" in (addressed / "sitemap.xml").read_text(encoding="utf-8")
    feed = (addressed / "api" / "feeds" / "recent-changes.atom").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}api/feeds/recent-changes.atom"' in feed


def test_the_env_names_are_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    wiki = config["extra"]["wiki"]
    for name in (config["site_url"], wiki["repo_url"], wiki["edit_uri"]):
        assert f"`{name}`" in readme, name


class _EnvLoader(yaml.SafeLoader):
    """Reads `!ENV [NAME, default]` as NAME, and ignores other tags."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[0])
_EnvLoader.add_multi_constructor("tag:", lambda loader, suffix, node: None)
_EnvLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
