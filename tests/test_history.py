"""History in real builds of a scripted git repository: page dates, recent changes, feeds.

The repository is made here, commit by commit, with fixed dates (GIT_COMMITTER_DATE), so every
date the build shows is known in advance.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import pytest
from conftest import FIXTURES, Build, build, make_project

DATES = {"first": "2030-01-05T10:00:00+00:00", "event": "2030-02-10T10:00:00+00:00", "page": "2030-03-15T10:00:00+00:00"}
NEW_SUMMARY = "The League says it holds the fort after a night assault."
_UPDATED = re.compile(r'Last updated <time datetime="([^"]+)">([^<]+)</time>')


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@t.invalid", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@t.invalid"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    valid = FIXTURES / "valid"
    project = make_project(tmp_path_factory.mktemp("repo") / "p", valid / "data", valid / "docs", valid / "mkdocs.yml")
    (project / "docs" / "recent-changes.md").write_text("# Recent changes\n\n{{ recent_changes() }}\n")
    (project / ".gitignore").write_text("site/\n.cache/\nmacros\noverrides\n")
    _git(project, "init", "-q", "-b", "main")
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "First record", date=DATES["first"])
    events = project / "data" / "events.yaml"
    events.write_text(events.read_text().replace("The League says it holds the fort.", NEW_SUMMARY))
    _git(project, "commit", "-q", "-am", "Fort falls: how", date=DATES["event"])
    index = project / "docs" / "index.md"
    index.write_text(index.read_text() + "\nA new paragraph.\n")
    _git(project, "commit", "-q", "-am", "Home page: a paragraph", date=DATES["page"])
    return project


@pytest.fixture(scope="module")
def site(repo: Path) -> Build:
    result = build(repo)
    assert result.returncode == 0, result.output
    return result


def _pages(site: Path) -> dict[str, str]:
    out = {}
    for page in site.rglob("index.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("search/", "api/")):
            continue
        out[rel] = page.read_text(encoding="utf-8")
    return out


def test_an_event_edit_redates_exactly_the_pages_that_show_it(site: Build) -> None:
    pages = _pages(site.site)
    shows = {rel for rel, html in pages.items() if NEW_SUMMARY in html}
    assert {"chronology/index.html", "units/grey-rifles-9/index.html"} <= shows  # the edit is visible
    assert "places/karsk/index.html" not in shows
    for rel, html in pages.items():
        found = _UPDATED.findall(html)
        assert len(found) == 1, f"{rel}: {found}"
        iso, day = found[0]
        if rel == "index.html":
            assert (iso, day) == (DATES["page"], "15 March 2030")
        elif rel in shows:
            assert (iso, day) == (DATES["event"], "10 February 2030"), rel
        else:
            assert (iso, day) == (DATES["first"], "5 January 2030"), rel


def test_recent_changes_lists_the_commits(site: Build) -> None:
    html = (site.site / "recent-changes" / "index.html").read_text(encoding="utf-8")
    subjects = re.findall(r"<strong>([^<]+)</strong>", html)
    assert subjects[:3] == ["Home page: a paragraph", "Fort falls: how", "First record"]
    assert "1 event changed" in html and 'href="../chronology/#fort-falls"' in html


def test_feeds_parse_and_link_to_pages_that_exist(site: Build) -> None:
    feeds = sorted((site.site / "api" / "feeds").glob("*.atom"))
    assert {f.stem for f in feeds} >= {"recent-changes", "events", "places", "sources"}
    base = "http://site.invalid/"
    for feed in feeds:
        url = urljoin(base, feed.relative_to(site.site).as_posix())
        parsed = feedparser.parse(feed.read_bytes(), response_headers={"content-location": url, "content-type": "application/atom+xml"})
        assert parsed.bozo == 0, (feed.name, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        for entry in parsed.entries:
            link = urlparse(entry.link)
            target = site.site / link.path.removeprefix("/")
            target = target / "index.html" if link.path.endswith("/") else target
            assert target.is_file(), (feed.name, entry.link)
            assert f'id="{link.fragment}"' in target.read_text(encoding="utf-8"), entry.link
    every = feedparser.parse((site.site / "api" / "feeds" / "recent-changes.atom").read_bytes())
    assert [e.title for e in every.entries] == ["Home page: a paragraph", "Fort falls: how", "First record"]
    assert every.entries[1].updated == DATES["event"]
    events = feedparser.parse((site.site / "api" / "feeds" / "events.atom").read_bytes())
    assert [e.title for e in events.entries] == ["Fort falls: how", "First record"]


def test_a_second_build_is_byte_identical_and_uses_the_cache(repo: Path, site: Build, tmp_path: Path) -> None:
    assert list((repo / ".cache" / "history").rglob("*.json")), "the diffs are cached by commit pair"
    again = build(repo, tmp_path / "again")
    assert again.returncode == 0, again.output
    for name in ("index.html", "chronology/index.html", "recent-changes/index.html", "api/feeds/events.atom"):
        assert (site.site / name).read_bytes() == (again.site / name).read_bytes(), name


def test_without_git_history_the_build_has_a_note(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "tarball"
    shutil.copytree(repo, copy, symlinks=True, ignore=shutil.ignore_patterns(".git", "site", ".cache"))
    result = build(copy)
    assert result.returncode == 0, result.output
    html = (result.site / "recent-changes" / "index.html").read_text(encoding="utf-8")
    assert "no git history" in html
    assert "Last updated" not in (result.site / "index.html").read_text(encoding="utf-8")
    assert feedparser.parse((result.site / "api" / "feeds" / "recent-changes.atom").read_bytes()).bozo == 0


def test_a_shallow_clone_builds_with_a_note(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    (clone / "macros").symlink_to((repo / "macros").resolve())
    result = build(clone)
    assert result.returncode == 0, result.output
    html = (result.site / "recent-changes" / "index.html").read_text(encoding="utf-8")
    assert "shallow clone" in html


def test_history_markup_validates(site: Build) -> None:
    from test_html_valid import material_reason, validate

    pages = [site.site / "recent-changes" / "index.html", site.site / "chronology" / "index.html"]
    ours = [m for m in validate(pages) if not material_reason(m)]
    assert ours == []


def test_a_cache_filled_in_shares_is_the_one_a_walk_fills(repo: Path, tmp_path: Path) -> None:
    """`fill`, run for each share of the commits (as the bench does in two processes), leaves the
    same cache files, byte for byte, as one walk; a walk then reads them all and finds the same history."""
    from macros.history import log
    log._MEMORY.clear()  # this process's memo, which would skip writing the cache
    walked = log.walk(repo, tmp_path / "walked")
    log._MEMORY.clear()
    assert [log.fill(repo, tmp_path / "shares", share, 2) for share in (0, 1)] == [2, 1]
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.json")}
    assert files(tmp_path / "shares") == files(tmp_path / "walked") and len(files(tmp_path / "walked")) == 3
    log._MEMORY.clear()
    assert log.walk(repo, tmp_path / "shares") == walked
