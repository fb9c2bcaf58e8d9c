"""Lookups built from a valid dataset (macros.index): the latest-report view of control."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES

from macros.checks import check
from macros.dataset import load_dataset
from macros.index import build_index

VALID = FIXTURES / "valid" / "data"

# The North Gazette (2 March) reports the fort held on 2 March; River Radio (after 10 March) only
# looks back to its fall on 1 March, and then reports the League withdrawing, naming no new holder.
EVENTS = """
  - id: fort-held-on-2-march
    date: 2031-03-02
    kind: other
    title: The League holds the fort
    summary: The League is in the fort.
    places: [karsk-fort]
    control:
      - {site: karsk-fort, holds: blue-league}
    sources: [north-gazette-2031-03-02]
"""
WITHDRAWAL = """
  - id: league-leaves-the-fort
    date: 2031-03-08
    kind: withdrawal
    title: The League leaves the fort
    summary: The League pulls out of the fort.
    places: [karsk-fort]
    control:
      - {site: karsk-fort, withdraws: blue-league}
    sources: [river-radio-report]
"""


def _index(tmp_path: Path, extra: str, looks_back: bool):
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    events = data / "events.yaml"
    text = events.read_text(encoding="utf-8")
    if looks_back:
        text = text.replace("        to: blue-league\n", "        to: blue-league\n        as_of: 2031-03-01\n")
    events.write_text(text + extra, encoding="utf-8")
    dataset, errors = load_dataset(data, tmp_path)
    assert errors + check(dataset) == []
    return build_index(dataset)


def test_a_later_text_looking_back_does_not_outrank_an_earlier_report_of_a_later_moment(tmp_path: Path) -> None:
    plain = _index(tmp_path / "a", EVENTS, looks_back=False)
    assert plain.latest["karsk-fort"].event.id == "fort-falls"  # River Radio is the newer text
    back = _index(tmp_path / "b", EVENTS, looks_back=True)
    latest = back.latest["karsk-fort"]
    assert latest.event.id == "fort-held-on-2-march" and latest.state == "holds"
    fall = back.control["karsk-fort"][0]
    assert fall.event.id == "fort-falls" and str(fall.as_of) == "2031-03-01" and str(fall.reported) == "after 2031-03-10"


def test_a_withdrawal_names_no_holder_and_is_the_latest_report(tmp_path: Path) -> None:
    index = _index(tmp_path, EVENTS + WITHDRAWAL, looks_back=True)
    latest = index.latest["karsk-fort"]
    assert (latest.event.id, latest.state, latest.party, latest.withdrawn) == ("league-leaves-the-fort", "withdrawal", "", "blue-league")
