"""The built pages validate with the Nu Html Checker (vnu.jar from the npm registry, pinned in
package-lock.json, run with the machine's Java): no error that our templates or pages cause.

Material's own markup has two known errors; they are filtered precisely (message and the
markup it points at must both match), and counted, so that anything else fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT
from sitepages import html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (message, markup it points at, why it is not ours). Both patterns must match.
MATERIAL_ERRORS = [
    # Material 9.8 partials/nav-item.html writes tabindex="" on section labels it leaves unfocusable.
    (r"^Bad value “” for attribute “tabindex” on element “label”", r'<label class="md-nav__link"[^>]*tabindex=""', "Material nav section label"),
    # Material's base.html puts autocomplete="off" on its hidden drawer/search toggle checkboxes.
    (
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle"[^>]*type="checkbox"[^>]*autocomplete="off"',
        "Material toggle checkbox",
    ),
]


def validate(pages: list[Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "java is missing: scripts/ensure-browser.sh installs default-jre-headless"
    assert VNU.is_file(), "vnu.jar is missing: run `npm ci --ignore-scripts` (make test does)"
    proc = subprocess.run(
        [java, "-Xss8m", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, pages)],
        capture_output=True, text=True, timeout=600,
    )
    return json.loads(proc.stderr or "{}").get("messages", [])


def material_reason(message: dict) -> str | None:
    for text, markup, reason in MATERIAL_ERRORS:
        if re.search(text, message.get("message", "")) and re.search(markup, message.get("extract", "")):
            return reason
    return None


@pytest.mark.parametrize("which", ["real_site", "fiction_site"])
def test_built_pages_validate(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    pages = html_pages(site)
    messages = validate(pages)
    filtered = Counter(material_reason(m) for m in messages if material_reason(m))
    ours = [m for m in messages if not material_reason(m)]
    print(f"vnu {which}: {len(pages)} pages, {len(ours)} errors of ours, Material's filtered: {dict(filtered)}")
    report = [f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:100]}]" for m in ours]
    assert not ours, "\n".join(report[:40])


def test_validator_reports_errors(tmp_path: Path) -> None:
    """vnu really runs here: a page with a stray end tag and a duplicate id gives errors of ours."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><p id="a">x</div><p id="a">y</p></html>', encoding="utf-8")
    messages = validate([page])
    assert {m["message"].split(" ")[0] for m in messages} >= {"Stray", "Duplicate"}, messages
    assert not any(material_reason(m) for m in messages)
