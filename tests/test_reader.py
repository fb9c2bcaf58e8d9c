"""Reader views in the built HTML: attributed claims, citations, timelines, control, aliases, search.

Most checks run on the fictional conflict (tests/fixtures/valid plus reader pages, see
reader_project.py), whose every value is known here; the last ones on the real site's aliases.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html
from reader_project import build_reader_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_reader_site(tmp_path_factory.mktemp("reader"))


def page(site: Path, url: str):
    return html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def text(element) -> str:
    return " ".join(element.text_content().replace("\u2060", "").split())


def reference(tree, mark) -> str:
    """The reference-list text that a citation mark points to."""
    target = mark.get("href")
    assert target.startswith("#ref-"), target
    return text(tree.get_element_by_id(target[1:]).find_class("bw-ref-text")[0])


def test_a_claim_reads_with_its_claimant_and_its_source(site: Path) -> None:
    tree = page(site, "battle")
    captured = tree.xpath("//aside[contains(@class,'bw-infobox')]//dt[.='Captured']/following-sibling::dd[1]")[0]
    assert re.fullmatch(r"40 \(BL claim\) ?\[\d+\]", text(captured)), text(captured)
    assert captured.xpath(".//a[.='BL']")[0].get("href") == "../parties/blue-league/"
    assert reference(tree, captured.xpath(".//sup[@class='bw-cite']/a")[0]).startswith("River Radio report")


def test_sources_differ_gives_each_value_with_its_own_source(site: Path) -> None:
    tree = page(site, "places/karsk")
    differ = tree.xpath("//aside//th[.='Population']/following-sibling::td//*[contains(@class,'bw-differ')]")[0]
    items = differ.xpath(".//li")
    assert [text(li).split("[")[0].strip() for li in items] == ["12,000", "15,000"]
    sources = [reference(tree, li.xpath(".//sup/a")[0]) for li in items]
    assert sources[0].startswith("North Gazette") and sources[1].startswith("River Radio")


def test_citations_numbered_by_first_use_with_backlinks_to_every_use(site: Path) -> None:
    tree = page(site, "battle")
    marks = tree.xpath("//sup[@class='bw-cite']")
    numbers = [int(m.xpath("./a")[0].get("href").removeprefix("#ref-")) for m in marks]
    first_seen = list(dict.fromkeys(numbers))
    assert first_seen == list(range(1, len(first_seen) + 1))
    for number in first_seen:
        uses = [m.get("id") for m, n in zip(marks, numbers, strict=True) if n == number]
        backlinks = tree.get_element_by_id(f"ref-{number}").xpath(".//span[@class='bw-backlinks']/a")
        assert [a.get("href") for a in backlinks] == [f"#{u}" for u in uses]
        if len(uses) > 1:  # Wikipedia-style letters
            assert [text(a) for a in backlinks] == [chr(97 + i) for i in range(len(uses))]
            assert [a.get("aria-label") for a in backlinks] == [f"Back to use {chr(97 + i)}" for i in range(len(uses))]
    # A citation's preview names its source, locator and quote (the tooltip text).
    quoted = [m.xpath("./a")[0].get("title") for m in marks if "fort is ours" in (m.xpath("./a")[0].get("title") or "")]
    assert quoted and quoted[0].startswith("River Radio report")


def test_chronology_groups_by_month_at_the_sources_precision(site: Path) -> None:
    tree = page(site, "chronology")
    months = [text(h) for h in tree.find_class("bw-month")]
    assert months == ["February 2031", "March 2031"]
    index = [(a.text, a.get("href")) for a in tree.xpath("//nav[@class='bw-month-index']//a")]
    assert index == [("February 2031", "#month-2031-02"), ("March 2031", "#month-2031-03")]
    dates = {li.get("id"): text(li.xpath(".//time")[0]) for li in tree.find_class("bw-event")}
    assert dates == {"siege-begins": "early February 2031", "fort-falls": "1 Mar 2031", "fort-retaken-in-part": "late March 2031"}


def test_timeline_entries_link_their_entities_and_carry_citations(site: Path) -> None:
    tree = page(site, "chronology")
    entry = tree.get_element_by_id("fort-falls")
    hrefs = {a.get("href") for a in entry.xpath(".//p[@class='bw-involved']//a")}
    assert {"../parties/blue-league/", "../units/grey-rifles-9/"} <= hrefs
    assert entry.xpath(".//ul[@class='bw-control-changes']//a[@href='../parties/blue-league/']")
    for li in tree.find_class("bw-event"):
        assert li.xpath(".//sup[@class='bw-cite']"), li.get("id")


def test_filters_are_in_the_page_but_hidden_until_the_script_runs(site: Path) -> None:
    tree = page(site, "chronology")
    form = tree.find_class("bw-filters")[0]
    assert form.get("hidden") is not None
    selects = {s.get("data-bw-attr"): [o.get("value") for o in s.xpath("./option")] for s in form.xpath(".//select")}
    assert selects["units"] == ["", "grey-rifles-9"]
    assert selects["phase"] == ["", "siege", "fall-of-the-fort"]
    assert set(selects["kind"]) == {"", "attack", "capture", "counteroffensive"}
    assert set(selects["parties"]) == {"", "blue-league", "grey-army"}
    retaken = tree.get_element_by_id("fort-retaken-in-part")
    assert retaken.get("data-units") == "grey-rifles-9" and retaken.get("data-parties") == "grey-army"
    assert tree.get_element_by_id("siege-begins").get("data-phase") == "siege"
    assert '<script src="../assets/timeline.js"' in (site / "chronology" / "index.html").read_text()


def test_unit_page_timeline_shows_only_its_events(site: Path) -> None:
    tree = page(site, "units/grey-rifles-9")
    titles = [text(t) for t in tree.find_class("bw-title")]
    assert titles == ["The League says Karsk Fort has fallen", "The Grey Army says it retook part of the fort"]


def test_phase_page_gives_its_range_neighbours_and_events(site: Path) -> None:
    tree = page(site, "phases/siege")
    rows = {text(tr.xpath("./th")[0]): text(tr.xpath("./td")[0]) for tr in tree.xpath("//aside//tr[th and td]")}
    assert rows["Dates"] == "Feb 2031 – 27 Feb 2031"
    assert rows["Followed by"] == "Fall of the fort" and "Preceded by" not in rows
    assert rows["Part of"] == "Battle of Karsk"
    assert text(tree.find_class("bw-range")[0]) == "From Feb 2031 to 27 Feb 2031: 1 event recorded."
    assert [li.get("id") for li in tree.find_class("bw-event")] == ["siege-begins"]


def test_control_chart_table_and_summary(site: Path) -> None:
    tree = page(site, "control")
    (row,) = tree.find_class("bw-chart-row")
    assert text(row.find_class("bw-chart-label")[0]) == "Karsk Fort"
    bars = row.find_class("bw-bar")
    assert [b.get("href") for b in bars] == ["../chronology/#fort-falls", "../chronology/#fort-retaken-in-part"]
    assert "bw-partial" not in bars[0].get("class") and "bw-partial" in bars[1].get("class")
    assert bars[0].get("class") != bars[1].get("class").replace(" bw-partial", "")  # two holders, two colours
    spans = [[float(v) for v in re.findall(r"([\d.]+)%", b.get("style"))] for b in bars]
    assert spans[0][0] < spans[1][0]
    # The last bar ends with its own report, late March (the 21st to the 31st): no later text says
    # who holds the fort. The change and the report fall some time in those days, not on all of
    # them, so the whole stretch is drawn faded.
    assert "last reported late March 2031, no later report" in text(bars[1])
    (fade,) = row.find_class("bw-fade")
    assert [float(v) for v in re.findall(r"([\d.]+)%", fade.get("style"))] == spans[1]
    assert bars[1].get("data-bw-days").endswith(" 2031-03-31")
    # A one-party account of control names its claimant in the chart too, in the table's words.
    assert "Grey Army (partial) (Grey Army claim) from late March 2031" in text(bars[1])
    held = [text(tr.xpath("./td")[1]) for tr in tree.find_class("bw-control-table")[0].xpath(".//tbody/tr")]
    assert text(bars[1]).startswith(held[-1] + " "), (held, text(bars[1]))
    assert [text(t) for t in tree.find_class("bw-tick")] == ["Feb 2031", "Mar"]  # the year once, then months
    # The newest report as its text dates it, not the axis's last possible day (31 Mar 2031)
    caption = text(tree.xpath("//figure[contains(@class, 'bw-chart')]/figcaption")[0])
    assert "to the newest report in this record (late March 2031), which need not be about this site." in caption
    legend = [text(li) for li in tree.find_class("bw-legend")[0]]
    # The Blue League's report (1 March) is not repeated by the next (late March): the days between are "no report".
    assert legend == ["Blue League", "Grey Army", "partial control", "contested (held, other side inside or around)",
                      "dated only by a bound or a period (some time in this stretch)", "no report (no text says who held it)"]
    table = [[text(td) for td in tr.xpath("./td")] for tr in tree.find_class("bw-control-table")[0].xpath(".//tbody/tr")]
    assert [r[:4] for r in table] == [
        ["Karsk Fort", "Blue League (BL claim)", "1 Mar 2031",
         "last reported after 10 Mar 2031; then no report until the next, which differs (late March 2031)"],
        ["Karsk Fort", "Grey Army (partial) (Grey Army claim)", "late March 2031", "no later report (last: late March 2031)"],
    ]
    summary = tree.find_class("bw-control-summary")[0].xpath(".//tbody/tr/td")
    assert text(summary[1]) == "Grey Army (partial) (Grey Army claim)" and text(summary[3]).startswith("after 10 Mar 2031")


def test_unit_page_shows_its_garrison_control_and_mentions(site: Path) -> None:
    tree = page(site, "units/grey-rifles-9")
    assert len(tree.find_class("bw-bar")) == 2
    mentions = text(tree.find_class("bw-mentions")[0])
    assert "The League says Karsk Fort has fallen" in mentions and "Battle of Karsk" in mentions


def test_place_and_unit_infoboxes_give_control_history(site: Path) -> None:
    for url, label in (("units/grey-rifles-9", "Garrison held by"), ("places/karsk", None)):
        tree = page(site, url)
        rows = tree.xpath(f"//aside//th[.='{label}']/following-sibling::td//li") if label else []
        if label:
            assert [text(li).split("[")[0].strip() for li in rows] == [
                "Blue League (BL claim), from 1 Mar 2031", "Grey Army (partial) (Grey Army claim), from late March 2031"]
        else:  # Karsk itself never changed hands: no row, but its page charts the fort within it
            assert not tree.xpath("//aside//th[.='Held by']")
            assert [text(r.find_class("bw-chart-label")[0]) for r in tree.find_class("bw-chart-row")] == ["Karsk Fort"]


def test_sources_page_lists_pages_and_events_citing_each_source(site: Path) -> None:
    tree = page(site, "sources")
    radio = tree.get_element_by_id("river-radio-report")
    pages = [a.text for a in radio.xpath(".//details//p[.='Pages']/following-sibling::ul[1]//a")]
    assert {"Battle of Karsk", "Chronology", "9th Grey Rifles"} <= set(pages)
    events = {a.text for a in radio.xpath(".//details//p[.='Events']/following-sibling::ul[1]//a")}
    assert events == {"The League says Karsk Fort has fallen", "The Grey Army says it retook part of the fort"}


def test_disagreements_page_lists_each_with_its_owner(site: Path) -> None:
    tree = page(site, "disagreements")
    rows = tree.find_class("bw-disagreements")[0].xpath(".//tbody/tr")
    assert len(rows) == 1
    owner = rows[0].xpath("./td[1]/a")[0]
    assert (owner.text, owner.get("href")) == ("Karsk", "../places/karsk/")
    assert text(rows[0].xpath("./td[2]")[0]) == "population"


def test_every_alias_url_redirects_to_its_entity(site: Path) -> None:
    for alias, target in [("units/gr-9", "../grey-rifles-9/"), ("places/karsko", "../karsk/"), ("battle-of-karsk", "../battle/")]:
        redirect = (site / alias / "index.html").read_text()
        assert f'url={target}"' in redirect, alias


def test_search_index_holds_aliases_as_separate_words(site: Path) -> None:
    docs = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    unit = next(d for d in docs if d["location"] == "units/grey-rifles-9/")
    assert re.search(r"(^|\W)GR 9(\W|$)", unit["text"]), unit["text"][:200]
    place = next(d for d in docs if d["location"] == "places/karsk/")
    assert re.search(r"(^|\s)Karsko(\s|$)", place["text"]), place["text"][:200]


# The aliases the issue names, on the real site: each URL leads to the entity, and search indexes it.
REAL_ALIASES = {"Banmaw": "places", "Tar Mong Lone": "places", "LIB 47": "units", "LB 933": "units"}


@pytest.mark.parametrize("alias", REAL_ALIASES)
def test_real_alias_redirects_and_is_searchable(alias: str, real_site: Path) -> None:
    slug = re.sub(r"[^a-z0-9]+", "-", alias.lower())
    redirect = (real_site / REAL_ALIASES[alias] / slug / "index.html").read_text()
    target = re.search(r'url=\.\./([^"/]+)/"', redirect).group(1)
    entity = page(real_site, f"{REAL_ALIASES[alias]}/{target}")
    assert alias in text(entity.xpath("//aside[contains(@class,'bw-infobox')]//th[.='Also known as']/following-sibling::td")[0])
    docs = json.loads((real_site / "search" / "search_index.json").read_text())["docs"]
    texts = " ".join(d["text"] for d in docs if d["location"] == f"{REAL_ALIASES[alias]}/{target}/")
    assert re.search(rf"(^|[\s,]){re.escape(alias)}([\s,]|$)", texts)
