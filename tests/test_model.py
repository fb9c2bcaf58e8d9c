"""The pydantic model: fuzzy dates, claims, citations, names, URLs."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from macros.model import Citation, Claim, ClaimedBy, Event, FuzzyDate, Party, Source, parse_date
from macros.model.dates import check_range


@pytest.mark.parametrize(("text", "precision", "qualifier", "display"), [
    ("2024-12-04", "day", "", "4 Dec 2024"),
    ("by 2024-12-25", "day", "by", "by 25 Dec 2024"),
    ("early 2025-05", "month", "early", "early May 2025"),
    ("first week of 2025-05", "month", "first week of", "first week of May 2025"),
    ("2025-08", "month", "", "Aug 2025"),
    ("after 2025-08-10", "day", "after", "after 10 Aug 2025"),
    ("about 2025", "year", "about", "about 2025"),
    ("as of 2025-01-02", "day", "as of", "as of 2 Jan 2025"),
])
def test_dates_keep_precision_and_qualifier(text: str, precision: str, qualifier: str, display: str) -> None:
    date = parse_date(text)
    assert date.precision == precision
    assert date.qualifier == qualifier
    assert date.display() == display
    assert str(date) == text  # written back exactly as read


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2025", "2025-01-01", "2025-12-31"),
    ("2024-02", "2024-02-01", "2024-02-29"),
    ("first week of 2025-05", "2025-05-01", "2025-05-07"),
    ("early 2025-05", "2025-05-01", "2025-05-10"),
    ("late 2025-02", "2025-02-21", "2025-02-28"),
    ("mid 2025", "2025-05-01", "2025-08-31"),
])
def test_date_bounds(text: str, first: str, last: str) -> None:
    date = parse_date(text)
    assert (date.first_day, date.last_day) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_dates_order_by_earliest_then_latest_day() -> None:
    texts = ["late 2025-05", "2025-05-15", "2025", "2025-05", "early 2025-05", "2024-12-31", "2025-05-01"]
    ordered = [str(d) for d in sorted(parse_date(t) for t in texts)]
    assert ordered == ["2024-12-31", "2025", "2025-05-01", "early 2025-05", "2025-05", "2025-05-15", "late 2025-05"]
    assert parse_date("2025-05-02") < parse_date("late 2025-05")


@pytest.mark.parametrize(("text", "message"), [
    ("2025-02-30", "'2025-02-30' is an impossible date: February 2025 has 28 days; fix the day"),
    ("2025-13", "'2025-13' has no month 13; months run 01 to 12"),
    ("2025-00-10", "'2025-00-10' has no month 0; months run 01 to 12"),
    ("first week of 2025", "'first week of 2025': 'first week of' takes a month, like 'first week of 2025-05'"),
])
def test_impossible_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert str(info.value) == message


@pytest.mark.parametrize("text", ["25/12/2024", "Dec 2024", "2024-1-5", "circa 2024", "2024-12-25T10:00", "", "by"])
def test_bad_date_formats(text: str) -> None:
    with pytest.raises(ValueError, match="is not a date like 2025-05-08"):
        parse_date(text)


def test_leap_day_and_ranges() -> None:
    assert parse_date("2024-02-29").day == 29
    check_range(parse_date("2025-05"), parse_date("2025-05-01"))  # an end within its start's month is fine
    with pytest.raises(ValueError, match="end 2025-04-30 is before start 2025-05"):
        check_range(parse_date("2025-05"), parse_date("2025-04-30"))


def test_citation_short_and_long_forms() -> None:
    assert Citation.model_validate("src-a") == Citation(source="src-a")
    full = Citation.model_validate({"source": "src-a", "quote": "held the bridge", "locator": "p. 2"})
    assert (full.source, full.quote, full.locator) == ("src-a", "held the bridge", "p. 2")


def test_quote_limit_is_forty_words() -> None:
    Citation(source="s", quote=" ".join(["w"] * 40))
    with pytest.raises(ValidationError, match="quote has 41 words; quote at most 40"):
        Citation(source="s", quote=" ".join(["w"] * 41))


def test_claims_need_a_value_or_ref_and_a_source() -> None:
    claim = Claim.model_validate({"value": "40", "sources": ["s"], "claimed_by": {"party": "p"}, "as_of": "2025-05"})
    assert claim.claimed_by == ClaimedBy(party="p")
    assert claim.as_of == FuzzyDate(2025, 5)
    with pytest.raises(ValidationError, match="a claim needs a 'value', a 'ref' to an entity, or a typed value"):
        Claim.model_validate({"sources": ["s"]})
    with pytest.raises(ValidationError) as info:
        Claim.model_validate({"value": "40", "sources": []})
    assert info.value.errors()[0]["loc"] == ("sources",)
    with pytest.raises(ValidationError, match="name a party or a person who made the claim"):
        ClaimedBy.model_validate({})


def test_models_are_frozen_and_refuse_unknown_fields() -> None:
    party = Party.model_validate({"id": "p", "name": "P", "kind": "militia", "sources": ["s"]})
    with pytest.raises(ValidationError):
        party.name = "Q"  # type: ignore[misc]
    with pytest.raises(ValidationError) as info:
        Party.model_validate({"id": "p", "name": "P", "kind": "militia", "sources": ["s"], "colour": "red"})
    assert info.value.errors()[0]["type"] == "extra_forbidden"


@pytest.mark.parametrize("name", [
    "<script>x</script>", "a <b>bold</b>", "{{ config }}", "{% if %}", "{# note #}", "[link](http://x.org)", "tab\there", " padded",
])
def test_names_are_plain_text(name: str) -> None:
    with pytest.raises(ValidationError):
        Party.model_validate({"id": "p", "name": name, "kind": "militia", "sources": ["s"]})


@pytest.mark.parametrize("name", ["Blue League", "9th Grey Rifles", "a < b", "Ōtsu – Kyōto", "מרכז"])
def test_ordinary_names_pass(name: str) -> None:
    assert Party.model_validate({"id": "p", "name": name, "kind": "militia", "sources": ["s"]}).name == name


@pytest.mark.parametrize(("url", "ok"), [
    ("https://example.org/a?b=c#d", True), ("http://example.org", True),
    ("javascript:alert(1)", False), ("data:text/html,x", False), ("ftp://example.org/f", False),
    ("//example.org/x", False), ("https://", False), ("https://exa mple.org", False), ("HTTPS://example.org", False),
])
def test_only_http_urls(url: str, ok: bool) -> None:
    raw = {"id": "s", "name": "S", "kind": "report", "url": url}
    if ok:
        assert Source.model_validate(raw).url == url
    else:
        with pytest.raises(ValidationError, match="is not an http"):
            Source.model_validate(raw)


def test_event_end_before_start_names_the_end_field() -> None:
    raw = {"id": "e", "date": "2025-05-10", "end": "2025-05-01", "kind": "attack", "title": "T", "summary": "S", "sources": ["s"]}
    with pytest.raises(ValidationError) as info:
        Event.model_validate(raw)
    error = info.value.errors()[0]["ctx"]["error"]
    assert getattr(error, "fields", ()) == ("end",)


@pytest.mark.parametrize(("text", "since"), [
    ("2024-12-04", "from 4 Dec 2024"),
    ("early 2025-02", "from early February 2025"),
    ("by 2024-04-23", "by 23 Apr 2024"),  # a bound stands as it is: never "from by …"
    ("after 2025-08-01", "after 1 Aug 2025"),
    ("as of 2025-05", "as of May 2025"),
])
def test_since_reads_as_the_start_of_a_state(text: str, since: str) -> None:
    assert parse_date(text).since() == since
