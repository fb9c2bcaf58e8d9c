"""Links in the built HTML: every internal href and src, and every #anchor, resolves.

MkDocs' own `validation:` checks links between Markdown pages; this check reads what was
actually built, so it also covers links made by the macros, the theme and the redirects, and
that no page loads anything (script, style, image, frame) from another host.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import ROOT
from sitepages import html_pages

# Attributes that point at another resource, and whether the browser loads it on its own
# (a load from another host would be a third-party request; a link is only followed on click).
URL_ATTRIBUTES = {"href": False, "src": True, "srcset": True, "poster": True, "data": True, "action": False}
LOADING_LINKS = {"stylesheet", "icon", "preload", "modulepreload", "prefetch", "manifest", "apple-touch-icon"}


def load_config():
    """mkdocs.yml as MkDocs reads it, defaults filled in (no build, no plugin events)."""
    from mkdocs.config import load_config as load

    return load(config_file=str(ROOT / "mkdocs.yml"))


SITE_URL = load_config()["site_url"] or "/"


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, bool]] = field(default_factory=list)  # (tag, url, loaded by the browser)
    base: str | None = None


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(values[name])
        if tag == "base" and "href" in values:
            self.page.base = values["href"]
        for name, loads in URL_ATTRIBUTES.items():
            if name not in values:
                continue
            urls = [part.strip().split()[0] for part in values[name].split(",") if part.strip()] if name == "srcset" else [values[name].strip()]
            if tag == "link" and name == "href":
                loads = bool(LOADING_LINKS & set(values.get("rel", "").lower().split()))
            self.page.links.extend((tag, url, loads) for url in urls)


def parse(path: Path) -> Page:
    collector = Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def check_site(site: Path) -> tuple[int, list[str]]:
    """(links checked, problems) for every HTML page of a built site."""
    pages = {path.relative_to(site).as_posix(): parse(path) for path in html_pages(site)}
    site_path = urlsplit(SITE_URL).path or "/"
    checked, problems = 0, []
    for name, page in pages.items():
        here = posixpath.dirname(name)
        for tag, url, loads in page.links:
            parts = urlsplit(url)
            where = f"{name}: <{tag}> {url!r}"
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.scheme or parts.netloc:
                own = url.startswith(SITE_URL)
                if parts.scheme not in ("http", "https") and parts.scheme != "data":
                    problems.append(f"{where}: a {parts.scheme}: URL")
                elif loads and not own and parts.scheme != "data":
                    problems.append(f"{where}: loads a resource from another host")
                if not own:
                    continue
                target_path = posixpath.normpath(unquote(parts.path[len(site_path):] if parts.path.startswith(site_path) else parts.path))
            elif parts.path.startswith("/"):
                target_path = posixpath.normpath(unquote(parts.path[len(site_path):] if parts.path.startswith(site_path) else parts.path[1:]))
            else:
                target_path = posixpath.normpath(posixpath.join(here, unquote(parts.path))) if parts.path else name
            checked += 1
            target_path = "" if target_path == "." else target_path
            if target_path.startswith(".."):
                problems.append(f"{where}: leaves the site")
                continue
            target = site / target_path
            if target.is_dir():
                target_path = posixpath.join(target_path, "index.html") if target_path else "index.html"
                target = site / target_path
            if not target.is_file():
                problems.append(f"{where}: no such file {target_path}")
                continue
            if parts.fragment and target_path.endswith(".html"):
                anchor = unquote(parts.fragment)
                if anchor not in pages[target_path].ids and anchor != "top":  # "#top" is the HTML spec's top of page
                    problems.append(f"{where}: no id '{anchor}' in {target_path}")
    return checked, problems


def test_mkdocs_validation_is_strict() -> None:
    """The config asks MkDocs to warn on every kind of broken link, and --strict makes that fatal."""
    import logging

    config = load_config()
    assert config["strict"] is True
    validation = config["validation"]
    for group, keys in (("nav", ("omitted_files", "not_found", "absolute_links")), ("links", ("not_found", "absolute_links", "unrecognized_links", "anchors"))):
        for key in keys:
            assert validation[group][key] == logging.WARNING, f"validation.{group}.{key} should be 'warn'"


@pytest.mark.parametrize("which", ["real_site", "fiction_site"])
def test_every_internal_link_resolves(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    checked, problems = check_site(site)
    print(f"{which}: {checked} internal links and anchors checked in {len(html_pages(site))} pages, {len(problems)} broken")
    assert checked > 0
    assert not problems, "\n".join(problems[:50])


def test_checker_catches_breakage(tmp_path: Path) -> None:
    """The checker itself fails on a missing page, a missing anchor, and a third-party script."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="#here">ok</a></p>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="b/">missing</a><a href="a/#gone">no anchor</a>'
        '<script src="https://cdn.example.org/x.js"></script><a href="https://example.org/">fine</a><a href="javascript:alert(1)">js</a>',
        encoding="utf-8",
    )
    checked, problems = check_site(tmp_path)
    assert checked == 5  # four links on the home page, one on page a
    assert [p.split(": ", 2)[2] for p in problems] == [
        "no such file b",
        "no id 'gone' in a/index.html",
        "loads a resource from another host",
        "a javascript: URL",
    ]
