"""The attribution check (macros/attribution.py) on pages over the fictional fixture.

The fixture's one-party claims, from River Radio: the Blue League (and its spokeswoman Ana Vell)
says it took 40 prisoners when Karsk Fort fell, an event the League claims, dated 1 March 2031;
the League also puts the Grey Army's captured at 40. North Gazette states none of them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from macros.attribution import attributed, check_page
from macros.engine import load_index
from macros.sentences import cited_sentences, words

VALID = FIXTURES / "valid"
RADIO, GAZETTE = "{{ cite('river-radio-report') }}", "{{ cite('north-gazette-2031-03-02') }}"


@pytest.fixture(scope="module")
def index():
    return load_index(VALID / "data", VALID)


# (page text, the claims whose figure or date it restates without attribution; empty: allowed)
CASES = [
    (f"The League took 40 prisoners.{RADIO}", ["claim 'fort-falls › figures › prisoners'"]),
    (f"The League said it took 40 prisoners.{RADIO}", []),
    (f"According to the radio's source, 40 prisoners were taken.{RADIO}", []),
    (f"BL puts its prisoners at 40.{RADIO}", []),  # the claimant's alias
    (f"Ana Vell spoke of 40 prisoners.{RADIO}", []),  # the person who claims it
    (f"{{{{ entity_link('blue-league') }}}} fighters hold 40 prisoners.{RADIO}", []),  # named through a link
    (f"40 prisoners were taken.{GAZETTE}", []),  # the cited text does not carry the claim
    (f"The garrison had 40 cooks.{RADIO}", []),  # the figure, but not of the claim's subject
    (f"At least 40 prisoners were\ntaken in the fort.{RADIO}", ["claim 'fort-falls › figures › prisoners'"]),  # over two lines
    (f"Karsk Fort fell on 1 March 2031.{RADIO}", ["event 'fort-falls'"]),
    (f"On 1 March 2031 the fort fell, the League announced.{RADIO}", []),
    (f"On 1 March 2031 it rained.{RADIO}", []),  # the date, but nothing of the event
    (f"Capt. Smith counted 40 prisoners in the fort.{RADIO}", []),  # "counted": an attribution form
    (f"Forty men died. The League held 40 prisoners.{RADIO} It said so.", ["claim 'fort-falls › figures › prisoners'"]),
    (f"```\nThe League took 40 prisoners.{RADIO}\n```", []),  # code is not prose
    (f"- The League took 40 prisoners.{RADIO}\n- It said so.", ["claim 'fort-falls › figures › prisoners'"]),
    (f"The League took 40 captured soldiers away.{RADIO}", ["claim 'battle-of-karsk › sides › casualties › captured'"]),
]


@pytest.mark.parametrize(("page", "flagged"), CASES, ids=[c[0][:50] for c in CASES])
def test_case(index, page: str, flagged: list[str]) -> None:
    errors = check_page(page, "docs/p.md", index, attributed(index))
    found = [e.message.split(" of ", 1)[1].split(", which", 1)[0] for e in errors]
    assert found == flagged, [str(e) for e in errors]


def test_enough_cases_both_failing_and_allowed() -> None:
    assert len(CASES) >= 10
    assert sum(1 for _, f in CASES if f) >= 5 and sum(1 for _, f in CASES if not f) >= 5


def test_the_error_names_file_line_column_claim_and_claimant(index) -> None:
    page = f"# Title\n\nIntro.\nThe fort fell and\nthe League took 40 prisoners.{RADIO}\n"
    (error,) = check_page(page, "docs/p.md", index, attributed(index))
    assert str(error) == (
        "docs/p.md:5:30: cite('river-radio-report'): this sentence repeats the figure 40 of claim "
        "'fort-falls › figures › prisoners', which the data attributes to Ana Vell, Blue League, but names no claimant; "
        "name them or write 'according to Ana Vell, Blue League' (or 'said', 'claimed', 'reported by')"
    )


def test_sentences_split_at_full_stops_but_not_after_abbreviations() -> None:
    (one, two) = cited_sentences(f"First one.{RADIO} Col. Vell said no. St. Mary's is shut.{GAZETTE}", {})
    assert one.text == "First one." and one.sources == ["river-radio-report"]
    assert two.text == "St. Mary's is shut." and (two.line, two.col) == (1, len(f"First one.{RADIO} Col. Vell said no. St. Mary's is shut.") + 1)
    assert words("4,600 KIA-led, 1, 2 Vell’s") == ["4600", "kia", "led", "1", "2", "vell's"]


def test_scanning_is_linear(index) -> None:
    """A page built to make a backtracking pattern take minutes is read at once."""
    import time

    page = ("a" * 50_000 + ". " + "{{ cite('river-radio-report') " * 2000 + "1, " * 50_000) * 2
    start = time.perf_counter()
    check_page(page, "docs/p.md", index, attributed(index))
    assert time.perf_counter() - start < 10


def test_summary_that_states_a_claimed_figure_as_fact_is_an_error(tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(VALID / "data", project / "data")
    events = project / "data" / "events.yaml"
    extra = (
        "  - id: prisoners-counted\n    date: 2031-03-05\n    kind: statement\n    title: Prisoners counted\n"
        "    summary: The fort's garrison, 40 prisoners in all, is marched out.\n"
        "    figures:\n      prisoners:\n        - count: 40\n          sources: [river-radio-report]\n"
        "          claimed_by: {party: blue-league}\n    sources: [river-radio-report]\n"
    )
    events.write_text(events.read_text(encoding="utf-8") + extra, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "macros.check", str(project / "data")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    (line, summary) = proc.stderr.splitlines()
    assert line.startswith("data/events.yaml:35:5: events[2].summary: the summary repeats the figure 40 of claim 'prisoners-counted › prisoners'")
    assert "attributes to Blue League" in line and summary == "1 error in the data; nothing was built."


def test_lines_count_from_the_top_of_the_file_after_front_matter(tmp_path: Path, index) -> None:
    from macros.pagecheck import check_pages

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "p.md").write_text(f"---\ntitle: A page\n---\n# P\n\nThe League took 40 prisoners.{RADIO}\n", encoding="utf-8")
    errors = [e for e in check_pages(docs, tmp_path, index)[1] if "names no claimant" in e.message]
    assert [(e.file, e.line, e.column) for e in errors] == [("docs/p.md", 6, 30)]
