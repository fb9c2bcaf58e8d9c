"""The fictional conflict of tests/fixtures/valid, built with the repository's own mkdocs.yml
(theme, first-party JS, redirects) and the reader pages: a base that changes hands twice, and
the control, disagreements and sources pages. Shared by test_reader.py and test_browser_reader.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES, ROOT, build, make_project

# A second holder, partial control and a claim by the other side.
EXTRA_EVENT = """
  - id: fort-retaken-in-part
    date: late 2031-03
    kind: counteroffensive
    title: The Grey Army says it retook part of the fort
    summary: Grey Army troops win back the eastern half of the fort.
    places: [karsk-fort]
    parties: [grey-army]
    units: [grey-rifles-9]
    control:
      - site: karsk-fort
        to: grey-army
        extent: partial
    sources: [river-radio-report]
    claimed_by: {party: grey-army}
"""

PAGES = {
    "control.md": "# Control of sites\n\n{{ control_summary() }}\n\n{{ control() }}\n\n## References\n\n{{ references() }}\n",
    "disagreements.md": "# Where sources differ\n\n{{ disagreements() }}\n\n## References\n\n{{ references() }}\n",
    "sources.md": "# Sources\n\n{{ sources() }}\n",
    "phases/siege.md": "# Siege of Karsk\n\n{{ infobox('siege') }}\n\n{{ timeline('siege') }}\n\n{{ references() }}\n",
}
UNIT_EXTRA = "\n## Control\n\n{{ control('grey-rifles-9') }}\n\n## Mentioned in\n\n{{ mentions('grey-rifles-9') }}\n"


def build_reader_site(where: Path) -> Path:
    valid = FIXTURES / "valid"
    project = make_project(where / "project", valid / "data", valid / "docs")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    with (project / "data" / "events.yaml").open("a", encoding="utf-8") as events:
        events.write(EXTRA_EVENT)
    for name, text in PAGES.items():
        (project / "docs" / name).parent.mkdir(exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    with (project / "docs" / "units" / "grey-rifles-9.md").open("a", encoding="utf-8") as page:
        page.write(UNIT_EXTRA)
    with (project / "docs" / "places" / "karsk.md").open("a", encoding="utf-8") as page:
        page.write("\n## Control\n\n{{ control('karsk') }}\n")  # the sites within the town
    result = build(project, where / "site")
    assert result.returncode == 0, result.output
    return result.site
