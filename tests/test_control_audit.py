"""Audit round 2 on the real site: each site's latest report says what the newest text about it
says (the texts' words are in the comments), never more, with its claimant where one side's word."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest


def latest(real_site: Path, url: str) -> str:
    tree = lxml.html.parse(str(real_site / url / "index.html")).getroot()
    (line,) = tree.xpath("//aside//p[contains(@class, 'bw-latest')]")
    return " ".join(line.text_content().split())


@pytest.mark.parametrize(("url", "shown", "not_shown"), [
    # KNG (Jan 2026): "the KIA's goal of capturing Bhamo has not yet been achieved"; in July 2025 the
    # KIA had to "withdraw from some of the areas it had previously held".
    ("places/bhamo", ["Contested", "after 15 Jan 2026"], ["Kachin Independence Army (partial)"]),
    # Myanmar Now, looking back: "captured … Armoured Battalion 7006 bases by February".
    ("places/armoured-battalion-7006-base", ["Kachin Independence Army", "by February 2025", "looking back"], []),
    # Naw Bu: "the same date they withdrew from the Artillery Battalion 366 base" (no new holder named).
    ("places/artillery-battalion-366-base", ["Kachin Independence Army withdrew", "Naw Bu"], ["Myanmar Army"]),
    ("units/artillery-battalion-366", ["Kachin Independence Army withdrew", "Naw Bu"], ["Myanmar Army"]),
    # Naw Bu: the KIA "still control a section of the airport"; "fighting was ongoing at the Bhamo Airport".
    ("places/bhamo-airport", ["Kachin Independence Army (partial)", "contested", "Naw Bu"], ["Myanmar Army"]),
    # The Irrawaddy, 8 May 2025: "the KIA-controlled jade mining hub of Hpakant".
    ("places/hpakant", ["Kachin Independence Army", "8 May 2025"], []),
    # Wikipedia's paragraph rests on Kachin media reports ("reportedly seized").
    ("places/moc-21-central-sentry-post", ["Kachin Independence Army", "Kachin media reports"], []),
])
def test_latest_report_follows_the_newest_text(real_site: Path, url: str, shown: list[str], not_shown: list[str]) -> None:
    line = latest(real_site, url)
    for words in shown:
        assert words in line, (url, line)
    for words in not_shown:
        assert words not in line, (url, line)


def chart_row(real_site: Path, site: str) -> tuple[list[str], list[list[str]]]:
    """The chart's bar titles for one site, and its rows in the table, on the control page."""
    tree = lxml.html.parse(str(real_site / "control" / "index.html")).getroot()
    (row,) = [r for r in tree.find_class("bw-chart-row") if " ".join(r.find_class("bw-chart-label")[0].text_content().split()) == site]
    bars = [b.get("title") for b in row.find_class("bw-bar")]
    table = [[" ".join(td.text_content().split()) for td in tr.xpath("./td")]
             for tr in tree.find_class("bw-control-table")[0].xpath(".//tbody/tr")]
    return bars, [r for r in table if r[0] == site]


# Audit round 3: a bar ends at its site's last report. DVB (late April 2025): Hpakant town "under
# KIA control"; The Irrawaddy (8 May 2025): "the KIA-controlled jade mining hub of Hpakant".
def test_a_repeated_holder_runs_to_its_last_report_and_every_report_is_in_the_table(real_site: Path) -> None:
    bars, rows = chart_row(real_site, "Hpakant")
    assert bars == ["Kachin Independence Army from 23 Apr 2024; last reported as of 8 May 2025, no later report"]
    assert [r[2] for r in rows] == ["23 Apr 2024 (a later text, looking back: 23 Apr 2024)", "23 Apr 2025", "as of 8 May 2025"]


# Myanmar Now, looking back: the bases were captured "by February"; no later text says who held the
# Armoured Battalion 7006 base, so its bar must not run on to the latest report (January 2026).
@pytest.mark.parametrize("site", ["Armoured Battalion 7006 base", "Junta office complex, Bhamo", "MOC-21 central sentry post"])
def test_no_holding_is_drawn_past_the_last_report(real_site: Path, site: str) -> None:
    bars, rows = chart_row(real_site, site)
    assert bars[-1].endswith("no later report") and "2026" not in bars[-1], bars
    assert rows[-1][3].startswith("no later report (last: ") and "2026" not in rows[-1][3], rows
