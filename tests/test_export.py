"""The open data published under api/: read back from real builds, against schemas and tools."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, build, make_project
from jsonschema import Draft202012Validator

from macros.engine import load_index
from macros.export import api_files, generation_date
from macros.export.pages import PageData
from macros.export.stamp import FALLBACK_DATE
from macros.links import SiteMap

KINDS = ("sources", "parties", "units", "places", "people", "phases", "events", "battle")
FICTION = FIXTURES / "valid"


@pytest.fixture(params=["fiction", "real"])
def site(request: pytest.FixtureRequest) -> Path:
    return request.getfixturevalue(f"{request.param}_site")


def schema_of(relative: str) -> str:
    """Which schema a published file must satisfy, by its path (written here, not taken from the code)."""
    parts = relative.split("/")
    if relative == "index.json":
        return "api-index.schema.json"
    if relative == "sources.csl.json":
        return "api-sources.csl.schema.json"
    if relative == "places.geojson":
        return "api-places.geojson.schema.json"
    if len(parts) == 1 and parts[0].removesuffix(".json") in KINDS:
        return f"api-{parts[0].removesuffix('.json')}.schema.json"
    if len(parts) == 2 and parts[0] in KINDS:
        return f"api-{parts[0]}-entity.schema.json"
    raise AssertionError(f"api/{relative} has no schema")


def test_every_published_json_file_matches_its_schema(site: Path) -> None:
    api = site / "api"
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (api / "schemas").glob("*.json")}
    for schema in schemas.values():
        Draft202012Validator.check_schema(schema)
    checked = 0
    for path in sorted(api.rglob("*")):
        relative = path.relative_to(api).as_posix()
        if path.is_dir() or relative.startswith(("schemas/", "feeds/")) or relative == "events.csv":  # feeds: Atom, see test_history
            continue
        errors = list(Draft202012Validator(schemas[schema_of(relative)]).iter_errors(json.loads(path.read_text(encoding="utf-8"))))
        assert not errors, f"api/{relative}: {errors[0].message} at {list(errors[0].absolute_path)}"
        checked += 1
    index = json.loads((api / "index.json").read_text(encoding="utf-8"))
    entities = sum(entry["count"] for entry in index["kinds"].values())
    # index + one file per kind + one per entity + CSL + GeoJSON: nothing is missing or extra.
    assert checked == 1 + len(index["kinds"]) + entities + 2
    for kind, entry in index["kinds"].items():
        for item in entry["items"]:
            record = json.loads((api / item["file"]).read_text(encoding="utf-8"))
            assert record["kind"] == kind
            assert (api / item["file"]).is_file()


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as an editor's language server does: numbers are numbers, dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_data_files_validate_against_the_published_data_schemas(real_site: Path) -> None:
    """The schemas published for editors accept the real data files as an editor reads them."""
    for kind in KINDS:
        schema = json.loads((real_site / "api" / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        for path in [ROOT / "data" / f"{kind}.yaml", *sorted((ROOT / "data" / kind).glob("**/*.yaml"))]:
            if not path.is_file():
                continue
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)
            if raw.get(kind) is None:
                continue  # an empty kind ("units:" with nothing under it) is allowed
            found = list(Draft202012Validator(schema).iter_errors(raw))
            assert not found, f"{path.name}: {found[0].message}"


def test_citeproc_renders_every_source(site: Path) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site / "api" / "sources.csl.json").read_text(encoding="utf-8"))
    sources = json.loads((site / "api" / "sources.json").read_text(encoding="utf-8"))["items"]
    assert [i["id"] for i in items] == [s["id"] for s in sources]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown field or type would only warn: make it fail
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        entries = [str(entry) for entry in bibliography.bibliography()]
    assert len(entries) == len(items)
    for item in items:
        assert any(item["title"] in entry for entry in entries), item["id"]


def test_bounded_dates_stay_bounded_in_csl(fiction_site: Path) -> None:
    items = {i["id"]: i for i in json.loads((fiction_site / "api" / "sources.csl.json").read_text(encoding="utf-8"))}
    # The fixture gives "2031-03-02" for the gazette and "after 2031-03-10" for the radio report.
    assert items["north-gazette-2031-03-02"]["issued"] == {"date-parts": [[2031, 3, 2]]}
    radio = items["river-radio-report"]
    assert "date-parts" not in radio["issued"]
    assert radio["issued"]["literal"].startswith("after") and "2031" in radio["issued"]["literal"]
    assert "not known" in radio["note"]
    assert "URL" not in radio  # no address is recorded for it, so none is published


def test_csv_round_trips_with_one_row_per_event(site: Path) -> None:
    text = (site / "api" / "events.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    events = json.loads((site / "api" / "events.json").read_text(encoding="utf-8"))["items"]
    assert [row["event_id"] for row in rows] == [event["id"] for event in events]
    assert len({row["event_id"] for row in rows}) == len(rows)
    for row, event in zip(rows, events, strict=True):
        assert row["summary"] == event["summary"]
        assert row["sources"].split(";") == list(dict.fromkeys(s["source"] for s in event["sources"]))
        assert (row["places"].split(";") if row["places"] else []) == event.get("places", [])
        assert row["date_precision"] in ("year", "month", "day")
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    assert out.getvalue() == text


def _fiction_copy(tmp_path: Path, replace: dict[str, dict[str, str]]) -> Path:
    """The fictional data with some text replaced in some files; returns the project root."""
    root = tmp_path / "project"
    shutil.copytree(FICTION / "data", root / "data")
    shutil.copytree(FICTION / "docs", root / "docs")
    for kind, pairs in replace.items():
        path = root / "data" / f"{kind}.yaml"
        text = path.read_text(encoding="utf-8")
        for old, new in pairs.items():
            assert old in text
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return root


def _api(root: Path, generated: str = "2031-03-05T12:00:00+00:00") -> dict[str, str]:
    index = load_index(root / "data", root)
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    return api_files(index, SiteMap.scan(root / "docs", ids, index.battle.id), generated)


def test_ledger_quotes_commas_quotes_and_newlines(tmp_path: Path) -> None:
    summary = 'The League says, "the fort is ours"; a second line\n  follows.'
    root = _fiction_copy(tmp_path, {"events": {"summary: The League says it holds the fort.": "summary: " + json.dumps(summary)}})
    rows = list(csv.DictReader(io.StringIO(_api(root)["events.csv"], newline="")))
    assert len(rows) == 2
    assert rows[1]["summary"] == summary
    assert rows[1]["claimed_by"] == "blue-league"
    assert (rows[0]["date"], rows[0]["date_precision"], rows[0]["date_qualifier"]) == ("2031-02", "month", "early")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_ledger_neutralises_formula_prefixes(tmp_path: Path, start: str) -> None:
    """OWASP's CSV-injection advice: a cell a spreadsheet would run as a formula is prefixed with '."""
    formula = start + 'HYPERLINK("https://example.org/x","click")'
    title = start + "1+1 The League says Karsk Fort has fallen" if start not in "\t\r" else "The League says Karsk Fort has fallen"
    root = _fiction_copy(tmp_path, {"events": {
        "summary: The League says it holds the fort.": "summary: " + json.dumps(formula),
        "title: The League says Karsk Fort has fallen": "title: " + json.dumps(title),
    }})
    rows = list(csv.DictReader(io.StringIO(_api(root)["events.csv"], newline="")))
    assert rows[1]["summary"] == "'" + formula
    assert rows[1]["title"] == ("'" + title if title[0] == start else title)
    assert rows[0]["summary"] == "Blue League fighters begin an assault on the town."  # ordinary text untouched


def test_geojson_puts_longitude_first_and_keeps_only_sourced_points(tmp_path: Path) -> None:
    root = _fiction_copy(tmp_path, {})
    collection = json.loads(_api(root)["places.geojson"])
    assert [f["id"] for f in collection["features"]] == ["karsk", "karsk-ferry"]  # karsk-fort has no coordinates
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [round(-(20 / 60), 6), 0.5]}  # 0°30′N 0°20′W
    props = feature["properties"]
    assert props["coordinate_sources"] == ["karsk-atlas"]
    assert (props["lat_as_written"], props["lon_as_written"], props["precision"]) == ("0°30′N", "0°20′W", "minute")
    assert props["page"] == "places/karsk/"


def test_events_csv_gives_each_event_the_point_of_its_most_precise_place(tmp_path: Path) -> None:
    root = _fiction_copy(tmp_path, {})
    rows = {r["event_id"]: r for r in csv.DictReader(io.StringIO(_api(root)["events.csv"], newline=""))}
    # the fort has no coordinates of its own: the event takes the point of Karsk, which it lies within
    fort = rows["fort-falls"]
    assert (fort["latitude"], fort["longitude"], fort["geo_precision"], fort["geo_place"]) == ("0.5", "-0.333333", "minute", "karsk")


def test_generation_date_comes_from_the_last_commit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "file").write_text("x")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_COMMITTER_DATE": "2031-03-05T12:30:00+02:00"}
    for command in (["git", "init", "-q"], ["git", "add", "file"], ["git", "commit", "-q", "-m", "one"]):
        subprocess.run(command, cwd=repo, env=env, check=True)
    assert generation_date(repo) == "2031-03-05T12:30:00+02:00"
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1954026000")
    assert generation_date(outside) == "2031-12-03T01:00:00+00:00"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert generation_date(outside) == FALLBACK_DATE


def test_two_builds_publish_identical_files(tmp_path: Path) -> None:
    """Real builds: no clock, no random order anywhere in api/."""
    project = make_project(tmp_path / "p", FICTION / "data", FICTION / "docs", FICTION / "mkdocs.yml")
    trees = []
    for name in ("one", "two"):
        result = build(project, tmp_path / name)
        assert result.returncode == 0, result.output
        api = result.site / "api"
        trees.append({p.relative_to(api).as_posix(): p.read_bytes() for p in sorted(api.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) > 20
    index = json.loads(trees[0]["index.json"])
    assert index["generated"] == generation_date(project)


def test_entity_pages_end_with_edit_box_and_json_link(fiction_site: Path) -> None:
    html = (fiction_site / "units" / "grey-rifles-9" / "index.html").read_text(encoding="utf-8")
    box = html[html.index('class="bw-edit"'):]
    box = box[: box.index("</div>")]
    assert "<code>docs/units/grey-rifles-9.md</code>" in box
    for path in ("data/units.yaml", "data/sources.yaml", "data/events.yaml", "data/parties.yaml"):
        assert f"<code>{path}</code>" in box
    assert "<a href" not in box.split("bw-data-link")[0]  # no repository address configured: text only
    href = box.split('class="bw-data-link" href="')[1].split('"')[0]
    record = json.loads((fiction_site / "units" / "grey-rifles-9" / href).resolve().read_text(encoding="utf-8"))
    assert record["id"] == "grey-rifles-9" and record["item"]["party"] == "grey-army"
    chronology = (fiction_site / "chronology" / "index.html").read_text(encoding="utf-8")
    assert "<code>data/events.yaml</code>" in chronology[chronology.index('class="bw-edit"'):]


def test_edit_box_links_when_a_repository_is_configured(tmp_path: Path) -> None:
    root = _fiction_copy(tmp_path, {})
    index = load_index(root / "data", root)
    ids = {kind: [item.id for item in items] for kind, items in index.by_kind.items()}
    where = {"root": root, "data_dir": root / "data", "docs_dir": root / "docs", "repo_url": "https://git.example/wiki/"}
    data = PageData(index, SiteMap.scan(root / "docs", ids, index.battle.id), lambda: "places/karsk/", where)
    box = str(data.edit_block("places/karsk.md"))
    assert '<a href="https://git.example/wiki/edit/main/docs/places/karsk.md">' in box
    assert '<a href="https://git.example/wiki/edit/main/data/places.yaml">' in box
    assert 'href="../../api/places/karsk.json"' in box
    with pytest.raises(ValueError, match="unknown id"):
        data.json_link("no-such-thing")


def test_data_page_links_every_download(real_site: Path) -> None:
    page = real_site / "data" / "index.html"
    html = page.read_text(encoding="utf-8")
    hrefs = [part.split('"')[0] for part in html.split('class="bw-data-link" href="')[1:]]
    assert len(hrefs) >= 6
    for href in hrefs:
        assert (page.parent / href).resolve().is_file(), href
    names = {(page.parent / href).resolve().name for href in hrefs}
    assert {"index.json", "events.csv", "sources.csl.json", "places.geojson"} <= names
