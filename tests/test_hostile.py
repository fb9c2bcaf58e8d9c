"""Hostile strings in every string field of every kind of entity, built with the real MkDocs
and read in Chromium: no script may run, and free text must show literally.

Names (and ids) are plain text by rule: markup in a name must stop the build with a clear
`file:line:col` error, as must a `javascript:` or `data:` address. Free text (summaries,
notes, quotes, claim values, labels, locators...) is data a reader sees as typed.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import FIXTURES, ROOT, build, make_project, serve_directory
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sitepages import html_pages

VALID = FIXTURES / "valid"
# The macros the engine registers (read, not imported: the engine's glue imports mkdocs-macros).
MACROS = set(re.findall(r'"(\w+)"', (ROOT / "macros" / "__init__.py").read_text(encoding="utf-8").partition("MACROS")[2].partition(")")[0]))
PWN = "window.__pwned=1"

# Free text: every one must build and show literally.
HOSTILE_TEXT = [
    "<script>window.__pwned=1</script>",
    "<script>alert(1)</script>",
    f'"><img src=x onerror={PWN}>',
    f"'><svg onload={PWN}>",
    "</td></tr></table><script>alert(document.domain)</script>",
    f"javascript:{PWN}",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "{{ 7 * 7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# a Jinja comment #}",
    f"[click me](javascript:{PWN})",
    f"[x](data:text/html,<script>{PWN}</script>)",
    "![img](x 'title')",
    f"<a href=\"javascript:{PWN}\">link</a>",
    f"{{: onmouseover={PWN} }}",
    "*not emphasis* and _not emphasis_ and `not code`",
    "&lt;already escaped&gt; &amp; &#60;script&#62;",
    "مرحبا بالعالم עברית",
    "A<script>x</script>" * 220,  # very long: 4180 characters
]
# Names: plain text without markup is allowed and must show literally.
HOSTILE_NAMES = [
    f"javascript:{PWN}",
    "data:text/html,hello",
    "*stars* and _underscores_",
    "O'Brien & \"Sons\" 100%",
    "مرحبا עברית name",
    "N" * 180,
]
# Markup in a name: the build must fail and say so.
MARKUP_NAMES = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7 * 7 }}",
    "{% if true %}x{% endif %}",
    "[x](javascript:alert(1))",
]
BAD_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/x.js",
    "ftp://example.org/file",
]
# An http(s) address may still carry markup characters: it must stay one literal attribute.
HOSTILE_URLS = [f'https://example.org/"><img/src=x/onerror={PWN}>', "https://example.org/?q=<script>alert(1)</script>&x='y'"]

# Random additions to the fixed strings: every character class that matters to HTML, Markdown,
# Jinja and right-to-left scripts, and none that YAML or the engine reject outright: control
# characters, bidi controls and invisible characters are refused by the text and name rules
# (tests/test_names.py checks that refusal).
SPECIALS = "<>\"'&{}%#[]()*_`!\\:;=/ \u05d0\u0627"
NAME_SPECIALS = "\"'&}%#[()*_`!\\:;=/ "  # no '<', '{' or ']': those make markup; no letters that mix scripts
# in one word (refused as look-alikes): HOSTILE_NAMES carries right-to-left words of one script each


def marked(number: int, text: str) -> str:
    """A unique marker first, so each field's string can be found where it lands."""
    return f"Q{number:03d}Z {text}"


class Filler:
    """Hands out hostile strings, each with its own marker, and remembers where each went."""

    def __init__(self, texts: list[str], names: list[str]) -> None:
        self.texts, self.names = texts, names
        self.used: list[tuple[str, str, str]] = []  # (kind of field, where, string)

    def _take(self, pool: list[str], category: str, where: str, limit: int | None = None) -> str:
        text = marked(len(self.used), pool[len(self.used) % len(pool)])
        if limit is not None:
            text = text[:limit].rstrip()
        self.used.append((category, where, text))
        return text

    def text(self, where: str) -> str:
        return self._take(self.texts, "text", where, 4900)

    def label(self, where: str) -> str:
        return self._take(self.texts, "label", where, 190)  # labels and locators: at most 200 characters

    def quote(self, where: str) -> str:
        text = " ".join(self._take(self.texts, "text", where, 300).split()[:40])
        self.used[-1] = ("text", where, text)
        return text

    def name(self, where: str) -> str:
        return self._take(self.names, "name", where, 200).strip()


def load_valid() -> dict[str, Any]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((VALID / "data").glob("*.yaml"))}


def fill(data: dict[str, Any], f: Filler) -> dict[str, Any]:
    """Put a hostile string into every string field of every kind of entity."""
    data = copy.deepcopy(data)
    src = data["sources"]["sources"][0]["id"]

    def cite(where: str) -> dict[str, str]:
        return {"source": src, "locator": f.label(f"{where} locator"), "quote": f.quote(f"{where} quote")}

    def claims(where: str) -> list[dict[str, Any]]:  # two values: every field is also a disagreement
        return [{"value": f.text(f"{where} value {n}"), "note": f.text(f"{where} note {n}"), "sources": [cite(where)]} for n in (1, 2)]

    def facts(where: str) -> dict[str, Any]:
        return {f.label(f"{where} label"): claims(f"{where} fact")}

    for kind in ("sources", "parties", "units", "places", "people", "phases"):
        for item in data[kind][kind]:
            where = f"{kind}/{item['id']}"
            item["name"] = f.name(f"{where} name")
            item["aliases"] = [{"name": f.name(f"{where} alias"), "identified": f.text(f"{where} alias basis")}]
            item["summary"] = f.text(f"{where} summary")
            if kind != "sources":
                item["facts"] = facts(where)
                item["sources"] = [cite(where)]
    for item in data["sources"]["sources"]:
        where = f"sources/{item['id']}"
        for field in ("outlet", "via", "title"):
            item[field] = f.name(f"{where} {field}")
        for field in ("outlet_note", "notes", "file"):
            item[field] = f.text(f"{where} {field}")
        item["url"] = HOSTILE_URLS[len(f.used) % len(HOSTILE_URLS)]
        f.used.append(("url", f"{where} url", item["url"]))
    for item in data["units"]["units"]:
        item["number"] = f.text(f"units/{item['id']} number")
        item["designation"] = claims(f"units/{item['id']} designation")
    for item in data["people"]["people"]:
        item["role"] = f.text(f"people/{item['id']} role")
    for item in data["places"]["places"]:
        if item["id"] == "karsk":  # pages call fact('karsk', label) inline: labels a page can quote
            item["facts"]["population"] = claims("places/karsk population")
            item["facts"]["inline figures"] = claims("places/karsk inline fact")
        if item.get("within"):
            item["distances"] = [{"to": item["within"], "km": "2", "note": f.text(f"places/{item['id']} distance"), "sources": [cite("distance")]}]
    for item in data["events"]["events"]:
        where = f"events/{item['id']}"
        item["title"] = f.name(f"{where} title")
        if item.get("claimed_by"):  # a claimed event's title must say so (macros/titles.py); the string stays hostile
            item["title"] = item["title"][:180].rstrip() + " reportedly"
            f.used[-1] = ("name", f"{where} title", item["title"])
        item["summary"] = f.text(f"{where} summary")
        item["note"] = f.text(f"{where} note")
        item["figures"] = facts(where)
        item["sources"] = [cite(where)]
        for change in item.get("control", []):
            change["note"] = f.text(f"{where} control note")
    battle = data["battle"]["battle"]
    battle["name"] = f.name("battle name")
    battle["aliases"] = [{"name": f.name("battle alias"), "identified": f.text("battle alias basis")}]
    battle["summary"] = f.text("battle summary")
    for field in ("date", "result", "part_of"):
        battle[field] = claims(f"battle {field}")
    battle["facts"] = facts("battle")
    for side in battle["sides"]:
        side["name"] = f.name(f"side {side['id']} name")
        side["strength"] = facts(f"side {side['id']} strength")
        side["casualties"] = facts(f"side {side['id']} casualties")
    return data


class PlainDumper(yaml.SafeDumper):
    """The engine refuses YAML anchors and aliases, so never write any."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_project(where: Path, data: dict[str, Any]) -> Path:
    """The fixture project with the given data, and a page for every entity that can have one."""
    project = make_project(where, VALID / "data", VALID / "docs", VALID / "mkdocs.yml")
    for kind, content in data.items():
        text = yaml.dump(content, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=1 << 20)
        (project / "data" / f"{kind}.yaml").write_text(text, encoding="utf-8")
        if kind in ("battle", "events"):
            continue
        for item in content[kind]:
            page = project / "docs" / kind / f"{item['id']}.md"
            page.parent.mkdir(exist_ok=True)
            ident = item["id"]
            extra = "".join(f"{{{{ {m}('{ident}') }}}}\n\n" for m in ("mentions", "control") if m in MACROS)
            body = f"# Entity\n\n{{{{ infobox('{ident}') }}}}\n\n{{{{ timeline('{ident}') }}}}\n\n{extra}## References\n\n{{{{ references() }}}}\n"
            page.write_text(body, encoding="utf-8")
    # The site-wide views, where the engine has them yet.
    for name, macros in (("control", ("control_summary", "control")), ("disagreements", ("disagreements",)), ("sources", ("sources",))):
        calls = "".join(f"{{{{ {m}() }}}}\n\n" for m in macros if m in MACROS)
        if calls:
            (project / "docs" / f"{name}.md").write_text(f"# View\n\n## All\n\n{calls}## References\n\n{{{{ references() }}}}\n", encoding="utf-8")
    # Inline use in running text, where Markdown still reads the macro's output.
    (project / "docs" / "inline.md").write_text(
        "# Inline\n\nThe "
        + " and the ".join(f"{{{{ entity_link('{i['id']}') }}}}" for kind in ("parties", "places", "units", "people") for i in data[kind][kind])
        + ". Figures: {{ fact('karsk', 'inline figures') }}.\n\n"
        "## References\n\n{{ references() }}\n",
        encoding="utf-8",
    )
    return project


# What a page may not contain after loading, hovering and searching: script from data.
INJECTED_JS = """() => {
  const bad = [];
  if (window.__pwned !== undefined) bad.push('window.__pwned was set');
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(`${el.tagName} has ${a.name}`);
      const url = ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name);
      if (url && /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(`${el.tagName} ${a.name}=${a.value.slice(0, 60)}`);
    }
  }
  for (const el of document.querySelectorAll('img[src=x], svg[onload], iframe, object, embed')) bad.push(`injected ${el.outerHTML.slice(0, 80)}`);
  for (const el of document.querySelectorAll('script')) {
    if (/__pwned|alert\\(/.test(el.textContent)) bad.push(`script from data: ${el.textContent.slice(0, 60)}`);
  }
  return bad;
}"""
# Everything a reader can be shown: text, and every attribute value (titles become tooltips).
SHOWN_JS = """() => document.documentElement.textContent + '\\n' +
  [...document.querySelectorAll('*')].flatMap(el => [...el.attributes].map(a => a.value)).join('\\n')"""


def read_in_chromium(browser, site: Path) -> tuple[dict[str, str], list[str], int]:
    """Load every page; hover the citation marks; search. Return (shown text by page, problems, pages)."""
    base, server = serve_directory(site)
    context = browser.new_context(service_workers="block")
    context.add_init_script("delete window.__pwned;")
    dialogs: list[str] = []
    problems: list[str] = []
    shown: dict[str, str] = {}
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.type} {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"{page.url}: uncaught {error}"))
    pages = [p.relative_to(site).as_posix().removesuffix("index.html") for p in html_pages(site) if p.name != "404.html"]
    try:
        for path in pages:
            page.goto(base + path, wait_until="load")
            marks = page.locator(".bw-cite a")
            for i in range(min(marks.count(), 2)):  # tooltips and previews are built from data
                # Events sent to the mark itself: a hostile string with no spaces can push it under the
                # sidebar, where a real pointer would land on the sidebar instead.
                for event in ("mouseover", "mouseenter", "mousemove"):
                    marks.nth(i).dispatch_event(event)
                marks.nth(i).focus()
            problems += [f"{path}: {p}" for p in page.evaluate(INJECTED_JS)]
            shown[path] = page.evaluate(SHOWN_JS)
        search = page.locator("input.md-search__input")
        for query in ("script", "img", "pwned"):  # results are drawn from the search index
            page.goto(base, wait_until="load")
            search.click()
            search.press_sequentially(query)
            page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').textContent)", timeout=10_000)
            problems += [f"search {query!r}: {p}" for p in page.evaluate(INJECTED_JS)]
    finally:
        context.close()
        server.shutdown()
    return shown, problems + dialogs, len(pages)


TRIED: list[int] = []


# Bounded: three builds of many strings each; no shrinking (each try is a full build and a browser pass).
@settings(max_examples=3, deadline=None, derandomize=True, database=None, phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
@given(
    texts=st.lists(
        st.one_of(
            st.sampled_from(HOSTILE_TEXT),
            st.builds(lambda a, b: a + b + a, st.sampled_from(HOSTILE_TEXT[:16]), st.text(SPECIALS, min_size=1, max_size=24)),
        ),
        min_size=24, max_size=24, unique=True,
    ).map(lambda extra: HOSTILE_TEXT + extra),
    names=st.lists(st.text(NAME_SPECIALS + "abcXYZ", min_size=1, max_size=30), min_size=8, max_size=8).map(lambda extra: HOSTILE_NAMES + extra),
)
def test_hostile_strings_never_run_and_show_literally(texts: list[str], names: list[str], browser, tmp_path_factory) -> None:
    filler = Filler(texts, names)
    data = fill(load_valid(), filler)
    project = write_project(tmp_path_factory.mktemp("hostile"), data)
    result = build(project)
    assert result.returncode == 0, result.output[-3000:]
    assert "Traceback" not in result.output
    shown, problems, page_count = read_in_chromium(browser, result.site)
    assert not problems, "\n".join(problems[:40])
    raw = {path: (result.site / path / "index.html" if not path.endswith(".html") else result.site / path).read_text(encoding="utf-8") for path in shown}
    rendered = wrong = 0
    missing: list[str] = []
    for category, where, text in filler.used:
        marker = text.split(" ", 1)[0] if category != "url" else text
        pages = [path for path, html in raw.items() if marker in html or marker.replace("&", "&amp;").replace('"', "&#34;") in html]
        if category == "url":
            pages = [path for path, html in raw.items() if text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;") in html]
        if not pages:
            continue  # this field is not shown on any page (yet)
        rendered += 1
        fold = (lambda s: s.casefold()) if category == "label" else (lambda s: s)  # labels are shown capitalised
        wrong_pages = [path for path in pages if fold(text) not in fold(shown[path])]  # wherever it lands
        if wrong_pages:
            wrong += 1
            missing.append(f"{category} {where}: {text[:120]!r} not shown literally on {wrong_pages[:3]}")
    TRIED.append(len(filler.used))
    print(f"hostile build: {len(filler.used)} strings placed, {rendered} rendered and checked, {page_count} pages read, {wrong} not literal")
    assert rendered >= 40, f"only {rendered} hostile strings reached a page"
    assert not missing, "\n".join(missing[:30])


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^data/\w+\.yaml:\d+:\d+: ", line)]


@pytest.mark.parametrize("markup", MARKUP_NAMES)
def test_markup_in_any_name_stops_the_build_clearly(markup: str, tmp_path: Path) -> None:
    filler = Filler(HOSTILE_TEXT, [markup])
    data = fill(load_valid(), filler)
    project = write_project(tmp_path / "p", data)
    site = tmp_path / "site"
    result = build(project, site)
    names = [u for u in filler.used if u[0] == "name"]
    errors = [line for line in error_lines(result.output) if "contains markup" in line]
    assert result.returncode != 0 and not site.exists()
    assert "Traceback" not in result.output
    # Every name field of every file is reported, in one run, each at its own line.
    assert len(errors) == len(names), f"{len(errors)} errors for {len(names)} names:\n{result.output[-2000:]}"
    files = {f"data/{k}.yaml" for k in ("battle", "events", "parties", "people", "phases", "places", "sources", "units")}
    assert {line.split(":", 1)[0] for line in errors} == files


def test_script_urls_are_refused(tmp_path: Path) -> None:
    data = load_valid()
    template = data["sources"]["sources"][0]
    extra = [{**template, "id": f"bad-url-{i}", "name": f"Bad {i}", "outlet": f"Outlet {i}", "url": url} for i, url in enumerate(BAD_URLS)]
    data["sources"]["sources"] += extra
    project = write_project(tmp_path / "p", data)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.output
    refused = [line for line in error_lines(result.output) if "not an http(s) address" in line]
    assert len(refused) == len(BAD_URLS), result.output[-2000:]
    for url in BAD_URLS:
        assert any(f"'{url}'" in line and ".url:" in line for line in refused), url
