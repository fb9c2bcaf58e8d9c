"""Shape rules across the data (macros/integrity.py), on copies of the fictional fixture."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from conftest import FIXTURES
from edited import edited_errors

from macros.links import SiteMap, alias_redirects

VALID = FIXTURES / "valid" / "data"
UNITS_TAIL = "    sources: [north-gazette-2031-03-02]\n"
PARENT_BASIS = "    parent_basis: {sources: [north-gazette-2031-03-02]}\n"  # a 'parent' must rest on a text


def _errors(tmp_path: Path, **edits: Callable[[str], str]) -> list[str]:
    return [e.message for e in edited_errors(tmp_path, **edits)]


def _three_units(parent_of_first: str) -> Callable[[str], str]:
    """grey-rifles-9 under unit-b, unit-b under unit-c, unit-c under `parent_of_first`'s target."""
    def edit(text: str) -> str:
        more = "".join(
            f"  - id: {ident}\n    name: {name}\n    kind: battalion\n    party: grey-army\n    parent: {parent}\n{PARENT_BASIS}{UNITS_TAIL}"
            for ident, name, parent in [("unit-b", "Unit B", "unit-c"), ("unit-c", "Unit C", parent_of_first)]
        )
        return text.replace("    garrison: karsk-fort\n", f"    garrison: karsk-fort\n    parent: unit-b\n{PARENT_BASIS}") + more
    return edit


def test_a_loop_of_three_is_reported_once_at_its_first_item(tmp_path: Path) -> None:
    assert _errors(tmp_path, units=_three_units("grey-rifles-9")) == [
        "'grey-rifles-9' is under itself through grey-rifles-9 -> unit-b -> unit-c -> grey-rifles-9; a 'parent' chain may not loop, so fix one of them"
    ]


def test_a_chain_that_ends_is_no_loop(tmp_path: Path) -> None:
    edit = _three_units("grey-rifles-9")
    assert _errors(tmp_path, units=lambda t: edit(t).replace(f"    parent: grey-rifles-9\n{PARENT_BASIS}", "")) == []


def test_a_chain_into_a_loop_reports_the_loop_not_the_way_in(tmp_path: Path) -> None:
    """unit-c under unit-b under unit-c: grey-rifles-9 only leads into it."""
    assert _errors(tmp_path, units=_three_units("unit-b")) == [
        "'unit-b' is under itself through unit-b -> unit-c -> unit-b; a 'parent' chain may not loop, so fix one of them"
    ]


def test_the_same_change_twice_is_a_repeat(tmp_path: Path) -> None:
    twice = "      - site: karsk-fort\n        to: blue-league\n"
    assert _errors(tmp_path, events=lambda t: t.replace(twice, twice * 2)) == [
        "repeats control[0] (site 'karsk-fort' to 'blue-league'); remove one"
    ]


def test_a_holder_beside_a_change_is_not_two_new_holders(tmp_path: Path) -> None:
    change = "      - site: karsk-fort\n        to: blue-league\n"
    held = change + "      - site: karsk\n        holds: grey-army\n"
    assert _errors(tmp_path, events=lambda t: t.replace(change, held)) == []


def test_too_many_citations_in_one_list(tmp_path: Path) -> None:
    many = "[" + ", ".join(["north-gazette-2031-03-02", "river-radio-report"] * 11) + "]"
    old = "    kind: armed-force\n    sources: [north-gazette-2031-03-02]"
    errors = _errors(tmp_path, parties=lambda t: t.replace(old, f"    kind: armed-force\n    sources: {many}"))
    assert errors[0] == "22 citations; cite at most 20 here, those that state it best"
    assert len(errors) == 21  # and each repeat after the first two


def test_a_name_that_looks_like_its_own_alias(tmp_path: Path) -> None:
    cited = "{name: Karsko, sources: [north-gazette-2031-03-02]}"
    look_alike = '{name: "\\uff2barsk", sources: [north-gazette-2031-03-02]}'
    assert _errors(tmp_path, places=lambda t: t.replace(cited, f"{cited}, {look_alike}")) == [
        "'Ｋarsk' looks the same as 'Karsk', a name of this entity, but is spelled with other characters; use one spelling, or a name that looks different"
    ]


def test_alias_redirects_skip_a_folder_of_the_site(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "maps").mkdir(parents=True)
    (docs / "battle.md").write_text("# Battle\n", encoding="utf-8")
    sitemap = SiteMap.scan(docs, {}, "b")
    aliases = [SimpleNamespace(name="Maps"), SimpleNamespace(name="Karsk fight")]
    battle = SimpleNamespace(id="b", name="Battle of Karsk", aliases=aliases)
    assert alias_redirects(sitemap, [battle], docs) == {"battle-of-karsk.md": "battle.md", "karsk-fight.md": "battle.md"}


def test_a_control_report_names_only_texts_the_event_cites(tmp_path: Path) -> None:
    """fort-falls cites River Radio alone: its report may not name the North Gazette."""
    change = "        to: blue-league\n"
    (error,) = edited_errors(tmp_path, events=lambda t: t.replace(change, change + "        sources: [north-gazette-2031-03-02]\n", 1))
    assert str(error) == (
        "data/events.yaml:22:19: events[1].control[0].sources[0]: 'north-gazette-2031-03-02' is not one of the "
        "event's sources (river-radio-report); a control report names those of the event's texts that report its "
        "site, so add it to the event's 'sources' or name one of them"
    )


def test_an_inferred_report_gives_its_basis(tmp_path: Path) -> None:
    change = "        to: blue-league\n"
    (error,) = edited_errors(tmp_path, events=lambda t: t.replace(change, change + "        inferred: true\n", 1))
    assert str(error).startswith("data/events.yaml:20:9: events[1].control[0]") and (
        "an inferred report needs a 'note' giving the basis of the inference") in str(error), str(error)
