"""Who holds a site, in every view (macros/views/control.py, maps.py, parts.html.j2), on the
fictional fixture built for real: a foothold ends at its own last report, an inferred report
carries one label everywhere, a report's date and marks are those of the texts that report that
site, and every infobox line carries its own look-back and note."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from conftest import FIXTURES, build, make_project

# The ferry: the North Gazette (2 March) has the League inside the Army's ferry yard; the event
# also cites River Radio (after 10 March), which does not speak of the ferry. River Radio looks
# back to the Army's post there on 1 February, reports the Army holding it on 20 March, and this
# wiki infers a loss on 25 March that no text states.
FERRY = """
  - id: ferry-post
    date: 2031-02-01
    kind: other
    title: The Army's ferry post
    summary: The Army keeps a post at the ferry.
    places: [karsk-ferry]
    control:
      - {site: karsk-ferry, holds: grey-army, as_of: 2031-02-01, note: a post on the bank}
    sources: [river-radio-report]
  - id: ferry-yard-entered
    date: 2031-02-10
    kind: attack
    title: The League enters the ferry yard
    summary: League fighters get into the ferry yard.
    places: [karsk-ferry]
    control:
      - site: karsk-ferry
        holds: grey-army
        foothold: blue-league
        note: inside the yard
        sources: [north-gazette-2031-03-02]
    sources: [north-gazette-2031-03-02, river-radio-report]
  - id: ferry-held
    date: 2031-03-20
    kind: other
    title: The Army holds the ferry
    summary: The Army is at the ferry.
    places: [karsk-ferry]
    control:
      - {site: karsk-ferry, holds: grey-army}
    sources: [river-radio-report]
  - id: ferry-lost
    date: 2031-03-25
    kind: capture
    title: The ferry changes hands
    summary: The League has the ferry.
    places: [karsk-ferry]
    control:
      - {site: karsk-ferry, to: blue-league, inferred: true, note: "from the word 'again'"}
    sources: [river-radio-report]
"""
PAGES = {
    "chronology.md": "# Chronology\n\n{{ chronology() }}\n\n## References\n\n{{ references() }}\n",
    "control.md": "# Control\n\n{{ control_summary() }}\n\n{{ control() }}\n\n## References\n\n{{ references() }}\n",
    "places/karsk-ferry.md": "# Karsk Ferry\n\n{{ infobox('karsk-ferry') }}\n\n## References\n\n{{ references() }}\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    valid = FIXTURES / "valid"
    where = tmp_path_factory.mktemp("control-views")
    project = make_project(where / "project", valid / "data", valid / "docs")
    with (project / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(FERRY)
    for name, text in PAGES.items():
        (project / "docs" / name).write_text(text, encoding="utf-8")
    result = build(project, where / "site")
    assert result.returncode == 0, result.output
    return result.site


def page(site: Path, url: str) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(site / url / "index.html")).getroot()


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(re.sub(r"\[\d+\]|\u2060", "", element.text_content()).split())


def ferry(site: Path) -> tuple[list[lxml.html.HtmlElement], list[list[str]], list[str]]:
    """The ferry's chart bars, its table rows and its summary row on the control page."""
    tree = page(site, "control")
    (row,) = [r for r in tree.find_class("bw-chart-row") if text(r.find_class("bw-chart-label")[0]) == "Karsk Ferry"]
    table = [[text(td) for td in tr.xpath("./td")] for tr in tree.find_class("bw-control-table")[0].xpath(".//tbody/tr")]
    summary = [[text(td) for td in tr.xpath("./td")] for tr in tree.find_class("bw-control-summary")[0].xpath(".//tbody/tr")]
    (latest,) = [r for r in summary if r[0] == "Karsk Ferry"]
    return row.find_class("bw-bar"), [r for r in table if r[0] == "Karsk Ferry"], latest


def edges(bar: lxml.html.HtmlElement) -> tuple[float, float]:
    left, width = (float(v) for v in re.findall(r"([\d.]+)%", bar.get("style")))
    return left, left + width


def test_a_foothold_ends_at_its_own_last_report_not_at_the_next_report(site: Path) -> None:
    bars, rows, _ = ferry(site)
    titles = [b.get("title") for b in bars]
    assert titles[1] == ("Grey Army (contested: Blue League inside or around it) from 10 Feb 2031; last reported 2 Mar 2031, "
                         "then no report until the next, which differs (20 Mar 2031)"), titles
    assert edges(bars[1])[1] < edges(bars[2])[0] - 5  # a gap: no text reports the ferry between 2 and 20 March
    assert rows[1][3] == "last reported 2 Mar 2031; then no report until the next, which differs (20 Mar 2031)"


def test_a_holding_runs_on_only_to_a_next_report_that_repeats_it(site: Path) -> None:
    """The Army's post of 1 February is not repeated by the foothold of 10 February: it is drawn
    on 1 February only, and the days between are a "no report" stretch with neither holder."""
    bars, rows, _ = ferry(site)
    assert rows[0][3] == "last reported 1 Feb 2031; then no report until the next, which differs (10 Feb 2031)", rows[0]
    assert bars[0].get("data-bw-days") == "2031-02-01 2031-02-01"
    tree = page(site, "control")
    (row,) = [r for r in tree.find_class("bw-chart-row") if r.get("data-bw-site") == "karsk-ferry"]
    gaps = row.find_class("bw-gap")
    assert [g.get("data-bw-days") for g in gaps] == ["2031-02-01 2031-02-10", "2031-03-02 2031-03-20", "2031-03-20 2031-03-25"]
    assert gaps[0].get("title") == ("No report between the report of 1 Feb 2031 and the next (10 Feb 2031): "
                                    "no text says who held it")
    assert edges(gaps[0]) == pytest.approx((edges(bars[0])[1], edges(bars[1])[0]), abs=0.02)


def test_an_inferred_report_carries_the_same_label_in_every_view(site: Path) -> None:
    bars, rows, latest = ferry(site)
    label = "(this wiki's inference)"
    assert bars[-1].get("title").startswith(f"Blue League {label} from 25 Mar 2031"), bars[-1].get("title")
    assert rows[-1][1].startswith(f"Blue League {label}") and latest[1].startswith(f"Blue League {label}")
    held = text(page(site, "places/karsk-ferry").xpath("//aside//tr[th='Held by']/td")[0])
    assert f"Blue League {label}, from 25 Mar 2031" in held and f"By the newest text about this site (after 10 Mar 2031): Blue League {label}" in held
    pins = [p.get("aria-label") for p in page(site, "map").xpath("//*[@data-bw-pin]")]  # the map's SVG
    assert any(p.startswith(f"Karsk Ferry: Blue League {label}") for p in pins), pins  # the table's words
    assert not any(label in text(r) for r in page(site, "control").find_class("bw-chart-row") if "Karsk Fort" in text(r))
    chronology = page(site, "chronology")
    lines = [text(li) for li in chronology.xpath("//ul[contains(@class, 'bw-control-changes')]/li")]
    assert f"Karsk Ferry passes to Blue League {label} (from the word 'again')" in lines, lines
    # The month slider can show no label, so it shows no holder for the inferred month (March 2031).
    (pin,) = chronology.xpath("//*[@data-bw-pin='karsk-ferry'][@data-bw-months]")
    months = json.loads(pin.get("data-bw-months"))
    assert months.get("2031-03", "bw-pin-plain") == "bw-pin-plain" and months["2031-02"].startswith("bw-holder-"), months


def test_a_reports_date_and_marks_are_those_of_the_texts_that_report_its_site(site: Path) -> None:
    bars, _, _ = ferry(site)
    # Only the North Gazette (2 March) speaks of the ferry yard; River Radio (after 10 March) does not.
    assert "after 10 Mar" not in bars[1].get("title")
    tree = page(site, "control")
    (row,) = [tr for tr in tree.find_class("bw-control-table")[0].xpath(".//tbody/tr") if "ferry-yard-entered" in lxml.html.tostring(tr, encoding="unicode")]
    cited = {a.get("title") for a in row.xpath(".//sup[contains(@class, 'bw-cite')]/a")}
    assert len(cited) == 1 and "Gazette" in next(iter(cited)), cited


def test_every_infobox_line_carries_its_own_look_back_and_note(site: Path) -> None:
    items = [text(li) for li in page(site, "places/karsk-ferry").xpath("//aside//ul[contains(@class, 'bw-held')]/li")]
    assert items[0] == "Grey Army, reported holding it 1 Feb 2031 (a later text, looking back: 1 Feb 2031) (a post on the bank)"
    assert items[1] == "Grey Army (contested: Blue League inside or around it), reported holding it 10 Feb 2031 (inside the yard)"
    assert items[2] == "Grey Army, reported holding it 20 Mar 2031"
    assert items[3] == "Blue League (this wiki's inference), from 25 Mar 2031 (from the word 'again')"
