"""Claimants per claim and per phase date, year-only dates in the chronology and dated source names,
on the fictional fixture: loader and check errors, the page checks, and a real MkDocs build.

The fixture's additions: River Radio reports a muster that the Blue League claims (its spokeswoman
Ana Vell gives the fort's walls as 2 miles long), but counts the garrison, 300 guards, in its own
voice; Ana Vell dates the fall of the fort to 28 February 2031; a raid is dated only "mid 2031".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, build, make_project
from edited import edited_errors
from lxml import html
from readsite import shown_text

from macros import ownvoice
from macros.attribution import attributed, check_page
from macros.engine import load_index

VALID = FIXTURES / "valid"
RADIO = "{{ cite('river-radio-report') }}"

MUSTER = """
  - id: muster-at-the-fort
    date: 2031-03-04
    kind: statement
    title: Ana Vell says the League musters at the fort
    summary: Ana Vell says the League's fighters muster on the walls.
    places: [karsk-fort]
    parties: [blue-league]
    people: [ana-vell]
    figures:
      guards in the garrison:
        - count: 300
          sources: [river-radio-report]
          own_voice: true
      length of the walls:
        - count: 2
          value: miles
          sources: [river-radio-report]
        - count: 5
          value: miles
          sources: [river-radio-report]
          note: a second figure in the same report
    sources: [river-radio-report]
    claimed_by: {person: ana-vell}
  - id: raids-mid-year
    date: mid 2031
    kind: attack
    title: Raids on the river road
    summary: Raiders strike the river road.
    places: [karsk]
    sources: [north-gazette-2031-03-02]
"""
FORT_PHASE = ("    start: 2031-02-28\n    start_claim:\n      claimed_by: {person: ana-vell}\n"
              "      sources: [river-radio-report]\n")


def _with_muster(text: str) -> str:
    return text + MUSTER


def _phase_claimed(text: str) -> str:
    return text.replace("    start: 2031-02-28\n", FORT_PHASE)


def _errors(tmp_path: Path, **edits) -> list[str]:
    return [str(e) for e in edited_errors(tmp_path, **edits)]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("claimants")
    shutil.copytree(VALID / "data", where / "data")
    events, phases = where / "data" / "events.yaml", where / "data" / "phases.yaml"
    events.write_text(_with_muster(events.read_text(encoding="utf-8")), encoding="utf-8")
    phases.write_text(_phase_claimed(phases.read_text(encoding="utf-8")), encoding="utf-8")
    return where


@pytest.fixture(scope="module")
def index(project: Path):
    return load_index(project / "data", project)


# Loader and check errors: each names file, line, column and field, and says what to do.

def test_the_additions_pass(tmp_path: Path) -> None:
    assert _errors(tmp_path, events=_with_muster, phases=_phase_claimed) == []


def test_a_claim_cannot_be_both_a_party_s_and_the_text_s_own(tmp_path: Path) -> None:
    both = lambda t: _with_muster(t).replace("          own_voice: true\n", "          own_voice: true\n          claimed_by: {party: blue-league}\n")  # noqa: E731
    (error,) = _errors(tmp_path, events=both)
    assert error.startswith("data/events.yaml:")
    assert "figures.guards in the garrison[0].own_voice: a claim is either one party's ('claimed_by') or the cited text's own" in error


def test_own_voice_takes_true_or_false_only(tmp_path: Path) -> None:
    (error,) = _errors(tmp_path, events=lambda t: _with_muster(t).replace("own_voice: true", "own_voice: yes"))
    assert "own_voice: expected true or false" in error


def test_own_voice_outside_a_claimed_item_is_an_error(tmp_path: Path) -> None:
    unclaimed = lambda t: _with_muster(t).replace("    claimed_by: {person: ana-vell}\n", "")  # noqa: E731
    (error,) = _errors(tmp_path, events=unclaimed)
    assert ".figures.guards in the garrison[0].own_voice: 'own_voice: true' marks a figure as the cited text's own words" in error
    assert "remove 'own_voice'" in error


def test_a_phase_end_claim_needs_an_end(tmp_path: Path) -> None:
    claim = "    end_claim: {claimed_by: {party: blue-league}, sources: [river-radio-report]}\n"
    no_end = lambda t: t.replace("    start: 2031-02-28\n", "    start: 2031-02-28\n" + claim)  # noqa: E731
    (error,) = _errors(tmp_path, phases=no_end)
    assert error.startswith("data/phases.yaml:") and "end_claim: 'end_claim' names who dates the phase's end, but the phase has no 'end'" in error


def test_a_claimed_summary_may_not_repeat_an_own_voice_figure(tmp_path: Path) -> None:
    told = lambda t: _with_muster(t).replace("says the League's fighters muster on the walls.", "says 300 guards hold the garrison.")  # noqa: E731
    (error,) = _errors(tmp_path, events=told)
    assert "summary: the summary, shown as a claim by Ana Vell, gives the figure 300 of claim 'muster-at-the-fort › guards in the garrison'" in error
    assert "River Radio states it in its own voice" in error


def test_a_claimed_summary_may_give_an_own_voice_figure_as_the_text_s(tmp_path: Path) -> None:
    credited = lambda t: _with_muster(t).replace("says the League's fighters muster on the walls.", "speaks; River Radio counts 300 guards in the garrison.")  # noqa: E731
    assert _errors(tmp_path, events=credited) == []


def test_a_phase_summary_gives_a_claimed_date_with_its_claimant(tmp_path: Path) -> None:
    def _errors(tmp: Path, **edits) -> list[str]:  # two runs: each in its own folder
        where = tmp / str(len(list(tmp.iterdir())))
        where.mkdir()
        return [str(e) for e in edited_errors(where, **edits)]

    summary = lambda text: (lambda t: _phase_claimed(t).replace("    name: Fall of the fort\n", f"    name: Fall of the fort\n    summary: {text}\n"))  # noqa: E731
    (error,) = _errors(tmp_path, phases=summary("The fort falls on 28 February 2031."))
    assert "phases[1].summary: the summary repeats the date 28 Feb 2031 of the start of phase 'fall-of-the-fort'" in error
    assert "which the data attributes to Ana Vell" in error
    assert _errors(tmp_path, phases=summary("The fort falls on 28 February 2031, Ana Vell says.")) == []


def test_a_source_name_says_no_more_of_its_date_than_its_date(tmp_path: Path) -> None:
    month = lambda t: t.replace("name: River Radio report", "name: River Radio, March 2031")  # noqa: E731
    (error,) = _errors(tmp_path, sources=month)
    assert error.startswith("data/sources.yaml:10:5: sources[1].name: the name mentions a date, but the source's 'date' is after 2031-03-10")
    assert "'…, after 10 March 2031'" in error

    for i, (name, count) in enumerate([("River Radio, after 10 March 2031", 0), ("River Radio, 10 March 2031", 1)]):
        # "after" dropped: the name would date it to the day
        edit = lambda t, name=name: t.replace("name: River Radio report", f"name: {name}")  # noqa: E731
        (tmp_path / str(i)).mkdir()
        assert len(_errors(tmp_path / str(i), sources=edit)) == count, name


# Page sentences (fixture cases, failing and allowed).

PAGE_CASES = [
    # An own-voice figure credited to the event's claimant.
    (f"Ana Vell said 300 guards held the garrison.{RADIO}", ["own-voice"]),
    (f"According to Ana Vell the garrison had 300 guards.{RADIO}", ["own-voice"]),
    (f"River Radio counted 300 guards in the garrison.{RADIO}", []),
    (f"Ana Vell spoke; River Radio counted 300 guards in the garrison.{RADIO}", []),
    (f"The garrison had 300 guards.{RADIO}", []),  # the text's own figure, as fact: allowed
    # A figure that takes its event's claimant must be attributed.
    (f"The walls are 2 miles long.{RADIO}", ["claim 'muster-at-the-fort › figures › length of the walls'"]),
    (f"Ana Vell gives the walls as 2 miles long.{RADIO}", []),
    # A phase date that a party gives.
    (f"The fall of the fort began on 28 February 2031.{RADIO}", ["the start of phase 'fall-of-the-fort'"]),
    (f"The fall of the fort began on 28 February 2031, Ana Vell said.{RADIO}", []),
    ("The fall of the fort began on 28 February 2031.{{ cite('north-gazette-2031-03-02') }}", []),  # not that text's claim
]


@pytest.mark.parametrize(("text", "flagged"), PAGE_CASES, ids=[c[0][:50] for c in PAGE_CASES])
def test_page_case(index, text: str, flagged: list[str]) -> None:
    found = [e.message.split(" of ", 1)[1].split(", which", 1)[0] for e in check_page(text, "docs/p.md", index, attributed(index))]
    found += ["own-voice" for _ in ownvoice.check_page(text, "docs/p.md", index)]
    assert found == flagged


def test_page_cases_fail_and_pass() -> None:
    assert sum(1 for _, f in PAGE_CASES if f) >= 4 and sum(1 for _, f in PAGE_CASES if not f) >= 5


def test_an_own_voice_error_names_file_line_column_and_what_to_do(index) -> None:
    (error,) = ownvoice.check_page(f"# P\n\nIntro. Ana Vell said 300 guards held the garrison.{RADIO}\n", "docs/p.md", index, first=3)
    assert str(error) == (
        "docs/p.md:5:51: cite('river-radio-report'): this sentence gives the figure 300 of claim 'muster-at-the-fort › guards in the garrison' "
        "as Ana Vell's, but River Radio states it in its own voice ('own_voice: true'); credit it to River Radio, or move it out of Ana Vell's words"
    )


# The built pages: a real MkDocs build of the fixture with the additions.

@pytest.fixture(scope="module")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = VALID / "docs"
    where = make_project(tmp_path_factory.mktemp("claimants-site"), project / "data", docs, ROOT / "mkdocs.yml")
    phase = "# Fall of the fort\n\n{{ infobox('fall-of-the-fort') }}\n\n{{ timeline('fall-of-the-fort') }}\n\n{{ references() }}\n"
    (where / "docs" / "phases").mkdir(exist_ok=True)
    (where / "docs" / "phases" / "fall-of-the-fort.md").write_text(phase, encoding="utf-8")
    (where / "docs" / "disagreements.md").write_text("# Where sources differ\n\n{{ disagreements() }}\n\n{{ references() }}\n", encoding="utf-8")
    result = build(where)
    assert result.returncode == 0, result.output
    return result.site


def _figures(site: Path, event: str) -> dict[str, str]:
    tree = html.fromstring((site / "chronology" / "index.html").read_text(encoding="utf-8"))
    row = tree.get_element_by_id(event)
    return {shown_text(li).split(":", 1)[0]: shown_text(li) for li in row.xpath(".//ul[@class='bw-figures']/li")}


def test_the_timeline_shows_each_figure_s_own_claimant(site: Path) -> None:
    figures = _figures(site, "muster-at-the-fort")
    assert figures["Guards in the garrison"].startswith("Guards in the garrison: 300 (River Radio's own report, not attributed to Ana Vell)")
    assert figures["Length of the walls"].startswith("Length of the walls: sources differ: 2, miles (claim by Ana Vell)")
    assert "5, miles (claim by Ana Vell)" in figures["Length of the walls"]


def test_the_disagreements_page_shows_the_claimant_a_figure_takes_from_its_event(site: Path) -> None:
    tree = html.fromstring((site / "disagreements" / "index.html").read_text(encoding="utf-8"))
    (row,) = [r for r in tree.xpath("//table[@class='bw-disagreements']//tr[td]") if "walls" in shown_text(r)]
    assert shown_text(row).count("(claim by Ana Vell)") == 2


def test_the_export_marks_the_own_voice_figure(site: Path) -> None:
    item = json.loads((site / "api" / "events" / "muster-at-the-fort.json").read_text(encoding="utf-8"))["item"]
    assert item["figures"]["guards in the garrison"][0]["own_voice"] is True
    assert "own_voice" not in item["figures"]["length of the walls"][0]
    assert item["claimed_by"] == {"person": "ana-vell"}


def test_a_phase_shows_who_dates_its_start(site: Path) -> None:
    tree = html.fromstring((site / "phases" / "fall-of-the-fort" / "index.html").read_text(encoding="utf-8"))
    dates = tree.xpath("//aside[contains(@class,'bw-infobox')]//th[.='Dates']/following-sibling::td[1]")[0]
    assert shown_text(dates) == "28 Feb 2031 (claim by Ana Vell)[1] – ongoing"
    assert shown_text(tree.find_class("bw-range")[0]).startswith("From 28 Feb 2031 (claim by Ana Vell)[1] to the latest report")
    phase = json.loads((site / "api" / "phases" / "fall-of-the-fort.json").read_text(encoding="utf-8"))["item"]
    assert phase["start_claim"] == {"claimed_by": {"person": "ana-vell"}, "sources": [{"source": "river-radio-report"}]}


def test_a_year_only_date_has_its_own_group_not_a_month_s(site: Path) -> None:
    tree = html.fromstring((site / "chronology" / "index.html").read_text(encoding="utf-8"))
    headings = [shown_text(h) for h in tree.find_class("bw-month")]
    assert headings == ["February 2031", "March 2031", "Mid 2031 (no month given)"]
    raid = tree.get_element_by_id("raids-mid-year")
    assert shown_text(raid.getparent().getprevious()) == "Mid 2031 (no month given)"
    index = [shown_text(a) for a in tree.xpath("//nav[@class='bw-month-index']//a")]
    assert index == headings


# A citation whose own words say someone else is speaking needs a claimant (macros/quotedclaims.py).

SIEGE_SOURCES = "    sources: [north-gazette-2031-03-02]\n  - id: fort-falls"


def _siege_cited(locator: str, claimed: str = "") -> object:
    cited = f"    sources:\n      - {{source: north-gazette-2031-03-02, locator: {locator}}}\n{claimed}  - id: fort-falls"
    title = "title: The Blue League attacks Karsk"
    said = title.replace("The Blue", "Residents say the Blue") if claimed else title  # a claimed event's title says who says it
    return lambda t: t.replace(SIEGE_SOURCES, cited).replace(title, said)


@pytest.mark.parametrize(("locator", "claimed", "flagged"), [
    ("'para. 2, according to residents'", "", True),
    ("'para. 2, a source close to the League'", "", True),
    ("'para. 2, according to residents'", "    claimed_by: {described: residents}\n", False),
    ("para. 2", "", False),
    ("'the report says little'", "", True),  # "says": the locator names a speaker
])
def test_a_citation_that_names_a_speaker_needs_a_claimant(tmp_path: Path, locator: str, claimed: str, flagged: bool) -> None:
    errors = _errors(tmp_path, events=_siege_cited(locator, claimed))
    if not flagged:
        assert errors == []
        return
    (error,) = errors
    assert error.startswith("data/events.yaml:") and "events[0].sources[0]: the citation's own words" in error
    assert "add 'claimed_by'" in error


def test_an_own_voice_figure_cannot_cite_someone_else_s_words(tmp_path: Path) -> None:
    quoted = lambda t: _with_muster(t).replace(  # noqa: E731
        "        - count: 300\n          sources: [river-radio-report]\n",
        "        - count: 300\n          sources:\n            - {source: river-radio-report, quote: '300 guards, Vell said'}\n")
    (error,) = _errors(tmp_path, events=quoted)
    assert ".figures.guards in the garrison[0].sources[0]: the citation's own words ('said')" in error
