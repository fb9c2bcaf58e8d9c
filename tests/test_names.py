"""The Unicode rules for names (macros/model/names.py), on the characters the issue names."""

from __future__ import annotations

import pytest

from macros.model.names import invisible, mixed_script_word, skeleton


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u2066", "\u200f", "\u00ad",
                                  "\u3164", "\u2800", "\ufe0f", "\u00a0", "\u3000", "\u2028", "\ue000"])
def test_invisible_and_reordering_characters(char: str) -> None:
    assert invisible(char)


@pytest.mark.parametrize("char", [" ", "a", "é", "\u0301", "–", "ေ", "中", "-", "'"])
def test_visible_characters(char: str) -> None:
    assert not invisible(char)


@pytest.mark.parametrize(("name", "word"), [("Blue L\u0435ague", "L\u0435ague"), ("\u039aarsk", "\u039aarsk"), ("Karsk К9", None)])
def test_one_script_per_word(name: str, word: str | None) -> None:
    found = mixed_script_word(name)
    assert (found[0] if found else None) == word


@pytest.mark.parametrize("name", ["Ōtsu – Kyōto", "東京タワー", "ひらがな漢字", "서울特別市", "Tar Mong Lone", "מרכז", "LIB 47"])
def test_scripts_written_together_pass(name: str) -> None:
    assert mixed_script_word(name) is None


@pytest.mark.parametrize(("a", "b"), [("Blue League", "BIue League"), ("Karsk", "\u041a\u0430rsk"), ("Grey Army", "Grey  Army"),
                                      ("Karsk", "\uff2barsk"), ("Karsk", "K\u0430rsk")])
def test_look_alikes_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


@pytest.mark.parametrize(("a", "b"), [("Blue League", "Grey League"), ("Karsk", "Karsko"), ("LIB 47", "LIB 48")])
def test_different_names_differ(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)
