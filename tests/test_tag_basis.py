"""A party that the texts seldom name (`tag_basis`, macros/model/entities.py): every event tagged
with it shows the tag as this wiki's identification, unless the event's `named` says its text
gives the party's own name (macros/bases.py accepts the own name there). A real build of the
fictional fixture."""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import build_fiction

BASIS = "the text speaks only of grey soldiers"
EVENTS = """
  - id: grey-army-named
    date: 2031-04-02
    kind: statement
    title: The Gazette names the Grey Army
    summary: The Gazette names the Grey Army.
    parties: [grey-army]
    named:
      - {ref: grey-army, name: Grey Army}
    sources: [north-gazette-2031-03-02]
"""


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tagged = ("    kind: armed-force\n", f"    kind: armed-force\n    tag_basis: {BASIS}\n")
    site = build_fiction(tmp_path_factory.mktemp("tag-basis"), EVENTS, edits={"parties.yaml": tagged})
    tree = lxml.html.parse(str(site / "chronology" / "index.html")).getroot()
    return {li.get("id"): " ".join(li.find_class("bw-involved")[0].text_content().split())
            for li in tree.find_class("bw-event") if li.find_class("bw-involved")}


def test_a_tag_the_texts_do_not_give_is_marked_as_ours_with_its_basis(rows: dict[str, str]) -> None:
    assert rows["siege-begins"].startswith(f"Parties: Blue League, Grey Army (identified here: {BASIS})"), rows["siege-begins"]


def test_an_event_whose_text_names_the_party_shows_it_plainly(rows: dict[str, str]) -> None:
    assert rows["grey-army-named"] == "Parties: Grey Army"
    assert not any(re.search("identified here", r) and "Blue League (identified" in r for r in rows.values())


def test_a_claim_label_names_the_claimant_in_the_texts_own_word(tmp_path) -> None:
    """`claim_label` replaces the shortest alias in "(… claim)", on the infobox and the timeline alike."""
    labelled = ("    aliases: [{name: BL, sources: [north-gazette-2031-03-02]}]\n",
                "    aliases: [{name: BL, sources: [north-gazette-2031-03-02]}]\n    claim_label: the League\n")
    site = build_fiction(tmp_path, edits={"parties.yaml": labelled})
    for page in ("chronology", "battle"):
        text = " ".join(lxml.html.parse(str(site / page / "index.html")).getroot().text_content().split())
        assert "(the League claim" in text, page
        assert "BL claim" not in text, page
