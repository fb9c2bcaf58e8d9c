"""Rules across items and files (macros.checks), on copies of the fictional fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import FIXTURES
from edited import edited_errors

from macros.errors import DataError, DataErrors

VALID = FIXTURES / "valid" / "data"


def _errors(tmp_path: Path, **edits: Callable[[str], str]) -> list[str]:
    return [str(e) for e in edited_errors(tmp_path, **edits)]


def test_the_valid_fixture_passes(tmp_path: Path) -> None:
    assert _errors(tmp_path) == []


def test_aliases_clash_regardless_of_case_and_spacing(tmp_path: Path) -> None:
    alias = "    aliases: [{name: 'blue   LEAGUE', sources: [north-gazette-2031-03-02]}]\n"
    errors = _errors(tmp_path, parties=lambda t: t.replace("    kind: armed-force", alias + "    kind: armed-force"))
    assert errors == [
        "data/parties.yaml:9:15: parties[1].aliases[0]: 'blue   LEAGUE' is already a name or alias of 'blue-league'; "
        "one name must lead to one entity, so rename or remove one"
    ]


def test_events_may_share_a_title(tmp_path: Path) -> None:
    assert _errors(tmp_path, events=lambda t: t.replace("title: The Blue League attacks Karsk", "title: The League says Karsk Fort has fallen")) == []


def test_a_broken_item_is_reported_once_not_again_where_it_is_referenced(tmp_path: Path) -> None:
    # karsk-fort is referenced by a unit, two events and a control change; only its own error shows.
    errors = _errors(tmp_path, places=lambda t: t.replace("kind: base", "kind: fortress"))
    assert len(errors) == 1 and errors[0].startswith("data/places.yaml:26:5: places[1].kind: 'fortress' is not allowed")


def test_an_unreadable_file_does_not_cascade_into_dangling_references(tmp_path: Path) -> None:
    errors = _errors(tmp_path, places=lambda t: t.replace("    kind: town", "\tkind: town"))
    assert errors == ["data/places.yaml:5:1: line is indented with a tab; YAML indentation must be spaces, so replace the tab with spaces"]


def test_an_empty_list_is_not_a_failed_file(tmp_path: Path) -> None:
    # "people:" with nothing under it is allowed; references to people are then still checked.
    errors = _errors(tmp_path, people=lambda t: "people:\n")
    assert errors == [
        "data/events.yaml:18:14: events[1].people[0]: unknown person 'ana-vell'; add it to data/people.yaml or fix the id",
        "data/events.yaml:26:44: events[1].figures.prisoners[0].claimed_by.person: unknown person 'ana-vell'; "
        "add it to data/people.yaml or fix the id",
    ]


def test_phases_may_touch_but_not_overlap(tmp_path: Path) -> None:
    assert _errors(tmp_path, phases=lambda t: t.replace("end: 2031-02-27", "end: 2031-02-28")) == []
    overlap = _errors(tmp_path / "b", phases=lambda t: t.replace("end: 2031-02-27", "end: 2031-03"))
    assert overlap == [
        "data/phases.yaml:9:5: phases[1].start: phase 'fall-of-the-fort' starts 2031-02-28 but 'siege' runs to 2031-03; "
        "phases may not overlap, so fix one of the dates"
    ]


def test_the_same_value_twice_is_a_duplicate_claim_even_with_other_sources(tmp_path: Path) -> None:
    errors = _errors(tmp_path, places=lambda t: t.replace('count: 15,000', 'count: 12,000'))
    assert errors == [
        "data/places.yaml:11:11: places[0].facts.population[1]: repeats claim 0 of this field; merge them into one claim with both sources"
    ]


def test_a_ref_to_the_wrong_kind(tmp_path: Path) -> None:
    errors = _errors(tmp_path, people=lambda t: t.replace("affiliation: blue-league", "affiliation: karsk"))
    assert errors == ["data/people.yaml:5:5: people[0].affiliation: 'karsk' is a place, not a party; use the id of a party"]


def test_every_error_is_kept_even_two_at_one_place() -> None:
    a = DataError("data/x.yaml", 3, 5, "x", "first problem")
    b = DataError("data/x.yaml", 3, 5, "x", "second problem")
    report = DataErrors([b, a, a]).report().splitlines()
    assert report == ["data/x.yaml:3:5: x: first problem", "data/x.yaml:3:5: x: second problem", "2 errors in the data; nothing was built."]


def test_an_error_stays_on_one_line(tmp_path: Path) -> None:
    errors = _errors(tmp_path, events=lambda t: t.replace("places: [karsk]", 'places: "karsk\\nand more\\u2028"'))
    assert errors == ["data/events.yaml:7:5: events[0].places: expected a list (- item), found 'karsk\\nand more\\u2028'"]


def test_a_garrison_name_must_be_an_alias_of_the_garrison(tmp_path: Path) -> None:
    # "Karsko" is an alias of the town, not of the fort that the unit garrisons.
    named = lambda name: lambda t: t.replace("    garrison: karsk-fort\n", f"    garrison: karsk-fort\n    garrison_name: {name}\n")  # noqa: E731
    errors = _errors(tmp_path, units=named("Karsko"))
    assert len(errors) == 1 and "garrison_name 'Karsko' is not an alias of 'karsk-fort'" in errors[0], errors
    assert errors[0].startswith("data/units.yaml:9:5: units[0].garrison_name:"), errors
    moved = _errors(tmp_path / "b", units=lambda t: named("Karsko")(t).replace("garrison: karsk-fort", "garrison: karsk"))
    assert moved == []

