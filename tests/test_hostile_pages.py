"""Hostile contributions that change only docs/ or data/: real builds of changed copies of the fixture.

Each batch puts many hostile files in one copy (the engine reports every error at once), runs the
real `mkdocs build`, and asserts: the build fails naming every hostile file, no canary ran (a
file that a payload would create, an environment variable it would print), nothing was published,
and no traceback. A last batch of tricky but allowed pages must build, publish nothing from
outside the project, and run no script in Chromium.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, make_project, serve_directory
from test_hostile import INJECTED_JS

VALID = FIXTURES / "valid"
SECRET = "BW_CANARY"  # an environment variable of the build, named by the payloads ({s})
SECRET_VALUE = "secret-value-7f3a9c"  # its value: never printed or published
TOKEN = "ghp_CANARYTOKEN0000"  # what ../.git/config would leak

# Pages whose Jinja would run code, read the environment or stall: each must be a file:line:col error.
# {c} is a file the payload would create, {s} the name of the secret variable.
JINJA = {
    "cycler.md": "{{ cycler.__init__.__globals__.os.popen('touch {c}').read() }}",
    "joiner.md": "{{ joiner.__init__.__globals__.os.system('touch {c}') }}",
    "namespace.md": "{{ namespace.__init__.__globals__.os.system('touch {c}') }}",
    "lipsum.md": "{{ lipsum.__globals__['os'].popen('touch {c}').read() }}",
    "self.md": "{{ self.__init__.__globals__.__builtins__.open('{c}', 'w') }}",
    "macro-globals.md": "{{ infobox.__globals__['os'].system('touch {c}') }}",
    "macro-self.md": "{{ cite.__self__.env.from_string('{{{{ 7*7 }}}}').render() }}",
    "renderer.md": "{{ wiki.env.from_string(\"{{{{ cycler.__init__.__globals__.os.system('touch {c}') }}}}\").render() }}",
    "attr-filter.md": "{{ ()|attr('__class__')|attr('__base__')|attr('__subclasses__') }}",
    "format.md": "{{ '%s'|format(cycler.__init__.__globals__.os.environ['{s}']) }}",
    "str-format.md": "{{ '{{0.__init__.__globals__[os].environ[{s}]}}'.format(cycler) }}",
    "environ.md": "{{ cycler.__init__.__globals__.os.environ['{s}'] }}",
    "config.md": "{{ config }}",
    "subclasses.md": "{{ [].__class__.__base__.__subclasses__() }}",
    "range.md": "{% for i in range(10**12) %}x{% endfor %}",
    "range-expr.md": "{{ range(10**12)|list }}",
    "set.md": "{% set x = cycler.__init__.__globals__.os.system('touch {c}') %}",
    "include-self.md": "{% include 'include-self.md' %}",
    "import.md": "{% from 'index.md' import x %}",
    "macro-recursion.md": "{% macro m() %}{{{{ m() }}}}{% endmacro %}{{{{ m() }}}}",
    "comment.md": "{# {{ cycler.__init__.__globals__.os.system('touch {c}') }} #}",
    "raw.md": "{% raw %}{{ x }}{% endraw %}",
    "whitespace.md": "{{- cycler.__init__.__globals__.os.system('touch {c}') -}}",
    "operator.md": "{{ infobox('karsk') ~ cycler.__init__.__globals__.os.system('touch {c}') }}",
    "filter.md": "{{ infobox('karsk')|safe }}",
    "expr-arg.md": "{{ infobox(cycler.__init__.__globals__.os.system('touch {c}')) }}",
    "memory-arg.md": "{{ entity_link('x' * 10**10) }}",
    "kwargs.md": "{{ infobox(**{{'ident': 'karsk'}}) }}",
    "conditional.md": "{{ infobox('karsk') if cycler.__init__.__globals__.os.system('touch {c}') else '' }}",
    "split-call.md": "{{ infobox(\n'karsk'\n).__class__ }}",
    "fstring.md": "{{ entity_link(f'{{cycler}}') }}",
    "unclosed.md": "Text {{ infobox('karsk')\n\nand more",
    "many-open.md": "{{" * 50_000,
    "many-statements.md": "{%" * 50_000,
    # Calls of the right shape but the wrong ids, kinds or counts.
    "infobox-event.md": "{{ infobox('fort-falls') }}",
    "cite-unit.md": "{{ cite('grey-rifles-9') }}",
    "fact-missing-arg.md": "{{ fact('karsk') }}",
    "infobox-missing-arg.md": "{{ infobox() }}",
    "too-many-args.md": "{{ entity_link('karsk', 'karsk', 'karsk') }}",
    "unknown-macro.md": "{{ os('karsk') }}",
    "api-path.md": "{{ api_link('../../.git/config') }}",
}
# What some of them must say, beyond naming the file.
MESSAGES = {
    "infobox-event.md": "infobox() needs the id of a battle, party, unit, place, person, phase, source; 'fort-falls' is an event",
    "cite-unit.md": "cite() needs the id of a source; 'grey-rifles-9' is a unit",
    "fact-missing-arg.md": "fact() takes 2 arguments (id, label), got 1",
    "include-self.md": "a statement ({% ... %}) is not allowed",
    "many-open.md": "more problems follow",
    "split-call.md": "not a macro call",
}
FRONT_MATTER = {
    "fm-title-jinja.md": "---\ntitle: \"{{ cycler.__init__.__globals__.os.system('touch {c}') }}\"\n---\n# T\n",
    "fm-title-onerror.md": "---\ntitle: '<img src=x onerror=window.__pwned=1>'\n---\n# T\n",
    "fm-description.md": "---\ndescription: '\"><script>window.__pwned=1</script>'\n---\n# T\n",
    "fm-render-macros.md": "---\nrender_macros: true\n---\n# T\n",
    "fm-template.md": "---\ntemplate: ../../../../etc/passwd\n---\n# T\n",
    "fm-python-tag.md": "---\ntitle: !!python/object/apply:os.system ['touch {c}']\n---\n# T\n",
    "fm-env-tag.md": "---\ntitle: !ENV {s}\n---\n# T\n",
    "fm-list.md": "---\ntitle: &a [x, *a]\n---\n# T\n",
    "fm-multimarkdown.md": "Title: <img src=x onerror=window.__pwned=1>\n\n# T\n",
    "fm-bidi.md": "---\ntitle: \"Karsk \u202egnp.exe\"\n---\n# T\n",
}
# Markdown and HTML that would put script on a page: each must stop the build naming the page.
HTML = {
    "script.md": "# T\n\n<script>window.__pwned=1</script>\n",
    "img-onerror.md": "# T\n\n<img src=\"x\" onerror=\"window.__pwned=1\">\n",
    "md-javascript-link.md": "# T\n\n[click](javascript:window.__pwned=1)\n",
    "md-javascript-case.md": "# T\n\n[click](JaVaScRiPt:window.__pwned=1)\n",
    "md-reference-link.md": "# T\n\n[click][x]\n\n[x]: javascript:window.__pwned=1\n",
    "entity-javascript.md": "# T\n\n<a href=\"&#106;avascript:window.__pwned=1\">x</a>\n",
    "tab-javascript.md": "# T\n\n<a href=\"java&#x09;script:window.__pwned=1\">x</a>\n",
    "data-link.md": "# T\n\n<a href=\"data:text/html,<script>window.__pwned=1</script>\">x</a>\n",
    "vbscript.md": "# T\n\n<a href=\"vbscript:msgbox(1)\">x</a>\n",
    "attr-list.md": "# T\n\nA paragraph.\n{: onclick=\"window.__pwned=1\" }\n",
    "attr-list-heading.md": "# T {: onmouseover=\"window.__pwned=1\" }\n",
    "attr-list-link.md": "# T\n\n[x](https://example.org){: onfocus=\"window.__pwned=1\" autofocus }\n",
    "svg-onload.md": "# T\n\n<svg onload=\"window.__pwned=1\"></svg>\n",
    # A second <body> or <html> tag lends its attributes to the page's own: a fragment parse misses it.
    "body-onload.md": "# T\n\n<body onload=\"window.__pwned=1\">\n",
    "html-onclick.md": "# T\n\ntext\n\n<html onclick=\"window.__pwned=1\">\n",
    "iframe.md": "# T\n\n<iframe src=\"https://example.org\"></iframe>\n",
    "style-url.md": "# T\n\n<span style=\"left: url(https://example.org/x)\">x</span>\n",
    "style-expression.md": "# T\n\n<span style=\"width: expression(alert(1))\">x</span>\n",
    "style-tag.md": "# T\n\n<style>body{background:url(https://example.org/x)}</style>\n",
    "form-action.md": "# T\n\n<form action=\"javascript:window.__pwned=1\"><button>go</button></form>\n",
    "meta-refresh.md": "# T\n\n<meta http-equiv=\"refresh\" content=\"0;url=javascript:window.__pwned=1\">\n",
    "base.md": "# T\n\n<base href=\"https://example.org/\">\n",
    "object.md": "# T\n\n<object data=\"https://example.org/x.swf\"></object>\n",
    "md-in-html.md": "# T\n\n<div markdown=\"1\" onclick=\"window.__pwned=1\">\n*x*\n</div>\n",
    "heading-onerror.md": "# Title <img src=\"x\" onerror=\"window.__pwned=1\">\n",
    "comment.md": "# T\n\n<!-- <script>window.__pwned=1</script> -->\n",
    "noscript-mxss.md": "# T\n\n<noscript><p title=\"</noscript><img src=x onerror=window.__pwned=1>\"></noscript>\n",
    "math-href.md": "# T\n\n<math><mi xlink:href=\"javascript:window.__pwned=1\">x</mi></math>\n",
    "pseudo-autolink.md": "# T\n\n<javascript:window.__pwned=1>\n",
    "heading-unquoted-img.md": "# Title <img src=x onerror=window.__pwned=1>\n",  # text, but '<' in <title>
    "title-breakout.md": "# Hi &lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;\n",  # striptags decodes it in <title>
}
# Tricky pages that are allowed: they must build, show their text literally and run nothing.
ALLOWED = {
    "ok-code.md": "# Code\n\n`<script>window.__pwned=1</script>` and `{: onclick=x }`\n\n```\n<script>window.__pwned=1</script>\n```\n",
    "ok-escaped.md": "# Escaped\n\n&lt;script&gt;window.__pwned=1&lt;/script&gt; and a { single } brace.\n",
    "ok-links.md": "# Links\n\n[a](https://example.org/?q=\"onmouseover=window.__pwned=1) [b](mailto:x@example.org) [c](index.md)\n",
    "ok-spaces.md": "#" + " " * 20_000 + "Heading\n\n" + "word " * 20_000 + "\n",
    "ok-braces.md": "# Braces\n\n" + "{ } " * 20_000 + "\n",
    "ok-class.md": "# Class\n\nA note.\n{: .note }\n",
    # Unquoted attributes are not HTML to Markdown: it escapes them, and they show as text.
    "ok-unquoted-img.md": "# Unquoted\n\n<img src=x onerror=window.__pwned=1> <svg onload=window.__pwned=1>\n",
}


def _project(tmp_path: Path) -> Path:
    """The fiction with the repository's own mkdocs.yml (its Markdown extensions: attr_list, md_in_html)."""
    project = make_project(tmp_path / "project", VALID / "data", VALID / "docs", ROOT / "mkdocs.yml")
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text(f"[remote]\n\turl = https://x:{TOKEN}@example.org/r.git\n", encoding="utf-8")
    return project


def _build(project: Path) -> tuple[int, str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", SECRET: SECRET_VALUE}
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, env=env, cwd=project, timeout=300)
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - start


def _write(project: Path, pages: dict[str, str], canary: Path) -> None:
    for name, text in pages.items():
        (project / "docs" / name).write_text(text.replace("{c}", str(canary)).replace("{s}", SECRET), encoding="utf-8")


def _assert_refused(project: Path, output: str, names: list[str], canary: Path) -> None:
    assert "Traceback" not in output, output[-3000:]
    missing = [n for n in names if f"docs/{n}:" not in output]
    assert not missing, f"not named in the errors: {missing}\n{output[-3000:]}"
    assert not canary.exists(), "a payload ran"
    assert SECRET_VALUE not in output and TOKEN not in output
    assert not (project / "site").exists() and not (project / ".site.building").exists(), "something was published"


@pytest.mark.parametrize("batch", ["jinja", "front-matter", "html"])
def test_hostile_pages_are_refused(batch: str, tmp_path: Path) -> None:
    pages = {"jinja": {k: f"# T\n\n{v}\n" for k, v in JINJA.items()}, "front-matter": FRONT_MATTER, "html": HTML}[batch]
    project = _project(tmp_path)
    canary = tmp_path / "pwned"
    _write(project, pages, canary)
    code, output, seconds = _build(project)
    assert code != 0
    _assert_refused(project, output, list(pages), canary)
    for name, message in MESSAGES.items() if batch == "jinja" else ():
        assert any(line.startswith(f"docs/{name}:") and message in line for line in output.splitlines()), (name, message)
    assert seconds < 120, f"the build took {seconds:.0f} s to refuse"  # a stall guard, not a benchmark
    # `make check` cannot pass where the build fails: it names every one of them too.
    check = subprocess.run([sys.executable, "-m", "macros.check", str(project / "data")], capture_output=True, text=True,
                           cwd=ROOT, timeout=300, env={**os.environ, SECRET: SECRET_VALUE})
    assert check.returncode == 1 and "Traceback" not in check.stderr
    assert [n for n in pages if f"docs/{n}:" not in check.stderr] == [], check.stderr[-3000:]
    assert not canary.exists() and SECRET_VALUE not in check.stdout + check.stderr


def test_files_that_are_not_regular_are_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    docs, data = project / "docs", project / "data"
    outside = tmp_path / "outside.yaml"
    outside.write_text((data / "places.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "environ.md").symlink_to("/proc/self/environ")
    (docs / "git-config.md").symlink_to("../.git/config")
    (docs / "zero.md").symlink_to("/dev/zero")
    (docs / "loop").symlink_to(".")
    (docs / "assets").mkdir()
    (docs / "assets" / "passwd.css").symlink_to("/etc/passwd")
    (docs / "page-folder.md").mkdir()
    os.mkfifo(docs / "fifo.md")
    os.mkfifo(data / "fifo.yaml")
    (data / "places.yaml").unlink()
    (data / "places.yaml").symlink_to(outside)
    (data / "events").symlink_to(tmp_path)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(docs / "socket.md"))
    try:
        code, output, seconds = _build(project)
    finally:
        sock.close()
    assert code != 0
    names = ["docs/environ.md", "docs/git-config.md", "docs/zero.md", "docs/loop", "docs/assets/passwd.css", "docs/page-folder.md",
             "docs/fifo.md", "data/fifo.yaml", "data/places.yaml", "data/events", "docs/socket.md"]
    assert "Traceback" not in output
    assert [n for n in names if f"{n}:" not in output] == [], output
    assert TOKEN not in output and SECRET_VALUE not in output
    assert not (project / "site").exists()
    assert seconds < 120


def test_configured_folder_outside_the_project_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    (project / "docs").rename(elsewhere)
    (project / "docs").symlink_to(elsewhere)
    code, output, _ = _build(project)
    assert code != 0 and "Traceback" not in output
    assert "the docs folder resolves to" in output and "outside the project" in output


def test_tricky_allowed_pages_build_and_run_nothing(tmp_path: Path, browser) -> None:
    project = _project(tmp_path)
    _write(project, ALLOWED, tmp_path / "pwned")
    code, output, _ = _build(project)
    assert code == 0, output[-3000:]
    site = project / "site"
    kinds = (".html", ".json", ".csv", ".xml")
    published = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file() and p.suffix in kinds)
    assert TOKEN not in published and SECRET_VALUE not in published and "root:x:0:0" not in published
    assert "window.__pwned=1" in (site / "search" / "search_index.json").read_text(encoding="utf-8")  # the code text is indexed, as text
    base, server = serve_directory(site)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for name in ALLOWED:
            page.goto(base + name.removesuffix(".md") + "/", wait_until="load")
            for link in page.locator("article a").all()[:5]:
                link.hover()
            assert page.evaluate(INJECTED_JS) == [], name
            if name == "ok-code.md":
                assert "<script>window.__pwned=1</script>" in page.locator("article").inner_text()
    finally:
        context.close()
        server.shutdown()
    assert dialogs == []


def test_config_without_the_safeguards_is_refused(tmp_path: Path) -> None:
    """A copy of mkdocs.yml that turns mkdocs-macros' own rendering back on, or drops the hooks, fails."""
    project = _project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("render_by_default: false", "render_by_default: true"), encoding="utf-8")
    code, output, _ = _build(project)
    assert code != 0 and "render_by_default: false" in output and "Traceback" not in output
