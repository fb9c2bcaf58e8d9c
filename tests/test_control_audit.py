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
