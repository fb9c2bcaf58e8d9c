"""A place's `within` is cited or marked as our placing (macros.placing), on copies of the fictional fixture."""

from __future__ import annotations

from pathlib import Path

from edited import edited_errors


def _errors(tmp_path: Path, **edits) -> list[str]:
    return [str(e) for e in edited_errors(tmp_path, **edits)]


def test_a_place_within_another_is_cited_or_marked_as_our_placing(tmp_path: Path) -> None:
    uncited = _errors(tmp_path / "a", places=lambda t: t.replace("    within_sources: [north-gazette-2031-03-02]\n", ""))
    assert uncited == [
        "data/places.yaml:27:5: places[1].within: 'karsk' is cited to no text and not marked as our placing; add "
        "'within_sources' (the texts that place it there) or 'within_basis' (why we place it there, since no text does)"
    ]
    ours = "    within_basis: the fort is named after the town\n"
    marked = _errors(tmp_path / "b", places=lambda t: t.replace("    within_sources: [north-gazette-2031-03-02]\n", ours))
    assert marked == []
    orphan = _errors(tmp_path / "c", places=lambda t: t.replace("    within: karsk\n", ""))
    assert orphan == ["data/places.yaml:27:5: places[1].within_sources: 'within_sources' needs a 'within' to support; add it or remove this"]
