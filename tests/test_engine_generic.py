"""The engine is generic and small: a fictional conflict builds with the same macros, the
engine names no real place, each module stays short, and `make check` reports its time."""

from __future__ import annotations

import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT

MACROS = ROOT / "macros"


class _Block(HTMLParser):
    """The text inside the first element whose class list contains `cls`."""

    def __init__(self, cls: str) -> None:
        super().__init__()
        self.cls, self.depth, self.done, self.parts = cls, 0, False, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth or (not self.done and self.cls in (dict(attrs).get("class") or "").split()):
            self.depth += tag not in ("br", "img", "input", "meta", "link", "hr", "wbr", "source")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.done = self.done or self.depth == 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def _text_of(page: Path, cls: str) -> str:
    parser = _Block(cls)
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.parts).split())


def test_fiction_battle_page_shows_its_infobox_and_timeline(fiction_site: Path) -> None:
    page = fiction_site / "battle" / "index.html"
    infobox = _text_of(page, "bw-infobox")
    assert "Battle of Karsk" in infobox
    assert "Blue League" in infobox and "Grey Army" in infobox and "9th Grey Rifles" in infobox
    timeline = _text_of(page, "bw-timeline")
    assert "The Blue League attacks Karsk" in timeline and "The League says Karsk Fort has fallen" in timeline
    assert timeline.index("The Blue League attacks Karsk") < timeline.index("The League says Karsk Fort has fallen")


def test_fiction_entity_pages_show_their_data(fiction_site: Path) -> None:
    place = _text_of(fiction_site / "places" / "karsk" / "index.html", "bw-infobox")
    assert "Karsk" in place and "12,000" in place and "15,000" in place  # two sources disagree: both shown
    unit = _text_of(fiction_site / "units" / "grey-rifles-9" / "index.html", "bw-infobox")
    assert "9th Grey Rifles" in unit and "Karsk Fort" in unit and "Grey Army" in unit
    assert "The League says Karsk Fort has fallen" in _text_of(fiction_site / "chronology" / "index.html", "bw-timeline")


# Whole words that belong to the real conflict: its places, parties and their usual names.
REAL_WORDS = r"bhamo|banmaw|kachin|kia|junta|myanmar|burma|tatmadaw|irrawaddy|ayeyarwady|moc-21"


def test_engine_knows_nothing_of_bhamo() -> None:
    proc = subprocess.run(["grep", "-rilwE", "--exclude-dir=__pycache__", REAL_WORDS, str(MACROS)], capture_output=True, text=True)
    assert proc.returncode == 1, f"engine files name the real conflict:\n{proc.stdout}"


def test_every_engine_module_is_at_most_200_lines() -> None:
    modules = sorted(MACROS.rglob("*.py"))
    assert len(modules) > 10
    long = {str(p.relative_to(ROOT)): n for p in modules if (n := len(p.read_text(encoding="utf-8").splitlines())) > 200}
    assert long == {}


def test_make_check_on_the_real_data_reports_its_time() -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    # SITE_DEPS= : the venv is already set up; do not let make reinstall it while other tests run.
    proc = subprocess.run(["make", "-s", "--no-print-directory", "check", "SITE_DEPS="], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert re.fullmatch(r"data OK: .*; checked in \d+\.\d\d s\n", proc.stdout), proc.stdout
