"""The facts table: dates, numbers and names from the five source texts, each on the page that must show it.

tests/facts.csv lists one fact a row: the built page (site-relative), the text that page must
show, the source it comes from, and a note. The real site is built once; each page's visible
text (the article only, so the navigation cannot satisfy a fact) is checked for each fact.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTS = Path(__file__).resolve().parent / "facts.csv"
MIN_FACTS = 120

# Tags whose start or end separates words; inline tags (a, span, sup, strong, time) do not.
BLOCK = {
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "nav", "ol", "p", "section",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}
HIDDEN = {"script", "style", "template", "noscript"}


class ArticleText(HTMLParser):
    """Visible text inside the page's <article>: tags stripped, entities unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_depth = 0
        self.hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article_depth += 1
        elif tag in HIDDEN:
            self.hidden_depth += 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.article_depth -= 1
        elif tag in HIDDEN:
            self.hidden_depth -= 1
        if tag in BLOCK:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.article_depth > 0 and self.hidden_depth == 0:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = ArticleText()
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.parts)).strip()


def load_rows() -> list[dict[str, str]]:
    with FACTS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


ROWS = load_rows()


def test_visible_text_strips_tags_and_unescapes() -> None:
    html = (
        "<nav>Elsewhere</nav><article><h1>Title</h1><p>Held by <a href='x'>LIB&nbsp;47</a>"
        "<sup>[1]</sup> since &ldquo;4 Dec 2024&rdquo;</p><script>var hidden = 1;</script>"
        "<table><tr><th>Troops</th><td>1,000</td></tr></table></article>"
    )
    assert visible_text(html) == "Title Held by LIB 47[1] since \u201c4 Dec 2024\u201d Troops 1,000"


def test_table_is_large_well_formed_and_cites_known_sources() -> None:
    sources = {s["id"] for s in yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]}
    assert len(ROWS) >= MIN_FACTS, f"{len(ROWS)} facts; the table must hold at least {MIN_FACTS}"
    assert list(ROWS[0]) == ["page", "text", "source", "note"]
    seen = set()
    for number, row in enumerate(ROWS, start=2):
        where = f"facts.csv:{number}"
        assert row["source"] in sources, f"{where}: unknown source '{row['source']}'"
        assert row["page"].endswith(".html") and not row["page"].startswith("/"), f"{where}: page must be a built path like battle/index.html"
        assert row["text"].strip() == row["text"] and row["text"], f"{where}: text is empty or padded"
        assert (row["page"], row["text"]) not in seen, f"{where}: duplicate fact"
        seen.add((row["page"], row["text"]))
    unused = sources - {row["source"] for row in ROWS}
    assert not unused, f"no fact in the table comes from {sorted(unused)}"


@pytest.fixture(scope="module")
def page_text(real_site: Path):
    @cache
    def read(page: str) -> str:
        path = real_site / page
        assert path.is_file(), f"the built site has no page {page}"
        return visible_text(path.read_text(encoding="utf-8"))

    return read


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['page'].removesuffix('/index.html')}: {r['text']}" for r in ROWS])
def test_fact_is_on_its_page(row: dict[str, str], page_text) -> None:
    text = page_text(row["page"])
    assert re.sub(r"\s+", " ", row["text"]) in text, (
        f"{row['page']} does not show {row['text']!r} ({row['source']}: {row['note']})"
    )
