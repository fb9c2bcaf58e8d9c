"""The maps and the control page on the real site tell one story (audit round 6, core 1 and 2).

Every pin label and map-table row states a site's latest report with all that the control page
states for it (claimant, contested ground, partial control, its note, the date a text looks back
to); and the chronology's month slider colours each site in a month as the control chart draws
it, grey after the last report about the site. Everything is read from the built HTML of both
pages: nothing here is copied from the templates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import lxml.html

MONTH = re.compile(r"\b(" + "|".join(m for m in calendar.month_name if m) + "|" + "|".join(m for m in calendar.month_abbr if m)
                   + r")\b\.? (\d{4})")


DRAWN = {"bw-partial", "bw-contested"}  # how a swatch, a bar or a pin is drawn besides its colour


def page(site: Path, path: str):
    return lxml.html.parse(str(site / path / "index.html")).getroot()


def words(node) -> str:
    return " ".join(node.text_content().split())


def ident(href: str) -> str:
    """A place's id from a link to its page (every page links to places/<id>/)."""
    return href.rstrip("/").rsplit("/", 1)[-1]


def summary(site: Path) -> dict[str, tuple[str, list[str]]]:
    """The control page's latest-report table: per site, its 'held by' cell and its look-back dates."""
    rows = {}
    for tr in page(site, "control").xpath("//table[contains(@class, 'bw-control-summary')]//tbody/tr"):
        cells = tr.xpath("./td")
        rows[ident(cells[0].xpath(".//a/@href")[0])] = (words(cells[1]), [words(s) for s in tr.find_class("bw-asof")])
    return rows


def swatches(site: Path) -> dict[str, set[str]]:
    """Per site, how the control page's latest-report swatch is drawn (partial, contested)."""
    out = {}
    for tr in page(site, "control").xpath("//table[contains(@class, 'bw-control-summary')]//tbody/tr"):
        cells = tr.xpath("./td")
        out[ident(cells[0].xpath(".//a/@href")[0])] = set(cells[1].find_class("bw-swatch")[0].get("class").split()) & DRAWN
    return out


def qualifiers(site: Path) -> dict[str, list[str]]:
    """Per site, each qualifier (a `bw-q` span) of the 'held by' cell of its latest report."""
    out = {}
    for tr in page(site, "control").xpath("//table[contains(@class, 'bw-control-summary')]//tbody/tr"):
        cells = tr.xpath("./td")
        out[ident(cells[0].xpath(".//a/@href")[0])] = [words(q) for q in cells[1].find_class("bw-q")]
    return out


def last_reported_month(site: Path) -> dict[str, str]:
    """Per site whose last report has no later one, the month of that report, from the control
    table's 'no later report (last: …)' cell, as "YYYY-MM"."""
    out = {}
    for tr in page(site, "control").xpath("//table[contains(@class, 'bw-control-table')]//tbody/tr"):
        cells = tr.xpath("./td")
        until = words(cells[3])
        found = MONTH.search(until) if until.startswith("no later report") else None
        if found:
            names = [*calendar.month_name], [*calendar.month_abbr]
            month = names[0].index(found[1]) if found[1] in names[0] else names[1].index(found[1])
            out[ident(cells[0].xpath(".//a/@href")[0])] = f"{found[2]}-{month:02d}"
    return out


def chart(site: Path) -> dict[str, list[tuple[dt.date, dt.date, set[str]]]]:
    """The control chart's bars per site: first day, last day, and the classes that colour it."""
    rows = {}
    for li in page(site, "control").find_class("bw-chart-row"):
        bars = []
        for bar in li.find_class("bw-bar"):
            first, last = (dt.date.fromisoformat(d) for d in bar.get("data-bw-days").split())
            bars.append((first, last, {c for c in bar.get("class").split() if c.startswith("bw-holder") or c in ("bw-partial", "bw-contested", "bw-inferred")}))
        rows[li.get("data-bw-site")] = bars
    return rows


def _by_month(figure: Any, pin: Any) -> dict[str, str]:
    """A pin's class in every month, as assets/map.js reads it: a month the table lacks is plain."""
    table = json.loads(pin.get("data-bw-months"))
    return {month: table.get(month, "bw-pin-plain") for month in figure.get("data-bw-map-months").split()}


def slider(site: Path) -> tuple[list[str], dict[str, dict[str, str]], dict[str, str]]:
    """The chronology map: its months, each pin's colour per month, and each pin's static colour."""
    doc = page(site, "chronology")
    (figure,) = doc.xpath("//div[contains(@class, 'bw-chrono-map')]//div[@data-bw-map-months]")
    pins = figure.xpath(".//a[@data-bw-months]")
    return (figure.get("data-bw-map-months").split(), {p.get("data-bw-pin"): _by_month(figure, p) for p in pins},
            {p.get("data-bw-pin"): p.xpath(".//*[contains(@class, 'bw-map-dot')]/@class")[0] for p in pins})


def map_pages(site: Path) -> list[str]:
    phases = sorted(p.parent.name for p in (site / "phases").glob("*/index.html"))
    return ["map", "chronology", *[f"phases/{p}" for p in phases]]


def test_every_pin_and_map_row_states_the_latest_report_as_the_control_page_does(real_site: Path) -> None:
    latest, drawn = summary(real_site), swatches(real_site)
    checked = {"pins": 0, "rows": 0}
    for path in map_pages(real_site):
        doc = page(real_site, path)
        names = {}
        for table in doc.xpath("//table[contains(@class, 'bw-map-table')]"):
            for tr in table.xpath(".//tbody/tr"):
                cells = tr.xpath("./td")
                place = ident(cells[0].xpath(".//a/@href")[0])
                names[place] = words(cells[0])
                if place in latest:
                    held, back = latest[place]
                    for part in [held, *back]:
                        assert part in words(cells[3]), (path, place, part, words(cells[3]))
                    checked["rows"] += 1
        for pin in doc.xpath("//svg[@data-bw-map]//a[@data-bw-pin]"):
            place, label = pin.get("data-bw-pin"), " ".join(pin.get("aria-label").split())
            # The Map page and the chronology colour every pin by holder; a phase map's pins that
            # say anything of a holder must say all of it.
            if place in latest and (path in ("map", "chronology") or label != names.get(place)):
                held, back = latest[place]
                for part in [held, *back]:
                    assert part in label, (path, place, part, label)
                assert " ".join(pin.xpath("string(./title)").split()) == label
                if path in ("map", "chronology"):  # the dot is drawn as the control page's swatch
                    dot = set(pin.xpath(".//*[contains(@class, 'bw-map-dot')]/@class")[0].split())
                    assert dot & DRAWN == drawn[place], (path, place, dot, drawn[place])
                checked["pins"] += 1
    assert checked["rows"] >= 10 and checked["pins"] >= 4, checked
    # The place page's infobox gives each qualifier of its newest report too (it words the date its own way).
    marked = qualifiers(real_site)
    assert any(marked.values())
    for place, parts in marked.items():
        if (real_site / "places" / place / "index.html").is_file():
            (line,) = page(real_site, f"places/{place}").xpath("//aside//p[contains(@class, 'bw-latest')]")
            for part in parts:
                assert part in words(line), (place, part, words(line))


def test_the_bhamo_airport_pin_names_its_claimant_and_its_contested_state(real_site: Path) -> None:
    """The audit's case: Naw Bu's word that the KIA holds part of the airport, fighting going on."""
    (pin,) = page(real_site, "map").xpath("//svg[@data-bw-map]//a[@data-bw-pin='bhamo-airport']")[:1]
    label = pin.get("aria-label")
    assert "Naw Bu" in label and "(partial)" in label and "the fighting there goes on" in label, label


def test_the_slider_colours_each_month_as_the_control_chart_draws_it(real_site: Path) -> None:
    months, pins, _static = slider(real_site)
    bars, latest = chart(real_site), summary(real_site)
    compared = 0
    for place, colours in pins.items():
        assert sorted(colours) == months, place
        if place in latest:
            assert place in bars, f"{place} has a latest report but no row on the control chart"
        for key in months:
            year, month = map(int, key.split("-"))
            first, last = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
            drawn = [b for b in bars.get(place, []) if b[0] <= last and b[1] >= first]
            want = drawn[-1][2] if drawn else {"bw-holder-none"}
            if "bw-inferred" in want:  # a colour cannot carry the inference label: the map shows no holder
                want = {"bw-pin-plain"}
            elif "bw-holder-none" in want:  # the chart's grey is the map's plain pin
                want = {"bw-pin-plain"} | (want & DRAWN)
            assert set(colours[key].split()) == want, (place, key, colours[key], want)
            compared += 1
    assert compared > 50


def test_no_pin_keeps_a_holder_after_the_last_report_about_its_site(real_site: Path) -> None:
    """Read from the control table's 'no later report (last: …)', not from the chart's attributes."""
    months, pins, _static = slider(real_site)
    ended = last_reported_month(real_site)
    after = 0
    for place, colours in pins.items():
        if place not in ended:
            continue
        for key in months:
            if key > ended[place]:
                assert "bw-pin-plain" in colours[key].split(), (place, key, ended[place], colours[key])
                after += 1
    assert after > 20  # Mansi, Hpakant and the airport each end long before the last month



def test_the_slider_shows_a_holder_only_in_months_a_bar_reaches(real_site: Path) -> None:
    """Audit r7: a state is drawn only to its own last report (on to the next only if that repeats
    it), and a month no bar reaches shows no holder. The Irrawaddy (8 May 2025) has junta troops in
    a pincer attack on KIA-held Hpakant: May 2025 shows it contested, not plainly held."""
    months, colours, _static = slider(real_site)
    rows = chart(real_site)
    for site, by_month in colours.items():
        for month in months:
            if not by_month.get(month, "").startswith("bw-holder-"):
                continue
            first = dt.date.fromisoformat(month + "-01")
            last = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1) - dt.timedelta(days=1)
            assert any(a <= last and b >= first for a, b, _ in rows.get(site, [])), (site, month)
    assert "bw-contested" in colours["hpakant"]["2025-05"].split(), colours["hpakant"]["2025-05"]


def test_every_map_row_cites_the_texts_of_the_report_it_states(real_site: Path) -> None:
    """Audit r15: a phase infobox's map table stated KNG's report on Bhamo while its Sources row
    cited only the phase's own texts. Each holder cell now carries its report's citations, and
    each points at a numbered reference on the same page."""
    cited = 0
    for path in map_pages(real_site):
        tree = page(real_site, path)
        refs = {a.get("id") for a in tree.xpath("//*[starts-with(@id, 'ref-')]")}
        for row in tree.xpath("//table[contains(@class, 'bw-map-table')]/tbody/tr"):
            held = row.xpath("./td")[3]
            if words(held) == "no change recorded":
                continue
            links = held.xpath(".//sup[contains(@class, 'bw-cite')]/a/@href")
            assert links, (path, words(row))
            assert all(link.lstrip("#") in refs for link in links), (path, links)
            cited += 1
    assert cited > 20
