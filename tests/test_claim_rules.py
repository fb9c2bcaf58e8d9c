"""The claim model's rules: typed counts and dates, when claims are one statement, when sources
differ; control reports; aliases; disputed event dates. Each expectation is worked out by hand
from the rule in the model's docstrings."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from macros.model import Alias, Claim, ControlReport, Event
from macros.model.claim import compatible, differ, group_by_statement, restates
from macros.model.count import parse_count


def claim(**fields) -> Claim:
    return Claim.model_validate({"sources": [fields.pop("src", "s")], **fields})


@pytest.mark.parametrize(("text", "low", "high", "shown"), [
    ("7", 7, 7, "7"),
    ("1,000", 1000, 1000, "1,000"),
    ("about 20", 18, 22, "about 20"),
    ("around 60", 54, 66, "about 60"),
    ("at least 100", 100, float("inf"), "at least 100"),
    ("more than 30", 31, float("inf"), "more than 30"),
    ("over 30", 31, float("inf"), "more than 30"),
    ("up to 50", 0, 50, "up to 50"),
    ("two", 2, 2, "2"),
    ("several", 2, float("inf"), "several"),
    ("hundreds", 200, float("inf"), "hundreds"),
    ("some", 1, float("inf"), "some"),
])
def test_counts_are_ranges(text: str, low: float, high: float, shown: str) -> None:
    count = parse_count(text)
    assert (count.low, count.high, str(count)) == (low, high, shown)


@pytest.mark.parametrize("text", ["1,00", "lots", "about", "at least many", "-3", "12 000", "", "1e3"])
def test_bad_counts_say_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match="count like 7"):
        parse_count(text)


@pytest.mark.parametrize(("a", "b", "same"), [
    ("at least 100", "120", True),       # 120 is at least 100: one statement, 120 the more precise
    ("at least 100", "90", False),
    ("about 20", "22", True),
    ("about 20", "25", False),
    ("up to 50", "60", False),
    ("more than 30", "30", False),
    ("several", "7", True),
    ("hundreds", "150", False),
    ("12,000", "15,000", False),
])
def test_counts_agree_when_their_ranges_meet(a: str, b: str, same: bool) -> None:
    assert restates(claim(count=a), claim(count=b)) is same
    assert differ(group_by_statement([claim(count=a), claim(count=b)])) is not same


def test_dates_that_differ_only_in_precision_are_one_statement_shown_at_the_most_precise() -> None:
    claims = [claim(date="2024-12", end="ongoing", src="c"), claim(date="early 2024-12", end="ongoing", src="b"),
              claim(date="2024-12-04", end="ongoing", src="a")]
    (group,) = group_by_statement(claims)
    assert [c.sources[0].source for c in group] == ["a", "b", "c"]
    assert group[0].text == "4 Dec 2024 – ongoing"
    assert not differ([group])


@pytest.mark.parametrize(("a", "b", "same"), [
    ({"date": "2024-12-04"}, {"date": "late 2024-12"}, False),
    ({"date": "2024-12-04", "end": "ongoing"}, {"date": "2024-12-04", "end": "2025-05"}, False),
    ({"date": "by 2024-12-25"}, {"date": "2024-12-10"}, True),       # "by 25 Dec" allows any earlier day
    ({"date": "after 2025-08-10"}, {"date": "2025-08-01"}, False),
])
def test_date_ranges(a: dict, b: dict, same: bool) -> None:
    assert restates(claim(**a), claim(**b)) is same


def test_a_less_precise_claim_joins_the_first_value_it_agrees_with_and_others_still_differ() -> None:
    groups = group_by_statement([claim(count="at least 100", src="a"), claim(count="120", src="b"), claim(count="150", src="c")])
    assert [[c.sources[0].source for c in g] for g in groups] == [["b", "a"], ["c"]]
    assert differ(groups)


def test_figures_as_of_different_dates_are_separate_statements_not_a_disagreement() -> None:
    a, b = claim(count="14", as_of="late 2025-04"), claim(count="15", as_of="2025-08")
    assert compatible(a, b) and not restates(a, b)
    groups = group_by_statement([a, b])
    assert len(groups) == 2 and not differ(groups)


def test_lists_of_names_can_all_be_true() -> None:
    a, b, c = claim(names=["x", "y"]), claim(names=["y"]), claim(names=["z"])
    groups = group_by_statement([a, b, c])
    assert [len(g) for g in groups] == [2, 1]  # ["y"] is part of ["x", "y"]; ["z"] stands alone
    assert not differ(groups)


def test_different_texts_differ_and_equal_texts_do_not() -> None:
    assert differ(group_by_statement([claim(value="Light Infantry Battalion"), claim(value="Infantry Battalion")]))
    assert len(group_by_statement([claim(value="Ongoing"), claim(value="ongoing ")])) == 1


def test_a_claim_has_one_typed_value_and_an_end_needs_a_date() -> None:
    with pytest.raises(ValidationError, match="one typed value"):
        claim(count="3", date="2025")
    with pytest.raises(ValidationError, match="'end' needs a 'date'"):
        claim(value="x", end="ongoing")
    assert claim(count="about 1,000", value="many of them from Mansi").text == "about 1,000, many of them from Mansi"


def test_a_claimant_the_text_does_not_name_is_described() -> None:
    who = claim(count="at least 100", claimed_by={"described": "local sources"}).claimed_by
    assert who is not None and who.described == "local sources" and who.party is None


@pytest.mark.parametrize(("fields", "state", "holder"), [
    ({"to": "a"}, "change", "a"),
    ({"holds": "a"}, "holds", "a"),
    ({"holds": "a", "foothold": "b"}, "foothold", "a"),
    ({"withdraws": "a"}, "withdrawal", ""),  # who took over is not stated: no holder
    ({"withdraws": "a", "extent": "partial", "as_of": "2025-07"}, "withdrawal", ""),
    ({"contested": "true"}, "contested", ""),  # as the loader reads it
    ({"holds": "a", "extent": "partial", "contested": True}, "holds", "a"),
])
def test_control_reports(fields: dict, state: str, holder: str) -> None:
    report = ControlReport.model_validate({"site": "s", **fields})
    assert (report.state, report.holder) == (state, holder)


@pytest.mark.parametrize(("fields", "message"), [
    ({"to": "a", "holds": "a"}, "give one of 'to'"),
    ({"withdraws": "a", "holds": "b"}, "give one of 'to'"),
    ({}, "give one of 'to'"),
    ({"to": "a", "contested": True}, "a change of hands is not"),
    ({"holds": "a", "foothold": "b", "contested": True}, "a foothold is contested already"),
    ({"contested": True, "extent": "partial"}, "a report with no party has none"),
    ({"to": "a", "as_of": "February"}, "a date like"),
    ({"holds": "a", "contested": "yes"}, "expected true or false"),
    ({"to": "a", "foothold": "b"}, "needs 'holds'"),
    ({"holds": "a", "foothold": "a"}, "cannot be the one that holds"),
    ({"holds": "a", "foothold": "b", "extent": "partial"}, "leave out 'extent'"),
])
def test_bad_control_reports(fields: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ControlReport.model_validate({"site": "s", **fields})


def test_an_alias_is_cited_or_identified() -> None:
    assert not Alias.model_validate("Karsko").marked
    assert Alias.model_validate({"name": "Karsko", "sources": ["s"]}).marked
    assert Alias.model_validate({"name": "Karsko", "identified": "both are named as the fort's town"}).marked


def test_disputed_event_dates() -> None:
    base = {"id": "e", "kind": "attack", "title": "T", "summary": "S", "sources": ["s"]}
    dates = [{"date": "2025-02-18", "sources": ["a"]}, {"date": "2025-02-20", "sources": ["b"]}]
    event = Event.model_validate({**base, "date": "2025-02-18", "dates": dates})
    assert differ(group_by_statement(event.dates))
    with pytest.raises(ValidationError, match="must be one of the dates"):
        Event.model_validate({**base, "date": "2025-02-19", "dates": dates})
    with pytest.raises(ValidationError, match="gives a 'date'"):
        Event.model_validate({**base, "date": "2025-02-18", "dates": [*dates, {"value": "x", "sources": ["c"]}]})
