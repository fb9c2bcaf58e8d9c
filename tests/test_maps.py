"""Maps in the built site: inline SVG with pins that link to existing pages, a table with the
same places, no request anywhere else, small enough for an infobox; the fiction builds its own."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

from lxml import html

INFOBOX_BUDGET = 30 * 1024


def _doc(site: Path, path: str):
    return html.fromstring((site / path / "index.html").read_bytes())


def _target(site: Path, page: str, href: str) -> Path:
    url = urlparse(urljoin(f"http://x/{page}", href)).path.lstrip("/")
    return site / url / "index.html" if not url.endswith(".html") else site / url


def test_the_map_page_pins_every_sourced_place_and_each_pin_links_to_its_page(real_site: Path) -> None:
    doc = _doc(real_site, "map")
    svg = doc.xpath("//svg[@data-bw-map]")
    assert len(svg) == 2  # every pinned place, and the places around the battle's town
    pins = svg[0].xpath(".//a[@data-bw-pin]")
    geo = json.loads((real_site / "api" / "places.geojson").read_text(encoding="utf-8"))
    assert sorted(p.get("data-bw-pin") for p in pins) == sorted(f["id"] for f in geo["features"])
    for pin in pins:
        assert pin.get("aria-label", "").startswith(pin.xpath("string(.//title)").split(",")[0])
        assert _target(real_site, "map/", pin.get("xlink:href")).is_file(), pin.get("xlink:href")
    table = doc.xpath("//table[contains(@class, 'bw-map-table')]")[0]
    assert len(table.xpath(".//tbody/tr")) == len(pins)
    assert doc.xpath("//svg//title") and doc.xpath("//svg//desc")
    assert doc.xpath("//ul[contains(@class, 'bw-legend')]")


def test_no_map_refers_to_anything_outside_the_page(real_site: Path) -> None:
    for page in ("map", "places/bhamo", "chronology", "battle"):
        for svg in _doc(real_site, page).xpath("//svg[@data-bw-map]"):
            text = html.tostring(svg, encoding="unicode")
            assert not re.search(r"(?:src|xlink:href|url\()\s*=?\s*[\"']?(?:https?:)?//", text), page
            assert not svg.xpath(".//image | .//script | .//foreignObject | .//use"), page


def test_a_place_with_coordinates_has_a_locator_map_and_one_without_says_where_it_is(real_site: Path) -> None:
    bhamo = _doc(real_site, "places/bhamo")
    box = bhamo.xpath("//aside[contains(@class, 'bw-infobox')]")[0]
    focus = box.xpath(".//svg//a[contains(@class, 'bw-map-focus')]")
    assert [a.get("data-bw-pin") for a in focus] == ["bhamo"]
    size = len(html.tostring(box.xpath(".//div[contains(@class, 'bw-map')]")[0]))
    assert size <= INFOBOX_BUDGET, f"the infobox map is {size} bytes"
    base = _doc(real_site, "places/battalion-236-base")
    text = " ".join(base.xpath("string(//aside[contains(@class, 'bw-infobox')])").split())
    assert not base.xpath("//aside//svg")
    assert "No source gives its coordinates" in text and "Bhamo" in text and "north side of the town" in text


def test_the_battle_and_each_phase_show_their_places(real_site: Path) -> None:
    battle = _doc(real_site, "battle")
    assert battle.xpath("//aside//svg//a[@data-bw-pin='bhamo']")
    fall = _doc(real_site, "phases/fall-of-mansi")
    pins = {a.get("data-bw-pin") for a in fall.xpath("//aside//svg//a[@data-bw-pin]")}
    assert "mansi" in pins


def test_the_cross_check_table_sets_each_stated_distance_beside_the_computed_one(real_site: Path) -> None:
    rows = _doc(real_site, "map").xpath("//table[contains(@class, 'bw-crosscheck')]/tbody/tr")
    cells = [" ".join(r.xpath("string(.)").split()) for r in rows]
    assert len(cells) == 4
    myitkyina = next(c for c in cells if c.startswith("Myitkyina Bhamo"))
    # 25°23′N 97°24′E to 24°16′N 97°14′E: about 125 km, bearing about 188° (S), against the text's 193 km, south
    assert "120 mi (193 km), S" in myitkyina and "(125 km), S" in myitkyina and "distance differs" in myitkyina
    assert "direction agrees" in myitkyina


def test_events_csv_has_coordinates_from_the_most_precise_place(real_site: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((real_site / "api" / "events.csv").read_text(encoding="utf-8"), newline="")))
    located = [r for r in rows if r["latitude"]]
    assert located and all(r["geo_precision"] in ("degree", "minute", "second") for r in located)
    airport = [r for r in rows if "bhamo-airport" in r["places"].split(";")]
    assert airport and all(r["geo_place"] == "bhamo-airport" and r["geo_precision"] == "second" for r in airport)


def test_the_fiction_renders_its_own_maps_without_outlines(fiction_site: Path) -> None:
    doc = _doc(fiction_site, "map")
    svg = doc.xpath("//svg[@data-bw-map]")[0]
    assert sorted(a.get("data-bw-pin") for a in svg.xpath(".//a[@data-bw-pin]")) == ["karsk", "karsk-ferry"] or \
        sorted(g.get("data-bw-pin") for g in svg.xpath(".//*[@data-bw-pin]")) == ["karsk", "karsk-ferry"]
    assert not svg.xpath(".//g[contains(@class, 'bw-map-land')]/path")  # no basemap configured
    assert svg.xpath(".//g[contains(@class, 'bw-map-grid')]/path")
    check = " ".join(doc.xpath("string(//table[contains(@class, 'bw-crosscheck')])").split())
    assert "11 mi, W" in check and "distance agrees" in check and "direction agrees" in check
    assert _doc(fiction_site, "places/karsk").xpath("//aside//svg//a[@data-bw-pin='karsk']")
