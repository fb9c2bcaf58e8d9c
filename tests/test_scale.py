"""Readable at scale (macros/scale.py): a record with more events than `split_above` gets a
chronology page per month, events link to their month, a large entity lists its months, and
entity pages in sub-folders form nav sub-sections. Real builds of a generated record; expected
counts come from the YAML, not from the engine."""

from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bench.generate import generate
from bench.sites import copy_repo, read_config, write_config
from tests.conftest import Build, build

SPLIT = 20
_ROW = re.compile(r'<li class="bw-event[ "]')


def _project(where: Path, split_above: int = SPLIT) -> tuple[Path, list[dict]]:
    generate(where / "gen", events=120, units=36, split_above=split_above)
    project = copy_repo(where / "project", where / "gen" / "data", where / "gen" / "docs")
    config = read_config(project / "mkdocs.yml")
    config["extra"]["wiki"]["split_above"] = SPLIT
    write_config(project / "mkdocs.yml", config)
    events = [e for part in sorted((project / "data" / "events").glob("*.yaml"))
              for e in yaml.safe_load(part.read_text(encoding="utf-8"))["events"]]
    return project, events


def _values(item: object) -> set[str]:
    if isinstance(item, dict):
        return set().union(*map(_values, item.values()))
    if isinstance(item, list):
        return set().union(*map(_values, item))
    return {item} if isinstance(item, str) else set()


def _month(event: dict) -> str:
    return re.search(r"\d{4}-\d{2}", event["date"]).group(0)


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, list[dict]]:
    project, events = _project(tmp_path_factory.mktemp("scale"))
    result = build(project)
    assert result.returncode == 0, result.output
    return result, events


def test_chronology_lists_months_and_each_month_page_its_events(split_site: tuple[Build, list[dict]]) -> None:
    result, events = split_site
    index = (result.site / "chronology" / "index.html").read_text(encoding="utf-8")
    assert not _ROW.search(index)  # no event row on the index
    listed = re.findall(r'<li class="bw-period"[^>]*><a href="([^"]+)">([^<]+)</a> <span class="bw-count">\((\d+) events?\)', index)
    expected = Counter(_month(e) for e in events)
    assert [href for href, _, _ in listed] == [f"{m}/" for m in sorted(expected)]
    assert sum(int(n) for _, _, n in listed) == len(events)
    for month, count in expected.items():
        page = (result.site / "chronology" / month / "index.html").read_text(encoding="utf-8")
        assert len(_ROW.findall(page)) == count
        assert 'href="./" aria-current="page"' in page  # the month index, with this month marked


def test_an_event_s_address_is_its_month_page(split_site: tuple[Build, list[dict]]) -> None:
    result, events = split_site
    for event in events[::17]:
        record = (result.site / "api" / "events" / f"{event['id']}.json").read_text(encoding="utf-8")
        assert f'"chronology/{_month(event)}/#{event["id"]}"' in record
        target = (result.site / "chronology" / _month(event) / "index.html").read_text(encoding="utf-8")
        assert f'id="{event["id"]}"' in target


def test_an_entity_with_more_events_than_a_page_lists_its_months(split_site: tuple[Build, list[dict]]) -> None:
    result, events = split_site
    mine = [e for e in events if "grey-army" in _values(e)]  # named anywhere: party, claimant, new holder
    assert len(mine) > SPLIT
    page = (result.site / "parties" / "grey-army" / "index.html").read_text(encoding="utf-8")
    assert not _ROW.search(page)
    counts = re.findall(r'<a href="\.\./\.\./chronology/(\d{4}-\d{2})/\?parties=grey-army">[^<]+</a> '
                        r'<span class="bw-count">\((\d+) events?\)', page)
    assert sum(int(n) for _, n in counts) == len(mine)


def test_a_sub_folder_is_a_nav_sub_section_and_pages_carry_only_theirs(split_site: tuple[Build, list[dict]]) -> None:
    result, _ = split_site
    here = "units/grey-army/other/unit-0003/"  # nested sub-sections: party, then kind
    page = (result.site / here / "index.html").read_text(encoding="utf-8")
    assert "Grey Army" in page and "Others" in page
    links = {posixpath.normpath(posixpath.join(here, href)) for href in re.findall(r'<a href="([^"]+)" class="md-nav__link', page)}
    unit_pages = {link for link in links if link.startswith("units/") and link.count("/") >= 2}
    mine = sorted(p.stem for p in (result.site.parent / "docs" / "units" / "grey-army" / "other").glob("*.md"))
    assert len(mine) > 1 and {f"units/grey-army/other/{u}" for u in mine} <= unit_pages
    # Every other sub-section, at any depth, is pruned to one link (to its first page).
    folders = Counter(link.rsplit("/", 1)[0] for link in unit_pages if not link.startswith("units/grey-army/other/"))
    assert folders and max(folders.values()) == 1
    assert {"units/grey-army/brigade", "units/blue-front/battalion"} <= set(folders)


def test_a_missing_month_page_is_an_error_before_anything_is_built(tmp_path: Path) -> None:
    project, events = _project(tmp_path)
    month = _month(events[0])
    (project / "docs" / "chronology" / f"{month}.md").unlink()
    check = subprocess.run([sys.executable, "-m", "macros.check"], cwd=project, capture_output=True, text=True)
    assert check.returncode == 1
    assert f"docs/chronology/{month}.md: the chronology has {len(events)} events, more than split_above: {SPLIT}" in check.stderr
    result = build(project)
    assert result.returncode != 0 and f"docs/chronology/{month}.md" in result.output
    assert not result.site.exists()
