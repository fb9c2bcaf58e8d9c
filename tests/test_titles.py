"""A claimed event's title says who says it (macros/titles.py), on copies of the fictional fixture.

The fixture's 'fort-falls' event is claimed by the Blue League (with Ana Vell quoted for a figure);
each case gives it another title. Expected messages are written from the rule, not the code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from edited import edited_errors

TITLE = "title: The League says Karsk Fort has fallen"
WHERE = "data/events.yaml:13:5: events[1].title: "


def _title_errors(tmp_path: Path, title: str) -> list[str]:
    return [str(e) for e in edited_errors(tmp_path, events=lambda t: t.replace(TITLE, f"title: {json.dumps(title)}"))]


@pytest.mark.parametrize("title", [
    "The League says Karsk Fort has fallen",    # a verb of saying
    "Karsk Fort reportedly falls",              # a headline's hedge
    "Blue League: Karsk Fort is ours",          # the claimant leads, with a colon
    "BL: Karsk Fort is ours",                   # ... or one of its aliases
    "Blue League claims Karsk Fort",            # claims
    "League radio confirms the fort has fallen",
])
def test_a_title_that_says_who_says_it_is_allowed(tmp_path: Path, title: str) -> None:
    assert _title_errors(tmp_path, title) == []


@pytest.mark.parametrize("title", [
    "Karsk Fort falls",                          # the claim stated as fact
    "The Blue League takes Karsk Fort",          # the claimant as the actor is no attribution
    "Karsk Fort: Blue League holds it",          # a colon after something other than the claimant
    "Fort falls as the Blue League advances",
])
def test_a_title_that_states_the_claim_as_fact_is_refused(tmp_path: Path, title: str) -> None:
    assert _title_errors(tmp_path, title) == [
        WHERE + f"the title '{title}' states as fact what the data attributes to Blue League; say who says it "
        "('Blue League says …', '… reportedly …', 'Blue League: …'), as lists show the title without its claimant"
    ]


def test_an_unclaimed_event_may_state_its_title_plainly(tmp_path: Path) -> None:
    errors = edited_errors(tmp_path, events=lambda t: t.replace("title: The Blue League attacks Karsk", "title: Karsk falls"))
    assert [str(e) for e in errors] == []
