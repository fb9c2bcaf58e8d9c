"""Identifications in the control views, and the data page's list of events.csv columns, on the
real site built from the repository's data and pages. The expected names come from the data's
`named` entries and the texts (see the comments), and the columns from the published file itself."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import ROOT
from readsite import page_tree, shown_text

from macros.engine import load_index


@pytest.fixture(scope="module")
def index():
    return load_index(ROOT / "data", ROOT)


def _identified_reports(index) -> list[tuple[str, str, str]]:
    """(site, event id, name) for each control report whose event names its site, or the unit
    based there, by an alias that is our identification."""
    out = []
    for event in index.events:
        for report in event.control:
            for named in event.named:
                entity = index.get(named.ref)
                alias = [a for a in entity.aliases if a.name == named.name and a.identified]
                if alias and (named.ref == report.site or getattr(entity, "garrison", None) == report.site):
                    out.append((report.site, event.id, named.name))
    return out


def test_each_control_row_from_an_identified_name_says_so(index, real_site: Path) -> None:
    reports = _identified_reports(index)
    # Wikipedia's "Supply and Transport Battalion 933" camp (May 2025) and KNG's LB 933 share one bar.
    assert ("battalion-933-base", "junta-positions-holding-may-2025", "Supply and Transport Battalion 933 camp") in reports
    assert len(reports) >= 8
    table = page_tree(real_site, "control").find_class("bw-control-table")[0]
    rows = [(r, shown_text(r)) for r in table.xpath(".//tbody/tr")]
    names: dict[tuple[str, str], set[str]] = {}
    for site, event_id, name in reports:  # a unit's name or its base's: either marks the report
        names.setdefault((site, event_id), set()).add(name)
    for (site, event_id), given in names.items():
        shown = [text for row, text in rows if row.xpath(f".//a[contains(@href, '#{event_id}')]") and text.startswith(index.get(site).name)]
        assert shown, f"{site}: no row for {event_id}"
        assert any(f"reported as {name}, identified here with" in text for text in shown for name in given), f"{site} / {event_id}: {shown}"


def test_a_bar_drawn_across_an_identification_carries_the_mark(real_site: Path) -> None:
    chart = page_tree(real_site, "control")
    row = chart.xpath("//li[@data-bw-site='battalion-933-base']")[0]
    titles = [bar.get("title") for bar in row.find_class("bw-bar")]
    assert any("reported as Supply and Transport Battalion 933 camp, identified here with Battalion 933 base" in t for t in titles), titles


def test_a_report_under_its_own_name_has_no_mark(index, real_site: Path) -> None:
    # KNG writes "LB 933" (a name it gives the base itself): its report on the base is not ours to mark.
    table = page_tree(real_site, "control").find_class("bw-control-table")[0]
    rows = [shown_text(r) for r in table.xpath(".//tbody/tr") if r.xpath(".//a[contains(@href, '#fighting-around-battalion-933')]")]
    assert rows and not any("identified here" in text for text in rows), rows


def test_the_chronology_names_the_river_as_myanmar_now_does_with_the_mark(real_site: Path) -> None:
    # Myanmar Now para. 12: "sending warships up the Ayeyarwady from Mandalay".
    entry = page_tree(real_site, "chronology").get_element_by_id("warships-arrive-from-mandalay")
    text = shown_text(entry)
    assert "Ayeyarwady (identified here with Irrawaddy River; the same river as the Irrawaddy" in text, text
    # where the row says which site changed state, it names it as the text does too
    prison = page_tree(real_site, "places/bhamo-prison").xpath("//ul[@class='bw-control-changes']/li")
    shown = [shown_text(li) for li in prison]
    assert any(t.startswith("Taminelone ward (identified here with Tar Mong Lone ward) fought over") for t in shown), shown


def test_the_data_page_lists_every_column_of_the_published_ledger_in_order(real_site: Path) -> None:
    with (real_site / "api" / "events.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert {"latitude", "longitude", "geo_precision", "geo_place"} <= set(header)
    page = page_tree(real_site, "data")
    item = next(li for li in page.xpath("//li") if shown_text(li).startswith("The event ledger."))
    assert [c.text_content() for c in item.xpath(".//code")][: len(header)] == header
